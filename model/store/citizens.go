package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

const citizenColumns = `id, name, cpr, phone, email, benefit, education, first_contact,
	status, track, notes, created_at, updated_at, postcode, reach, caseworker, unemployed_since, transferred_on, birth_date, registered_on, other_benefit, reception_variant, benefit_since`

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
	return s.inTx("create citizen", func(tx *sql.Tx) error {
		res, err := tx.Exec(`
			INSERT INTO citizens (name, name_key, cpr, phone, email, benefit, education,
				first_contact, status, track, notes, created_at, updated_at, postcode, reach, caseworker,
				unemployed_since, transferred_on, birth_date, registered_on, other_benefit, reception_variant, benefit_since)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Name, model.FoldName(c.Name), string(c.CPR), c.Phone, c.Email, c.Benefit, c.Education,
			c.FirstContact.Format(model.DateLayout), c.Status, c.Track, c.Notes,
			now.Format(time.RFC3339), now.Format(time.RFC3339), c.Postcode, c.Reach, c.Caseworker,
			dateText(c.UnemployedSince), dateText(c.TransferredOn), dateText(c.BirthDate), dateText(c.RegisteredOn), c.OtherBenefit, c.ReceptionVariant, dateText(c.BenefitSince))
		if err != nil {
			return duplicateCPR(fmt.Errorf("insert citizen: %w", err))
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert citizen: %w", err)
		}
		c.CreatedAt, c.UpdatedAt = now, now
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
		_, err = tx.Exec(`
			UPDATE citizens SET name = ?, name_key = ?, cpr = ?, phone = ?, email = ?, benefit = ?,
				education = ?, first_contact = ?, status = ?, track = ?, notes = ?, updated_at = ?,
				postcode = ?, reach = ?, caseworker = ?, unemployed_since = ?, transferred_on = ?, birth_date = ?,
				registered_on = ?, other_benefit = ?, reception_variant = ?, benefit_since = ?
			WHERE id = ?`,
			c.Name, model.FoldName(c.Name), string(c.CPR), c.Phone, c.Email, c.Benefit, c.Education,
			c.FirstContact.Format(model.DateLayout), c.Status, c.Track, c.Notes, now.Format(time.RFC3339),
			c.Postcode, c.Reach, c.Caseworker, dateText(c.UnemployedSince), dateText(c.TransferredOn), dateText(c.BirthDate),
			dateText(c.RegisteredOn), c.OtherBenefit, c.ReceptionVariant, dateText(c.BenefitSince), c.ID)
		if err != nil {
			return duplicateCPR(fmt.Errorf("update citizen %d: %w", c.ID, err))
		}
		c.UpdatedAt = now
		if err := s.flagYouth(tx, c); err != nil {
			return err
		}
		return s.audit(tx, model.AuditUpdate, c.ID, changedFields(old, c))
	})
}

// changedFields names the fields that differ, never their values: the audit
// trail must not become a second copy of the personal data.
func changedFields(a, b *model.Citizen) string {
	var f []string
	add := func(changed bool, name string) {
		if changed {
			f = append(f, name)
		}
	}
	add(a.Name != b.Name, "name")
	add(a.CPR != b.CPR, "cpr")
	add(a.Phone != b.Phone, "phone")
	add(a.Email != b.Email, "email")
	add(a.Benefit != b.Benefit, "benefit")
	add(a.Education != b.Education, "education")
	add(!a.FirstContact.Equal(b.FirstContact), "first_contact")
	add(!a.UnemployedSince.Equal(b.UnemployedSince), "unemployed_since")
	add(!a.TransferredOn.Equal(b.TransferredOn), "transferred_on")
	add(!a.BirthDate.Equal(b.BirthDate), "birth_date")
	add(!a.RegisteredOn.Equal(b.RegisteredOn), "registered_on")
	add(a.OtherBenefit != b.OtherBenefit, "other_benefit")
	add(a.ReceptionVariant != b.ReceptionVariant, "reception_variant")
	add(!a.BenefitSince.Equal(b.BenefitSince), "benefit_since")
	add(a.Status != b.Status, "status")
	add(a.Track != b.Track, "track")
	add(a.Notes != b.Notes, "notes")
	add(a.Postcode != b.Postcode, "postcode")
	add(a.Reach != b.Reach, "reach")
	add(a.Caseworker != b.Caseworker, "caseworker")
	return strings.Join(f, ",")
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
	var cpr string
	err := r.Scan(&c.ID, &c.Name, &cpr, &c.Phone, &c.Email, &c.Benefit, &c.Education,
		scanDate(&c.FirstContact), &c.Status, &c.Track, &c.Notes, scanMoment(&c.CreatedAt), scanMoment(&c.UpdatedAt),
		&c.Postcode, &c.Reach, &c.Caseworker, scanDate(&c.UnemployedSince), scanDate(&c.TransferredOn), scanDate(&c.BirthDate),
		scanDate(&c.RegisteredOn), &c.OtherBenefit, &c.ReceptionVariant, scanDate(&c.BenefitSince))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, model.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("scan citizen: %w", err)
	}
	c.CPR = model.CPR(cpr)
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
