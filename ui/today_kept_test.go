package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// TestTodayKeptWhenNothingChanged: coming back to Today from the caseload
// and from a citizen that was only looked at reads nothing and keeps every
// row's widgets; a conversation planned for today, and the day turning,
// read it again and show the change.
func TestTodayKeptWhenNothingChanged(t *testing.T) {
	u, store := newTestUI(t) // today is Monday 23 November 2026, 10:00
	c := storetest.AddCitizen(t, store, func(c *model.Citizen) { c.Name = "Aase Ærø" })
	storetest.Plan(t, store, c.ID, u.now().Add(2*time.Hour), 30)
	u.today.load()
	view, row := u.today.view, u.today.sections[0].rows[0]
	if len(view.Conversations) != 1 || row.text.Text == "" {
		t.Fatalf("Today lists %d conversations", len(view.Conversations))
	}

	u.onCaseload()
	u.back()
	u.onOpenCitizen(c.ID) // viewing a citizen writes only to the audit trail
	u.back()
	if u.stack[len(u.stack)-1] != screen(u.today) {
		t.Fatal("Escape did not return to Today")
	}
	if u.today.view != view {
		t.Error("Today was read again though nothing had changed")
	}
	if u.today.sections[0].rows[0] != row || u.today.sections[0].box.Objects[1] != row.root {
		t.Error("Today's rows were built again though nothing had changed")
	}

	u.onOpenCitizen(c.ID)
	storetest.Plan(t, store, c.ID, u.now().Add(4*time.Hour), 30)
	u.back()
	if u.today.view == view || len(u.today.view.Conversations) != 2 {
		t.Fatalf("a conversation planned for today is not on Today: %d", len(u.today.view.Conversations))
	}
	if u.today.sections[0].rows[0] != row {
		t.Error("the first row was made anew instead of reused")
	}
	if got := u.today.sections[0].title.Text; !strings.HasSuffix(got, "(2)") {
		t.Errorf("the part's title is %q", got)
	}

	view = u.today.view
	testClock(u).Set(time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local))
	u.onCaseload()
	u.back()
	if u.today.view == view || len(u.today.view.Conversations) != 0 {
		t.Errorf("the next day still shows yesterday's %d conversations", len(u.today.view.Conversations))
	}
}

// TestTodayShowsOnlyTheFirstRows: a part with more lines than are shown
// makes widgets for the shown ones only and counts the rest.
func TestTodayShowsOnlyTheFirstRows(t *testing.T) {
	u, store := newTestUI(t)
	store.Now = u.now
	for i := 0; i < maxTodayRows+5; i++ {
		c := storetest.AddCitizen(t, store)
		storetest.Plan(t, store, c.ID, u.now().Add(time.Duration(i)*time.Minute), 10)
	}
	u.today.load()
	sec := u.today.sections[0]
	if len(sec.rows) != maxTodayRows {
		t.Errorf("%d rows made for %d lines, want %d", len(sec.rows), maxTodayRows+5, maxTodayRows)
	}
	if !strings.Contains(sec.more.Text, "5") || sec.box.Objects[len(sec.box.Objects)-2] != fyne.CanvasObject(sec.more) {
		t.Errorf("the rest is not counted: %q", sec.more.Text)
	}
}

// TestEscapeInCaseloadSearch: Escape typed into the focused search field
// returns to Today.
func TestEscapeInCaseloadSearch(t *testing.T) {
	u, _ := newTestUI(t)
	u.onFind()
	test.Type(u.caseload.search, "sø")
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.stack[len(u.stack)-1] != screen(u.today) {
		t.Fatal("Escape in the search field did not return to Today")
	}
}

// TestWindowDrawsFirstThenReads: the window's start reads nothing before
// the first frame; once painted, Today is read and shown, then the
// caseload is read behind it and the first Ctrl+F reads nothing more.
func TestWindowDrawsFirstThenReads(t *testing.T) {
	a := test.NewTempApp(t)
	store := storetest.Open(t)
	c := storetest.AddCitizen(t, store, func(c *model.Citizen) { c.Name = "Bo Bæk" })
	clock := model.NewFixedClock(time.Date(2027, 6, 30, 9, 0, 0, 0, time.Local))
	store.Now = clock.Now
	storetest.Plan(t, store, c.ID, clock.Now().Add(time.Minute), 30)
	w := a.NewWindow("Jobspor")
	w.Resize(fyne.NewSize(1024, 540))
	u := newUI(a, w, store, testutil.Content(t), &fakeHandouts{}, clock, true)
	closeAtEnd(t, u)
	if u.today.view != nil || u.caseload.loaded {
		t.Fatal("Today or the caseload was read before the first frame")
	}
	w.Canvas().Capture() // paints the frame
	waitFor(t, "Today shown", func() bool { return u.today.view != nil })
	waitFor(t, "the caseload read", func() bool { return u.caseload.loaded })
	if len(u.today.view.Conversations) != 1 {
		t.Errorf("Today lists %d conversations", len(u.today.view.Conversations))
	}
	gen := store.Generation()
	u.onFind()
	if len(u.caseload.rows) != 1 || store.Generation() != gen {
		t.Errorf("the caseload shows %d rows", len(u.caseload.rows))
	}
}

// waitFor waits until ok, running on the test's goroutine (the window's in
// the tests) what the window's goroutines send it meanwhile; ok reads the
// widgets there too.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for i := 0; ; i++ { // up to ~2 min of 5 ms naps (the race detector on a busy machine): a wait, not a measure of speed
		runWindow()
		if ok() {
			return
		}
		if i == 24000 {
			t.Fatalf("%s: not after 24,000 waits", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
