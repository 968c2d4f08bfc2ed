package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// onWindow runs fn on the window's goroutine, where Fyne runs every
// callback: the window's own goroutines (background reads, the batch,
// timers) touch widgets only through it (UI.do). It is fyne.Do. Fyne's test
// driver runs fyne.Do in place, on the calling goroutine, which would let a
// reading goroutine or a timer drive widgets beside the test; the tests put
// a queue here that their own goroutine runs (waitFor).
var onWindow = fyne.Do

// do runs fn on the window's goroutine, unless the window has closed by then.
func (u *UI) do(fn func()) {
	onWindow(func() {
		if !u.closed {
			fn()
		}
	})
}

// later runs fn on the window's goroutine after d. The timer is the
// window's: it is stopped when the window closes (onClosed), so nothing
// fires into a window that is gone.
func (u *UI) later(d time.Duration, fn func()) {
	if u.closed {
		return
	}
	if u.timers == nil {
		u.timers = map[int]*time.Timer{}
	}
	u.timerSeq++
	id := u.timerSeq
	u.timers[id] = time.AfterFunc(d, func() {
		u.do(func() {
			delete(u.timers, id)
			fn()
		})
	})
}

// keepTime makes Today keep time in the window: every tickEvery it looks at
// the clock on the window's goroutine (cheap when nothing is due), until the
// window closes.
func (u *UI) keepTime() {
	stop := make(chan struct{})
	u.stopTicking = stop
	t := time.NewTicker(tickEvery)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-t.C:
				u.do(func() { u.today.tick() })
			case <-stop:
				return
			}
		}
	}()
}

// onClosed is called when the window closes: its timers and its ticking
// stop, and whatever its goroutines still send it is dropped (do).
func (u *UI) onClosed() {
	u.closed = true
	u.stopOffice()
	for id, t := range u.timers {
		t.Stop()
		delete(u.timers, id)
	}
	u.stopSettling()
	if u.stopTicking != nil {
		close(u.stopTicking)
		u.stopTicking = nil
	}
}
