package ui

import (
	"sync"
	"testing"
)

// windowQueue is the window's goroutine in the tests. Fyne's test driver
// runs fyne.Do in place, on the goroutine that calls it: a reading goroutine
// or a toast's timer would then drive widgets beside the test's own
// goroutine (data races, and a timer firing into the next test's window).
// TestMain puts this queue in onWindow instead; what the window's goroutines
// send waits in it until the test's goroutine runs it (waitFor, runWindow),
// as the window's goroutine runs it between events.
type windowQueue struct {
	mu  sync.Mutex
	fns []func()
}

var testWindow windowQueue

func (q *windowQueue) add(fn func()) {
	q.mu.Lock()
	q.fns = append(q.fns, fn)
	q.mu.Unlock()
}

// run runs what is queued, and what that queues, on the calling goroutine.
func (q *windowQueue) run() {
	for {
		q.mu.Lock()
		fns := q.fns
		q.fns = nil
		q.mu.Unlock()
		if len(fns) == 0 {
			return
		}
		for _, fn := range fns {
			fn()
		}
	}
}

// runWindow runs on the test's goroutine what the window's goroutines have
// sent the window so far.
func runWindow() { testWindow.run() }

// closeAtEnd closes u's window when the test ends (unless the test closed
// it): the window's timers stop, and what its goroutines sent it and is
// still queued is dropped.
func closeAtEnd(t testing.TB, u *UI) {
	t.Cleanup(func() {
		if !u.closed { // Fyne's test driver panics on a second Close
			u.win.Close()
		}
		runWindow()
	})
}
