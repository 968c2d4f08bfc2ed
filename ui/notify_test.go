package ui

import "testing"

// TestToastsHideOnTheWindowAndStopWithIt: a notification hides itself on
// the window's goroutine; a window that closes stops its notifications'
// timers and drops what its goroutines still send it (a toast's timer that
// outlived its test hid the toast from its own goroutine, beside the next
// test's).
func TestToastsHideOnTheWindowAndStopWithIt(t *testing.T) {
	u, _ := newTestUI(t)
	u.notify("Gemt")
	if len(u.toasts.Objects) != 1 || len(u.timers) != 1 {
		t.Fatalf("%d toasts shown, %d timers running; want 1 and 1", len(u.toasts.Objects), len(u.timers))
	}
	waitFor(t, "the toast hidden", func() bool { return len(u.toasts.Objects) == 0 })
	if len(u.timers) != 0 {
		t.Errorf("%d timers kept after the toast was hidden", len(u.timers))
	}

	u.notify("Gemt")
	u.win.Close()
	if len(u.timers) != 0 {
		t.Errorf("%d timers still running after the window closed", len(u.timers))
	}
	ran := false
	u.do(func() { ran = true })
	runWindow()
	if ran {
		t.Error("the closed window still ran what was sent to it")
	}
	u.notify("Gemt")
	if len(u.timers) != 0 {
		t.Error("a closed window started a timer")
	}
}
