package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// jobLogStore is what jobLog asks of the database.
type jobLogStore interface {
	Applications(citizenID int64) ([]model.Application, error)
	SaveApplication(a *model.Application) error
}

// jobLog is the citizen's log of applications: agreed ones until sent,
// statuses, and applications per week over the course.
type jobLog struct {
	s        *citizenScreen
	store    jobLogStore
	apps     []model.Application
	text     *widget.Entry
	date     *widget.Entry
	add      *widget.Button
	statuses choice[model.ApplicationStatus]
	// rows are the status selects, by application ID (for tests).
	rows map[int64]*widget.Select
}

func (s *citizenScreen) buildJobLog() fyne.CanvasObject {
	l := &jobLog{s: s, store: s.store, rows: map[int64]*widget.Select{}, statuses: newChoice(model.AppStatuses, appStatusLabel)}
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
	sel := widget.NewSelect(l.statuses.labels, nil)
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
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(220, sel.MinSize().Height), sel), text)
}

// onStatus saves a new status; an application becomes sent today when it
// leaves "agreed" without a date.
func (l *jobLog) onStatus(a model.Application, sel *widget.Select) {
	a.Status, _ = l.statuses.value(sel.Selected)
	if a.Status != model.AppAgreed && a.AppliedOn.IsZero() {
		a.AppliedOn = l.s.ui.now()
	}
	if err := l.store.SaveApplication(&a); err != nil {
		l.s.ui.showError(err)
	}
	l.s.rebuildSection()
}

func (l *jobLog) addForm() fyne.CanvasObject {
	l.text = widget.NewEntry()
	l.text.SetPlaceHolder(lang.L("joblog.textph"))
	l.date = dateEntry(l.s.ui.now())
	l.add = widget.NewButtonWithIcon(lang.L("action.add"), theme.ContentAddIcon(), l.onAdd)
	return container.NewBorder(nil, nil, nil, container.NewHBox(container.NewGridWrap(fyne.NewSize(140, l.date.MinSize().Height), l.date), l.add), l.text)
}

func (l *jobLog) onAdd() {
	a := model.Application{CitizenID: l.s.citizen.ID, Text: l.text.Text, Status: model.AppApplied}
	var err error
	if a.AppliedOn, err = model.ParseDate(l.date.Text); err == nil {
		err = l.store.SaveApplication(&a)
	}
	if err != nil {
		l.s.ui.showError(err)
		return
	}
	l.s.rebuildSection()
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
