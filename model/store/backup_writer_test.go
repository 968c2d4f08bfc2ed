package store

import (
	"path/filepath"
	"testing"

	"jobspor/model"
)

// A backup while another Jobspor on the same database writes: an audit row
// committed between the check of the live trail and the copy must not make
// the backup unrestorable (the manifest names the copy's own head). The
// kill test found it: a finished backup beside the window's writes said
// "beskadiget eller ufuldstændig" when restored.
func TestABackupBesideAWriterRestores(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jobspor.db")
	s, err := Open(db)
	must(t, err)
	defer s.Close()
	must(t, s.SetBackupPassphrase(testPassphrase))
	other, err := OpenExisting(db)
	must(t, err)
	defer other.Close()
	beforeSnapshot = func() {
		must(t, other.SaveCaseworker(&model.Caseworker{Initials: "ZZ", Name: "Zenia Zeuthen"}))
	}
	defer func() { beforeSnapshot = nil }()
	info, err := s.Backup(filepath.Join(dir, "usb"), 5)
	must(t, err)
	beforeSnapshot = nil
	if _, err := Restore(info.Path, filepath.Join(t.TempDir(), "r.db"), testPassphrase); err != nil {
		t.Fatalf("a backup made while another Jobspor wrote does not restore: %v", err)
	}
}
