package store

import (
	"database/sql"
	"fmt"
	"strings"

	"jobspor/model"
)

// Caseworkers lists the office's caseworkers by initials.
func (s *Store) Caseworkers() ([]model.Caseworker, error) {
	rows, err := s.db.Query(`SELECT initials, name FROM caseworkers ORDER BY initials`)
	if err != nil {
		return nil, fmt.Errorf("caseworkers: %w", err)
	}
	defer rows.Close()
	var out []model.Caseworker
	for rows.Next() {
		var c model.Caseworker
		if err := rows.Scan(&c.Initials, &c.Name); err != nil {
			return nil, fmt.Errorf("scan caseworker: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveCaseworker adds a caseworker or renames one with the same initials.
func (s *Store) SaveCaseworker(c *model.Caseworker) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.inTx("save caseworker", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO caseworkers (initials, name) VALUES (?, ?)
			ON CONFLICT (initials) DO UPDATE SET name = excluded.name`, c.Initials, c.Name); err != nil {
			return fmt.Errorf("save caseworker %s: %w", c.Initials, err)
		}
		return appendAudit(tx, s.auditRow("caseworker", sql.NullInt64{}, "save "+c.Initials))
	})
}

// RemoveCaseworker removes a caseworker who has no citizens left.
func (s *Store) RemoveCaseworker(initials string) error {
	return s.inTx("remove caseworker", func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM citizens WHERE caseworker = ?`, initials).Scan(&n); err != nil {
			return fmt.Errorf("remove caseworker %s: %w", initials, err)
		}
		if n > 0 {
			return model.NewUserError("error.caseworker.hascitizens", nil, initials, n)
		}
		if _, err := tx.Exec(`DELETE FROM caseworkers WHERE initials = ?`, initials); err != nil {
			return fmt.Errorf("remove caseworker %s: %w", initials, err)
		}
		return appendAudit(tx, s.auditRow("caseworker", sql.NullInt64{}, "remove "+initials))
	})
}

// meKey is the setting naming the caseworker this computer account works as.
func (s *Store) meKey() string { return "caseworker.me." + strings.ToLower(s.User) }

// Me is the caseworker this computer account works as ("" when not chosen).
func (s *Store) Me() (string, error) { return s.setting(s.meKey()) }

// SetMe chooses the caseworker this computer account works as; "" clears it.
func (s *Store) SetMe(initials string) error {
	if initials != "" {
		if ok, err := s.caseworkerExists(initials); err != nil || !ok {
			return firstErr(err, model.NewUserError("error.caseworker.unknown", nil, initials))
		}
	}
	if err := s.saveSetting(s.meKey(), initials); err != nil {
		return err
	}
	s.me.Store(&meChoice{user: s.User, initials: initials})
	return nil
}

// meChoice is the "Jeg er" choice of one computer account.
type meChoice struct{ user, initials string }

// auditUser is who an audit row names: the computer account, and the
// caseworker it works as when one is chosen ("jens (AJ)"), so the trail
// keeps both and the citizen's copy can name the caseworker.
func (s *Store) auditUser() string {
	if m := s.me.Load(); m != nil && m.user == s.User {
		return model.AuditUser(s.User, m.initials)
	}
	return s.User
}

func (s *Store) caseworkerExists(initials string) (bool, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM caseworkers WHERE initials = ?`, initials).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("caseworker %s: %w", initials, err)
	}
	return n > 0, nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// AssignCaseworker moves citizens to a caseworker in one transaction with
// one audit row naming them (as ID ranges).
func (s *Store) AssignCaseworker(ids []int64, initials string) error {
	if ok, err := s.caseworkerExists(initials); err != nil || !ok {
		return firstErr(err, model.NewUserError("error.caseworker.unknown", nil, initials))
	}
	return s.inTx("assign caseworker", func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`UPDATE citizens SET caseworker = ? WHERE id = ?`)
		if err != nil {
			return fmt.Errorf("assign caseworker: %w", err)
		}
		defer stmt.Close()
		for _, id := range ids {
			res, err := stmt.Exec(initials, id)
			if err != nil {
				return fmt.Errorf("assign caseworker to %d: %w", id, err)
			}
			if n, err := res.RowsAffected(); err == nil && n == 0 {
				return model.NewUserError("error.citizen.noid", nil, id) // all or none moved
			}
		}
		return appendAudit(tx, s.auditRow(model.AuditAssign, sql.NullInt64{}, initials+": "+model.IDRanges(ids)))
	})
}

// CitizensOf is the set of the caseworker's citizens (every case, open or not).
func (s *Store) CitizensOf(initials string) (map[int64]bool, error) {
	rows, err := s.db.Query(`SELECT id FROM citizens WHERE caseworker = ?`, initials)
	if err != nil {
		return nil, fmt.Errorf("citizens of %s: %w", initials, err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("citizens of %s: %w", initials, err)
		}
		out[id] = true
	}
	return out, rows.Err()
}
