package model

import (
	"errors"
	"strings"
	"time"
)

// OfficeStatus is what "office status" and the window say about the
// laptop's place in an office (issue 24).
type OfficeStatus struct {
	// Configured: this laptop has joined an office.
	Configured bool
	Server     string
	Initials   string
	// LastSync is when the last pull ended (RFC 3339, "" never).
	LastSync string
	// Pending are the changes not yet at the office.
	Pending int
	// Conflicts are the open conflicts and refusals.
	Conflicts int
	// Reachable: the last attempt reached the office. An unreachable
	// office is normal: the laptop works on and syncs later.
	Reachable bool
	LastError string
	// Citizens are the citizens on this laptop (after a join: those pulled).
	Citizens int
	// Join is what the join did with what the laptop held (set only by the
	// join itself, to be told once).
	Join *JoinReport
}

// OfficeConflict is an edit the office did not take as it was, for a
// person to resolve: both texts kept.
type OfficeConflict struct {
	ID      string
	Table   string
	Field   string
	Outcome string // conflict or rejected
	Mine    string
	Theirs  string
	Author  string
	// CitizenID is the local citizen it concerns (0: not on this laptop);
	// CitizenName its name ("" then).
	CitizenID   int64
	CitizenName string
	// CitizenCPR is her CPR number masked ("DDMMYY-xxxx"; "" none or not
	// here): never the full number.
	CitizenCPR string
	// Kind says what a person is asked about.
	Kind ConflictKind
	// MineAt is when this laptop made its edit; TheirsBy and TheirsAt who
	// made the office's value and when (RFC 3339 in UTC; "" unknown).
	MineAt, TheirsBy, TheirsAt string
	// HandedAt is, for a note written after a hand-over, when its author
	// lost the case.
	HandedAt string
	// Members are, for ConflictCaseRefused, the case's refusals, each
	// with its text: one question, settled as a whole.
	Members []OfficeConflict
}

// ConflictKind is what a conflict asks of a person.
type ConflictKind string

const (
	// ConflictField: a field both this laptop and a colleague changed.
	ConflictField ConflictKind = "field"
	// ConflictNote: two versions of one note, both kept.
	ConflictNote ConflictKind = "note"
	// ConflictRefused: a change the office refused (say, the case was
	// handed away meanwhile), kept with its text.
	ConflictRefused ConflictKind = "refused"
	// ConflictLateNote: a note a colleague wrote after she lost the case.
	ConflictLateNote ConflictKind = "late"
	// ConflictTwice: a record made both here and at the office.
	ConflictTwice ConflictKind = "twice"
	// ConflictCaseRefused: a case this laptop holds whose citizen the
	// office already has (the same CPR number, with a colleague): all the
	// refusals of its records as one question. The case stays here.
	ConflictCaseRefused ConflictKind = "case"
)

// CaseCounts is what a case the office refused (ConflictCaseRefused)
// holds on this laptop that was not sent: its conversations, its other
// records (the citizen's own record not counted) and its notes.
func (c OfficeConflict) CaseCounts() (conversations, records, notes int) {
	for _, m := range c.Members {
		switch m.Table {
		case "citizens":
		case "conversations":
			conversations++
		default:
			records++
		}
		for _, f := range strings.Split(m.Field, ", ") {
			if strings.HasPrefix(f, "note:") {
				notes++
			}
		}
	}
	return conversations, records, notes
}

// KindOfConflict classifies a conflict by its id and outcome.
func KindOfConflict(id, outcome string) ConflictKind {
	switch {
	case len(id) > 5 && id[:5] == "case:":
		return ConflictCaseRefused
	case outcome == "rejected":
		return ConflictRefused
	case len(id) > 5 && id[:5] == "note:":
		return ConflictNote
	case len(id) > 5 && id[:5] == "late:":
		return ConflictLateNote
	case len(id) > 5 && id[:5] == "pull:":
		return ConflictTwice
	}
	return ConflictField
}

// StaffMember is one caseworker on the office's roster, as the window's
// Kontor shows it to the lead.
type StaffMember struct {
	Initials string
	Name     string
	Lead     bool
	// HasKey: the office key is wrapped to the caseworker (they can join).
	HasKey bool
	// LastSync is when the caseworker's laptop last pulled (zero: never).
	LastSync time.Time
	// CompanyContact: holds company contact (10 råd, råd 2; the lead sets it).
	CompanyContact bool
}

// ErrOfficeUnreachable is what an office that could not be reached is
// (errors.Is): normal for a laptop, said plainly in the window.
var ErrOfficeUnreachable = errors.New("office unreachable")

// ErrJoinCancelledKept is in the error of a join cancelled while its first
// pull was being applied: the laptop is in no office and the colleagues'
// cases that had arrived are gone again, but what the office's shared
// lists (job list, prospects, settings) had brought stays (errors.Is).
var ErrJoinCancelledKept = errors.New("join cancelled during its first pull: the office's shared lists that arrived are kept")

// ErrJoinCancelledSent is in the error of a join cancelled after the
// laptop's own citizens were sent to the office: they stay there, under
// its caseworker's initials, though the laptop is in no office (errors.Is).
var ErrJoinCancelledSent = errors.New("join cancelled after the laptop's citizens were sent to the office")
