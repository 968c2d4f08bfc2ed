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

// jobLogStore is what jobLog asks of the database.
type jobLogStore interface {
	Applications(citizenID int64) ([]model.Application, error)
	SaveApplication(a *model.Application) error
	DeleteApplication(id int64) error
}

// jobLogShell is what jobLog asks of the window.
type jobLogShell interface {
	now() time.Time
	showError(err error)
	window() fyne.Window
}

// jobLog is the citizen's log of applications: agreed ones until sent,
// statuses, and applications per week over the course.
type jobLog struct {
	shell    jobLogShell
	s        *citizenScreen
	store    jobLogStore
	apps     []model.Application
	text     *formEntry
	date     *formEntry
	add      *widget.Button
	statuses choice[model.ApplicationStatus]
	// rows are the status selects, by application ID (for tests).
	rows map[int64]*safeSelect
}

func (s *citizenScreen) buildJobLog() fyne.CanvasObject {
	l := &jobLog{shell: s.shell, s: s, store: s.store, rows: map[int64]*safeSelect{}, statuses: newChoice(model.AppStatuses, appStatusLabel)}
	s.joblog = l
	return l.build()
}

func (l *jobLog) build() fyne.CanvasObject {
	apps, err := l.store.Applications(l.s.citizen.ID)
	if err != nil {
		return lowLabel(errText(err))
	}
	l.apps = apps
	list := container.NewVBox()
	for _, a := range apps {
		list.Add(l.row(a))
	}
	if len(apps) == 0 {
		list.Add(lowLabel(lang.L("joblog.none")))
	}
	body := container.NewVBox(heading(lang.L("joblog.add")), l.addForm(), widget.NewSeparator(),
		heading(lang.L("joblog.weeks")), widget.NewLabel(weekText(model.ApplicationsPerWeek(apps))), widget.NewSeparator(),
		heading(lang.L("joblog.title")), list)
	return container.NewVScroll(container.NewPadded(body))
}

func (l *jobLog) row(a model.Application) fyne.CanvasObject {
	sel := newSelect(l.statuses.labels, nil)
	sel.SetSelected(l.statuses.label(a.Status))
	sel.OnChanged = func(string) { l.onStatus(a, sel) }
	l.rows[a.ID] = sel
	when := lang.L("joblog.notsent")
	if !a.AppliedOn.IsZero() {
		when = shortDate(a.AppliedOn)
	}
	text := widget.NewLabel(fmt.Sprintf("%s  %s", when, a.Text))
	text.Truncation = fyne.TextTruncateEllipsis
	if !a.Done() {
		text.Importance = widget.WarningImportance
	}
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { l.onEdit(a) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.onAskDelete(a) })
	right := container.NewHBox(container.NewGridWrap(fyne.NewSize(220, sel.MinSize().Height), sel), edit, del)
	return container.NewBorder(nil, nil, nil, right, text)
}

// onStatus saves a new status; an application becomes sent today when it
// leaves "agreed" without a date.
func (l *jobLog) onStatus(a model.Application, sel *safeSelect) {
	a.Status, _ = l.statuses.value(sel.Selected)
	if a.Status != model.AppAgreed && a.AppliedOn.IsZero() {
		a.AppliedOn = l.shell.now()
	}
	if err := l.save(a); err != nil {
		l.shell.showError(err)
		l.s.rebuildSection() // the select shows the stored status again
	}
}

// save stores a changed line; marked "ansat", it offers to close the case
// with that job.
func (l *jobLog) save(a model.Application) error {
	if err := l.store.SaveApplication(&a); err != nil {
		return err
	}
	l.s.rebuildSection()
	if a.Status == model.AppHired && l.s.citizen.Status == model.StatusActive {
		l.offerClose(a)
	}
	return nil
}

func (l *jobLog) offerClose(a model.Application) {
	d := dialog.NewConfirm(lang.L("joblog.hired.title"), fmt.Sprintf(lang.L("joblog.hired.ask"), a.Text), func(yes bool) {
		if yes {
			newCloseDialog(newCaseSection(l.s, l.s.store)).withJob(employerOf(a.Text)).show()
		}
	}, l.shell.window())
	d.SetConfirmText(lang.L("case.close"))
	d.Show()
}

// employerOf is the employer in "Title, Employer" (the text of a line made
// from an opening), or the whole text.
func employerOf(text string) string {
	if i := strings.LastIndex(text, ", "); i >= 0 {
		return strings.TrimSpace(text[i+2:])
	}
	return text
}

// onEdit changes a line's text, date and status.
func (l *jobLog) onEdit(a model.Application) {
	date := ""
	if !a.AppliedOn.IsZero() {
		date = shortDate(a.AppliedOn)
	}
	l.editForm(a, a.Text, date, l.statuses.label(a.Status))
}

// editForm shows the edit dialog with what was typed; a refused edit comes
// back to it with the typing kept.
func (l *jobLog) editForm(a model.Application, text, date, status string) {
	textE, dateE := newFormEntry(), dateEntry(time.Time{})
	textE.SetText(text)
	dateE.SetText(date)
	statusS := newSelect(l.statuses.labels, nil)
	statusS.SetSelected(status)
	items := []*widget.FormItem{{Text: lang.L("joblog.text"), Widget: textE}, {Text: lang.L("joblog.date"), Widget: dateE},
		{Text: lang.L("joblog.status"), Widget: statusS}}
	f := dialog.NewForm(lang.L("joblog.edit"), lang.L("action.save"), lang.L("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if err := l.onEdited(a, textE.Text, dateE.Text, statusS.Selected); err != nil {
			e := dialog.NewError(errorForDialog(err), l.shell.window())
			e.SetOnClosed(func() { l.editForm(a, textE.Text, dateE.Text, statusS.Selected) })
			e.Show()
		}
	}, l.shell.window())
	f.Resize(fyne.NewSize(560, 280))
	f.Show()
}

func (l *jobLog) onEdited(a model.Application, text, date, status string) error {
	a.Text, a.AppliedOn = text, time.Time{}
	a.Status, _ = l.statuses.value(status)
	if strings.TrimSpace(date) != "" {
		d, err := model.ParseDate(date)
		if err != nil {
			return err
		}
		a.AppliedOn = d
	}
	return l.save(a)
}

func (l *jobLog) onAskDelete(a model.Application) {
	d := dialog.NewConfirm(lang.L("joblog.delete.title"), fmt.Sprintf(lang.L("joblog.delete.ask"), a.Text), func(yes bool) {
		if yes {
			l.onDelete(a.ID)
		}
	}, l.shell.window())
	d.SetConfirmText(lang.L("joblog.delete.confirm"))
	d.SetConfirmImportance(widget.DangerImportance) // never the default: Enter does not delete
	d.Show()
}

func (l *jobLog) onDelete(id int64) {
	if err := l.store.DeleteApplication(id); err != nil {
		l.shell.showError(err)
		return
	}
	l.s.rebuildSection()
}

func (l *jobLog) addForm() fyne.CanvasObject {
	l.text = newFormEntry()
	l.text.SetPlaceHolder(lang.L("joblog.textph"))
	l.date = dateEntry(l.shell.now())
	l.add = widget.NewButtonWithIcon(lang.L("action.add"), theme.ContentAddIcon(), l.onAdd)
	l.s.addForm(pendingInput{typed: func() string { return typedIn(l.text) }, add: l.addApplication,
		clear: func() { l.text.SetText("") }})
	return container.NewBorder(nil, nil, nil, container.NewHBox(container.NewGridWrap(fyne.NewSize(140, l.date.MinSize().Height), l.date), l.add), l.text)
}

func (l *jobLog) onAdd() {
	if err := l.addApplication(); err != nil {
		l.shell.showError(err)
		return
	}
	l.s.rebuildSection()
}

// addApplication saves the line typed in the add form.
func (l *jobLog) addApplication() error {
	a := model.Application{CitizenID: l.s.citizen.ID, Text: l.text.Text, Status: model.AppApplied}
	var err error
	if a.AppliedOn, err = model.ParseDate(l.date.Text); err == nil {
		err = l.store.SaveApplication(&a)
	}
	if err == nil {
		l.text.SetText("")
	}
	return err
}

// weekText is "uge 47: 2 · uge 48: 0 · …".
func weekText(weeks []model.WeekCount) string {
	if len(weeks) == 0 {
		return lang.L("joblog.noweeks")
	}
	var parts []string
	for _, w := range weeks {
		parts = append(parts, fmt.Sprintf(lang.L("joblog.week"), w.Week, w.Count))
	}
	return strings.Join(parts, "  ·  ")
}
