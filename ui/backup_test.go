package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
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
	if strings.Contains(f.problem.Text, "ikke ens") {
		t.Fatalf("the passphrases agree now, but the form still says %q", f.problem.Text)
	}
	f.onBackupNow()
	waitFor(t, "the backup", func() bool { return !f.busy() })
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

// TestRestoreInTheWindow: restoring a backup starts the window afresh on
// it; a wrong passphrase says so and the database stays as it was.
func TestRestoreInTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	path := st.Path()
	folder := filepath.Join(t.TempDir(), "usb")
	storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = "Før Kopien" })
	if err := st.SetBackupPassphrase("Ærø-kontoret 2026"); err != nil {
		t.Fatal(err)
	}
	info, err := st.Backup(folder, 3)
	if err != nil {
		t.Fatal(err)
	}
	storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = "Efter Kopien" })
	u.restoreDB = func(file, pass string) (model.BackupInfo, func(), error) {
		st.Close()
		got, rerr := store.Restore(file, path, pass)
		s2 := storetest.OpenAt(t, path)
		return got, func() { u.reset(s2, &fakeHandouts{}) }, rerr
	}
	restore := func(pass string) {
		u.onRestore(info.Path, pass)
		waitFor(t, "the restore", func() bool { return !u.restoring.Load() })
	}
	restore("forkert")
	if rows := u.caseloadRows(t); len(rows) != 2 {
		t.Fatalf("after a wrong passphrase the caseload has %d citizens; want both", len(rows))
	}
	restore("Ærø-kontoret 2026")
	rows := u.caseloadRows(t)
	if len(rows) != 1 || rows[0].Name != "Før Kopien" {
		t.Fatalf("after restoring, the caseload holds %+v; want the backup's one citizen", rows)
	}
}

func (u *UI) caseloadRows(t *testing.T) []model.CaseRow {
	t.Helper()
	u.onCaseload()
	return u.caseload.all
}
