package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// notify shows a short confirmation that disappears by itself.
func (u *UI) notify(text string) {
	c := u.win.Canvas()
	pop := widget.NewPopUp(widget.NewLabel("✓ "+text), c)
	size := pop.MinSize()
	pop.ShowAtPosition(fyne.NewPos(c.Size().Width-size.Width-16, c.Size().Height-size.Height-16))
	go func() {
		time.Sleep(1500 * time.Millisecond)
		fyne.Do(pop.Hide)
	}()
}
