package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// educationStore is what educationForm asks of the database.
type educationStore interface {
	EducationPlan(citizenID int64) (model.EducationPlan, error)
	SaveEducationPlan(e *model.EducationPlan) error
}

// educationShell is what educationForm asks of the window.
type educationShell interface {
	notify(text string)
	showError(err error)
}

// educationForm is the education lift's record: the chosen education,
// prior-learning assessment, dyslexia test, enrolment, start and internship.
type educationForm struct {
	shell educationShell
	s     *citizenScreen
	store educationStore

	chosen, start, note            *formEntry
	prior, dyslexia, internship    *safeSelect
	enrolled                       *checkBox
	save                           *widget.Button
	state                          *saveState
	priors, dyslexias, internships choice[string]
}

func newEducationForm(s *citizenScreen) *educationForm {
	opt := func(prefix string, values ...string) choice[string] {
		return newChoice(values, func(v string) string { return lang.L(prefix + "." + orNone(v)) })
	}
	return &educationForm{shell: s.shell, s: s, store: s.store,
		priors:      opt("edu.prior", "", "planned", "done"),
		dyslexias:   opt("edu.dyslexia", "", "offered", "done"),
		internships: opt("edu.internship", "", "searching", "found")}
}

func orNone(v string) string {
	if v == "" {
		return "none"
	}
	return v
}

func (f *educationForm) build() fyne.CanvasObject {
	e, err := f.store.EducationPlan(f.s.citizen.ID)
	if err != nil {
		return lowLabel(errText(err))
	}
	f.chosen = newFormEntry()
	f.chosen.SetText(e.Chosen)
	f.start = dateEntry(e.Start)
	f.note = newFormEntry()
	f.note.SetText(e.Note)
	f.prior = newSelect(f.priors.labels, nil)
	f.prior.SetSelected(f.priors.label(e.PriorLearning))
	f.dyslexia = newSelect(f.dyslexias.labels, nil)
	f.dyslexia.SetSelected(f.dyslexias.label(e.DyslexiaTest))
	f.internship = newSelect(f.internships.labels, nil)
	f.internship.SetSelected(f.internships.label(e.Internship))
	f.enrolled = newCheck(lang.L("edu.enrolled"), nil)
	f.enrolled.SetChecked(e.Enrolled)
	f.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSave)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("edu.chosen"), f.chosen),
		widget.NewFormItem(lang.L("edu.prior"), f.prior),
		widget.NewFormItem(lang.L("edu.dyslexia"), f.dyslexia),
		widget.NewFormItem("", f.enrolled),
		widget.NewFormItem(lang.L("edu.start"), f.start),
		widget.NewFormItem(lang.L("edu.internship"), f.internship),
		widget.NewFormItem(lang.L("field.note"), f.note))
	f.state = newSaveState(f.formText)
	f.state.reset()
	watch(f.state.changed, f.chosen, f.start, f.note, f.prior, f.dyslexia, f.internship, f.enrolled)
	f.s.addForm(formSaver{f.state, f.write})
	return container.NewVBox(heading(lang.L("edu.title")), form, f.state.withButton(f.save))
}

func (f *educationForm) formText() string {
	return joinFields(f.chosen.Text, f.start.Text, f.note.Text, f.prior.Selected, f.dyslexia.Selected,
		f.internship.Selected, boolText(f.enrolled.Checked))
}

func (f *educationForm) onSave() {
	if err := f.write(); err != nil {
		f.shell.showError(err)
		return
	}
	f.state.reset()
	f.shell.notify(lang.L("saved"))
}

func (f *educationForm) write() error {
	e := model.EducationPlan{CitizenID: f.s.citizen.ID, Chosen: f.chosen.Text, Enrolled: f.enrolled.Checked, Note: f.note.Text}
	e.PriorLearning, _ = f.priors.value(f.prior.Selected)
	e.DyslexiaTest, _ = f.dyslexias.value(f.dyslexia.Selected)
	e.Internship, _ = f.internships.value(f.internship.Selected)
	var err error
	if e.Start, err = optionalDate(f.start); err == nil {
		err = f.store.SaveEducationPlan(&e)
	}
	return err
}
