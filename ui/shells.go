package ui

import (
	"fyne.io/fyne/v2"

	"jobspor/model"
)

// What the window gives its screens. Each screen and section declares in its
// own file the part of the window it asks for (its …Shell interface) and the
// part of the database (its …Store interface); *UI implements all the shells
// with the methods here and the ones beside them (navigation in navigate.go,
// saving and leaving in save.go, notices in notify.go). No screen holds the
// window itself.

// window is the window, for the dialogs a screen opens over it.
func (u *UI) window() fyne.Window { return u.win }

// copyText puts text on the clipboard.
func (u *UI) copyText(text string) { u.app.Clipboard().SetContent(text) }

// handoutMaker makes the handouts (PDF files).
func (u *UI) handoutMaker() Handouts { return u.handouts }

// guideBook is the guide's phases and actions.
func (u *UI) guideBook() *model.Guide { return u.guide }

// texts is the content: the guide, the rules and the catalogues.
func (u *UI) texts() *model.Content { return u.content }

// caseworker is the caseworker this account works as ("" when none is chosen).
func (u *UI) caseworker() string { return u.me }

// workScope is whose work Today, the call list, batches and the calendar show.
func (u *UI) workScope() model.Scope { return u.scope }

// officeKind is the kind of office (jobcentre or a-kasse) the words follow.
func (u *UI) officeKind() model.OfficeKind { return u.kind }

// setOfficeKind changes the office's kind once it is stored.
func (u *UI) setOfficeKind(k model.OfficeKind) { u.kind = k }

// inBackground: Today and the caseload are read off the window's goroutine.
func (u *UI) inBackground() bool { return u.background }

// restoringNow: a backup is being restored; nothing reads the database.
func (u *UI) restoringNow() bool { return u.restoring.Load() }

// kept: s is still one of the window's kept screens (Today, the caseload);
// a restore replaces them, and a late read for the old one is dropped.
func (u *UI) kept(s screen) bool { return s == screen(u.today) || s == screen(u.caseload) }

// changed is the one change signal between screens: the citizens with these
// IDs were changed (written, deleted); every screen that listens learns of
// it and re-reads them when next shown. Screens never call each other.
func (u *UI) changed(ids ...int64) {
	for _, fn := range u.listeners {
		fn(ids)
	}
	u.officeTouched() // a save is sent to the office soon after (debounced)
}

// listen has fn told of every change (see changed); the window's screens
// are built afresh by reset, and their listeners with them.
func (u *UI) listen(fn func(ids []int64)) { u.listeners = append(u.listeners, fn) }

// loadMe reads which caseworker this account works as; Today, the call
// list, batches and the calendar then show theirs by default.
func (u *UI) loadMe() {
	me, err := u.store.Me()
	if err != nil {
		u.showError(err)
	}
	u.me = me
	u.setScope(model.Mine(me))
}

// setScope chooses whose work the lists show; without a caseworker chosen
// it is always the whole office.
func (u *UI) setScope(s model.Scope) {
	if u.me == "" {
		s = model.WholeOffice
	}
	u.scope = s
	u.handouts.SetScope(s)
}

// onMeChanged is called when Indstillinger chooses this account's caseworker.
func (u *UI) onMeChanged(initials string) {
	u.me = initials
	u.setScope(model.Mine(initials))
	u.today.buildScope()
}
