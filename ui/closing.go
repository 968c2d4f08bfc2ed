package ui

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"jobspor/model"
)

// closeStore is what closing the window asks of the database: the day's
// automatic backup.
type closeStore interface {
	BackupIfDue() (model.BackupInfo, bool, error)
}

// onClose asks about changes not saved on any screen, then closes.
func (u *UI) onClose() { u.leaveAll(u.closeNow) }

// leaveAll runs then after asking Gem / Kassér / Bliv for every screen on
// the stack that holds changes not saved, the one in front first.
func (u *UI) leaveAll(then func()) {
	for i := len(u.stack) - 1; i >= 0; i-- {
		if e, ok := u.stack[i].(editable); ok && e.Dirty() {
			u.askLeave(e, func() { u.leaveAll(then) })
			return
		}
	}
	then()
}

// closeNow makes the day's backup when one is due, then closes; a failed
// backup is said, and the caseworker chooses to close anyway or stay.
func (u *UI) closeNow() {
	_, _, err := u.store.BackupIfDue()
	if err == nil {
		u.win.Close()
		return
	}
	d := dialog.NewConfirm(lang.L("close.title"), fmt.Sprintf(lang.L("close.backup.failed"), errText(err)),
		func(close bool) {
			if close {
				u.win.Close()
			}
		}, u.win)
	d.SetConfirmText(lang.L("close.title"))
	d.Show()
}
