package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

// CoverRow is one cover the office holds for this laptop's caseworker.
type CoverRow struct {
	Citizen   string // the case's gid
	Until     string // YYYY-MM-DD, to and including
	Reason    string
	GrantedBy string
}

// applyColleagues replaces the roster and the covers with what a pull
// brought (nil: the pull did not read them, and they stay).
func applyColleagues(tx *sql.Tx, staff []model.Colleague, covers []CoverRow) error {
	if staff != nil {
		if _, err := tx.Exec(`DELETE FROM office_staff`); err != nil {
			return err
		}
		for _, c := range staff {
			if _, err := tx.Exec(`INSERT INTO office_staff (initials, name, lead) VALUES (?, ?, ?)`, c.Initials, c.Name, c.Lead); err != nil {
				return err
			}
		}
	}
	if covers == nil {
		return nil
	}
	if _, err := tx.Exec(`DELETE FROM office_cover`); err != nil {
		return err
	}
	for _, c := range covers {
		if _, err := tx.Exec(`INSERT INTO office_cover (citizen_gid, until, reason, granted_by) VALUES (?, ?, ?, ?)`,
			c.Citizen, c.Until, c.Reason, c.GrantedBy); err != nil {
			return err
		}
	}
	return nil
}

// OfficeColleagues is the office's roster as the last pull brought it.
func (s *Store) OfficeColleagues() ([]model.Colleague, error) {
	rows, err := s.db.Query(`SELECT initials, name, lead FROM office_staff ORDER BY initials`)
	if err != nil {
		return nil, fmt.Errorf("office roster: %w", err)
	}
	defer rows.Close()
	var out []model.Colleague
	for rows.Next() {
		var c model.Colleague
		if err := rows.Scan(&c.Initials, &c.Name, &c.Lead); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CoveredCases are the cases on this laptop its caseworker covers for an
// absent colleague, by citizen, whose cover still holds today (the store's
// clock): a cover past its day says nothing, and the next pull removes the case.
func (s *Store) CoveredCases() (map[int64]model.Cover, error) {
	rows, err := s.db.Query(`SELECT c.id, c.caseworker, v.until, v.reason FROM office_cover v JOIN citizens c ON c.gid = v.citizen_gid`)
	if err != nil {
		return nil, fmt.Errorf("covered cases: %w", err)
	}
	defer rows.Close()
	out := map[int64]model.Cover{}
	now := s.now()
	for rows.Next() {
		var c model.Cover
		var until string
		if err := rows.Scan(&c.CitizenID, &c.For, &until, &c.Reason); err != nil {
			return nil, err
		}
		if c.Until, err = time.Parse(model.DateLayout, until); err != nil {
			continue
		}
		if c.Active(now) {
			out[c.CitizenID] = c
		}
	}
	return out, rows.Err()
}

// LogOfficeAudit records a hand-over or a cover in the laptop's own sealed
// audit trail: one row per citizen named, or one without a citizen.
func (s *Store) LogOfficeAudit(action string, citizenIDs []int64, detail string) error {
	return s.LogAuditMany(action, citizenIDs, strings.TrimSpace(detail))
}

// ownUnassigned gives a citizen the office took from the laptop's history
// without a caseworker the joining caseworker, as the office did (it names
// the joining caseworker then): "Mine" lists the laptop's own citizens.
// Inside a sync transaction: no operation is made of it.
func ownUnassigned(tx *sql.Tx, op *SyncOp) error {
	if op.Table != "citizens" {
		return nil
	}
	if cw, _ := op.Fields["caseworker"].(string); cw != "" { // whose the office says it is
		_, err := tx.Exec(`UPDATE citizens SET caseworker = ? WHERE gid = ? AND caseworker <> ?`, cw, op.Gid, cw)
		return err
	}
	_, err := tx.Exec(`UPDATE citizens SET caseworker = (SELECT initials FROM sync_state WHERE id = 1)
		WHERE gid = ? AND caseworker = ''`, op.Gid)
	return err
}

// OfficeAudit lists the laptop's audit entries for hand-overs and covers, oldest first.
func (s *Store) OfficeAudit() ([]model.AuditEntry, error) {
	return s.auditWhere(`action IN ('office hand-over', 'office cover')`)
}
