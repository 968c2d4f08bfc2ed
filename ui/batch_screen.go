package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// batchStore is what batchScreen asks of the database.
type batchStore interface {
	Calendar() (*model.WorkCalendar, error)
}

// batchShell is what batchScreen asks of the window.
type batchShell interface {
	do(fn func())
	goBack()
	handoutMaker() Handouts
	now() time.Time
	openFile(path string)
	showError(err error)
	window() fyne.Window
}

// batchScreen prints one kind of handout for every appointment on a day,
// as one PDF or one file per citizen, with a progress bar and a cancel button.
type batchScreen struct {
	shell    batchShell
	store    batchStore
	date     *formEntry
	kind     *safeSelect
	oneFile  *widget.RadioGroup
	start    *widget.Button
	stop     *widget.Button
	progress *widget.ProgressBar
	status   *widget.Label
	cancel   chan struct{}
	root     fyne.CanvasObject

	kinds choice[model.HandoutKind]
}

func newBatchScreen(sh batchShell, st batchStore) *batchScreen {
	s := &batchScreen{shell: sh, store: st, kinds: newChoice(model.CitizenHandouts, func(k model.HandoutKind) string { return lang.L("print." + string(k)) })}
	s.root = s.build()
	return s
}

func (s *batchScreen) content() fyne.CanvasObject { return s.root }

func (s *batchScreen) build() fyne.CanvasObject {
	day := s.shell.now() // the day's handouts, for today's conversations (the next working day at a weekend)
	if cal, err := s.store.Calendar(); err == nil {
		day = cal.NextWorkday(day)
	}
	s.date = dateEntry(day)
	s.kind = newSelect(s.kinds.labels, nil)
	s.kind.SetSelectedIndex(0)
	s.oneFile = widget.NewRadioGroup([]string{lang.L("batch.one"), lang.L("batch.many")}, nil)
	s.oneFile.SetSelected(lang.L("batch.one"))
	s.start = widget.NewButtonWithIcon(lang.L("batch.start"), theme.DocumentPrintIcon(), s.onStart)
	s.start.Importance = widget.HighImportance
	s.stop = widget.NewButtonWithIcon(lang.L("action.cancel"), theme.CancelIcon(), s.onStop)
	s.stop.Disable()
	s.progress = widget.NewProgressBar()
	s.status = widget.NewLabel("")
	back := widget.NewButtonWithIcon(lang.L("today.back"), theme.NavigateBackIcon(), s.shell.goBack)
	form := widget.NewForm(widget.NewFormItem(lang.L("batch.day"), s.date), widget.NewFormItem(lang.L("batch.kind"), s.kind),
		widget.NewFormItem(lang.L("batch.as"), s.oneFile))
	return container.NewVBox(container.NewHBox(back, heading(lang.L("batch.title"))), form,
		container.NewHBox(s.start, s.stop), s.progress, s.status)
}

func (s *batchScreen) onStart() {
	day, err := model.ParseDate(s.date.Text)
	if err != nil {
		s.shell.showError(err)
		return
	}
	kind, _ := s.kinds.value(s.kind.Selected)
	one := s.oneFile.Selected == lang.L("batch.one")
	out := filepath.Join(s.outDir(), fmt.Sprintf("%s-%s", kind, day.Format("2006-01-02")))
	if one {
		out += ".pdf"
	}
	s.cancel = make(chan struct{})
	s.start.Disable()
	s.stop.Enable()
	s.progress.SetValue(0)
	local := model.Day(day)
	go s.run(kind, local, one, out)
}

func (s *batchScreen) outDir() string { return s.shell.handoutMaker().Folder() }

// run works in the background and touches the window only through fyne.Do.
func (s *batchScreen) run(kind model.HandoutKind, day time.Time, one bool, out string) {
	paths, err := s.shell.handoutMaker().Batch(kind, day, one, out, func(done, total int) {
		s.shell.do(func() {
			s.progress.SetValue(float64(done) / float64(total))
			s.status.SetText(fmt.Sprintf(lang.L("batch.done"), done, total))
		})
	}, s.cancel)
	s.shell.do(func() { s.finish(paths, err, one, out) })
}

func (s *batchScreen) finish(paths []string, err error, one bool, out string) {
	s.start.Enable()
	s.stop.Disable()
	if w, ok := model.AsPrintWarning(err); ok {
		dialog.ShowInformation(lang.L("handout.saved"), msg(w.Message()), s.shell.window())
		err = nil
	}
	switch {
	case errors.Is(err, model.ErrCancelled):
		s.status.SetText(lang.L("batch.cancelled"))
	case err != nil:
		s.shell.showError(err)
	case one:
		s.shell.openFile(out)
	default:
		s.status.SetText(fmt.Sprintf(lang.L("batch.files"), len(paths), strings.TrimSuffix(out, filepath.Ext(out))))
	}
}

func (s *batchScreen) onStop() {
	if s.cancel != nil {
		close(s.cancel)
		s.cancel = nil
	}
	s.stop.Disable()
}
