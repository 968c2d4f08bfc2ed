package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestWheelScrollsOverAField: the mouse wheel over a one-line field scrolls
// the form it is in (Fyne gave it to the field's own sideways scroller,
// and the form stood still); clicks and the pointer still reach the field.
func TestWheelScrollsOverAField(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("hjul")
	form := widget.NewForm()
	var fields []*formEntry
	for i := 0; i < 30; i++ {
		e := newFormEntry()
		fields = append(fields, e)
		form.Append("Felt", e)
	}
	sc := container.NewVScroll(form)
	w.SetContent(sc)
	w.Resize(fyne.NewSize(500, 300))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(fields[2]).Add(fyne.NewPos(20, 10))
	test.Scroll(w.Canvas(), pos, 0, -120)
	if sc.Offset.Y <= 0 {
		t.Fatalf("the wheel over a field left the form at offset %v", sc.Offset.Y)
	}
	// Fyne gives a click, the pointer's shape and the focus to the innermost
	// object under the pointer that takes them: the forwarder takes none.
	var f fyne.CanvasObject = &wheelForward{}
	_, tap := f.(fyne.Tappable)
	_, mouse := f.(desktop.Mouseable)
	_, hover := f.(desktop.Hoverable)
	_, cursor := f.(desktop.Cursorable)
	_, focus := f.(fyne.Focusable)
	if tap || mouse || hover || cursor || focus {
		t.Error("the wheel's forwarder takes clicks, the pointer or the focus from the field under it")
	}
}
