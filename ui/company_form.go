package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// companyStore is what companyForm asks of the database.
type companyStore interface {
	CompanyEfforts(citizenID int64) ([]model.CompanyEffort, error)
	SaveCompanyEffort(c *model.CompanyEffort) error
}

// tempAgencyStore is what tempAgencyForm asks of the database.
type tempAgencyStore interface {
	SaveTempAgency(t *model.TempAgency) error
	TempAgencies(citizenID int64) ([]model.TempAgency, error)
}

// companyShell is what companyForm asks of the window.
type companyShell interface {
	askIfDirty(e editable, then func())
	notify(text string)
	showError(err error)
}

// companyForm lists company internships and wage subsidies and adds or
// edits one, flagging a missing joint meeting when no job followed.
type companyForm struct {
	shell   companyShell
	s       *citizenScreen
	store   companyStore
	editing model.CompanyEffort

	kind, outcome                      *safeSelect
	company, start, end, meeting, note *formEntry
	conditions                         *formEntry
	save                               *widget.Button
	list                               *fyne.Container
	state                              *saveState
	kinds                              choice[model.CompanyKind]
	outcomes                           choice[string]
}

func newCompanyForm(s *citizenScreen) *companyForm {
	return &companyForm{shell: s.shell, s: s, store: s.store,
		kinds: newChoice(model.CompanyKinds,
			func(k model.CompanyKind) string { return lang.L("company.kind." + string(k)) }),
		outcomes: newChoice([]string{"", "job", "no_job"}, func(v string) string { return lang.L("company.outcome." + orNone(v)) })}
}

func (f *companyForm) build() fyne.CanvasObject {
	f.list = container.NewVBox()
	if err := f.showList(); err != nil {
		return lowLabel(errText(err))
	}
	return container.NewVBox(heading(lang.L("company.title")), f.list, f.buildForm())
}

// showList draws the efforts again; the form below keeps what is typed.
func (f *companyForm) showList() error {
	items, err := f.store.CompanyEfforts(f.s.citizen.ID)
	if err != nil {
		return err
	}
	rows := make([]fyne.CanvasObject, 0, len(items))
	for _, c := range items {
		rows = append(rows, f.row(c))
	}
	f.list.Objects = rows
	f.list.Refresh()
	return nil
}

func (f *companyForm) row(c model.CompanyEffort) fyne.CanvasObject {
	text := fmt.Sprintf("%s: %s, %s – %s. %s", f.kinds.label(c.Kind), c.Company, optShortDate(c.Start), optShortDate(c.End), f.outcomes.label(c.Outcome))
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(l)
	if c.NeedsJointMeeting() {
		warn := widget.NewLabel(lang.L("company.needsmeeting"))
		warn.Importance = widget.DangerImportance
		box.Add(warn)
	}
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { f.load(c) })
	return container.NewBorder(nil, nil, nil, edit, box)
}

func (f *companyForm) buildForm() fyne.CanvasObject {
	f.kind = newSelect(f.kinds.labels, nil)
	f.outcome = newSelect(f.outcomes.labels, nil)
	f.company, f.note = newFormEntry(), newFormEntry()
	f.start, f.end, f.meeting = dateEntry(time.Time{}), dateEntry(time.Time{}), dateEntry(time.Time{})
	f.conditions = newMultiLineFormEntry()
	f.conditions.Wrapping = fyne.TextWrapWord
	f.conditions.SetMinRowsVisible(2)
	f.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSave)
	f.state = newSaveState(func() string {
		return joinFields(f.kind.Selected, f.outcome.Selected, f.company.Text, f.start.Text, f.end.Text,
			f.meeting.Text, f.note.Text, f.conditions.Text)
	})
	f.fill()
	watch(f.state.changed, f.kind, f.outcome, f.company, f.start, f.end, f.meeting, f.note, f.conditions)
	f.s.addForm(formSaver{f.state, f.write})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("company.kind"), f.kind),
		widget.NewFormItem(lang.L("company.company"), f.company),
		widget.NewFormItem(lang.L("company.start"), f.start),
		widget.NewFormItem(lang.L("company.end"), f.end),
		widget.NewFormItem(lang.L("company.conditions"), f.conditions),
		widget.NewFormItem(lang.L("company.outcome"), f.outcome),
		widget.NewFormItem(lang.L("company.meeting"), f.meeting),
		widget.NewFormItem(lang.L("field.note"), f.note))
	return container.NewVBox(form, f.state.withButton(f.save))
}

// fill shows the effort being edited (a new one when none) as saved.
func (f *companyForm) fill() {
	c := f.editing
	if c.ID == 0 {
		c.Kind = model.CompanyPraktik
	}
	f.kind.SetSelected(f.kinds.label(c.Kind))
	f.outcome.SetSelected(f.outcomes.label(c.Outcome))
	f.company.SetText(c.Company)
	f.conditions.SetText(c.Conditions)
	f.note.SetText(c.Note)
	setDate(f.start, c.Start)
	setDate(f.end, c.End)
	setDate(f.meeting, c.JointMeeting)
	f.state.reset()
}

// load shows another effort in the form, after asking when the form holds
// changes not saved.
func (f *companyForm) load(c model.CompanyEffort) {
	f.shell.askIfDirty(formSaver{f.state, f.write}, func() {
		f.editing = c
		f.fill()
	})
}

func (f *companyForm) onSave() {
	if err := f.write(); err != nil {
		f.shell.showError(err)
		return
	}
	f.shell.notify(lang.L("saved"))
}

// write saves the effort, lists it and empties the form for a new one.
func (f *companyForm) write() error {
	c := f.editing
	c.CitizenID = f.s.citizen.ID
	c.Kind, _ = f.kinds.value(f.kind.Selected)
	c.Outcome, _ = f.outcomes.value(f.outcome.Selected)
	c.Company, c.Conditions, c.Note = f.company.Text, f.conditions.Text, f.note.Text
	err := readDates(map[*formEntry]*time.Time{f.start: &c.Start, f.end: &c.End, f.meeting: &c.JointMeeting})
	if err == nil {
		err = f.store.SaveCompanyEffort(&c)
	}
	if err != nil {
		return err
	}
	f.editing = model.CompanyEffort{}
	f.fill()
	return f.showList()
}

// tempAgencyShell is what tempAgencyForm asks of the window.
type tempAgencyShell interface {
	notify(text string)
	now() time.Time
	showError(err error)
}

// tempAgencyForm records registration with temp agencies (vikarbureauer).
type tempAgencyForm struct {
	shell             tempAgencyShell
	s                 *citizenScreen
	store             tempAgencyStore
	agency, reg, note *formEntry
	save              *widget.Button
	list              *fyne.Container
	state             *saveState
}

func newTempAgencyForm(s *citizenScreen) *tempAgencyForm {
	return &tempAgencyForm{shell: s.shell, s: s, store: s.store}
}

func (f *tempAgencyForm) build() fyne.CanvasObject {
	f.list = container.NewVBox()
	if err := f.showList(); err != nil {
		return lowLabel(errText(err))
	}
	f.agency, f.note = newFormEntry(), newFormEntry()
	f.agency.SetPlaceHolder(lang.L("temp.agency"))
	f.reg = dateEntry(f.shell.now())
	f.save = widget.NewButtonWithIcon(lang.L("action.add"), theme.ContentAddIcon(), f.onSave)
	f.state = newSaveState(func() string { return joinFields(f.agency.Text, f.reg.Text, f.note.Text) })
	f.state.reset()
	watch(f.state.changed, f.agency, f.reg, f.note)
	f.s.addForm(formSaver{f.state, f.write})
	form := widget.NewForm(widget.NewFormItem(lang.L("temp.agency"), f.agency),
		widget.NewFormItem(lang.L("temp.registered"), f.reg), widget.NewFormItem(lang.L("field.note"), f.note))
	return container.NewVBox(heading(lang.L("temp.title")), f.list, form, f.state.withButton(f.save))
}

// showList draws the registrations again; the form keeps what is typed.
func (f *tempAgencyForm) showList() error {
	items, err := f.store.TempAgencies(f.s.citizen.ID)
	if err != nil {
		return err
	}
	rows := make([]fyne.CanvasObject, 0, len(items))
	for _, t := range items {
		rows = append(rows, widget.NewLabel(fmt.Sprintf("%s – %s %s", t.Agency, lang.L("temp.registered"), optShortDate(t.Registered))))
	}
	f.list.Objects = rows
	f.list.Refresh()
	return nil
}

func (f *tempAgencyForm) onSave() {
	if err := f.write(); err != nil {
		f.shell.showError(err)
		return
	}
	f.shell.notify(lang.L("saved"))
}

// write adds the registration, lists it and empties the form.
func (f *tempAgencyForm) write() error {
	t := model.TempAgency{CitizenID: f.s.citizen.ID, Agency: f.agency.Text, Note: f.note.Text}
	var err error
	if t.Registered, err = optionalDate(f.reg); err == nil {
		err = f.store.SaveTempAgency(&t)
	}
	if err != nil {
		return err
	}
	f.agency.SetText("")
	f.note.SetText("")
	f.reg.SetText(shortDate(f.shell.now()))
	f.state.reset()
	return f.showList()
}
