package cli

import (
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// TestMineAndCloseFromTheCommandLine: today --caseworker shows only that
// caseworker's citizens; close takes the case off the day sheet; an unknown
// caseworker or reason is refused with exit 1 or 2.
func TestMineAndCloseFromTheCommandLine(t *testing.T) {
	db, ids := dbWith(t, "Åse Ærø", "Bo Bæk")
	s := storetest.OpenAt(t, db)
	for _, c := range []model.Caseworker{{Initials: "MK", Name: "Mette Kristensen"}, {Initials: "JH", Name: "Jonas Holm"}} {
		if err := s.SaveCaseworker(&c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AssignCaseworker(ids[:1], "MK"); err != nil {
		t.Fatal(err)
	}
	if err := s.AssignCaseworker(ids[1:], "JH"); err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		storetest.Plan(t, s, id, time.Date(2026, 11, 24, 9+i, 0, 0, 0, time.Local), 45)
	}
	s.Close()

	_, out, _ := run(t, &fakeHandouts{}, "today", "--db", db, "--date", "2026-11-24", "--caseworker", "mk")
	if !strings.Contains(out, "Åse Ærø") || strings.Contains(out, "Bo Bæk") || !strings.Contains(out, "Dagens samtaler (1)") ||
		!strings.Contains(out, "— mine ") {
		t.Errorf("MK's day sheet:\n%s", out)
	}
	if code, _, errs := run(t, &fakeHandouts{}, "today", "--db", db, "--caseworker", "XX"); code != 1 || !strings.Contains(errs, "ingen sagsbehandler med initialerne XX") {
		t.Errorf("unknown caseworker: exit %d, %q", code, errs)
	}
	if code, _, _ := run(t, &fakeHandouts{}, "close", "--db", db, "--citizen", itoa(ids[1]), "--reason", "vundet"); code != 2 {
		t.Errorf("an unknown reason gave exit %d, want 2", code)
	}
	code, out, errs := run(t, &fakeHandouts{}, "close", "--db", db, "--citizen", itoa(ids[1]), "--reason", "moved", "--date", "2026-11-20")
	if code != 0 || !strings.Contains(out, "afsluttet 20-11-2026") {
		t.Fatalf("close: exit %d, %q %q", code, out, errs)
	}
	_, out, _ = run(t, &fakeHandouts{}, "today", "--db", db, "--date", "2026-11-24")
	if strings.Contains(out, "Bo Bæk") {
		t.Errorf("the closed case is still on the office's day sheet:\n%s", out)
	}
}

// TestPurgeDryRunThenPurge: the dry run names the cases and deletes none.
func TestPurgeDryRunThenPurge(t *testing.T) {
	db, ids := dbWith(t, "Åse Ærø")
	s := storetest.OpenAt(t, db)
	c, _ := s.Citizen(ids[0])
	c.FirstContact = time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)
	if err := s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseCase(&model.CaseClosing{CitizenID: ids[0], Date: time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), Reason: model.CloseOther}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errs := run(t, &fakeHandouts{}, "purge", "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, itoa(ids[0])+"\tafsluttet 05-01-2024") || !strings.Contains(out, "prøvekørsel): 1 afsluttede") {
		t.Fatalf("dry run: exit %d, %q %q", code, out, errs)
	}
	if _, out, _ := run(t, &fakeHandouts{}, "list", "--db", db); !strings.Contains(out, "Åse Ærø") {
		t.Fatal("the dry run deleted the citizen")
	}
	if code, out, _ := run(t, &fakeHandouts{}, "purge", "--db", db); code != 0 || !strings.Contains(out, "Slettet: 1") {
		t.Fatalf("purge: exit %d, %q", code, out)
	}
	if _, out, _ := run(t, &fakeHandouts{}, "list", "--db", db); strings.Contains(out, "Åse Ærø") {
		t.Error("the purged citizen is still listed")
	}
}
