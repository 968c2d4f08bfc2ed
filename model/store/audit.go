package store

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"jobspor/model"
)

// audit appends one entry inside the caller's transaction.
func (s *Store) audit(tx *sql.Tx, action string, citizenID int64, detail string) error {
	return appendAudit(tx, s.auditRow(action, sql.NullInt64{Int64: citizenID, Valid: true}, detail))
}

func (s *Store) auditRow(action string, citizen sql.NullInt64, detail string) auditRow {
	return auditRow{at: s.Now().UTC().Format(time.RFC3339), user: s.User, action: action, citizen: citizen, detail: detail}
}

// LogAudit appends one entry in its own transaction (for exports and prints).
func (s *Store) LogAudit(action string, citizenID int64, detail string) error {
	return s.inTx("audit", func(tx *sql.Tx) error { return s.audit(tx, action, citizenID, detail) })
}

// LogAuditMany appends one entry per citizen (none: one entry without a
// citizen) in one transaction.
func (s *Store) LogAuditMany(action string, citizenIDs []int64, detail string) error {
	return s.inTx("audit", func(tx *sql.Tx) error {
		if len(citizenIDs) == 0 {
			return appendAudit(tx, s.auditRow(action, sql.NullInt64{}, detail))
		}
		for _, id := range citizenIDs {
			if err := s.audit(tx, action, id, detail); err != nil {
				return err
			}
		}
		return nil
	})
}

// AuditFor lists every audit entry about one citizen, oldest first: their
// own rows and the rows for views of many citizens (lists, Today) and moves
// to a caseworker that name them among others.
func (s *Store) AuditFor(citizenID int64) ([]model.AuditEntry, error) {
	own, err := s.auditWhere(`citizen_id = ?`, citizenID)
	if err != nil {
		return nil, err
	}
	shared, err := s.auditWhere(`citizen_id IS NULL AND action IN (?, ?)`, model.AuditView, model.AuditAssign)
	if err != nil {
		return nil, err
	}
	for _, e := range shared {
		if i := strings.LastIndex(e.Detail, ": "); i >= 0 && model.RangesContain(e.Detail[i+2:], citizenID) {
			own = append(own, e)
		}
	}
	sort.Slice(own, func(i, j int) bool { return own[i].ID < own[j].ID })
	return own, nil
}

// AuditViews lists the entries for views of many citizens (no one citizen),
// oldest first.
func (s *Store) AuditViews() ([]model.AuditEntry, error) {
	return s.auditWhere(`citizen_id IS NULL AND action = ?`, model.AuditView)
}

func (s *Store) auditWhere(cond string, args ...any) ([]model.AuditEntry, error) {
	rows, err := s.db.Query(`
		SELECT id, at, user_name, action, coalesce(citizen_id, 0), detail
		FROM audit WHERE `+cond+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list audit entries: %w", err)
	}
	defer rows.Close()
	var out []model.AuditEntry
	for rows.Next() {
		var e model.AuditEntry
		if err := rows.Scan(&e.ID, scanMoment(&e.At), &e.User, &e.Action, &e.CitizenID, &e.Detail); err != nil {
			return nil, fmt.Errorf("scan audit: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// LogViewed writes one audit row for a view of many citizens (a list, Today,
// the caseload, a match), naming every citizen shown by ID.
func (s *Store) LogViewed(what string, citizenIDs []int64) error {
	if len(citizenIDs) == 0 {
		return nil
	}
	noun := "borgere"
	if len(citizenIDs) == 1 {
		noun = "borger"
	}
	detail := fmt.Sprintf("%s: %d %s: %s", what, len(citizenIDs), noun, model.IDRanges(citizenIDs))
	return s.inTx("audit", func(tx *sql.Tx) error {
		return appendAudit(tx, s.auditRow(model.AuditView, sql.NullInt64{}, detail))
	})
}
