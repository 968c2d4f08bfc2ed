// Package ui is Jobspor's window: Today, the caseload, the citizen and the
// conversation screens and the forms over the model. It imports neither the
// store nor the PDF code: main hands it a Store and Handouts, and each screen
// holds only the narrow part of Store it declares in its own file.
package ui

import (
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// Store is everything the window asks of the database: the union of what
// each screen declares. Only the window's wiring holds it; screens get their
// own narrow part.
type Store interface {
	attendanceSource
	batchStore
	caseloadSource
	citizenEditor
	citizenViewer
	companyStore
	conversationStore
	conversationJobsStore
	educationStore
	jobSaver
	jobStore
	jobLogStore
	officeRulesStore
	openingStore
	placesStore
	planEditorStore
	prospectsStore
	conversationPlanner
	receptionStore
	settingsScreenStore
	jobListStore
	citizenStore
	callSource
	tempAgencyStore
	todaySource
	checkStore
	upskillingStore
	closeStore
	caseStore
	deletionStore
	scopeStore
	todayActionStore
}

// Handouts makes a handout as a PDF file and returns its path.
type Handouts interface {
	Ydelse(citizenID int64, meeting time.Time, place string) (string, error)
	Insight(citizenID int64) (string, error)
	SetScope(scope model.Scope)
	DefaultBenefitPlace() string
	Notices(ids []int64, asList bool) (string, error)
	NoticesText(ids []int64) (string, error)
	CallList(day time.Time) (string, error)
	Attendance(from, to time.Time) (string, error)
	Calendar(from time.Time, days int) (string, error)
	CalendarOne(conversationID int64) (string, error)
	Handout(kind model.HandoutKind, citizenID int64) (string, error)
	Folder() string
	Batch(kind model.HandoutKind, day time.Time, oneFile bool, out string, progress func(done, total int), cancel <-chan struct{}) ([]string, error)
}

// screen is one full-window view on the window's stack; Escape (back)
// shows the one below it.
//
// Two words are kept apart in every screen: load reads the screen's data
// from the database and draws it; reload, called when the screen comes back
// on top (back, Escape), re-reads only what may have changed meanwhile.
type screen interface {
	content() fyne.CanvasObject
}

// UI is the main window and what it needs.
type UI struct {
	app    fyne.App
	win    fyne.Window
	store  Store
	office Office // nil without an office (see office.go)
	// officeBar is the office's header and sync (nil without an office).
	officeBar *officeBar
	content   *model.Content
	guide     *model.Guide
	handouts  Handouts
	clock     model.Clock

	today        *todayScreen
	caseload     *caseloadScreen
	citizen      *citizenScreen
	conversation *conversationScreen
	form         *citizenForm
	stack        []screen
	dirty        map[int64]bool
	kind         model.OfficeKind
	me           string      // the caseworker this account works as ("" when none is chosen)
	scope        model.Scope // whose work Today, the call list, batches and the calendar show
	// restoreDB closes the database, restores a backup in its place and
	// opens it again, off the window's goroutine; what it returns to do on
	// the window's goroutine starts the window afresh on the database (nil
	// in tests and where restoring is not offered).
	restoreDB func(file, passphrase string) (info model.BackupInfo, apply func(), err error)
	restoring atomic.Bool
	// background reads Today and the caseload off the window's goroutine
	// (the window's Run sets it; tests read in place, step by step).
	background bool
	// toasts is the layer of notifications over the screen.
	toasts *fyne.Container
	// lastUndo is the Fortryd offered last (for tests).
	lastUndo *widget.Button
	// release hands back memory a while after each change of screen (see
	// settle); the window's Run sets it.
	release     func()
	settleTimer restartable
	// timers are the window's running timers (later), stopped when it
	// closes; stopTicking ends keepTime's; closed is set once it has closed.
	timers      map[int]*time.Timer
	timerSeq    int
	stopTicking chan struct{}
	closed      bool
}

// New builds the main window's content into win, starting at Today.
// clock is the one clock of the program (tests pass one that they move).
func New(a fyne.App, win fyne.Window, store Store, content *model.Content, handouts Handouts, clock model.Clock) *UI {
	return newUI(a, win, store, content, handouts, clock, false)
}

// newUI is New; with background, Today and the caseload are read off the
// window's goroutine (the window is shown before they are read).
func newUI(a fyne.App, win fyne.Window, store Store, content *model.Content, handouts Handouts, clock model.Clock, background bool) *UI {
	u := &UI{app: a, win: win, content: content, guide: content.Guide, clock: clock, background: background}
	applyTheme(a)
	win.SetOnClosed(u.onClosed)
	u.reset(store, handouts)
	u.addShortcuts()
	return u
}

// reset starts the window afresh on a store (at start, after a restore).
func (u *UI) reset(store Store, handouts Handouts) {
	u.store, u.handouts, u.stack, u.dirty = store, handouts, nil, nil
	u.loadOfficeKind()
	u.loadMe()
	u.mergeCatalogue()
	u.today = newTodayScreen(u, u.store)
	u.caseload = newCaseloadScreen(u, u.store)
	u.push(u.today)
	if !u.background {
		u.today.load()
		return
	}
	// The window is drawn first; then Today is read and filled, then the
	// caseload is read behind it, so that Ctrl+F finds it ready.
	// The quick check of the database runs last, behind both (they share
	// one connection).
	u.today.whenPainted(func() {
		u.today.loadInBackground(func() { u.caseload.loadInBackground(u.quickCheckInBackground) })
	})
}

// onCaseload shows the caseload over Today.
func (u *UI) onCaseload() {
	u.stack = u.stack[:1]
	if u.caseload.loaded {
		u.caseload.reload()
	} else {
		u.caseload.load()
	}
	u.push(u.caseload)
}

// popToList drops screens down to the list the caseworker came from
// (the caseload, the job list or Today), so Escape from a citizen returns there.
func (u *UI) popToList() {
	for len(u.stack) > 1 {
		switch u.stack[len(u.stack)-1].(type) {
		case *caseloadScreen, *todayScreen, *jobListScreen:
			return
		}
		u.stack = u.stack[:len(u.stack)-1]
	}
}

// push shows s on top of the current screen.
func (u *UI) push(s screen) {
	u.stack = append(u.stack, s)
	u.track(s)
	u.show(s.content())
}

// back returns to the previous screen (Escape); Today is the bottom.
func (u *UI) back() {
	if len(u.stack) <= 1 {
		return
	}
	u.stack = u.stack[:len(u.stack)-1]
	top := u.stack[len(u.stack)-1]
	u.track(top)
	if r, ok := top.(interface{ reload() }); ok {
		r.reload()
	}
	u.show(top.content())
}

// now is the time on the window's clock.
func (u *UI) now() time.Time { return u.clock.Now() }

// top is the screen on top of the stack (the one shown).
func (u *UI) top() screen { return u.stack[len(u.stack)-1] }

// track remembers which screens are showing, for tests and callbacks.
func (u *UI) track(s screen) {
	u.citizen, u.conversation, u.form = nil, nil, nil
	for _, x := range u.stack {
		switch v := x.(type) {
		case *citizenScreen:
			u.citizen = v
		case *conversationScreen:
			u.conversation = v
		case *citizenForm:
			u.form = v
		}
	}
}

func (u *UI) showError(err error) { dialog.ShowError(errorForDialog(err), u.win) }

// onOpenCitizen opens the citizen screen over the caseload.
func (u *UI) onOpenCitizen(id int64) {
	s, err := newCitizenScreen(u, u.store, id)
	if err != nil {
		u.showError(err)
		return
	}
	u.popToList()
	u.push(s)
}

// onCitizenDeleted leaves the deleted citizen's screens for the list below.
func (u *UI) onCitizenDeleted(id int64) {
	u.touch(id)
	u.popToList()
	u.caseload.reload()
	u.show(u.stack[len(u.stack)-1].content())
	u.track(u.stack[len(u.stack)-1])
}

func (u *UI) onNewCitizen() {
	f := newCitizenForm(u, u.store, nil)
	u.popToList()
	u.push(f)
	u.win.Canvas().Focus(f.name)
}

func (u *UI) onEditCitizen(c *model.Citizen) {
	f := newCitizenForm(u, u.store, c)
	u.push(f)
	u.win.Canvas().Focus(f.name)
}

// touch marks a citizen whose caseload row must be re-read before the
// caseload is shown again.
func (u *UI) touch(id int64) {
	if u.dirty == nil {
		u.dirty = map[int64]bool{}
	}
	u.dirty[id] = true
	u.officeTouched()
}

func (u *UI) addShortcuts() {
	ctrl := func(k fyne.KeyName, fn func()) {
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) {
				if u.topDialog() == nil { // never behind a dialog
					fn()
				}
			})
	}
	ctrl(fyne.KeyN, func() { u.leave(u.onNewCitizen) })
	ctrl(fyne.KeyF, func() { u.leave(u.onFind) })
	ctrl(fyne.KeyS, u.onSaveKey)
	u.win.Canvas().SetOnTypedKey(u.onKey)
}

// onFind opens the caseload and puts the cursor in the search field.
func (u *UI) onFind() {
	u.onCaseload()
	u.win.Canvas().Focus(u.caseload.search)
}
