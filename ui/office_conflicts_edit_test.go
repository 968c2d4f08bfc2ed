package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// retEntry is the field of the Ret dialog on top.
func retEntry(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	var e *widget.Entry
	if o := w.Canvas().Overlays().Top(); o != nil {
		walk(o, func(x fyne.CanvasObject) {
			if y, ok := x.(*widget.Entry); ok && e == nil {
				e = y
			}
		})
	}
	if e == nil {
		t.Fatal("no Ret dialog with a field on top")
	}
	return e
}

// Ret never drops what was typed without asking: Annullér with a new value
// asks (Gem / Kassér / Bliv); Bliv brings Ret back with the text; a value
// the field refuses brings Ret back with the text and why; Gem from the
// question saves it; Kassér drops it only when asked, and the conflict waits.
func TestRetAsksBeforeTypedTextIsDropped(t *testing.T) {
	_, al, bk := twoLaptops(t, "AL", "BK")
	onAL, onBK, gid := sharedCase(t, al, bk)
	onAL.Phone = "11 11 11 11"
	al.store.UpdateCitizen(onAL)
	onBK.Phone = "22 22 22 22"
	bk.store.UpdateCitizen(onBK)
	bk.sync(t)
	al.sync(t)
	s := openConflicts(t, al.ui, "1 ændring venter på din afgørelse")
	var c model.OfficeConflict
	for _, x := range s.items {
		c = x
	}
	w := al.ui.win

	test.Tap(s.cards[c.ID].edit)
	tapInDialog(t, w, "Annullér")
	if al.ui.topDialog() != nil {
		t.Fatalf("Annullér with nothing typed asks %q", dialogText(w))
	}
	test.Tap(s.cards[c.ID].edit)
	retEntry(t, w).SetText("ring til mor")
	tapInDialog(t, w, "Annullér")
	if got := dialogText(w); !strings.Contains(got, "Du har skrevet »ring til mor« uden at gemme det.") {
		t.Fatalf("Annullér with a value typed asks %q", got)
	}
	tapInDialog(t, w, "Bliv")
	if e := retEntry(t, w); e.Text != "ring til mor" {
		t.Fatalf("Bliv brought Ret back with %q", e.Text)
	}
	tapInDialog(t, w, "Gem")
	if e := retEntry(t, w); e.Text != "ring til mor" || !strings.Contains(dialogText(w), "Telefonnummeret") {
		t.Fatalf("a refused value: Ret shows %q and says %q, want the text kept and why", e.Text, dialogText(w))
	}
	if al.ui.conflictCount(0) != 1 {
		t.Fatal("a refused value settled the conflict")
	}
	retEntry(t, w).SetText("44 44 44 44")
	al.ui.onKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := dialogText(w); !strings.Contains(got, "»44 44 44 44«") {
		t.Fatalf("Escape with a value typed asks %q", got)
	}
	tapInDialog(t, w, "Kassér")
	if al.ui.topDialog() != nil || al.ui.conflictCount(0) != 1 {
		t.Fatal("Kassér did not just close Ret, leaving the conflict open")
	}

	test.Tap(s.cards[c.ID].edit)
	retEntry(t, w).SetText("33 33 33 33")
	tapInDialog(t, w, "Annullér")
	tapInDialog(t, w, "Gem")
	if p := al.localCitizen(t, gid).Phone; p != "33 33 33 33" || al.ui.conflictCount(0) != 0 {
		t.Fatalf("Gem from the question left the phone %q and %d conflicts", p, al.ui.conflictCount(0))
	}
}
