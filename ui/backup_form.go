package ui

import (
	"fmt"
	"strconv"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// backupStore is what the backup settings ask of the database.
type backupStore interface {
	BackupSettings() (model.BackupSettings, error)
	SaveBackupSettings(b model.BackupSettings) error
	SetBackupPassphrase(passphrase string) error
	Backup(folder string, keep int) (model.BackupInfo, error)
}

// backupShell is what backupForm asks of the window.
type backupShell interface {
	do(fn func())
	notify(text string)
	onRestorePick()
	window() fyne.Window
}

// backupForm is the "Sikkerhedskopi" part of Indstillinger: where backups
// go, how many are kept, when Today warns, the passphrase, and a backup now.
type backupForm struct {
	shell   backupShell
	store   backupStore
	folder  *formEntry
	keep    *formEntry
	maxAge  *formEntry
	pass    *formEntry
	again   *formEntry
	status  *widget.Label
	problem *widget.Label
	state   *saveState // saved with Indstillinger's one Gem
	now     *widget.Button
	running atomic.Bool // a backup is being made off the window's goroutine
}

func newBackupForm(sh backupShell, st backupStore) *backupForm {
	return &backupForm{shell: sh, store: st}
}

func (f *backupForm) build() fyne.CanvasObject {
	b, err := f.store.BackupSettings()
	if err != nil {
		return lowLabel(errText(err))
	}
	f.folder, f.keep, f.maxAge = newFormEntry(), newFormEntry(), newFormEntry()
	f.folder.SetText(b.Folder)
	f.keep.SetText(strconv.Itoa(b.Keep))
	f.maxAge.SetText(strconv.Itoa(b.MaxAgeDays))
	f.pass, f.again = newPasswordFormEntry(), newPasswordFormEntry()
	f.status, f.problem = widget.NewLabel(f.statusText(b)), widget.NewLabel("")
	f.status.Wrapping, f.problem.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	pick := widget.NewButtonWithIcon(lang.L("backup.pick"), theme.FolderOpenIcon(), f.onPick)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("backup.folder"), container.NewBorder(nil, nil, nil, pick, f.folder)),
		widget.NewFormItem(lang.L("backup.keep"), f.keep),
		widget.NewFormItem(lang.L("backup.maxage"), f.maxAge),
		widget.NewFormItem(lang.L("backup.passphrase"), f.pass),
		widget.NewFormItem(lang.L("backup.again"), f.again))
	f.now = widget.NewButtonWithIcon(lang.L("backup.now"), theme.UploadIcon(), f.onBackupNow)
	restore := widget.NewButtonWithIcon(lang.L("restore.button"), theme.HistoryIcon(), f.shell.onRestorePick)
	f.state = newSaveState(func() string { return joinFields(f.folder.Text, f.keep.Text, f.maxAge.Text, f.pass.Text, f.again.Text) })
	f.state.reset()
	watch(f.state.changed, f.folder, f.keep, f.maxAge, f.pass, f.again)
	watch(f.onPassTyped, f.pass, f.again)
	return container.NewVBox(heading(lang.L("backup.title")), lowLabel(lang.L("backup.help")), f.status,
		form, f.problem, container.NewHBox(f.now, restore))
}

func (f *backupForm) statusText(b model.BackupSettings) string {
	switch {
	case !b.HasKey:
		return lang.L("backup.nokey")
	case b.Last.IsZero():
		return lang.L("backup.never")
	}
	return fmt.Sprintf(lang.L("backup.last"), model.DanishDateTime(b.Last.Local()))
}

func (f *backupForm) onPick() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			f.folder.SetText(dir.Path())
		}
	}, f.shell.window())
}

// write stores the choices and, when typed twice alike, the passphrase
// (Indstillinger's Gem); problems are shown under the form.
func (f *backupForm) write() error {
	if err := f.save(); err != nil {
		f.setProblem(errText(err))
		return shownError{err}
	}
	f.afterSave()
	return nil
}

// afterSave empties the passphrase fields (the key is set) and the problem.
func (f *backupForm) afterSave() {
	f.setProblem("")
	f.pass.SetText("")
	f.again.SetText("")
	f.refreshStatus()
}

func (f *backupForm) save() error {
	keep, err1 := strconv.Atoi(f.keep.Text)
	days, err2 := strconv.Atoi(f.maxAge.Text)
	if err1 != nil || err2 != nil {
		return model.NewUserError("error.backup.settings", nil)
	}
	if f.pass.Text != f.again.Text {
		return model.NewUserError("error.backup.mismatch", nil)
	}
	b := model.BackupSettings{Folder: f.folder.Text, Keep: keep, MaxAgeDays: days}
	if err := f.store.SaveBackupSettings(b); err != nil {
		return err
	}
	if f.pass.Text == "" {
		return nil
	}
	return f.store.SetBackupPassphrase(f.pass.Text)
}

func (f *backupForm) refreshStatus() {
	if b, err := f.store.BackupSettings(); err == nil {
		f.status.SetText(f.statusText(b))
	}
}

// onPassTyped: a problem with the passphrases is old news once they change.
func (f *backupForm) onPassTyped() {
	if f.problem.Visible() && f.problem.Text == errText(model.NewUserError("error.backup.mismatch", nil)) {
		f.setProblem("")
	}
}

// onBackupNow saves the choices, then backs up into the chosen folder off
// the window's goroutine, saying meanwhile that it is working; the window
// stays usable.
func (f *backupForm) onBackupNow() {
	if f.running.Load() {
		return
	}
	if err := f.save(); err != nil {
		f.setProblem(errText(err))
		return
	}
	f.afterSave()
	f.state.reset()
	f.state.changed()
	b, err := f.store.BackupSettings()
	if err == nil && b.Folder == "" {
		err = model.NewUserError("error.backup.nofolder", nil)
	}
	if err != nil {
		f.setProblem(errText(err))
		return
	}
	f.running.Store(true)
	f.now.Disable()
	f.status.SetText(lang.L("backup.running"))
	go func() {
		info, err := f.store.Backup(b.Folder, b.Keep)
		f.shell.do(func() { f.backedUp(info, err) })
	}()
}

// backedUp shows how the backup went (on the window's goroutine).
func (f *backupForm) backedUp(info model.BackupInfo, err error) {
	defer f.running.Store(false)
	f.now.Enable()
	f.refreshStatus()
	if err != nil {
		f.setProblem(errText(err))
		return
	}
	f.setProblem("")
	f.shell.notify(fmt.Sprintf(lang.L("backup.done"), info.Path))
}

// busy says whether a backup is being made.
func (f *backupForm) busy() bool { return f.running.Load() }

// setProblem shows what is wrong under the form, or nothing.
func (f *backupForm) setProblem(text string) {
	f.problem.SetText(text)
	f.problem.Hidden = text == ""
	f.problem.Refresh()
}
