package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives a key to the focused widget only: the window's own handler
// (Escape goes back, Enter answers a dialog) and its Ctrl shortcuts hear
// nothing while an entry, a table or a list has focus. The widgets below
// hand on what they do not use themselves.

// keyToWindow hands a key the focused widget does not use to the window.
func keyToWindow(o fyne.CanvasObject, k *fyne.KeyEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
	}
}

// shortcutToWindow hands a Ctrl shortcut the widget does not know to the
// window (Ctrl+S saves, Ctrl+N, Ctrl+F).
func shortcutToWindow(o fyne.CanvasObject, s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
		return false
	}
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(o).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
	return true
}

// formEntry is a widget.Entry that hands Escape and Ctrl shortcuts to the
// window.
type formEntry struct {
	widget.Entry
}

func newFormEntry() *formEntry {
	e := &formEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineFormEntry() *formEntry {
	e := newFormEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

func newPasswordFormEntry() *formEntry {
	e := newFormEntry()
	e.Password = true
	return e
}

// TypedKey hands Escape to the window.
func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		keyToWindow(e, k)
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut hands Ctrl shortcuts the entry does not know to the window.
func (e *formEntry) TypedShortcut(s fyne.Shortcut) {
	if !shortcutToWindow(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// navList is a widget.List that hands Escape to the window (a List takes
// no shortcuts: those reach the window already).
type navList struct {
	widget.List
}

func newNavList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *navList {
	l := &navList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey hands Escape to the window.
func (l *navList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		keyToWindow(l, k)
		return
	}
	l.List.TypedKey(k)
}

// checkBox is a widget.Check that hands Escape to the window: a Check takes
// the focus when it is clicked.
type checkBox struct {
	widget.Check
}

func newCheck(label string, changed func(bool)) *checkBox {
	c := &checkBox{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey hands Escape to the window.
func (c *checkBox) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		keyToWindow(c, k)
		return
	}
	c.Check.TypedKey(k)
}
