package ui

import (
	"os"
	"time"
)

// settleAfter is how long the caseworker stays on a screen before the
// window hands back the memory the screens left behind hold.
var settleAfter = 2 * time.Second

// fyneClean is how often, at most, Fyne's cache cleans up what screens left
// behind (its clean runs no more often than this).
const fyneClean = 10 * time.Second

// letGoAfter is how long after a change of screen Fyne has surely let go of
// the screens left (their renderers and the images of their text): it keeps
// them FYNE_CACHE after they were last drawn (set before Fyne starts; a
// minute where unset or unreadable), until its next clean. The window hands
// memory back again then, or what Fyne let go would stay the process's.
func letGoAfter() time.Duration {
	kept := time.Minute
	if d, err := time.ParseDuration(os.Getenv("FYNE_CACHE")); err == nil {
		kept = d
	}
	return settleAfter + kept + fyneClean
}

// restartable is the wait before a hand-back: a time.Timer in the window;
// tests put one they fire themselves (afterFunc), so no test depends on how
// fast the machine moves between screens.
type restartable interface {
	Reset(d time.Duration) bool
	Stop() bool
}

var afterFunc = func(d time.Duration, f func()) restartable { return time.AfterFunc(d, f) }

// settle (re)starts both waits at each change of screen; u.release runs once
// after each, off the window's goroutine: when the caseworker stays, and once
// more when Fyne has let go of the screens left. Nothing happens where
// release is nil (tests, unless they set it).
func (u *UI) settle() {
	if u.release == nil {
		return
	}
	if u.settleTimer == nil {
		u.settleTimer = afterFunc(settleAfter, u.release)
		u.letGoTimer = afterFunc(letGoAfter(), u.release)
		return
	}
	u.settleTimer.Reset(settleAfter)
	u.letGoTimer.Reset(letGoAfter())
}

// stopSettling stops both waits (the window closes).
func (u *UI) stopSettling() {
	if u.settleTimer != nil {
		u.settleTimer.Stop()
		u.letGoTimer.Stop()
	}
}
