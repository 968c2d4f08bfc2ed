package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Office is everything the window asks of the office tier (issue 26): the
// union of what each office part declares in its own file. It is nil on a
// laptop that main did not hand an office to (and in most tests); every
// office part says nothing then, and the laptop works exactly as before.
type Office interface {
	syncOffice       // the header and its sync (office_sync.go)
	kontorOffice     // Indstillinger → Kontor (office_kontor.go)
	conflictsStore   // the conflict screen, Today's count, the case's banner (office_conflicts.go)
	colleaguesOffice // colleagues, hand-over and cover (office_colleagues.go)
	jobsOffice       // the office's job list, settings and figures (office_jobs.go)
}

// officeBar is the window's office state: the header in the top bar and
// the sync that keeps it honest (nil without an office).
type officeBar struct {
	header *officeHeader
	sync   *officeSync
	kontor *kontorPart // Indstillinger → Kontor, kept: a join goes on while the caseworker is elsewhere
}

// SetOffice hands the window the office tier (main, and the office's tests).
// On a laptop in an office the header appears and a sync starts at once.
func (u *UI) SetOffice(o Office) {
	u.stopOffice()
	u.office = o
	if o != nil {
		if u.content != nil {
			o.UseRules(u.content.Rules) // the first sync reports the caseworker's figures
		}
		h := newOfficeHeader(u.now, nil)
		s := newOfficeSync(o, u, h)
		h.onSync = s.request
		u.officeBar = &officeBar{header: h, sync: s}
		s.begin(true)
	}
	if u.today != nil {
		u.today.buildScope() // the scope choice names the office's roster (office_colleagues.go)
	}
	if len(u.stack) > 0 {
		u.show(u.top().content())
	}
}

// stopOffice ends the office's sync (the window closes, another office or
// database takes its place); a sync under way is cancelled.
func (u *UI) stopOffice() {
	if u.officeBar != nil {
		u.officeBar.sync.stop()
		if k := u.officeBar.kontor; k != nil && k.cancel != nil {
			k.cancel() // a join under way is abandoned: the laptop stays in no office
		}
		u.officeBar = nil
	}
}

// withOfficeBar puts the office's header above a screen (nothing without
// an office; the header hides itself while the laptop is in none).
func (u *UI) withOfficeBar(o fyne.CanvasObject) fyne.CanvasObject {
	if u.officeBar == nil {
		return o
	}
	return container.NewBorder(u.officeBar.header.box, nil, nil, nil, o)
}

// officeTouched: a save announced a change (touch); the office hears of it
// after a short wait, once for a burst of saves.
func (u *UI) officeTouched() {
	if u.officeBar != nil {
		u.officeBar.sync.changed()
	}
}

// officeSettled: a conflict was settled here: the header says so at once
// and the choice reaches the office soon.
func (u *UI) officeSettled() {
	if u.officeBar != nil {
		u.officeBar.sync.settled()
	}
}

// officePulled: a pull brought the office's changes; Today and the caseload
// show them (each re-reads what its change detection says moved).
func (u *UI) officePulled() {
	gone := u.closeGoneCases() // a case handed away or a cover ended: its screens close, saying so (office_gone.go)
	u.today.buildScope()       // the roster may have changed (office_colleagues.go)
	if gone && u.top() != screen(u.caseload) {
		u.caseload.loaded = false
		return // the screen now on top was read again
	}
	switch u.top().(type) {
	case *todayScreen:
		u.today.reload()
	case *caseloadScreen:
		u.reloadCaseloadShown()
		return
	}
	u.caseload.loaded = false // read whole when shown next
}

// reloadCaseloadShown reads the caseload on screen whole again; in the
// window, off its goroutine (a first pull can bring a thousand citizens
// while the caseworker types in the search).
func (u *UI) reloadCaseloadShown() {
	u.caseload.loaded = false
	if !u.background {
		u.caseload.load()
		return
	}
	u.caseload.loadInBackground(func() {
		if u.top() == screen(u.caseload) {
			u.caseload.reload()
		}
	})
}

// officeJoined: Kontor joined an office; the header appears and keeps time
// from now on (the join made the first pull).
func (u *UI) officeJoined() {
	if u.officeBar == nil {
		return
	}
	u.officeBar.sync.begin(false)
	u.officePulled()
}

// showCopyable shows a text the caseworker must copy and hand on (a new
// colleague's password, this laptop's public key).
func (u *UI) showCopyable(title, text string) {
	e := widget.NewEntry()
	e.SetText(text)
	d := dialog.NewCustom(title, "OK", e, u.win)
	d.Resize(fyne.NewSize(560, 160))
	d.Show()
}
