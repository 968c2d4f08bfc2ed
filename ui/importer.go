package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// importerShell is what importer asks of the window.
type importerShell interface {
	notify(text string)
	showError(err error)
	window() fyne.Window
}

// importer reads a file the caseworker picks, shows what it would import
// (a dry run), and imports it all on confirmation.
type importer struct {
	shell importerShell
	run   func(data []byte, name string, dry bool) (model.ImportResult, error)
	// sample lists what the file holds for the preview (optional).
	sample func(data []byte) []string
	// after runs once the import is stored (optional).
	after func()
}

func (s *settingsScreen) importButtons() fyne.CanvasObject {
	u := s.shell
	disco := &importer{shell: u, run: func(data []byte, _ string, dry bool) (model.ImportResult, error) {
		g, err := model.ParseDisco(data)
		if err != nil {
			return model.ImportResult{}, err
		}
		return s.store.ImportDisco(g, dry)
	}}
	prospects := &importer{shell: u, run: func(data []byte, name string, dry bool) (model.ImportResult, error) {
		pub, ps, err := model.ParseProspects(data)
		if err != nil {
			return model.ImportResult{}, err
		}
		return s.store.ImportProspects(pub, ps, name, dry)
	}, after: u.mergeCatalogue}
	prospectsButton := widget.NewButtonWithIcon(lang.L("import.prospects"), theme.UploadIcon(), prospects.onPick)
	if s.locked { // the prospects editions are the office's: the lead imports them
		prospectsButton.Disable()
	}
	return container.NewVBox(heading(lang.L("import.heading")), lowLabel(lang.L("import.help")),
		container.NewHBox(
			widget.NewButtonWithIcon(lang.L("import.disco"), theme.UploadIcon(), disco.onPick),
			prospectsButton))
}

func (im *importer) onPick() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		data, err := model.ReadImport(r, r.URI().Name())
		if err == nil {
			err = im.preview(data, r.URI().Name())
		}
		if err != nil {
			im.shell.showError(err)
		}
	}, im.shell.window())
}

func (im *importer) preview(data []byte, name string) error {
	res, err := im.run(data, name, true)
	if err != nil {
		return err
	}
	msg := fmt.Sprintf(lang.L("import.preview"), name, res.Added, res.Changed, res.Unchanged)
	if im.sample != nil {
		msg += "\n\n" + strings.Join(im.sample(data), "\n")
	}
	dialog.ShowConfirm(lang.L("import.heading"), msg, func(ok bool) { im.onConfirm(ok, data, name) }, im.shell.window())
	return nil
}

func (im *importer) onConfirm(ok bool, data []byte, name string) {
	if !ok {
		return
	}
	if _, err := im.run(data, name, false); err != nil {
		im.shell.showError(err)
		return
	}
	im.shell.notify(lang.L("import.done"))
	if im.after != nil {
		im.after()
	}
}
