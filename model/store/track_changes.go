package store

import (
	"database/sql"
	"fmt"
	"time"

	"jobspor/model"
)

// AssignTrack records an assessment and sets the citizen's track, both in
// one transaction.
func (s *Store) AssignTrack(c *model.TrackChange) error {
	cit, err := s.Citizen(c.CitizenID)
	if err != nil {
		return err
	}
	if err := c.Validate(cit.FirstContact, s.Now()); err != nil {
		return err
	}
	now := s.Now().UTC()
	c.By, c.CreatedAt = s.User, now
	return s.inTx("assign track", func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO track_changes (citizen_id, track, on_date, reason, by_user, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, c.CitizenID, c.Track, c.On.Format(model.DateLayout), c.Reason, c.By, now.Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("record track change: %w", foreignKey(err))
		}
		c.ID, _ = res.LastInsertId()
		if _, err := tx.Exec(`UPDATE citizens SET track = ?, updated_at = ? WHERE id = ?`,
			c.Track, now.Format(time.RFC3339), c.CitizenID); err != nil {
			return fmt.Errorf("set track: %w", err)
		}
		return s.audit(tx, model.AuditTrack, c.CitizenID, string(c.Track))
	})
}

// TrackHistory lists every track change for a citizen, oldest first.
func (s *Store) TrackHistory(citizenID int64) ([]model.TrackChange, error) {
	rows, err := s.db.Query(`SELECT id, track, on_date, reason, by_user, created_at FROM track_changes
		WHERE citizen_id = ? ORDER BY id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("track history: %w", err)
	}
	defer rows.Close()
	var out []model.TrackChange
	for rows.Next() {
		c := model.TrackChange{CitizenID: citizenID}
		if err := rows.Scan(&c.ID, &c.Track, scanDate(&c.On), &c.Reason, &c.By, scanMoment(&c.CreatedAt)); err != nil {
			return nil, fmt.Errorf("scan track change: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
