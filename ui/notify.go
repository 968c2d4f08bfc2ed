package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// notify shows a short confirmation that disappears by itself.
func (u *UI) notify(text string) {
	u.toast(widget.NewLabel("✓ "+text), 1500*time.Millisecond)
}

// toast shows content in the bottom right-hand corner for a while; it is
// not a dialog, so Escape and Enter pass it by. It returns the hide function.
func (u *UI) toast(content fyne.CanvasObject, d time.Duration) func() {
	c := u.win.Canvas()
	pop := widget.NewPopUp(content, c)
	if u.toasts == nil {
		u.toasts = map[fyne.CanvasObject]bool{}
	}
	u.toasts[pop] = true
	size := pop.MinSize()
	pop.ShowAtPosition(fyne.NewPos(c.Size().Width-size.Width-16, c.Size().Height-size.Height-16))
	hide := func() {
		pop.Hide()
		delete(u.toasts, pop)
	}
	go func() {
		time.Sleep(d)
		fyne.Do(hide)
	}()
	return hide
}
