package ui

import (
	"testing"
	"time"

	"jobspor/model/store/storetest"
)

// fakeWait is the wait before the hand-back, fired by the test itself.
type fakeWait struct {
	fn      func()
	restart int
	stopped bool
}

func (w *fakeWait) Reset(time.Duration) bool { w.restart++; return true }
func (w *fakeWait) Stop() bool               { w.stopped = true; return true }

// withFakeWait makes the window's hand-back wait one the test fires.
func withFakeWait(t *testing.T) **fakeWait {
	var w *fakeWait
	old := afterFunc
	afterFunc = func(d time.Duration, f func()) restartable { w = &fakeWait{fn: f}; return w }
	t.Cleanup(func() { afterFunc = old })
	return &w
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
