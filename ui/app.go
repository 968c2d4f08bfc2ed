// Package ui is Jobspor's window: Today, the caseload, the citizen and the
// conversation screens and the forms over the model. It imports neither the
// store nor the PDF code: main hands it a Store and Handouts. Each screen
// and section declares in its own file the narrow part of Store it needs
// (its …Store) and of the window (its …Shell, which *UI implements), and
// holds only those; screens learn of each other's changes only through the
// window's one change signal (changed, in shells.go). The window's own
// methods: its start here, moving between screens in navigate.go, what it
// gives the screens in shells.go, saving and leaving in save.go, notices in
// notify.go, threads and timers in window_do.go, closing in closing.go.
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
	attendanceStore
	batchStore
	caseloadStore
	citizenFormStore
	citizenViewStore
	companyStore
	conversationStore
	conversationJobsStore
	educationStore
	jobFormStore
	jobStore
	jobLogStore
	officeRulesStore
	openingStore
	placesStore
	planEditorStore
	prospectsStore
	planFormStore
	receptionStore
	settingsScreenStore
	jobListStore
	citizenStore
	callsStore
	tempAgencyStore
	todayStore
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
	BenefitMeeting(citizenID int64, meeting time.Time, place string) (string, error)
	Insight(citizenID int64) (string, error)
	SetScope(scope model.Scope)
	DefaultBenefitPlace() string
	Notices(ids []int64, asList bool) (string, error)
	NoticesText(ids []int64) (string, error)
	CallList(day time.Time) (string, error)
	Attendance(from, to time.Time) (string, error)
	// AttendanceOf writes the pattern the window shows; whose says whose.
	AttendanceOf(st *model.AttendanceStats, whose string) (string, error)
	Calendar(from time.Time, days int) (string, error)
	CalendarOne(conversationID int64) (string, error)
	Handout(kind model.HandoutKind, citizenID int64) (string, error)
	Folder() string
	Batch(kind model.HandoutKind, day time.Time, oneFile bool, out string, progress func(done, total int), cancel <-chan struct{}) ([]string, error)
}

// screen is one full-window view on the window's stack; Escape (back)
// shows the one below it.
//
// A screen reads what it shows when it is built, or (Today, the caseload)
// when it is first shown, possibly in the background at start (load). A
// screen that keeps what it read while it is covered also has reload:
// back calls it when the screen comes back on top, to re-read only what
// may have changed meanwhile (Today when the records moved, the caseload
// the citizens the change signal named, the citizen screen its citizen,
// the deletion and prospects lists their rows). Screens without reload
// are built afresh each time they are opened.
type screen interface {
	content() fyne.CanvasObject
}

// UI is the main window and what it needs.
type UI struct {
	app    fyne.App
	win    fyne.Window
	store  Store
	office Office      // nil without an office (see office.go)
	covers coverMarks  // the covers this caseworker holds, as last read (office_colleagues.go)
	joined officeKnown // whether the laptop is in an office, as last read (office_colleagues.go)
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
	// listeners are told of every change (see changed).
	listeners []func(ids []int64)
	kind      model.OfficeKind
	me        string      // the caseworker this account works as ("" when none is chosen)
	scope     model.Scope // whose work Today, the call list, batches and the calendar show
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
	// release hands back memory a while after each change of screen, and
	// again once Fyne has let go of the screens left (see settle); the
	// window's Run sets it.
	release     func()
	settleTimer restartable
	letGoTimer  restartable
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
	u.store, u.handouts, u.stack, u.listeners = store, handouts, nil, nil
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

// now is the time on the window's clock.
func (u *UI) now() time.Time { return u.clock.Now() }

// showError shows err in Danish in a dialog (see errorForDialog).
func (u *UI) showError(err error) { dialog.ShowError(errorForDialog(err), u.win) }

// addShortcuts binds Ctrl+N, Ctrl+F and Ctrl+S, never behind a dialog.
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

// mergeCatalogue adds the titles imported editions named to the catalogue
// the goal and job pickers search.
func (u *UI) mergeCatalogue() {
	titles, err := u.store.CatalogueTitles()
	if err != nil {
		u.showError(err)
		return
	}
	u.content.Catalogue.Add(titles)
}
