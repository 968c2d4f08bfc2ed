package ui

import (
	"context"
	"time"

	"jobspor/model"
)

// syncOffice is what the office's sync asks of the office tier.
type syncOffice interface {
	Status() (model.OfficeStatus, error)
	// Joined says whether the laptop is in an office: a cheap read (one
	// flag), where Status counts changes waiting and conflicts too.
	Joined() (bool, error)
	// SyncWith pushes and pulls; an unreachable office is no error (the
	// status says so). changed: the pull brought something.
	SyncWith(ctx context.Context) (st model.OfficeStatus, changed bool, err error)
}

// syncShell is what the office's parts ask of the window.
type syncShell interface {
	do(fn func())    // run fn on the window's goroutine
	officePulled()   // the office brought changes: the lists show them
	showError(error) // a problem the caseworker must see now
}

// The sync's rhythm: every officeEvery while the office answers; when it
// does not, the wait doubles up to officeBackoffMax. A save is sent after
// officeDebounce (one sync for a burst of saves).
var (
	officeEvery      = 3 * time.Minute
	officeBackoffMax = 15 * time.Minute
	officeDebounce   = 3 * time.Second
	// officeAfter makes the sync's timers; tests put ones they fire.
	officeAfter = func(d time.Duration, f func()) restartable { return time.AfterFunc(d, f) }
)

// officeSync runs the office's syncs off the window's goroutine, one at a
// time: at start, on its rhythm, after saves and from the header's button.
// Its state is touched on the window's goroutine only; its timers and its
// sync reach the window through do.
type officeSync struct {
	link   syncOffice
	win    syncShell
	header *officeHeader

	ctx    context.Context
	cancel context.CancelFunc

	joined   bool // the laptop is in an office (else nothing runs, nothing shows)
	running  bool // a sync is under way
	again    bool // asked for while one ran: one more when it ends
	stopped  bool
	failures int // syncs in a row that did not reach the office
	tick     restartable
	debounce restartable
	// syncs counts the syncs started (tests).
	syncs int
}

func newOfficeSync(link syncOffice, win syncShell, h *officeHeader) *officeSync {
	ctx, cancel := context.WithCancel(context.Background())
	return &officeSync{link: link, win: win, header: h, ctx: ctx, cancel: cancel}
}

// begin shows the laptop's office state and, when it is in an office,
// starts the rhythm (with a sync now when syncNow).
func (s *officeSync) begin(syncNow bool) {
	st, err := s.link.Status()
	s.joined = err == nil && st.Configured
	if !s.joined {
		s.header.hide()
		return
	}
	s.header.show(st)
	if syncNow {
		s.request()
		return
	}
	s.schedule(officeEvery)
}

// request starts a sync now (or one more after the one under way).
func (s *officeSync) request() {
	if s.stopped || !s.joined {
		return
	}
	if s.running {
		s.again = true
		return
	}
	s.running = true
	s.syncs++
	s.header.syncing()
	go s.run()
}

// run is the sync itself, off the window's goroutine.
func (s *officeSync) run() {
	st, changed, err := s.link.SyncWith(s.ctx)
	s.win.do(func() { s.done(st, changed, err) })
}

// done shows what the sync came to and plans the next one.
func (s *officeSync) done(st model.OfficeStatus, changed bool, err error) {
	s.running = false
	if s.stopped {
		return
	}
	if err != nil {
		s.failures++
		s.header.failed(err)
	} else {
		s.header.show(st)
		if st.Reachable {
			s.failures = 0
		} else {
			s.failures++
		}
	}
	if changed {
		s.win.officePulled()
	}
	if s.again {
		s.again = false
		s.request()
		return
	}
	s.schedule(s.wait())
}

// wait is the time to the next sync: officeEvery while the office
// answers, doubling (up to officeBackoffMax) while it does not.
func (s *officeSync) wait() time.Duration {
	d := officeEvery
	for i := 1; i < s.failures && d < officeBackoffMax; i++ {
		d *= 2
	}
	return min(d, officeBackoffMax)
}

// schedule (re)starts the rhythm's timer.
func (s *officeSync) schedule(d time.Duration) {
	if s.tick == nil {
		s.tick = officeAfter(d, func() { s.win.do(s.request) })
		return
	}
	s.tick.Reset(d)
}

// changed: a save; the office hears of it after officeDebounce, once for a
// burst of saves.
func (s *officeSync) changed() {
	if s.stopped || !s.joined {
		return
	}
	if s.debounce == nil {
		s.debounce = officeAfter(officeDebounce, func() { s.win.do(s.request) })
		return
	}
	s.debounce.Reset(officeDebounce)
}

// settled: a person settled a conflict on this laptop. The header counts
// it at once (the laptop's own state, no connection), and the choice goes
// to the office with a sync soon after, as a save does.
func (s *officeSync) settled() {
	if s.stopped || !s.joined {
		return
	}
	if !s.running {
		if st, err := s.link.Status(); err == nil {
			s.header.show(st)
		}
	}
	s.changed()
}

// stop ends the rhythm and cancels a sync under way.
func (s *officeSync) stop() {
	s.stopped = true
	s.cancel()
	for _, t := range []restartable{s.tick, s.debounce} {
		if t != nil {
			t.Stop()
		}
	}
}
