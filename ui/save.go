package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// One save model for the whole window: every form is an editable. It knows
// whether it holds changes not yet saved, saves them, or forgets them. The
// screen in front answers for its forms (a screen with several forms joins
// them as editables). Every way out of a screen or section — the back
// button, Escape, the section list, "I dag", closing the window — goes
// through u.leave, which asks Gem / Kassér / Bliv when there is something
// to lose; Ctrl+S saves the screen in front.

// editable is a form that may hold changes not yet saved.
type editable interface {
	Dirty() bool
	// Save stores the changes; on an error nothing is left behind.
	Save() error
	// Discard forgets the changes: the caller leaves the form or draws it
	// again from the database.
	Discard()
}

// editables is several forms on one screen, saved and discarded together.
type editables []editable

func (es editables) Dirty() bool {
	for _, e := range es {
		if e.Dirty() {
			return true
		}
	}
	return false
}

// Save saves the forms with changes, in order, and stops at the first error.
func (es editables) Save() error {
	for _, e := range es {
		if !e.Dirty() {
			continue
		}
		if err := e.Save(); err != nil {
			return err
		}
	}
	return nil
}

func (es editables) Discard() {
	for _, e := range es {
		e.Discard()
	}
}

// shownError is an error the form already shows beside its fields: leaving
// stops without a dialog saying it again.
type shownError struct{ error }

func (e shownError) Unwrap() error { return e.error }

// saveState follows one form's changes: it compares what the form shows
// with what was last loaded or saved. With a button it enables the form's
// Gem only when they differ and shows "Ikke gemt" beside it.
type saveState struct {
	read     func() string // the form's values in one string
	saved    string
	button   *widget.Button
	mark     *widget.Label
	onChange func() // the screen's own Gem follows its parts (may be nil)
}

func newSaveState(read func() string) *saveState { return &saveState{read: read} }

// Dirty says whether the form differs from what was last loaded or saved.
func (t *saveState) Dirty() bool { return t.read() != t.saved }

// reset takes what the form shows now as saved.
func (t *saveState) reset() {
	t.saved = t.read()
	t.refresh()
}

// changed is called on every edit.
func (t *saveState) changed() {
	t.refresh()
	if t.onChange != nil {
		t.onChange()
	}
}

func (t *saveState) refresh() {
	if t.button == nil {
		return
	}
	if t.Dirty() {
		t.button.Enable()
		t.mark.Show()
	} else {
		t.button.Disable()
		t.mark.Hide()
	}
}

// withButton puts "Ikke gemt" after the form's Gem (and the buttons that
// go with it), and the state now enables and disables Gem.
func (t *saveState) withButton(b *widget.Button, more ...fyne.CanvasObject) fyne.CanvasObject {
	t.button, t.mark = b, newUnsavedMark()
	t.refresh()
	return container.NewHBox(append(append([]fyne.CanvasObject{b}, more...), t.mark)...)
}

// newUnsavedMark is "Ikke gemt" in the warning colour, hidden until needed.
func newUnsavedMark() *widget.Label {
	l := widget.NewLabelWithStyle(lang.L("save.unsaved"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// watch calls fn after every change of the given widgets, keeping the
// callbacks they have. Call it after the form has been filled.
func watch(fn func(), objects ...fyne.CanvasObject) {
	for _, o := range objects {
		switch w := o.(type) {
		case *formEntry:
			w.OnChanged = chain(w.OnChanged, fn)
		case *safeSelect:
			w.OnChanged = chain(w.OnChanged, fn)
		case *widget.RadioGroup:
			w.OnChanged = chain(w.OnChanged, fn)
		case *checkBox:
			w.OnChanged = chainBool(w.OnChanged, fn)
		case *noteEditor:
			w.OnChanged = chain(w.OnChanged, fn)
		case *radioFlow:
			w.OnChanged = chain(w.OnChanged, fn)
		default:
			panic("watch: a widget whose changes are not followed")
		}
	}
}

func chain(prev func(string), fn func()) func(string) {
	return func(s string) {
		if prev != nil {
			prev(s)
		}
		fn()
	}
}

func chainBool(prev func(bool), fn func()) func(bool) {
	return func(b bool) {
		if prev != nil {
			prev(b)
		}
		fn()
	}
}

// joinFields puts a form's values in one string for a saveState.
func joinFields(values ...string) string { return strings.Join(values, "\x00") }

func boolText(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// formSaver makes a form with a saveState and a save function an editable.
type formSaver struct {
	state *saveState
	save  func() error
}

func (f formSaver) Dirty() bool { return f.state.Dirty() }

func (f formSaver) Save() error {
	if err := f.save(); err != nil {
		return err
	}
	f.state.reset()
	return nil
}

func (f formSaver) Discard() { f.state.reset() }

// pendingInput is an "add" form under the save model: what is typed into
// it and not yet added (a job-log line, a message to the benefit office, a
// job goal, an assessment) makes the screen dirty; Save adds it, Discard
// empties the fields.
type pendingInput struct {
	typed func() string // "" when nothing is typed
	add   func() error
	clear func()
}

func (p pendingInput) Dirty() bool { return p.typed() != "" }
func (p pendingInput) Save() error { return p.add() }
func (p pendingInput) Discard()    { p.clear() }

// typedIn is the text typed into the entries, "" when they are empty.
func typedIn(es ...*formEntry) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(strings.TrimSpace(e.Text))
	}
	return b.String()
}

// front is the form in front: the top screen when it edits something.
func (u *UI) front() editable {
	if len(u.stack) == 0 {
		return nil
	}
	e, _ := u.stack[len(u.stack)-1].(editable)
	return e
}

// leave runs then, after asking Gem / Kassér / Bliv when the screen in
// front holds changes not yet saved.
func (u *UI) leave(then func()) {
	if e := u.front(); e != nil && e.Dirty() {
		u.askLeave(e, then)
		return
	}
	then()
}

// askIfDirty runs then, after asking Gem / Kassér / Bliv when e holds
// changes not saved (a form about to show another record).
func (u *UI) askIfDirty(e editable, then func()) {
	if e.Dirty() {
		u.askLeave(e, then)
		return
	}
	then()
}

// goBack is the back button and Escape: back, after asking.
func (u *UI) goBack() { u.leave(u.back) }

// askLeave asks what becomes of e's changes before then runs.
func (u *UI) askLeave(e editable, then func()) {
	text := widget.NewLabel(lang.L("save.ask"))
	d := dialog.NewCustomWithoutButtons(lang.L("save.title"), text, u.win)
	save := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), func() {
		d.Hide()
		if u.saveOrSay(e) {
			then()
		}
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon(lang.L("save.discard"), theme.DeleteIcon(), func() {
		d.Hide()
		e.Discard()
		then()
	})
	discard.Importance = widget.WarningImportance
	stay := widget.NewButton(lang.L("save.stay"), d.Hide)
	d.SetButtons([]fyne.CanvasObject{save, discard, stay})
	d.Show()
}

// saveOrSay saves e; an error the form does not show itself is shown in a
// dialog. It reports whether all was saved.
func (u *UI) saveOrSay(e editable) bool {
	err := e.Save()
	if err == nil {
		return true
	}
	var shown shownError
	if !errors.As(err, &shown) {
		u.showError(err)
	}
	return false
}

// onSaveKey is Ctrl+S: the screen in front saves what it holds.
func (u *UI) onSaveKey() {
	e := u.front()
	if e == nil || !e.Dirty() {
		return
	}
	if u.saveOrSay(e) {
		u.notify(lang.L("saved"))
	}
}
