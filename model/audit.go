package model

import (
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
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	User      string    `json:"user"`
	Action    string    `json:"action"`
	CitizenID int64     `json:"citizen_id"`
	Detail    string    `json:"detail"`
}

// ChainHead is where the sealed audit trail ends: how many rows it has, the
// last row's ID and that row's seal (a hash over it and every row before).
// Every check and every backup records it, so rows cut off the end are found.
type ChainHead struct {
	Rows   int64
	LastID int64
	Hash   string
}
