package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

// SaveProgress records p at once, with the store's user as "by", and audits it.
func (s *Store) SaveProgress(p *model.Progress) error {
	if err := p.Validate(); err != nil {
		return err
	}
	p.By, p.UpdatedAt = s.User, s.Now().UTC()
	doneOn := ""
	if p.Done {
		doneOn = p.DoneOn.Format(model.DateLayout)
	}
	return s.inTx("save progress", func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			INSERT INTO progress (citizen_id, action_id, done, done_on, note, by_user, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (citizen_id, action_id) DO UPDATE SET
				done = excluded.done, done_on = excluded.done_on, note = excluded.note,
				by_user = excluded.by_user, updated_at = excluded.updated_at`,
			p.CitizenID, p.ActionID, p.Done, doneOn, p.Note, p.By, p.UpdatedAt.Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("save progress %s for citizen %d: %w", p.ActionID, p.CitizenID, foreignKey(err))
		}
		return s.audit(tx, model.AuditProgress, p.CitizenID, p.ActionID)
	})
}

func foreignKey(err error) error {
	if strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
		return model.ErrNotFound
	}
	return err
}

// ProgressFor returns the citizen's progress keyed by action ID.
func (s *Store) ProgressFor(citizenID int64) (map[string]model.Progress, error) {
	rows, err := s.db.Query(`
		SELECT action_id, done, done_on, note, by_user, updated_at
		FROM progress WHERE citizen_id = ?`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("load progress for citizen %d: %w", citizenID, err)
	}
	defer rows.Close()
	out := map[string]model.Progress{}
	for rows.Next() {
		p := model.Progress{CitizenID: citizenID}
		if err := rows.Scan(&p.ActionID, &p.Done, scanDate(&p.DoneOn), &p.Note, &p.By, scanMoment(&p.UpdatedAt)); err != nil {
			return nil, fmt.Errorf("scan progress: %w", err)
		}
		out[p.ActionID] = p
	}
	return out, rows.Err()
}
