package ui

import (
	"fyne.io/fyne/v2/widget"
)

// noteEntry is a one-line note under the save model: Enter saves it; a
// note typed and not saved marks its row "Ikke gemt", and leaving the
// section, the screen or the window asks Gem / Kassér / Bliv. Nothing is
// written when the field merely loses focus.
type noteEntry struct {
	widget.Entry
	committed string
	onCommit  func(text string) error
	// onDirty is told whenever the note comes to differ from what is saved,
	// or stops differing (the row shows "Ikke gemt").
	onDirty func(dirty bool)
}

func newNoteEntry(text, placeholder string, onCommit func(string) error) *noteEntry {
	e := &noteEntry{committed: text, onCommit: onCommit}
	e.ExtendBaseWidget(e)
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	e.Wrapping = 0
	e.OnSubmitted = func(string) { e.Save() }
	e.OnChanged = func(string) { e.changed() }
	return e
}

func (e *noteEntry) changed() {
	if e.onDirty != nil {
		e.onDirty(e.Dirty())
	}
}

// Dirty, Save and Discard make the note an editable.
func (e *noteEntry) Dirty() bool { return e.Text != e.committed }

// Save writes the note; on an error the typed text stays in the field.
func (e *noteEntry) Save() error {
	if !e.Dirty() {
		return nil
	}
	if err := e.onCommit(e.Text); err != nil {
		return shownError{err} // the save path has shown it
	}
	e.committed = e.Text
	e.changed()
	return nil
}

// Discard puts the saved note back in the field.
func (e *noteEntry) Discard() {
	e.SetText(e.committed)
	e.changed()
}
