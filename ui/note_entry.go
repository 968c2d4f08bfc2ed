package ui

import (
	"fyne.io/fyne/v2/widget"
)

// noteEntry is a one-line entry that commits its text when the caseworker
// presses Enter or leaves the field, so a note is never lost by moving on.
type noteEntry struct {
	widget.Entry
	committed string
	onCommit  func(text string)
}

func newNoteEntry(text, placeholder string, onCommit func(string)) *noteEntry {
	e := &noteEntry{committed: text, onCommit: onCommit}
	e.ExtendBaseWidget(e)
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	e.Wrapping = 0
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

// FocusLost commits the note, then lets the entry lose focus.
func (e *noteEntry) FocusLost() {
	e.commit()
	e.Entry.FocusLost()
}

func (e *noteEntry) commit() {
	if e.Text == e.committed {
		return
	}
	e.committed = e.Text
	e.onCommit(e.Text)
}
