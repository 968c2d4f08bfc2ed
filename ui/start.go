package ui

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/ui/internal/memory"
)

// AppID is Jobspor's fixed application ID: preferences stay put between builds.
const AppID = "dk.jobspor.app"

// Metadata is set before the app starts: it carries the ID and opts into
// fyne.Do threading so Fyne skips its slow compatibility checks.
var Metadata = fyne.AppMetadata{
	ID: AppID, Name: "Jobspor", Version: "0.1.0", Build: 1,
	Icon:       fyne.NewStaticResource("icon.png", assets.Icon),
	Migrations: map[string]bool{"fyneDo": true},
}

// SetupLanguage makes the window speak Danish unless JOBSPOR_LANG says
// "en". Fyne picks the language from the system's locale (on Windows the
// user's display language, whatever LANGUAGE says), so the chosen file is
// registered for every locale Jobspor knows: an English Windows still gets
// the Danish window.
func SetupLanguage() error {
	l := os.Getenv("JOBSPOR_LANG")
	if l != "en" {
		l = "da"
	}
	os.Setenv("LANGUAGE", l)
	data, err := assets.Translations.ReadFile("translations/" + l + ".json")
	if err != nil {
		return fmt.Errorf("read the %s translations: %w", l, err)
	}
	for _, loc := range []fyne.Locale{"da", "en"} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			return fmt.Errorf("load the %s translations: %w", l, err)
		}
	}
	return nil
}

// defaultWindowSize is the window's size at start: it fits a 1366×768
// laptop screen at 125 % with its title bar and task bar (the caseworker
// can make it bigger; every screen fits down to this size).
var defaultWindowSize = fyne.NewSize(1024, 540)

// Opener opens the database at path with the handouts printed from it;
// close is called when the window closes.
type Opener func(path string) (s Store, h Handouts, close func() error, err error)

// Restorer puts a backup at target (which must be closed), keeping the
// database there aside.
type Restorer func(file, target, passphrase string) (model.BackupInfo, error)

// OfficeFor is the office tier over an opened database (nil: none).
type OfficeFor func(s Store) Office

// Run opens the main window on the database at path and blocks until the
// window is closed. A database that cannot be opened is explained in the
// window, and the error is returned. officeFor (may be nil) gives the
// window the office over the same database, again after a restore.
func Run(a fyne.App, path string, content *model.Content, clock model.Clock, open Opener, restore Restorer, officeFor OfficeFor) error {
	applyTheme(a) // also for a database that cannot be opened: its message in the chosen light or dark
	w := a.NewWindow("Jobspor")
	w.Resize(defaultWindowSize)
	s, h, closeDB, err := open(path)
	if err != nil {
		showStartupError(w, err)
		return err
	}
	defer func() { closeDB() }()
	w.SetTitle("Jobspor – " + path)
	u := newUI(a, w, s, content, h, clock, true)
	u.release = memory.Release
	u.keepTime() // tests tick Today themselves
	setOffice := func(s Store) {
		if officeFor != nil {
			u.SetOffice(officeFor(s))
		}
	}
	setOffice(s)
	u.restoreDB = func(file, passphrase string) (model.BackupInfo, func(), error) {
		closeDB()
		info, rerr := restore(file, path, passphrase)
		s, h, c, oerr := open(path) // the restored database, or the same one after a refusal
		if oerr != nil {
			return info, func() { showStartupError(w, oerr) }, oerr
		}
		closeDB = c
		return info, func() { u.reset(s, h); setOffice(s) }, rerr
	}
	w.SetCloseIntercept(u.onClose)
	w.ShowAndRun()
	return nil
}

// showStartupError shows why the database could not be opened, then quits.
func showStartupError(w fyne.Window, err error) {
	text := widget.NewLabel(errText(err))
	text.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewPadded(text))
	d := dialog.NewError(errorForDialog(err), w)
	d.SetOnClosed(w.Close)
	w.Show()
	d.Show()
	w.ShowAndRun()
}
