package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// citizenFormStore is what citizenForm asks of the database.
type citizenFormStore interface {
	CreateCitizen(c *model.Citizen) error
	UpdateCitizen(c *model.Citizen) error
}

// citizenFormShell is what citizenForm asks of the window.
type citizenFormShell interface {
	back()
	changed(ids ...int64)
	now() time.Time
	onOpenCitizen(id int64)
	term(key string) string
}

// citizenForm creates a citizen (orig nil) or edits one.
type citizenForm struct {
	shell citizenFormShell
	store citizenFormStore
	orig  *model.Citizen

	name, cpr, phone, email, firstContact, postcode *formEntry
	notes                                           *noteEditor
	// unemployed, passed and birth are the dates the rules and the youth flag read.
	unemployed, passed, birth *formEntry
	// registered is the registration as a job seeker; ledighed marks
	// "anden ydelse" as ledighedsydelse (the rules' target groups).
	registered                 *formEntry
	ledighed                   *checkBox
	benefit, education, status *safeSelect
	problems                   *widget.Label
	save                       *widget.Button
	state                      *saveState

	root       fyne.CanvasObject
	benefits   choice[model.Benefit]
	educations choice[model.Education]
	statuses   choice[model.Status]
}

func newCitizenForm(sh citizenFormShell, st citizenFormStore, orig *model.Citizen) *citizenForm {
	return &citizenForm{shell: sh, store: st, orig: orig,
		benefits:   newChoice(model.Benefits, benefitLabel),
		educations: newChoice(model.Educations, educationLabel),
		statuses:   newChoice(model.Statuses, statusLabel)}
}

func (f *citizenForm) content() fyne.CanvasObject {
	if f.root == nil {
		f.root = f.build()
	}
	return f.root
}

func (f *citizenForm) build() fyne.CanvasObject {
	f.makeWidgets()
	f.fill()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.name"), f.name),
		f.item("field.cpr", f.cpr, "form.cprhint"),
		f.item("field.birthdate", f.birth, "form.birthhint"),
		widget.NewFormItem(lang.L("field.phone"), f.phone),
		widget.NewFormItem(lang.L("field.email"), f.email),
		f.item("field.postcode", f.postcode, "form.postcodehint"),
		widget.NewFormItem(lang.L("field.benefit"), f.benefit),
		f.item("field.ledighedsydelse", f.ledighed, "form.ledighedsydelsehint"),
		widget.NewFormItem(lang.L("field.education"), f.education),
		f.item("field.firstcontact", f.firstContact, "form.datehint"),
		f.item("field.unemployed", f.unemployed, "form.unemployedhint"),
		f.item("field.registered", f.registered, "form.registeredhint"),
		f.item("field.passed", f.passed, "form.passedhint"),
		widget.NewFormItem(lang.L("field.status"), f.status),
		widget.NewFormItem(lang.L("field.notes"), f.notes),
	)
	f.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("action.cancel"), f.onCancel)
	title := widget.NewLabelWithStyle(f.title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	f.state = newSaveState(f.formText)
	f.state.reset()
	watch(f.state.changed, f.name, f.cpr, f.phone, f.email, f.firstContact, f.postcode, f.unemployed, f.passed,
		f.birth, f.notes, f.benefit, f.education, f.status, f.registered, f.ledighed)
	buttons := f.state.withButton(f.save, cancel)
	return container.NewBorder(container.NewVBox(title, f.problems), buttons, nil, nil, container.NewVScroll(form))
}

func (f *citizenForm) item(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
	it := widget.NewFormItem(lang.L(label), w)
	it.HintText = lang.L(hint)
	return it
}

func (f *citizenForm) title() string {
	if f.orig == nil {
		return f.shell.term("citizen.new")
	}
	return lang.L("citizen.edit")
}

func (f *citizenForm) makeWidgets() {
	f.name, f.cpr, f.phone, f.email = newFormEntry(), newFormEntry(), newFormEntry(), newFormEntry()
	f.firstContact, f.postcode = newFormEntry(), newFormEntry()
	f.unemployed, f.passed, f.birth, f.registered = newFormEntry(), newFormEntry(), newFormEntry(), newFormEntry()
	f.ledighed = newCheck(lang.L("field.ledighedsydelse.check"), nil)
	for _, e := range []*formEntry{f.unemployed, f.passed, f.birth, f.registered} {
		e.SetPlaceHolder(lang.L("form.dateplaceholder"))
	}
	f.notes = newNoteEditor("", model.MaxNotesLen, 6)
	f.benefit = newSelect(f.benefits.labels, nil)
	f.education = newSelect(f.educations.labels, nil)
	f.status = newSelect(f.statuses.labels, nil)
	f.problems = widget.NewLabel("")
	f.problems.Importance = widget.DangerImportance
	f.problems.Wrapping = fyne.TextWrapWord
	f.problems.Hide()
}

// fill shows the citizen being edited, or sensible defaults for a new one.
func (f *citizenForm) fill() {
	c := f.orig
	if c == nil {
		c = &model.Citizen{Benefit: model.BenefitDagpenge, Education: model.EducationUnskilled,
			Status: model.StatusActive, FirstContact: f.shell.now()}
	}
	f.name.SetText(c.Name)
	f.cpr.SetPlaceHolder(lang.L("form.cprplaceholder"))
	if c.CPR != "" {
		f.cpr.SetPlaceHolder(c.CPR.Masked() + " " + lang.L("form.unchanged"))
	}
	f.phone.SetText(c.Phone)
	f.email.SetText(c.Email)
	f.postcode.SetText(c.Postcode)
	f.firstContact.SetText(shortDate(c.FirstContact))
	f.unemployed.SetText(shortDate(c.RulesStart()))
	f.passed.SetText(optDate(c.TransferredOn))
	f.birth.SetText(optDate(c.BirthDate))
	f.registered.SetText(optDate(c.RegisteredOn))
	f.ledighed.SetChecked(c.OtherBenefit == "ledighedsydelse")
	f.notes.SetText(c.Notes)
	f.benefit.SetSelected(f.benefits.label(c.Benefit))
	f.education.SetSelected(f.educations.label(c.Education))
	f.status.SetSelected(f.statuses.label(c.Status))
}

// formText is the form's fields in one string, for saveState.
func (f *citizenForm) formText() string {
	return joinFields(f.name.Text, f.cpr.Text, f.phone.Text, f.email.Text, f.firstContact.Text, f.postcode.Text,
		f.unemployed.Text, f.passed.Text, f.birth.Text, f.notes.Text(), f.benefit.Selected, f.education.Selected, f.status.Selected,
		f.registered.Text, fmt.Sprint(f.ledighed.Checked))
}

// Dirty, Save and Discard make the form an editable.
func (f *citizenForm) Dirty() bool { return f.state.Dirty() }
func (f *citizenForm) Discard()    { f.state.reset() }

// Save checks and stores the citizen; problems are shown above the form.
func (f *citizenForm) Save() error {
	c, err := f.citizen()
	if err != nil {
		err = errors.Join(err, withoutUnreadDate(c.ValidateOn(f.shell.now()), c, f.firstContact.Text))
	} else {
		err = f.write(c)
	}
	if err != nil {
		f.showProblems(err)
		return shownError{err}
	}
	f.problems.Hide()
	f.orig = c // a second save changes the citizen just created
	f.state.reset()
	f.shell.changed(c.ID)
	return nil
}

// citizen reads the form into a Citizen; parse problems are returned as a
// ValidationError together with the model's own validation.
func (f *citizenForm) citizen() (*model.Citizen, error) {
	c := &model.Citizen{}
	if f.orig != nil {
		*c = *f.orig
	}
	c.Name, c.Phone, c.Email, c.Notes, c.Postcode = f.name.Text, f.phone.Text, f.email.Text, f.notes.Text(), f.postcode.Text
	c.Benefit, _ = f.benefits.value(f.benefit.Selected)
	c.Education, _ = f.educations.value(f.education.Selected)
	c.Status, _ = f.statuses.value(f.status.Selected)
	var parseErrs []error
	if f.cpr.Text != "" {
		cpr, err := model.ParseCPR(f.cpr.Text)
		c.CPR, parseErrs = cpr, append(parseErrs, err)
	}
	if strings.TrimSpace(f.firstContact.Text) != "" { // empty: Validate says it is required
		first, err := model.ParseDate(f.firstContact.Text)
		c.FirstContact, parseErrs = first, append(parseErrs, err)
	}
	parseErrs = append(parseErrs, readDates(map[*formEntry]*time.Time{
		f.unemployed: &c.UnemployedSince, f.passed: &c.TransferredOn, f.birth: &c.BirthDate, f.registered: &c.RegisteredOn}))
	c.OtherBenefit = ""
	if f.ledighed.Checked && c.Benefit == model.BenefitOther {
		c.OtherBenefit = "ledighedsydelse"
	}
	return c, errors.Join(parseErrs...)
}

// optDate shows a date that may be unset as an empty field.
func optDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return shortDate(t)
}

// withoutUnreadDate drops "the first contact must be given" when a date was
// typed but could not be read: the reading error already says what is wrong.
func withoutUnreadDate(err error, c *model.Citizen, typed string) error {
	var v *model.ValidationError
	if strings.TrimSpace(typed) == "" || !c.FirstContact.IsZero() || !errors.As(err, &v) {
		return err
	}
	var keep []model.FieldProblem
	for _, p := range v.Problems {
		if p.Field != "first_contact" {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	return &model.ValidationError{Problems: keep}
}

func (f *citizenForm) onSave() {
	if f.Save() == nil {
		f.shell.onOpenCitizen(f.orig.ID)
	}
}

func (f *citizenForm) write(c *model.Citizen) error {
	if f.orig == nil {
		return f.store.CreateCitizen(c)
	}
	return f.store.UpdateCitizen(c)
}

func (f *citizenForm) showProblems(err error) {
	f.problems.SetText(joinedErrText(err))
	f.problems.Show()
}

// joinedErrText renders errors.Join'ed errors one per line, however deep.
func joinedErrText(err error) string {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return errText(err)
	}
	var lines []string
	for _, e := range j.Unwrap() {
		lines = append(lines, joinedErrText(e))
	}
	return strings.Join(lines, "\n")
}

func (f *citizenForm) onCancel() { f.shell.back() }
