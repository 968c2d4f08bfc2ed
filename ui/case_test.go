package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

// tapInDialog taps the button with this text in the dialog on top.
func tapInDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	overlays := w.Canvas().Overlays().List()
	if len(overlays) == 0 {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	var found *widget.Button
	walk(overlays[len(overlays)-1], func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in the dialog", text)
	}
	test.Tap(found)
}

// dialogText is every label's text in the dialog on top.
func dialogText(w fyne.Window) string {
	overlays := w.Canvas().Overlays().List()
	if len(overlays) == 0 {
		return ""
	}
	var b strings.Builder
	walk(overlays[len(overlays)-1], func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

// TestClosingACaseInTheWindow: "Afslut forløb" shows what will change
// before anything changes; confirmed, the planned conversation is cancelled
// by the office and the citizen leaves Today; reopening brings the case back.
func TestClosingACaseInTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	st.Now = u.now
	c := storetest.AddCitizen(t, st)
	storetest.Plan(t, st, c.ID, time.Date(2026, 11, 23, 14, 0, 0, 0, time.Local), 45)
	u.today.load()
	if len(u.today.view.Conversations) != 1 {
		t.Fatalf("Today lists %d conversations before closing", len(u.today.view.Conversations))
	}
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionCase)
	d := newCloseDialog(u.citizen.caseSec).withJob("Netto Ringsted")
	d.show()
	d.start.SetText("01-12-2026")
	d.hours.SetText("37")
	d.onForm(true)
	text := dialogText(u.win)
	if !strings.Contains(text, "1 planlagt samtale aflyses af os: 23-11-2026 14:00") {
		t.Fatalf("the question does not say what changes:\n%s", text)
	}
	if got, _ := st.Citizen(c.ID); got.Status != model.StatusActive {
		t.Fatal("the case closed before the caseworker confirmed")
	}
	tapInDialog(t, u.win, "Afslut forløbet")
	assertClosed(t, st, c.ID)
	u.back()
	if len(u.today.view.Conversations) != 0 {
		t.Errorf("Today still lists the closed case's conversation")
	}
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionCase)
	u.citizen.caseSec.onReopen()
	if got, _ := st.Citizen(c.ID); got.Status != model.StatusActive {
		t.Errorf("after reopening the status is %q", got.Status)
	}
}

func assertClosed(t *testing.T, st *store.Store, id int64) {
	t.Helper()
	got, _ := st.Citizen(id)
	cl, err := st.Closing(id)
	if got.Status != model.StatusInJob || err != nil || cl.Employer != "Netto Ringsted" || cl.Hours != 37 {
		t.Fatalf("after confirming: status %q, closing %+v (%v)", got.Status, cl, err)
	}
	convs, _ := st.Conversations(id)
	if len(convs) != 1 || convs[0].Attendance != model.AttendanceOfficeCancelled {
		t.Errorf("the planned conversation is %+v; want cancelled by the office", convs)
	}
}

// TestTodayMineAndTheWholeOffice: with this account working as MK, Today
// shows MK's conversation; "Hele kontoret" shows the colleague's too.
func TestTodayMineAndTheWholeOffice(t *testing.T) {
	u, st := newTestUI(t)
	st.Now = u.now
	for _, w := range []model.Caseworker{{Initials: "MK", Name: "Mette Kristensen"}, {Initials: "JH", Name: "Jonas Holm"}} {
		if err := st.SaveCaseworker(&w); err != nil {
			t.Fatal(err)
		}
	}
	mine := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name, c.Caseworker = "Mette Mine", "MK" })
	theirs := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name, c.Caseworker = "Jens Deres", "JH" })
	for i, id := range []int64{mine.ID, theirs.ID} {
		storetest.Plan(t, st, id, time.Date(2026, 11, 23, 13+i, 0, 0, 0, time.Local), 45)
	}
	if err := st.SetMe("MK"); err != nil {
		t.Fatal(err)
	}
	u.reset(st, u.handouts)
	if !u.today.scope.Visible() || u.today.scope.Selected != "Mine" {
		t.Fatalf("the switch shows %q (visible %v); want Mine", u.today.scope.Selected, u.today.scope.Visible())
	}
	if n := len(u.today.view.Conversations); n != 1 || u.today.view.Conversations[0].CitizenID != mine.ID {
		t.Fatalf("Mine lists %d conversations: %+v", n, u.today.view.Conversations)
	}
	if !strings.Contains(u.today.first.Text, "mine ") || !strings.Contains(u.today.first.Text, "hele kontoret ") {
		t.Errorf("with Mine the figure does not show both: %q", u.today.first.Text)
	}
	u.today.scope.SetSelected("Hele kontoret")
	if n := len(u.today.view.Conversations); n != 2 {
		t.Errorf("Hele kontoret lists %d conversations, want 2", n)
	}
	if strings.Contains(u.today.first.Text, "mine ") {
		t.Errorf("for the whole office the figure still names mine: %q", u.today.first.Text)
	}
	created := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = "Ny Borger" })
	if created.Caseworker != "MK" {
		t.Errorf("a new citizen got caseworker %q, want this account's MK", created.Caseworker)
	}
}

// TestARefusedJobLogEditKeepsWhatWasTyped: an edit dated after today is
// refused in Danish, and the form comes back with the typing kept.
func TestARefusedJobLogEditKeepsWhatWasTyped(t *testing.T) {
	u, st := newTestUI(t)
	st.Now = u.now
	c := storetest.AddCitizen(t, st)
	a := &model.Application{CitizenID: c.ID, Text: "Kok, Kantinen", Status: model.AppApplied, AppliedOn: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
	if err := st.SaveApplication(a); err != nil {
		t.Fatal(err)
	}
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionJobLog)
	u.citizen.joblog.editForm(*a, "Kok, Kantinen på Havnen", "01-01-2030", appStatusLabel(model.AppInterview))
	tapInDialog(t, u.win, "Gem")
	if !strings.Contains(dialogText(u.win), "kan ikke være sendt efter i dag") {
		t.Fatalf("no Danish refusal:\n%s", dialogText(u.win))
	}
	tapInDialog(t, u.win, "OK")
	var typed string
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*formEntry); ok && e.Text == "Kok, Kantinen på Havnen" {
			typed = e.Text
		}
	})
	if typed == "" {
		t.Error("the edit form did not come back with the typed text")
	}
	if got, _ := st.Applications(c.ID); got[0].Text != "Kok, Kantinen" {
		t.Errorf("the refused edit was saved: %q", got[0].Text)
	}
}
