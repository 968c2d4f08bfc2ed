package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// onRestorePick lets the caseworker choose a backup file, then asks for its
// passphrase; the current database is kept aside, never overwritten.
func (u *UI) onRestorePick() {
	if u.restoreDB == nil {
		u.showError(model.NewUserError("error.restore.unavailable", nil))
		return
	}
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		u.askRestorePassphrase(r.URI().Path())
	}, u.win)
}

func (u *UI) askRestorePassphrase(file string) {
	pass := newPasswordFormEntry()
	items := []*widget.FormItem{widget.NewFormItem(lang.L("backup.passphrase.ask"), pass)}
	d := dialog.NewForm(lang.L("restore.title"), lang.L("restore.confirm"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			u.onRestore(file, pass.Text)
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
	u.win.Canvas().Focus(pass)
}

// onRestore restores file in place of the open database and starts the
// window afresh on it; a refusal (wrong passphrase, damaged file) changes
// nothing and says why. The work runs off the window's goroutine behind a
// dialog that says it is working (decrypting and checking take seconds).
func (u *UI) onRestore(file, passphrase string) {
	if !u.restoring.CompareAndSwap(false, true) {
		return
	}
	bar := widget.NewProgressBarInfinite()
	working := dialog.NewCustomWithoutButtons(lang.L("restore.title"),
		container.NewVBox(widget.NewLabel(lang.L("restore.running")), bar), u.win)
	working.Show()
	go func() {
		info, apply, err := u.restoreDB(file, passphrase)
		u.do(func() {
			defer u.restoring.Store(false)
			bar.Stop()
			working.Hide()
			if apply != nil {
				apply()
			}
			u.restored(info, err)
		})
	}()
}

// restored says how the restore went (on the window's goroutine).
func (u *UI) restored(info model.BackupInfo, err error) {
	if err != nil {
		u.showError(err)
		return
	}
	text := fmt.Sprintf(lang.L("restore.done"), model.DanishDateTime(info.Made.Local()))
	if info.KeptAside != "" {
		text += "\n" + fmt.Sprintf(lang.L("restore.aside"), info.KeptAside)
	}
	dialog.ShowInformation(lang.L("restore.title"), text, u.win)
}
