package model

import "time"

// Colleague is one caseworker on the office's roster (issue 26).
type Colleague struct {
	Initials string
	Name     string
	Lead     bool
}

// Cover is one case this laptop's caseworker covers for an absent colleague.
type Cover struct {
	CitizenID int64
	// For is the absent caseworker who owns the case.
	For string
	// Until is the last day of the cover (to and including it).
	Until  time.Time
	Reason string
}

// Active says whether the cover still holds on day now.
func (c Cover) Active(now time.Time) bool { return !DateOnly(now).After(DateOnly(c.Until)) }

// CoverGrant is one cover in force as the lead sees it: counts only.
type CoverGrant struct {
	Absent    string
	Coverer   string
	Until     time.Time
	Reason    string
	GrantedBy string
	Cases     int
}
