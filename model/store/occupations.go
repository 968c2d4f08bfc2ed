package store

import (
	"database/sql"
	"fmt"

	"jobspor/model"
)

// ImportDisco stores the groups in one transaction: new codes are added,
// changed titles updated, the rest left alone. A dry run writes nothing.
func (s *Store) ImportDisco(groups []model.DiscoGroup, dryRun bool) (model.ImportResult, error) {
	var res model.ImportResult
	err := s.inTx("import DISCO-08", func(tx *sql.Tx) error {
		old, err := discoTitles(tx)
		if err != nil {
			return err
		}
		for _, g := range groups {
			if err := upsertDisco(tx, old, g, &res, dryRun); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

func discoTitles(tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.Query(`SELECT code, title FROM disco_groups`)
	if err != nil {
		return nil, fmt.Errorf("read DISCO groups: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var c, t string
		if err := rows.Scan(&c, &t); err != nil {
			return nil, fmt.Errorf("scan DISCO group: %w", err)
		}
		out[c] = t
	}
	return out, rows.Err()
}

func upsertDisco(tx *sql.Tx, old map[string]string, g model.DiscoGroup, res *model.ImportResult, dryRun bool) error {
	title, ok := old[g.Code]
	switch {
	case ok && title == g.Title:
		res.Unchanged++
		return nil
	case ok:
		res.Changed++
	default:
		res.Added++
	}
	if dryRun {
		return nil
	}
	_, err := tx.Exec(`INSERT INTO disco_groups (code, level, title) VALUES (?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET level = excluded.level, title = excluded.title`, g.Code, g.Level, g.Title)
	if err != nil {
		return fmt.Errorf("save DISCO group %s: %w", g.Code, err)
	}
	return nil
}

// DiscoLevels counts the stored groups per level (1–5).
func (s *Store) DiscoLevels() ([6]int, error) {
	var out [6]int
	rows, err := s.db.Query(`SELECT level, count(*) FROM disco_groups GROUP BY level`)
	if err != nil {
		return out, fmt.Errorf("count DISCO groups: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var level, n int
		if err := rows.Scan(&level, &n); err != nil {
			return out, err
		}
		out[level] = n
	}
	return out, rows.Err()
}

// DiscoTitle returns a group's title, or "" when unknown.
func (s *Store) DiscoTitle(code string) string {
	var t string
	s.db.QueryRow(`SELECT title FROM disco_groups WHERE code = ?`, code).Scan(&t)
	return t
}
