package ui

import (
	"testing"
	"time"

	"jobspor/model/store/storetest"
)

// fakeWait is a wait before a hand-back, fired by the test itself.
type fakeWait struct {
	after   time.Duration // as last started
	fn      func()
	restart int
	stopped bool
}

func (w *fakeWait) Reset(d time.Duration) bool { w.after = d; w.restart++; return true }
func (w *fakeWait) Stop() bool                 { w.stopped = true; return true }

// withFakeWait makes the window's hand-back waits ones the test fires; it
// points at the first (when the caseworker stays).
func withFakeWait(t *testing.T) **fakeWait {
	w, _ := withFakeWaits(t)
	return w
}

// withFakeWaits points at both waits: when the caseworker stays, and when
// Fyne has let go of the screens left.
func withFakeWaits(t *testing.T) (settled, letGo **fakeWait) {
	var ws []*fakeWait
	var first, second *fakeWait
	old := afterFunc
	afterFunc = func(d time.Duration, f func()) restartable {
		w := &fakeWait{after: d, fn: f}
		ws = append(ws, w)
		first, second = ws[0], ws[len(ws)-1]
		return w
	}
	t.Cleanup(func() { afterFunc = old })
	return &first, &second
}

// TestMemoryIsHandedBackOnceTheCaseworkerSettles: moving through four
// screens restarts the wait at each change (nothing is handed back on the
// way); when the caseworker stays, it is handed back once.
func TestMemoryIsHandedBackOnceTheCaseworkerSettles(t *testing.T) {
	u, store := newTestUI(t)
	c := storetest.AddCitizen(t, store)
	wait := withFakeWait(t)
	released := 0
	u.release = func() { released++ }

	u.onCaseload()
	u.onOpenCitizen(c.ID)
	u.back()
	u.back()
	w := *wait
	if w == nil || w.restart != 3 {
		t.Fatalf("four changes of screen: the wait was started %v and restarted %d times; want once and 3", w != nil, w.restart)
	}
	if released != 0 {
		t.Fatalf("memory handed back %d times while the caseworker was moving between screens", released)
	}
	w.fn() // the caseworker stayed on Today
	if released != 1 {
		t.Fatalf("memory handed back %d times after the caseworker stayed on Today; want once", released)
	}
	u.win.Close()
	if !w.stopped {
		t.Error("closing the window left the wait running")
	}
}

// TestMemoryIsHandedBackAgainOnceFyneLetsGoOfTheScreensLeft: Fyne keeps
// what a left screen drew (renderers, the images of its text) for
// FYNE_CACHE after it was last drawn, until its next clean; a second wait,
// restarted at each change of screen too, hands memory back again after
// that, so what Fyne let go does not stay the window's.
func TestMemoryIsHandedBackAgainOnceFyneLetsGoOfTheScreensLeft(t *testing.T) {
	t.Setenv("FYNE_CACHE", "15s")
	u, store := newTestUI(t)
	c := storetest.AddCitizen(t, store)
	settled, letGo := withFakeWaits(t)
	released := 0
	u.release = func() { released++ }

	u.onCaseload()
	u.onOpenCitizen(c.ID)
	u.back()
	s, l := *settled, *letGo
	if s == nil || l == nil || s == l {
		t.Fatal("a change of screen started no second wait for when Fyne lets go of the screens left")
	}
	if l.restart != 2 || l.after != 27*time.Second {
		t.Fatalf("the second wait was restarted %d times, last for %s; want at each of the 2 later changes, for 2 s + FYNE_CACHE's 15 s + Fyne's 10 s between cleans", l.restart, l.after)
	}
	s.fn()
	l.fn()
	if released != 2 {
		t.Fatalf("memory handed back %d times after the caseworker stayed and Fyne let go; want twice", released)
	}
	u.win.Close()
	if !s.stopped || !l.stopped {
		t.Errorf("closing the window left a wait running (when settled stopped %v, when let go stopped %v)", s.stopped, l.stopped)
	}
}

// TestFyneKeepsScreensAMinuteWhereItsCacheIsUnreadable: where FYNE_CACHE
// is not a duration, Fyne keeps its minute, and so does the second wait.
func TestFyneKeepsScreensAMinuteWhereItsCacheIsUnreadable(t *testing.T) {
	t.Setenv("FYNE_CACHE", "lang")
	if got, want := letGoAfter(), settleAfter+time.Minute+fyneClean; got != want {
		t.Fatalf("the second hand-back waits %s with FYNE_CACHE unreadable; want %s", got, want)
	}
}

// TestMemoryIsHandedBackAfterTheStartsReading: the caseload read behind
// Today at start is followed by a hand-back too, for a caseworker who stays
// on Today.
func TestMemoryIsHandedBackAfterTheStartsReading(t *testing.T) {
	u, store := newTestUI(t)
	storetest.AddCitizen(t, store)
	wait := withFakeWait(t)
	released := 0
	u.release = func() { released++ }

	rows, err := store.Caseload(u.guide, u.now())
	if err != nil {
		t.Fatal(err)
	}
	u.caseload.keep(rows)
	if *wait == nil {
		t.Fatal("the start's reading started no wait before handing memory back")
	}
	(*wait).fn()
	if released != 1 {
		t.Fatalf("memory handed back %d times after the start's reading; want once", released)
	}
}
