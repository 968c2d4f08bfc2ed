package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"jobspor/model"
)

// CreateCitizen validates and inserts c, setting its ID, and audits it.
// A citizen without a caseworker gets the one this computer account works as.
func (s *Store) CreateCitizen(c *model.Citizen) error {
	c.Normalize()
	if err := c.ValidateOn(s.Now()); err != nil {
		return err
	}
	if c.Caseworker == "" {
		me, err := s.Me()
		if err != nil {
			return err
		}
		c.Caseworker = me
	}
	now := s.Now().UTC()
	c.CreatedAt, c.UpdatedAt = now, now
	return s.inTx("create citizen", func(tx *sql.Tx) error {
		if err := insertCitizen(func(args ...any) (sql.Result, error) { return tx.Exec(insertCitizenSQL, args...) }, c); err != nil {
			return duplicateCPR(fmt.Errorf("insert citizen: %w", err))
		}
		if err := s.flagYouth(tx, c); err != nil {
			return err
		}
		return s.audit(tx, model.AuditCreate, c.ID, "")
	})
}

// UpdateCitizen validates and saves every field of c and audits which changed.
func (s *Store) UpdateCitizen(c *model.Citizen) error {
	c.Normalize()
	if err := c.ValidateOn(s.Now()); err != nil {
		return err
	}
	now := s.Now().UTC()
	return s.inTx("update citizen", func(tx *sql.Tx) error {
		old, err := scanCitizen(tx.QueryRow(`SELECT `+citizenColumns+` FROM citizens WHERE id = ?`, c.ID))
		if err != nil {
			return err
		}
		// a change of benefit starts a new period of the contact course (LAB § 9, stk. 1, nr. 2)
		if today := model.Day(s.Now()); old.Benefit != c.Benefit && c.BenefitSince.Equal(old.BenefitSince) && today.After(c.FirstContact) {
			c.BenefitSince = today
		}
		updated := *c
		updated.UpdatedAt = now
		if _, err := tx.Exec(updateCitizenSQL, append(citizenValues(&updated, citizenColumn.updated), c.ID)...); err != nil {
			return duplicateCPR(fmt.Errorf("update citizen %d: %w", c.ID, err))
		}
		c.UpdatedAt = now
		if err := s.flagYouth(tx, c); err != nil {
			return err
		}
		return s.audit(tx, model.AuditUpdate, c.ID, changedFields(old, c))
	})
}

func duplicateCPR(err error) error {
	if strings.Contains(err.Error(), "UNIQUE constraint failed: citizens.cpr") {
		return &model.ValidationError{Problems: []model.FieldProblem{{Field: "cpr",
			Msg: model.Message{Key: "error.cpr.duplicate"}}}}
	}
	return err
}

// Citizen loads one citizen without auditing (for internal use).
func (s *Store) Citizen(id int64) (*model.Citizen, error) {
	c, err := scanCitizen(s.db.QueryRow(`SELECT `+citizenColumns+` FROM citizens WHERE id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("load citizen %d: %w", id, err)
	}
	return c, nil
}

// ViewCitizen loads one citizen for display and records the view in the audit trail.
func (s *Store) ViewCitizen(id int64) (*model.Citizen, error) {
	var c *model.Citizen
	err := s.inTx("view citizen", func(tx *sql.Tx) error {
		var err error
		if c, err = scanCitizen(tx.QueryRow(`SELECT `+citizenColumns+` FROM citizens WHERE id = ?`, id)); err != nil {
			return fmt.Errorf("view citizen %d: %w", id, err)
		}
		return s.audit(tx, model.AuditView, id, "")
	})
	return c, err
}

type rowScanner interface{ Scan(dest ...any) error }

func scanCitizen(r rowScanner) (*model.Citizen, error) {
	var c model.Citizen
	err := scanCitizenRow(r, &c)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, model.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("scan citizen: %w", err)
	}
	return &c, nil
}

// ListCitizens returns the citizens matching f, ordered by name. The query
// matches any part of the name, case-insensitively, or the start of the CPR
// number's birth date part (digits, with or without the dash).
func (s *Store) ListCitizens(f model.CitizenFilter) ([]model.CitizenSummary, error) {
	where, args := []string{"1=1"}, []any{}
	if q := strings.TrimSpace(f.Query); q != "" {
		digits := strings.TrimSuffix(strings.ReplaceAll(q, "-", ""), "xxxx")
		if model.AllDigits(digits) {
			where = append(where, "(name_key LIKE ? ESCAPE '\\' OR substr(cpr, 1, 6) LIKE ?)")
			args = append(args, "%"+likeEscape(model.FoldName(q))+"%", digits+"%")
		} else {
			where = append(where, "name_key LIKE ? ESCAPE '\\'")
			args = append(args, "%"+likeEscape(model.FoldName(q))+"%")
		}
	}
	if !f.AnyTrack {
		where, args = append(where, "track = ?"), append(args, f.Track)
	}
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, f.Status)
	}
	return s.querySummaries(`SELECT id, name, cpr, track, status FROM citizens WHERE `+
		strings.Join(where, " AND ")+` ORDER BY name_key, id`, args...)
}

func (s *Store) querySummaries(query string, args ...any) ([]model.CitizenSummary, error) {
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("list citizens: %w", err)
	}
	defer rows.Close()
	out := make([]model.CitizenSummary, 0, 256)
	for rows.Next() {
		var c model.CitizenSummary
		var cpr string
		if err := rows.Scan(&c.ID, &c.Name, &cpr, &c.Track, &c.Status); err != nil {
			return nil, fmt.Errorf("scan citizen row: %w", err)
		}
		c.Masked = model.CPR(cpr).Masked()
		out = append(out, c)
	}
	return out, rows.Err()
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
