package ui

import (
	"fmt"
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

// jobListStore is what the job list and its form ask of the database.
type jobListStore interface {
	jobStore
	jobFormStore
}

// jobStore is what jobListScreen asks of the database.
type jobStore interface {
	ImportJobsCSV(data []byte, added time.Time, dryRun bool) (model.ImportResult, error)
	MatchJob(jobID int64) ([]model.CitizenMatch, error)
	OpenJobs(today time.Time) ([]model.Job, error)
	DeleteJob(id int64) error
}

// jobListShell is what jobListScreen asks of the window.
type jobListShell interface {
	jobFormShell
	importerShell
	goBack()
	handoutMaker() Handouts
	now() time.Time
	onOpenCitizen(id int64)
	onProspects()
	printed(path string, err error)
	showError(err error)
	window() fyne.Window
	jobsOffice() jobsOffice // nil without an office
}

// jobListScreen is the day's job list: openings known to the office, hot
// and new first, to add by hand or import, and to match with citizens.
type jobListScreen struct {
	shell jobListShell
	store jobListStore
	jobs  []model.Job
	// readOnly: a caseworker's laptop in an office, where the jobs at the
	// office are the lead's to edit or remove (anyone adds one).
	readOnly bool
	list     *widget.List
	form     *jobForm
	root     fyne.CanvasObject
}

func newJobListScreen(sh jobListShell, st jobListStore) (*jobListScreen, error) {
	s := &jobListScreen{shell: sh, store: st, readOnly: officeReadOnly(sh.jobsOffice())}
	if err := s.load(); err != nil {
		return nil, err
	}
	s.root = s.build()
	return s, nil
}

func (s *jobListScreen) content() fyne.CanvasObject { return s.root }

// Dirty, Save and Discard make the screen an editable: its job form.
func (s *jobListScreen) Dirty() bool { return s.form.Dirty() }
func (s *jobListScreen) Save() error { return s.form.Save() }
func (s *jobListScreen) Discard()    { s.form.Discard() }

func (s *jobListScreen) load() error {
	jobs, err := s.store.OpenJobs(s.shell.now())
	s.jobs = jobs
	return err
}

func (s *jobListScreen) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("today.back"), theme.NavigateBackIcon(), s.shell.goBack)
	imp := widget.NewButtonWithIcon(lang.L("jobs.import"), theme.UploadIcon(), s.onImport)
	print := widget.NewButtonWithIcon(lang.L("jobs.print"), theme.DocumentPrintIcon(), s.onPrint)
	amb := widget.NewButtonWithIcon(lang.L("amb.button"), theme.InfoIcon(), s.shell.onProspects)
	title := heading(fmt.Sprintf(lang.L("jobs.title"), len(s.jobs)))
	s.form = newJobForm(s.shell, s.store, s.onSaved)
	s.list = widget.NewList(func() int { return len(s.jobs) }, s.createRow, s.updateRow)
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(back, title), container.NewHBox(amb, print, imp)), s.form.build(), widget.NewSeparator())
	if note := officeJobListNote(s.shell.jobsOffice()); note != nil {
		top.Objects = append(top.Objects[:1], append([]fyne.CanvasObject{note}, top.Objects[1:]...)...)
	}
	return container.NewBorder(top, nil, nil, nil, s.list)
}

func (s *jobListScreen) createRow() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	who := widget.NewButtonWithIcon(lang.L("jobs.who"), theme.AccountIcon(), nil)
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(who, edit, del), l)
}

func (s *jobListScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	j := s.jobs[i]
	c := o.(*fyne.Container)
	l := c.Objects[0].(*widget.Label)
	l.SetText(jobLine(j))
	l.Importance = widget.MediumImportance
	if j.Hot {
		l.Importance = widget.HighImportance
	}
	l.Refresh()
	btns := c.Objects[1].(*fyne.Container)
	btns.Objects[0].(*widget.Button).OnTapped = func() { s.onWho(j) }
	btns.Objects[1].(*widget.Button).OnTapped = func() { s.form.load(j) }
	btns.Objects[2].(*widget.Button).OnTapped = func() { s.onAskDelete(j) }
	for _, b := range btns.Objects[1:] {
		if s.readOnly {
			b.(*widget.Button).Disable()
		} else {
			b.(*widget.Button).Enable()
		}
	}
}

// onAskDelete removes an opening that was filled or entered by mistake,
// after asking; job-log lines keep its title and employer.
func (s *jobListScreen) onAskDelete(j model.Job) {
	d := dialog.NewConfirm(lang.L("jobs.delete.title"), fmt.Sprintf(lang.L("jobs.delete.ask"), j.Title, j.Employer), func(yes bool) {
		if yes {
			s.onDelete(j.ID)
		}
	}, s.shell.window())
	d.SetConfirmText(lang.L("jobs.delete.confirm"))
	d.SetConfirmImportance(widget.DangerImportance) // never the default: Enter does not delete
	d.Show()
}

func (s *jobListScreen) onDelete(id int64) {
	if err := s.store.DeleteJob(id); err != nil {
		s.shell.showError(err)
		return
	}
	s.onSaved()
}

// jobLine is an opening in a line: hot mark, title, employer, place, deadline.
func jobLine(j model.Job) string {
	hot := ""
	if j.Hot {
		hot = lang.L("jobs.hot") + ": " // a word: with no_emoji the screen has no 🔥, and showed �
	}
	place := strings.TrimSpace(j.Postcode + " " + j.Place)
	return fmt.Sprintf("%s%s – %s, %s – %s %s", hot, j.Title, j.Employer, place, lang.L("jobs.deadline"), deadlineText(j.Deadline))
}

func deadlineText(t time.Time) string {
	if t.IsZero() {
		return lang.L("jobs.nodeadline")
	}
	return shortDate(t)
}

// onPrint makes the day's job list in large print for the reception area.
func (s *jobListScreen) onPrint() {
	s.shell.printed(s.shell.handoutMaker().Handout(model.HandoutJobList, 0))
}

func (s *jobListScreen) onSaved() {
	if err := s.load(); err != nil {
		s.shell.showError(err)
	}
	s.list.Refresh()
}

// onWho lists the citizens whose goals fit the opening.
func (s *jobListScreen) onWho(j model.Job) {
	ms, err := s.store.MatchJob(j.ID)
	if err != nil {
		s.shell.showError(err)
		return
	}
	box := container.NewVBox()
	var d *dialog.CustomDialog
	for _, m := range ms {
		m := m
		b := widget.NewButton(fmt.Sprintf("%s – %s (%s, %s)", m.Name, m.Goal, lang.L(fmt.Sprintf("fit.%d", m.Fit)), nearLabel(m.Near)), func() {
			d.Hide() // the citizen opens over the job list, which Tilbage returns to
			s.shell.onOpenCitizen(m.CitizenID)
		})
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	if len(ms) == 0 {
		box.Add(widget.NewLabel(lang.L("jobs.nobody")))
	}
	d = dialog.NewCustom(fmt.Sprintf(lang.L("jobs.whotitle"), j.Title), lang.L("OK"), container.NewVScroll(box), s.shell.window())
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// onImport reads a CSV of openings, shows what it holds, and imports it
// all on confirmation.
func (s *jobListScreen) onImport() {
	im := &importer{shell: s.shell, after: s.onSaved,
		run: func(data []byte, _ string, dry bool) (model.ImportResult, error) {
			return s.store.ImportJobsCSV(data, s.shell.now(), dry) // each opening stored as it is read
		},
		sample: func(data []byte) []string {
			jobs, _ := model.ParseJobs(data, s.shell.now())
			var lines []string
			for _, j := range jobs[:min(len(jobs), 10)] {
				lines = append(lines, jobLine(j))
			}
			return lines
		}}
	im.onPick()
}
