package model

import (
	"database/sql"
	"fmt"
	"time"
)

// YouthAge is the age under which a citizen without a qualifying education
// is flagged for the municipal youth effort (KUI, formerly UU); under 25 is
// shown apart as the most urgent.
const (
	YouthAge       = 30
	YoungestAge    = 25
	AuditYouthFlag = "youth"
)

// needsYouthFlag: young, no qualifying education, still active.
func needsYouthFlag(c *Citizen, today time.Time) bool {
	age, ok := c.CPR.AgeOn(today)
	return ok && age < YouthAge && c.Education == EducationUnskilled && c.Status == StatusActive
}

// flagYouth flags the citizen (once, dated today) inside the caller's transaction.
func (s *Store) flagYouth(tx *sql.Tx, c *Citizen) error {
	if !needsYouthFlag(c, s.Now()) {
		return nil
	}
	res, err := tx.Exec(`INSERT INTO youth_flags (citizen_id, flagged_on) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		c.ID, s.Now().Format(DateLayout))
	if err != nil {
		return fmt.Errorf("flag for the youth effort: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return s.audit(tx, AuditYouthFlag, c.ID, "flagged")
	}
	return nil
}

// YouthRow is one flagged young citizen on Today.
type YouthRow struct {
	CitizenID  int64
	Name       string
	Age        int
	FlaggedOn  time.Time
	ReferredOn time.Time
}

// SetReferred records that the citizen was (or was not) referred to KUI.
func (s *Store) SetReferred(citizenID int64, referred bool) error {
	on := ""
	if referred {
		on = s.Now().Format(DateLayout)
	}
	return s.inTx("refer youth", func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE youth_flags SET referred_on = ? WHERE citizen_id = ?`, on, citizenID)
		if err != nil {
			return fmt.Errorf("refer youth: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.audit(tx, AuditYouthFlag, citizenID, map[bool]string{true: "referred", false: "not referred"}[referred])
	})
}

// YouthToRefer lists the active flagged citizens not yet referred, youngest first.
func (s *Store) YouthToRefer(now time.Time) ([]YouthRow, error) {
	rows, err := s.db.Query(`SELECT z.id, z.name, z.cpr, f.flagged_on, f.referred_on FROM youth_flags f
		JOIN citizens z ON z.id = f.citizen_id WHERE f.referred_on = '' AND z.status = 'active'`)
	if err != nil {
		return nil, fmt.Errorf("youth to refer: %w", err)
	}
	defer rows.Close()
	var out []YouthRow
	for rows.Next() {
		var y YouthRow
		var cpr, flagged, referred string
		if err := rows.Scan(&y.CitizenID, &y.Name, &cpr, &flagged, &referred); err != nil {
			return nil, fmt.Errorf("scan youth: %w", err)
		}
		y.Age, _ = CPR(cpr).AgeOn(now)
		y.FlaggedOn, y.ReferredOn = parseDateText(flagged), parseDateText(referred)
		out = append(out, y)
	}
	sortBy(out, func(a, b YouthRow) bool { return a.Age < b.Age || a.Age == b.Age && a.Name < b.Name })
	return out, rows.Err()
}

// YouthFlag returns a citizen's flag; ok is false when not flagged.
func (s *Store) YouthFlag(citizenID int64) (YouthRow, bool, error) {
	y := YouthRow{CitizenID: citizenID}
	var flagged, referred string
	err := s.db.QueryRow(`SELECT flagged_on, referred_on FROM youth_flags WHERE citizen_id = ?`, citizenID).Scan(&flagged, &referred)
	if err == sql.ErrNoRows {
		return y, false, nil
	}
	if err != nil {
		return y, false, fmt.Errorf("youth flag: %w", err)
	}
	y.FlaggedOn, y.ReferredOn = parseDateText(flagged), parseDateText(referred)
	return y, true, nil
}
