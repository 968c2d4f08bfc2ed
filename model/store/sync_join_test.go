package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobspor/model"
)

// The copy a join keeps: made once per join beside the database, readable
// by the user only, a sound database of its own (its audit trail checks);
// an empty laptop gets none; a later purge takes a purged citizen out of it
// as out of every copy kept aside.
func TestTheCopyBeforeAJoinIsKeptOnceAndPurgedLikeTheOthers(t *testing.T) {
	dir := t.TempDir()
	empty, err := Open(filepath.Join(dir, "empty.db"))
	must(t, err)
	defer empty.Close()
	if p, err := empty.KeepCopyBeforeOffice(); err != nil || p != "" {
		t.Fatalf("an empty laptop's join kept a copy %q (%v)", p, err)
	}

	path := filepath.Join(dir, "j.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	atNoon(s, "2025-03-01")
	gone := makeCitizen(t, s, func(c *model.Citizen) {
		c.Name, c.CPR, c.FirstContact = "Ingeborg Slettesen", "0101801234", day("2025-02-01")
	})
	makeCitizen(t, s, func(c *model.Citizen) {
		c.Name, c.CPR, c.FirstContact = "Bente Bliver", "0202802345", day("2025-02-01")
	})
	atNoon(s, "2025-04-01")
	must(t, s.CloseCase(&model.CaseClosing{CitizenID: gone.ID, Date: day("2025-03-31"), Reason: model.CloseMoved}))
	atNoon(s, "2026-11-01") // the join, after the retention's cut-off of the purge below
	kept, err := s.KeepCopyBeforeOffice()
	must(t, err)
	if !strings.HasPrefix(filepath.Base(kept), "j.db"+JoinCopyName) {
		t.Fatalf("the copy is named %q", kept)
	}
	if fi, err := os.Stat(kept); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the copy: %v %v", fi, err)
	}
	if again, err := s.KeepCopyBeforeOffice(); err != nil || again != kept {
		t.Fatalf("a second send of the same join made another copy %q (%v)", again, err)
	}
	c, err := OpenExisting(kept)
	must(t, err)
	checkSaysOK(t, c)
	must(t, c.Close())

	atNoon(s, "2026-11-23")
	must(t, s.SaveRetention(model.Retention{Months: 12, AuditYears: 5, Reason: "Sagen afsluttet; klagefrist og revision"}))
	if _, err := s.Purge(nil, s.Now(), false); err != nil {
		t.Fatal(err)
	}
	if hits := filesNaming(t, "Ingeborg Slettesen", kept); len(hits) > 0 {
		t.Fatal("the copy kept before the join still names the purged citizen")
	}
	if _, err := os.Stat(kept); err != nil {
		t.Fatalf("the copy kept before the join is gone, not purged: %v", err)
	}
	if hits := filesNaming(t, "Bente Bliver", kept); len(hits) == 0 {
		t.Error("the copy kept before the join lost the citizen who was not purged")
	}
}
