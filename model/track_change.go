package model

import (
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// AuditTrack marks audit entries about track assignments.
const AuditTrack = "track"

// TrackChange is one assessment that assigned a track.
type TrackChange struct {
	ID        int64     `json:"id"`
	CitizenID int64     `json:"citizen_id"`
	Track     TrackID   `json:"track"`
	On        time.Time `json:"on"`
	Reason    string    `json:"reason"`
	By        string    `json:"by"`
	CreatedAt time.Time `json:"created_at"`
}

// validate checks the change against the citizen's first contact and today.
func (c *TrackChange) validate(first, today time.Time) error {
	v := &ValidationError{}
	if !oneOf(c.Track, Tracks) {
		v.add("track", "error.track.choose", "Vælg en af de tre vurderinger")
	}
	c.Reason = strings.TrimSpace(c.Reason)
	switch n := utf8.RuneCountInString(c.Reason); {
	case n == 0:
		v.add("reason", "error.track.reason", "Skriv en kort begrundelse for vurderingen")
	case n > 1000:
		v.add("reason", "error.track.reasonlong", "Begrundelsen må højst have %d tegn (der er %d)", 1000, n)
	}
	switch {
	case c.On.IsZero():
		v.add("on", "error.track.date", "Angiv datoen for vurderingen")
	case dateOnly(c.On).Before(dateOnly(first)):
		v.add("on", "error.track.early", "Vurderingen kan ikke ligge før første kontakt (%s)", first.Format("02-01-2006"))
	case dateOnly(c.On).After(dateOnly(today)):
		v.add("on", "error.track.future", "Vurderingen kan ikke ligge efter i dag")
	}
	return v.orNil()
}

// AssignTrack records an assessment and sets the citizen's track, both in
// one transaction.
func (s *Store) AssignTrack(c *TrackChange) error {
	cit, err := s.Citizen(c.CitizenID)
	if err != nil {
		return err
	}
	if err := c.validate(cit.FirstContact, s.Now()); err != nil {
		return err
	}
	now := s.Now().UTC()
	c.By, c.CreatedAt = s.User, now
	return s.inTx("assign track", func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO track_changes (citizen_id, track, on_date, reason, by_user, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, c.CitizenID, c.Track, c.On.Format(DateLayout), c.Reason, c.By, now.Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("record track change: %w", foreignKey(err))
		}
		c.ID, _ = res.LastInsertId()
		if _, err := tx.Exec(`UPDATE citizens SET track = ?, updated_at = ? WHERE id = ?`,
			c.Track, now.Format(time.RFC3339), c.CitizenID); err != nil {
			return fmt.Errorf("set track: %w", err)
		}
		return s.audit(tx, AuditTrack, c.CitizenID, string(c.Track))
	})
}

// TrackHistory lists every track change for a citizen, oldest first.
func (s *Store) TrackHistory(citizenID int64) ([]TrackChange, error) {
	rows, err := s.db.Query(`SELECT id, track, on_date, reason, by_user, created_at FROM track_changes
		WHERE citizen_id = ? ORDER BY id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("track history: %w", err)
	}
	defer rows.Close()
	var out []TrackChange
	for rows.Next() {
		c := TrackChange{CitizenID: citizenID}
		var on, created string
		if err := rows.Scan(&c.ID, &c.Track, &on, &c.Reason, &c.By, &created); err != nil {
			return nil, fmt.Errorf("scan track change: %w", err)
		}
		c.On, _ = time.Parse(DateLayout, on)
		c.CreatedAt, _ = time.Parse(time.RFC3339, created)
		out = append(out, c)
	}
	return out, rows.Err()
}
