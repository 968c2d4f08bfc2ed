package ui

import "time"

// settleAfter is how long the caseworker stays on a screen before the
// window hands back the memory the screens left behind hold.
var settleAfter = 2 * time.Second

// restartable is the wait before the hand-back: a time.Timer in the window;
// tests put one they fire themselves (afterFunc), so no test depends on how
// fast the machine moves between screens.
type restartable interface {
	Reset(d time.Duration) bool
	Stop() bool
}

var afterFunc = func(d time.Duration, f func()) restartable { return time.AfterFunc(d, f) }

// settle (re)starts that wait at each change of screen; u.release then runs
// once, off the window's goroutine. Nothing happens where release is nil
// (tests, unless they set it).
func (u *UI) settle() {
	if u.release == nil {
		return
	}
	if u.settleTimer == nil {
		u.settleTimer = afterFunc(settleAfter, u.release)
		return
	}
	u.settleTimer.Reset(settleAfter)
}
