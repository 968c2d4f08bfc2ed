package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

// officeOfTwo is an office with AL (two citizens with a conversation at
// 11:00 today) and JK (one), and Lise Lund with no caseworker.
func officeOfTwo(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	u, st := newTestUI(t) // 23 November 2026, 10:00
	for _, c := range []model.Caseworker{{Initials: "AL", Name: "Anne Lund"}, {Initials: "JK", Name: "Jens Kure"}} {
		c := c
		if err := st.SaveCaseworker(&c); err != nil {
			t.Fatal(err)
		}
	}
	for i, who := range []string{"AL", "AL", "JK", ""} {
		name := []string{"Åse Ærø", "Bent Bøg", "Carl Clausen", "Lise Lund"}[i]
		c := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = name })
		if who != "" {
			if err := st.AssignCaseworker([]int64{c.ID}, who); err != nil {
				t.Fatal(err)
			}
		}
		storetest.Plan(t, st, c.ID, time.Date(2026, 11, 23, 11, i, 0, 0, time.Local), 30)
	}
	u.today.load()
	return u, st
}

// TestTodayRightAfterJegEr: choosing "Jeg er" in Indstillinger and going
// back shows the caseworker's own conversations under a selected "Mine".
func TestTodayRightAfterJegEr(t *testing.T) {
	u, _ := officeOfTwo(t)
	if n := len(u.today.view.Conversations); n != 4 {
		t.Fatalf("before Jeg er Today lists %d conversations; want the office's 4", n)
	}
	u.onSettings()
	f := newTeamForm(u, u.store, false)
	f.build()
	f.onMe(caseworkerLabel(f.team, "AL"))
	u.goBack()
	if got := u.today.scope.Selected; got != "Mine" {
		t.Errorf("after Jeg er the switch shows %q", got)
	}
	if n := len(u.today.view.Conversations); n != 2 {
		t.Errorf("under Mine Today lists %d conversations; want AL's 2", n)
	}
}

// TestTodayRightAfterABackup: a backup made in Indstillinger is on Today
// when the caseworker goes back.
func TestTodayRightAfterABackup(t *testing.T) {
	u, _ := newTestUI(t)
	u.today.load()
	if !strings.Contains(u.today.backup.Text, "ingen") && !strings.Contains(u.today.backup.Text, "Ingen") {
		t.Fatalf("before any backup Today says %q", u.today.backup.Text)
	}
	u.onSettings()
	f := newBackupForm(u, u.store)
	f.build()
	f.folder.SetText(filepath.Join(t.TempDir(), "usb"))
	test.Type(f.pass, "Ærø-kontoret 2026")
	test.Type(f.again, "Ærø-kontoret 2026")
	f.onBackupNow()
	waitFor(t, "the backup", func() bool { return !f.busy() })
	u.goBack()
	if !strings.HasPrefix(u.today.backup.Text, "Seneste sikkerhedskopi:") {
		t.Errorf("right after a backup Today says %q", u.today.backup.Text)
	}
}

// TestTodayRightAfterJegErInTheWindow: the same in the window's own mode,
// where Today is read in the background.
func TestTodayRightAfterJegErInTheWindow(t *testing.T) {
	u, _ := officeOfTwo(t)
	u.background = true
	u.onSettings()
	f := newTeamForm(u, u.store, false)
	f.build()
	f.onMe(caseworkerLabel(f.team, "AL"))
	u.goBack()
	waitFor(t, "Today read again", func() bool { return u.today.shown.scope == model.Mine("AL") })
	if got := u.today.scope.Selected; got != "Mine" {
		t.Errorf("after Jeg er the switch shows %q", got)
	}
	if n := len(u.today.view.Conversations); n != 2 {
		t.Errorf("under Mine Today lists %d conversations; want AL's 2", n)
	}
}

// TestSearchSaysWhatMineHides: with "Jeg er" AL the caseload shows Mine;
// searching "Lise" (no caseworker) says one more citizen matches outside
// Mine, and "Vis hele kontoret" shows her, marked as having none; under
// "Uden sagsbehandler" she is offered to AL in one step.
func TestSearchSaysWhatMineHides(t *testing.T) {
	u, st := officeOfTwo(t)
	if err := st.SetMe("AL"); err != nil {
		t.Fatal(err)
	}
	u.onMeChanged("AL")
	u.onFind()
	s := u.caseload
	if s.who.Selected != "Mine" || len(s.rows) != 2 {
		t.Fatalf("the caseload opens on %q with %d rows; want Mine with AL's 2", s.who.Selected, len(s.rows))
	}
	test.Type(s.search, "Lise")
	if len(s.rows) != 0 || !s.elsewhere.Visible() || !strings.Contains(s.elsewhereText.Text, "1 anden borger på kontoret passer på søgningen, men vises ikke under »Mine«") {
		t.Fatalf("searching Lise under Mine: %d rows, hint shown %v %q", len(s.rows), s.elsewhere.Visible(), s.elsewhereText.Text)
	}
	test.Tap(widgetButton(t, s.elsewhere, "Vis hele kontoret"))
	if len(s.rows) != 1 || s.rows[0].Name != "Lise Lund" {
		t.Fatalf("Vis hele kontoret shows %d rows", len(s.rows))
	}
	if got := s.cellText(s.rows[0], 1); got != "ingen" {
		t.Errorf("Lise's caseworker column says %q; want that she has none", got)
	}
	if s.elsewhere.Visible() {
		t.Error("the hint stays although the whole office is shown")
	}

	s.who.SetSelected("Uden sagsbehandler")
	if len(s.rows) != 1 || !s.take.Visible() {
		t.Fatalf("Uden sagsbehandler: %d rows, take offered %v", len(s.rows), s.take.Visible())
	}
	test.Tap(s.take)
	rows, _ := st.ListCitizens(model.CitizenFilter{AnyTrack: true, Query: "Lise"})
	if len(rows) != 1 {
		t.Fatalf("Lise found %d times", len(rows))
	}
	if c, _ := st.Citizen(rows[0].ID); c.Caseworker != "AL" {
		t.Errorf("after Gør til mine Lise's caseworker is %q", c.Caseworker)
	}
}
