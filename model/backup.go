package model

import "time"

// BackupInfo describes one backup: where it is, when it was made, where the
// audit trail ended in it, and (after a restore) where the database that
// was replaced was kept.
type BackupInfo struct {
	Path      string
	Made      time.Time
	Audit     ChainHead
	KeptAside string
}

// BackupSettings is how the office backs up: the folder (a USB stick or a
// network drive), how many backups to keep there, and how old the newest
// may be before Today warns.
type BackupSettings struct {
	Folder     string
	Keep       int
	MaxAgeDays int
	HasKey     bool      // a passphrase has been set
	Last       time.Time // the newest good backup (zero: none)
}

// Overdue tells whether the newest backup is older than the office allows.
func (b BackupSettings) Overdue(now time.Time) bool {
	return b.Last.IsZero() || now.Sub(b.Last) > time.Duration(b.MaxAgeDays)*24*time.Hour
}
