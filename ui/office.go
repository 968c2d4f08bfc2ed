package ui

// Office is everything the window asks of the office tier (issue 26): the
// union of what each office part declares in its own file. It is nil on a
// laptop that main did not hand an office to (and in most tests); every
// office part says nothing then, and the laptop works exactly as before.
type Office interface {
	conflictsStore
}

// SetOffice hands the window the office tier (main, and the office's tests).
func (u *UI) SetOffice(o Office) { u.office = o }
