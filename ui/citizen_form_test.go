package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// TestEditLongNoteSelectBeforeFirstFrame: a citizen with a 4,900-character
// note; Redigér, then a click on Status that arrives before the form's first
// frame (it was queued while the form was built). The window must survive,
// the Select must work once drawn, and the note must save unchanged.
func TestEditLongNoteSelectBeforeFirstFrame(t *testing.T) {
	a := newPaintingApp(t)
	st := storetest.Open(t)
	note := longNote(4900)
	c := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Notes = note })
	w := a.NewWindow("Jobspor")
	w.Resize(fyne.NewSize(1280, 800))
	u := New(a, w, st, testutil.Content(t), &fakeHandouts{}, model.NewFixedClock(time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)))
	closeAtEnd(t, u)
	u.onOpenCitizen(c.ID)
	a.driver.paint(w.Canvas())

	test.Tap(u.citizen.edit)
	f := u.form
	if f == nil {
		t.Fatal("Redigér did not open the form")
	}
	if err := tapCatching(f.status); err != nil {
		t.Fatalf("a click on Status before the form was drawn: %v", err)
	}
	a.driver.paint(w.Canvas())
	test.Tap(f.status)
	menu := w.Canvas().Overlays().Top()
	if menu == nil {
		t.Fatal("Status shows no choices once the form is drawn")
	}
	w.Canvas().Overlays().Remove(menu)
	f.status.SetSelected(statusLabel(model.StatusInJob))
	test.Tap(f.save)
	got, err := st.Citizen(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.StatusInJob || got.Notes != note {
		t.Fatalf("saved status %q and a note of %d characters; want %q and the same %d characters",
			got.Status, len([]rune(got.Notes)), model.StatusInJob, len([]rune(note)))
	}
}

// tapCatching taps o and returns a panic as an error.
func tapCatching(o fyne.Tappable) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	test.Tap(o)
	return nil
}
