package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"jobspor/model"
)

// ImportProspects stores an edition whole, replacing an earlier import of
// the same edition; a dry run writes nothing.
func (s *Store) ImportProspects(published time.Time, ps []model.Prospect, source string, dryRun bool) (model.ImportResult, error) {
	res := model.ImportResult{Added: len(ps)}
	if dryRun {
		return res, nil
	}
	return res, s.inTx("import prospects", func(tx *sql.Tx) error {
		day := published.Format(model.DateLayout)
		if _, err := tx.Exec(`DELETE FROM prospect_editions WHERE published = ?`, day); err != nil {
			return fmt.Errorf("replace edition %s: %w", day, err)
		}
		r, err := tx.Exec(`INSERT INTO prospect_editions (published, imported_at, source) VALUES (?, ?, ?)`,
			day, s.Now().UTC().Format(time.RFC3339), source)
		if err != nil {
			return fmt.Errorf("add edition %s: %w", day, err)
		}
		id, _ := r.LastInsertId()
		return insertProspects(tx, id, ps)
	})
}

func insertProspects(tx *sql.Tx, edition int64, ps []model.Prospect) error {
	st, err := tx.Prepare(`INSERT INTO prospects (edition_id, region, title, code, rating) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (edition_id, region, title) DO UPDATE SET code = excluded.code, rating = excluded.rating`)
	if err != nil {
		return fmt.Errorf("prepare prospects: %w", err)
	}
	defer st.Close()
	for _, p := range ps {
		if _, err := st.Exec(edition, p.Region, p.Title, p.Code, p.Rating); err != nil {
			return fmt.Errorf("add prospect %s: %w", p.Title, err)
		}
	}
	return nil
}

// LatestEdition is the newest edition loaded; ErrNotFound when none.
func (s *Store) LatestEdition() (model.Edition, error) {
	var e model.Edition
	err := s.db.QueryRow(`SELECT id, published, imported_at, source FROM prospect_editions ORDER BY published DESC LIMIT 1`).
		Scan(&e.ID, scanDate(&e.Published), scanMoment(&e.ImportedAt), &e.Source)
	if errors.Is(err, sql.ErrNoRows) {
		return e, model.ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("latest edition: %w", err)
	}
	return e, nil
}

// ProspectFor rates a title in a region in the newest edition: by its own
// name, else by its DISCO code (the best rating of that code).
func (s *Store) ProspectFor(region, title, code string) (model.Rating, error) {
	e, err := s.LatestEdition()
	if err != nil {
		return model.RatingUnknown, err
	}
	var r model.Rating
	err = s.db.QueryRow(`SELECT rating FROM prospects WHERE edition_id = ? AND region = ? AND title = ? COLLATE NOCASE`,
		e.ID, region, title).Scan(&r)
	if errors.Is(err, sql.ErrNoRows) && code != "" {
		err = s.db.QueryRow(`SELECT coalesce(max(rating), 0) FROM prospects WHERE edition_id = ? AND region = ? AND code = ?`,
			e.ID, region, code).Scan(&r)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return model.RatingUnknown, nil
	}
	return r, err
}

// Alternatives lists titles with better prospects than `than` in the same
// occupational group: the same 4-digit DISCO group first, then the same
// 3-digit group; best rating first within each (the Jobvejviser idea).
func (s *Store) Alternatives(region, code string, than model.Rating, limit int) ([]model.Prospect, error) {
	e, err := s.LatestEdition()
	if err != nil || len(code) < 4 {
		return nil, err
	}
	var out []model.Prospect
	seen := map[string]bool{}
	for _, n := range []int{4, 3} {
		ps, err := s.betterIn(e.ID, region, code[:n], than)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if !seen[p.Title] {
				seen[p.Title] = true
				out = append(out, p)
			}
		}
	}
	return out[:min(len(out), limit)], nil
}

func (s *Store) betterIn(edition int64, region, prefix string, than model.Rating) ([]model.Prospect, error) {
	rows, err := s.db.Query(`SELECT region, title, code, rating FROM prospects
		WHERE edition_id = ? AND region = ? AND code >= ? AND code < ? AND rating > ?`,
		edition, region, prefix, prefix+"\xff", than)
	if err != nil {
		return nil, fmt.Errorf("alternatives: %w", err)
	}
	defer rows.Close()
	var out []model.Prospect
	for rows.Next() {
		var p model.Prospect
		if err := rows.Scan(&p.Region, &p.Title, &p.Code, &p.Rating); err != nil {
			return nil, fmt.Errorf("scan alternative: %w", err)
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Rating > out[j].Rating || out[i].Rating == out[j].Rating && out[i].Title < out[j].Title
	})
	return out, rows.Err()
}

// Region is the office's region for prospects (a setting; Hovedstaden unless set).
func (s *Store) Region() (string, error) {
	v, err := s.setting("office.region")
	if v == "" {
		return "Hovedstaden", err
	}
	return v, err
}

// SaveRegion stores the office's region.
func (s *Store) SaveRegion(region string) error {
	r := model.CanonicalRegion(region)
	if r == "" {
		return model.NewUserError("error.region", nil, region)
	}
	return s.saveSetting("office.region", r)
}
