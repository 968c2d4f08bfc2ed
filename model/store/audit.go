package store

import (
	"database/sql"
	"fmt"
	"slices"
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
	return auditRow{at: s.Now().UTC().Format(time.RFC3339), user: s.auditUser(), action: action, citizen: citizen, detail: detail}
}

// LogAudit appends one entry in its own transaction (for exports and prints).
func (s *Store) LogAudit(action string, citizenID int64, detail string) error {
	return s.inTx("audit", func(tx *sql.Tx) error { return s.audit(tx, action, citizenID, detail) })
}

// LogAuditMany appends one entry in its own transaction: for one citizen
// that citizen's row; for several one row naming them all by ID, as a view
// of many is written ("ydelse: 1000 borgere: 3-1002"), so that a batch of
// a thousand handouts costs one sealed row, not a thousand; for none one
// row without a citizen. AuditFor finds the shared row for each of them.
// A citizen named twice (two notices to one citizen) counts once.
func (s *Store) LogAuditMany(action string, citizenIDs []int64, detail string) error {
	citizenIDs = distinct(citizenIDs)
	return s.inTx("audit", func(tx *sql.Tx) error {
		switch len(citizenIDs) {
		case 0:
			return appendAudit(tx, s.auditRow(action, sql.NullInt64{}, detail))
		case 1:
			return s.audit(tx, action, citizenIDs[0], detail)
		}
		return appendAudit(tx, s.auditRow(action, sql.NullInt64{}, namingMany(detail, citizenIDs)))
	})
}

// distinct is ids without repeats, sorted.
func distinct(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// namingMany is the detail of a row about many citizens: what, how many,
// and their IDs as ranges ("caseload: 3 borgere: 4-6").
func namingMany(what string, citizenIDs []int64) string {
	noun := "borgere"
	if len(citizenIDs) == 1 {
		noun = "borger"
	}
	return fmt.Sprintf("%s: %d %s: %s", what, len(citizenIDs), noun, model.IDRanges(citizenIDs))
}

// sharedActions are the actions written as one row naming many citizens.
var sharedActions = []any{model.AuditView, model.AuditAssign, model.AuditPrint, model.AuditExport}

// AuditFor lists every audit entry about one citizen, oldest first: their
// own rows and the rows that name them among others: views of many
// citizens (lists, Today), moves to a caseworker, prints and calendar
// exports of many (a day's batch of handouts, the call list).
func (s *Store) AuditFor(citizenID int64) ([]model.AuditEntry, error) {
	own, err := s.auditWhere(`citizen_id = ?`, citizenID)
	if err != nil {
		return nil, err
	}
	shared, err := s.auditWhere(`citizen_id IS NULL AND action IN (?, ?, ?, ?)`, sharedActions...)
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
		e.User, e.Caseworker = model.SplitAuditUser(e.User)
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
	detail := namingMany(what, citizenIDs)
	return s.inTx("audit", func(tx *sql.Tx) error {
		return appendAudit(tx, s.auditRow(model.AuditView, sql.NullInt64{}, detail))
	})
}
