package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestBackupFromSettingsAndOnClose: the caseworker chooses a folder and a
// passphrase and backs up now; Today then says when; closing the window
// the same day makes no second backup.
func TestBackupFromSettingsAndOnClose(t *testing.T) {
	u, _ := newTestUI(t)
	folder := filepath.Join(t.TempDir(), "usb")
	f := newBackupForm(u, u.store)
	f.build()
	f.folder.SetText(folder)
	test.Type(f.pass, "Ærø-kontoret 2026")
	test.Type(f.again, "Ærø-kontoret 2026x")
	f.onBackupNow()
	if !strings.Contains(f.problem.Text, "ikke ens") {
		t.Fatalf("two different passphrases: %q", f.problem.Text)
	}
	f.again.SetText("Ærø-kontoret 2026")
	f.onBackupNow()
	files, _ := filepath.Glob(filepath.Join(folder, "*.jobspor-backup"))
	if f.problem.Text != "" || len(files) != 1 {
		t.Fatalf("back up now: problem %q, %d files", f.problem.Text, len(files))
	}
	u.today.load()
	if !strings.HasPrefix(u.today.backup.Text, "Seneste sikkerhedskopi:") {
		t.Fatalf("Today says %q about backups", u.today.backup.Text)
	}
	if _, made, err := u.store.BackupIfDue(); err != nil || made {
		t.Fatalf("a second backup the same day: made %v, %v", made, err)
	}
}
