package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"jobspor/model"
)

const exemptionColumns = `id, citizen_id, reason, decided_on, decided_by, created_at, undone_at`

// Exempt records a concrete assessment exempting a citizen from the minimum
// of conversations, and audits it (without the reason). A citizen has at
// most one open exemption.
func (s *Store) Exempt(e *model.Exemption) error {
	if e.DecidedOn.IsZero() {
		e.DecidedOn = model.Day(s.Now())
	}
	if err := e.Validate(); err != nil {
		return err
	}
	if e.DecidedBy == "" {
		me, err := s.Me()
		if err != nil {
			return err
		}
		e.DecidedBy = me
	}
	now := s.Now().UTC()
	return s.inTx("exempt citizen", func(tx *sql.Tx) error {
		var open int
		if err := tx.QueryRow(`SELECT count(*) FROM exemptions WHERE citizen_id = ? AND undone_at = ''`, e.CitizenID).Scan(&open); err != nil {
			return fmt.Errorf("read exemptions of citizen %d: %w", e.CitizenID, err)
		}
		if open > 0 {
			return model.NewUserError("error.exemption.open", nil)
		}
		res, err := tx.Exec(`INSERT INTO exemptions (citizen_id, reason, decided_on, decided_by, created_at) VALUES (?, ?, ?, ?, ?)`,
			e.CitizenID, e.Reason, dateText(e.DecidedOn), e.DecidedBy, now.Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("exempt citizen %d: %w", e.CitizenID, foreignKey(err))
		}
		e.ID, _ = res.LastInsertId()
		e.CreatedAt, e.UndoneAt = now, time.Time{}
		return s.audit(tx, model.AuditExemption, e.CitizenID, fmt.Sprintf("exempt %d", e.ID))
	})
}

// UndoExemption ends the citizen's open exemption (the row stays, undone)
// and audits it.
func (s *Store) UndoExemption(citizenID int64) error {
	now := s.Now().UTC()
	return s.inTx("undo exemption", func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRow(`SELECT id FROM exemptions WHERE citizen_id = ? AND undone_at = ''`, citizenID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return model.NewUserError("error.exemption.none", nil)
		}
		if err != nil {
			return fmt.Errorf("read exemption of citizen %d: %w", citizenID, err)
		}
		if _, err := tx.Exec(`UPDATE exemptions SET undone_at = ? WHERE id = ?`, now.Format(time.RFC3339), id); err != nil {
			return fmt.Errorf("undo exemption %d: %w", id, err)
		}
		return s.audit(tx, model.AuditExemption, citizenID, fmt.Sprintf("undo %d", id))
	})
}

// Exemptions lists a citizen's exemptions, newest first (open and undone).
func (s *Store) Exemptions(citizenID int64) ([]model.Exemption, error) {
	rows, err := s.db.Query(`SELECT `+exemptionColumns+` FROM exemptions WHERE citizen_id = ? ORDER BY id DESC`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("load exemptions of citizen %d: %w", citizenID, err)
	}
	defer rows.Close()
	var out []model.Exemption
	for rows.Next() {
		var e model.Exemption
		if err := rows.Scan(&e.ID, &e.CitizenID, &e.Reason, scanDate(&e.DecidedOn), &e.DecidedBy,
			scanMoment(&e.CreatedAt), scanMoment(&e.UndoneAt)); err != nil {
			return nil, fmt.Errorf("scan exemption: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// OpenExemption is the citizen's open exemption, or nil.
func (s *Store) OpenExemption(citizenID int64) (*model.Exemption, error) {
	all, err := s.Exemptions(citizenID)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].Open() {
			return &all[i], nil
		}
	}
	return nil, nil
}
