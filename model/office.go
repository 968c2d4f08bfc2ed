package model

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
