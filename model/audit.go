package model

import (
	"strings"
	"time"
)

// Audit actions.
const (
	AuditView     = "view"
	AuditCreate   = "create"
	AuditUpdate   = "update"
	AuditProgress = "progress"
	AuditExport   = "export"
	AuditPrint    = "print"
)

// AuditEntry is one line of the append-only audit trail.
type AuditEntry struct {
	ID   int64     `json:"id"`
	At   time.Time `json:"at"`
	User string    `json:"user"`
	// Caseworker is the initials of the caseworker the account worked as
	// ("Jeg er"), "" when none was chosen.
	Caseworker string `json:"caseworker,omitempty"`
	Action     string `json:"action"`
	CitizenID  int64  `json:"citizen_id"`
	Detail     string `json:"detail"`
}

// ChainHead is where the sealed audit trail ends: how many rows it has, the
// last row's ID and that row's seal (a hash over it and every row before).
// Every check and every backup records it, so rows cut off the end are found.
type ChainHead struct {
	Rows   int64
	LastID int64
	Hash   string
}

// AuditUser is an audit row's user: the computer account, followed by the
// caseworker's initials in brackets when the account works as one.
func AuditUser(login, initials string) string {
	if initials == "" {
		return login
	}
	return login + " (" + initials + ")"
}

// SplitAuditUser reads AuditUser back into the account and the initials.
func SplitAuditUser(user string) (login, initials string) {
	if i := strings.LastIndex(user, " ("); i > 0 && strings.HasSuffix(user, ")") {
		return user[:i], user[i+2 : len(user)-1]
	}
	return user, ""
}
