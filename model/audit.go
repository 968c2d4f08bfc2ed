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
