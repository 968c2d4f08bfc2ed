package store

import (
	"database/sql"
	"fmt"
	"time"

	"jobspor/model"
)

// flagYouth flags the citizen (once, dated today) inside the caller's transaction.
func (s *Store) flagYouth(tx *sql.Tx, c *model.Citizen) error {
	if !model.NeedsYouthFlag(c, s.Now()) {
		return nil
	}
	res, err := tx.Exec(`INSERT INTO youth_flags (citizen_id, flagged_on) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		c.ID, s.Now().Format(model.DateLayout))
	if err != nil {
		return fmt.Errorf("flag for the youth effort: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return s.audit(tx, model.AuditYouthFlag, c.ID, "flagged")
	}
	return nil
}

// SetReferred records that the citizen was (or was not) referred to KUI or
// to education guidance.
func (s *Store) SetReferred(citizenID int64, referred bool) error {
	on := ""
	if referred {
		on = s.Now().Format(model.DateLayout)
	}
	return s.inTx("refer youth", func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE youth_flags SET referred_on = ? WHERE citizen_id = ?`, on, citizenID)
		if err != nil {
			return fmt.Errorf("refer youth: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.ErrNotFound
		}
		return s.audit(tx, model.AuditYouthFlag, citizenID, map[bool]string{true: "referred", false: "not referred"}[referred])
	})
}

// YouthToRefer lists the active flagged citizens not yet referred, youngest first.
func (s *Store) YouthToRefer(now time.Time) ([]model.YouthRow, error) {
	return s.youthToRefer(now, model.WholeOffice)
}

func (s *Store) youthToRefer(now time.Time, scope model.Scope) ([]model.YouthRow, error) {
	cond, args := scopeCond("z.caseworker", scope)
	rows, err := s.db.Query(`SELECT z.id, z.name, z.cpr, z.birth_date, f.flagged_on, f.referred_on FROM `+ownFirst(scope, "youth_flags f", "f")+`
		WHERE f.referred_on = '' AND z.status = `+lit(model.StatusActive)+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("youth to refer: %w", err)
	}
	defer rows.Close()
	var out []model.YouthRow
	for rows.Next() {
		var y model.YouthRow
		var c model.Citizen
		if err := rows.Scan(&y.CitizenID, &y.Name, &c.CPR, scanDate(&c.BirthDate), scanDate(&y.FlaggedOn), scanDate(&y.ReferredOn)); err != nil {
			return nil, fmt.Errorf("scan youth: %w", err)
		}
		y.Age, _ = c.AgeOn(now)
		y.Kind = model.YouthKindAt(y.Age)
		out = append(out, y)
	}
	sortBy(out, func(a, b model.YouthRow) bool { return model.YouthBefore(a, b) })
	return out, rows.Err()
}

// YouthFlag returns a citizen's flag; ok is false when not flagged.
func (s *Store) YouthFlag(citizenID int64) (model.YouthRow, bool, error) {
	y := model.YouthRow{CitizenID: citizenID}
	err := s.db.QueryRow(`SELECT flagged_on, referred_on FROM youth_flags WHERE citizen_id = ?`, citizenID).
		Scan(scanDate(&y.FlaggedOn), scanDate(&y.ReferredOn))
	if err == sql.ErrNoRows {
		return y, false, nil
	}
	if err != nil {
		return y, false, fmt.Errorf("youth flag: %w", err)
	}
	return y, true, nil
}
