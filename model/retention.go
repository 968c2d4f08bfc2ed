package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Retention is the office's deletion policy: how long a closed case is kept
// and why (GDPR art. 5(1)(e): no longer than needed), and how long the audit
// trail is kept.
type Retention struct {
	Months     int    `json:"months"`      // a closed case is deleted this many months after closing
	Reason     string `json:"reason"`      // the policy's reasoning, shown beside the setting
	AuditYears int    `json:"audit_years"` // audit rows older than this are cut off
}

// DefaultRetention is used until the office sets its own.
var DefaultRetention = Retention{Months: 12, AuditYears: 5}

// Validate keeps the periods within sense: 1–120 months, 1–20 years.
func (r *Retention) Validate() error {
	v := &ValidationError{}
	if r.Months < 1 || r.Months > 120 {
		v.add("months", "error.retention.months")
	}
	if r.AuditYears < 1 || r.AuditYears > 20 {
		v.add("audit_years", "error.retention.audityears")
	}
	r.Reason = strings.TrimSpace(r.Reason)
	if n := utf8.RuneCountInString(r.Reason); n > MaxActionLen {
		v.add("reason", "error.text.long", MaxActionLen, n)
	}
	return v.OrNil()
}

// DeleteFrom is the first day a case closed on `closed` may be deleted.
func (r Retention) DeleteFrom(closed time.Time) time.Time {
	return closed.AddDate(0, r.Months, 0)
}

// AuditCutBefore is the moment before which audit rows are cut off.
func (r Retention) AuditCutBefore(now time.Time) time.Time {
	return now.AddDate(-r.AuditYears, 0, 0)
}

// DueForDeletion is a closed case past the office's retention period.
type DueForDeletion struct {
	CitizenID  int64
	Name       string
	Status     Status
	ClosedOn   time.Time
	DeleteFrom time.Time
	Caseworker string
}

// PurgeResult is what a purge removed (or, on a dry run, would remove).
type PurgeResult struct {
	Cases     []DueForDeletion // the cases deleted (or, on a dry run, to be deleted)
	Citizens  int
	AuditRows int // audit rows cut off past the audit's own retention
	// Files counts the files outside the database that named the purged
	// citizens and were removed: their handouts, and the copies restores
	// kept aside.
	Files int
}
