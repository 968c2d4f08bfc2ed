package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// safeSelect is a widget.Select that ignores a click or key reaching it
// before its screen has been drawn.
//
// Fyne's desktop driver attaches objects to their canvas while it paints. A
// click queued while a screen was being built (the caseworker clicks on
// where Status will be while the form still loads) is delivered to the new
// screen before its first frame; Fyne's Select then opens its choices on no
// canvas and the window closes with a nil pointer. The click was aimed at
// the screen the caseworker saw, not at this Select, so it is dropped.
type safeSelect struct {
	widget.Select
}

func newSelect(options []string, changed func(string)) *safeSelect {
	s := &safeSelect{Select: widget.Select{Options: options, OnChanged: changed, PlaceHolder: lang.L("select.placeholder")}}
	s.ExtendBaseWidget(s)
	return s
}

// Tapped opens the choices once the Select is on screen.
func (s *safeSelect) Tapped(e *fyne.PointEvent) {
	if s.onScreen() {
		s.Select.Tapped(e)
	}
}

// TypedKey opens or steps through the choices once the Select is on
// screen; Escape goes to the window (back).
func (s *safeSelect) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		keyToWindow(s, e)
		return
	}
	if s.onScreen() {
		s.Select.TypedKey(e)
	}
}

func (s *safeSelect) onScreen() bool {
	return fyne.CurrentApp().Driver().CanvasForObject(s) != nil
}

// maxSelectWidth bounds how wide a Select grows to show its longest choice.
const maxSelectWidth = 320

// MinSize is wide enough to show the longest choice in full (up to
// maxSelectWidth): Fyne's Select is as wide as its placeholder, which cut
// "Hele kontoret" to "Hele konto…" in a row of filters.
func (s *safeSelect) MinSize() fyne.Size {
	size := s.Select.MinSize()
	th := s.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	longest := float32(0)
	for _, o := range s.Options {
		longest = max(longest, fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width)
	}
	w := longest + pad*4 + th.Size(theme.SizeNameInlineIcon)
	size.Width = max(size.Width, min(w, maxSelectWidth))
	return size
}
