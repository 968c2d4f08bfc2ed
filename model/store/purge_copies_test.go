package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"jobspor/model"
)

// filesNaming lists the files among paths whose bytes hold name.
func filesNaming(t *testing.T, name string, paths ...string) []string {
	t.Helper()
	var hits []string
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err == nil && bytes.Contains(raw, []byte(name)) {
			hits = append(hits, filepath.Base(p))
		}
	}
	return hits
}

// TestPurgeTakesTheCitizenOutOfTheCopiesKeptAside: a restore keeps the
// database it replaces aside; a later purge leaves that copy (the way back
// from a mistaken restore) but takes the purged citizen out of it — also
// where the copy still has her case open (found by CPR number) — and a copy
// kept before the retention cut-off goes whole. Afterwards neither the print
// folder nor any kept copy (database, -wal, anchor) holds her name, while
// the other citizen is still in the copy.
func TestPurgeTakesTheCitizenOutOfTheCopiesKeptAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "j.db")
	s, err := Open(path)
	must(t, err)
	atNoon(s, "2025-03-01")
	gone := makeCitizen(t, s, func(c *model.Citizen) {
		c.Name, c.CPR, c.FirstContact = "Ingeborg Slettesen", "0101801234", day("2025-02-01")
	})
	makeCitizen(t, s, func(c *model.Citizen) {
		c.Name, c.CPR, c.FirstContact = "Bente Bliver", "0202802345", day("2025-02-01")
	})
	atNoon(s, "2025-04-01")
	must(t, s.CloseCase(&model.CaseClosing{CitizenID: gone.ID, Date: day("2025-03-31"), Reason: model.CloseMoved}))
	must(t, s.SetBackupPassphrase(testPassphrase))
	info, err := s.Backup(filepath.Join(dir, "usb"), 0)
	must(t, err)
	// After the backup her case was opened again: the copy the restore
	// keeps aside has it open, so only her CPR number finds her there.
	must(t, s.ReopenCase(gone.ID))
	must(t, s.Close())
	_, err = Restore(info.Path, path, testPassphrase)
	must(t, err)
	copies, _ := filepath.Glob(path + "-før-gendannelse-*")
	if len(copies) == 0 {
		t.Fatal("the restore kept no copy aside")
	}
	old := path + "-før-gendannelse-2025-01-10-090000"
	raw, err := os.ReadFile(copies[0])
	must(t, err)
	must(t, os.WriteFile(old, raw, 0o600))

	s, err = Open(path)
	must(t, err)
	defer s.Close()
	out := s.printFolder()
	must(t, os.MkdirAll(out, 0o700))
	handout := filepath.Join(out, "plan-"+itoa(gone.ID)+"-2025-03-03.pdf")
	must(t, os.WriteFile(handout, []byte("%PDF Ingeborg Slettesen"), 0o600))
	atNoon(s, "2026-11-23")
	must(t, s.SaveRetention(model.Retention{Months: 12, AuditYears: 5, Reason: "Sagen afsluttet; klagefrist og revision"}))
	res, err := s.Purge(nil, s.Now(), false)
	must(t, err)
	if res.Citizens != 1 {
		t.Fatalf("purged %d citizens", res.Citizens)
	}
	printed, _ := filepath.Glob(filepath.Join(out, "*"))
	kept, _ := filepath.Glob(path + "-før-gendannelse-*")
	if hits := filesNaming(t, "Ingeborg Slettesen", append(printed, kept...)...); len(hits) > 0 {
		t.Fatalf("after the purge these files still name her: %v", hits)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("a copy kept before the retention cut-off is still there")
	}
	if _, err := os.Stat(copies[0]); err != nil {
		t.Fatalf("the copy kept aside by the restore is gone, not purged: %v", err)
	}
	if hits := filesNaming(t, "Bente Bliver", copies[0]); len(hits) == 0 {
		t.Error("the kept copy lost the citizen who was not purged")
	}
	c, err := OpenExisting(copies[0])
	must(t, err)
	defer c.Close()
	checkSaysOK(t, c)
	var purged int
	must(t, c.db.QueryRow(`SELECT count(*) FROM audit WHERE action = ?`, model.AuditPurge).Scan(&purged))
	if purged != 1 {
		t.Errorf("the copy's own audit has %d purge rows; want 1", purged)
	}
}
