package model

import (
	"errors"
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
	// CitizenID is the local citizen it concerns (0: not on this laptop).
	CitizenID int64
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
}

// ErrOfficeUnreachable is what an office that could not be reached is
// (errors.Is): normal for a laptop, said plainly in the window.
var ErrOfficeUnreachable = errors.New("office unreachable")
