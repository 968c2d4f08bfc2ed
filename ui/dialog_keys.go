package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// onKey is the window's keys: Escape closes the dialog on top or, with none,
// goes back (asking when there are changes not saved); Enter answers the
// dialog on top with its default button.
func (u *UI) onKey(e *fyne.KeyEvent) {
	d := u.topDialog()
	switch e.Name {
	case fyne.KeyEscape:
		if d != nil {
			tapButton(dismissButton(d))
			return
		}
		u.goBack()
	case fyne.KeyReturn, fyne.KeyEnter:
		if d != nil {
			tapButton(defaultButton(d))
		}
	}
}

// topDialog is the dialog on top of the window, if any (notifications are
// no overlays: see toast).
func (u *UI) topDialog() fyne.CanvasObject { return u.win.Canvas().Overlays().Top() }

// dialogButtons are the buttons a caseworker can press in o, in drawing
// order: a Fyne dialog draws its content before its row of buttons.
func dialogButtons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	walkDialog(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Visible() && !b.Disabled() && b.OnTapped != nil {
			out = append(out, b)
		}
	})
	return out
}

// dismissButton is the button that closes a dialog without doing anything:
// the last plain one (Fyne's "Annullér", "Nej", "OK"; our "Bliv").
func dismissButton(o fyne.CanvasObject) *widget.Button {
	bs := dialogButtons(o)
	for i := len(bs) - 1; i >= 0; i-- {
		if bs[i].Importance == widget.MediumImportance || bs[i].Importance == widget.LowImportance {
			return bs[i]
		}
	}
	return nil
}

// defaultButton is what Enter presses: the highlighted button, or the only one.
func defaultButton(o fyne.CanvasObject) *widget.Button {
	bs := dialogButtons(o)
	for i := len(bs) - 1; i >= 0; i-- {
		if bs[i].Importance == widget.HighImportance {
			return bs[i]
		}
	}
	if len(bs) == 1 {
		return bs[0]
	}
	return nil
}

func tapButton(b *widget.Button) {
	if b != nil {
		b.OnTapped()
	}
}

// walkDialog calls fn for o and the objects laid out inside it: enough to
// reach a dialog's buttons (a dialog is a pop-up over containers).
func walkDialog(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *widget.PopUp:
		walkDialog(x.Content, fn)
	case *container.Scroll:
		walkDialog(x.Content, fn)
	case *fyne.Container:
		for _, c := range x.Objects {
			walkDialog(c, fn)
		}
	}
}
