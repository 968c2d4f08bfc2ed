package ui

import "time"

// settleAfter is how long the caseworker stays on a screen before the
// window hands back the memory the screens left behind hold.
var settleAfter = 2 * time.Second

// settle (re)starts that wait at each change of screen; u.release then runs
// once, off the window's goroutine. Nothing happens where release is nil
// (tests, unless they set it).
func (u *UI) settle() {
	if u.release == nil {
		return
	}
	if u.settleTimer == nil {
		u.settleTimer = time.AfterFunc(settleAfter, u.release)
		return
	}
	u.settleTimer.Reset(settleAfter)
}
