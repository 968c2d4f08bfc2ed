package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// TestTodayAfterAChangeLooksAsIfReadAnew: Today shown with one citizen's
// conversation, then a second citizen and their conversation added while
// the caseload shows; back on Today the new line is laid out in place (only
// its part measured again, keptBox) and the screen is exactly the golden
// Today read and laid out from scratch: no line overlaps, no part is left
// where it was.
func TestTodayAfterAChangeLooksAsIfReadAnew(t *testing.T) {
	u, st := newTestUI(t) // Monday 23 November 2026, 10:00
	u.win.Resize(fyne.NewSize(1024, 640))
	a := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = "Åse Ærø Sørensen" })
	storetest.Plan(t, st, a.ID, time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local), 45)
	count := &countingToday{todayStore: st}
	u.today.store = count
	u.today.load()
	if n := len(u.today.sections[0].box.Objects); n != 3 { // title, one line, separator
		t.Fatalf("Today's conversations hold %d objects, want 3", n)
	}

	u.onCaseload()
	b := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = "Bent Bøg"; c.Track = model.TrackIntensive })
	storetest.Plan(t, st, b.ID, time.Date(2026, 11, 23, 13, 0, 0, 0, time.Local), 45)
	u.back()
	if count.whole != 1 {
		t.Fatalf("Today was read whole %d times: the change was not put in place", count.whole)
	}
	test.AssertRendersToMarkup(t, "today.xml", u.win.Canvas())
}

// TestKeptBoxMeasuresOnlyWhatChanged: the box lays out as Fyne's VBox
// does, and measures an object again only once it is forgotten.
func TestKeptBoxMeasuresOnlyWhatChanged(t *testing.T) {
	test.NewTempApp(t)
	a, b := &measured{h: 20}, &measured{h: 30}
	k := newKeptBox()
	objects := []fyne.CanvasObject{a, b}
	k.Layout(objects, fyne.NewSize(100, 100))
	pad := k.padding
	if a.Position().Y != 0 || b.Position().Y != 20+pad || b.Size() != fyne.NewSize(100, 30) {
		t.Fatalf("laid out at %v %v, %v", a.Position(), b.Position(), b.Size())
	}
	b.h = 50
	if got := k.MinSize(objects); got.Height != 50+pad || a.asked != 1 || b.asked != 1 {
		t.Errorf("unchanged: min %v, measured %d and %d times", got, a.asked, b.asked)
	}
	k.forget(b)
	if got := k.MinSize(objects); got.Height != 70+pad || a.asked != 1 || b.asked != 2 {
		t.Errorf("after forget: min %v, measured %d and %d times", got, a.asked, b.asked)
	}
}

// measured is an object of a given height that counts its measurings.
type measured struct {
	fyne.CanvasObject
	h     float32
	asked int
	pos   fyne.Position
	size  fyne.Size
}

func (m *measured) MinSize() fyne.Size      { m.asked++; return fyne.NewSize(10, m.h) }
func (m *measured) Visible() bool           { return true }
func (m *measured) Move(p fyne.Position)    { m.pos = p }
func (m *measured) Position() fyne.Position { return m.pos }
func (m *measured) Resize(s fyne.Size)      { m.size = s }
func (m *measured) Size() fyne.Size         { return m.size }
