package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// jobFormStore is what jobForm asks of the database.
type jobFormStore interface {
	SaveJob(j *model.Job) error
}

// jobFormShell is what jobForm asks of the window.
type jobFormShell interface {
	askIfDirty(e editable, then func())
	showError(err error)
	texts() *model.Content
}

// jobForm adds or edits one opening.
type jobForm struct {
	shell   jobFormShell
	store   jobFormStore
	onSaved func()
	editing model.Job

	title                                           *goalPicker
	employer, place, deadline, how, contact, source *formEntry
	postcode                                        *formEntry
	hot                                             *checkBox
	save                                            *widget.Button
	state                                           *saveState
}

func newJobForm(sh jobFormShell, st jobFormStore, onSaved func()) *jobForm {
	return &jobForm{shell: sh, store: st, onSaved: onSaved}
}

func (f *jobForm) build() fyne.CanvasObject {
	f.title = newGoalPicker(f.shell.texts().Catalogue, lang.L("jobs.titleph"))
	f.employer, f.place, f.how, f.contact, f.source = newFormEntry(), newFormEntry(), newFormEntry(), newFormEntry(), newFormEntry()
	f.employer.SetPlaceHolder(lang.L("jobs.employer"))
	f.place.SetPlaceHolder(lang.L("jobs.place"))
	f.postcode = newFormEntry()
	f.postcode.SetPlaceHolder(lang.L("jobs.postcode"))
	f.how.SetPlaceHolder(lang.L("jobs.how"))
	f.contact.SetPlaceHolder(lang.L("jobs.contact"))
	f.source.SetPlaceHolder(lang.L("jobs.source"))
	f.deadline = dateEntry(time.Time{})
	f.hot = newCheck(lang.L("jobs.hotcheck"), nil)
	f.save = widget.NewButtonWithIcon(lang.L("jobs.save"), theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	place := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(90, f.postcode.MinSize().Height), f.postcode), f.place)
	row1 := container.NewGridWithColumns(4, f.title.entry, f.employer, place, f.deadline)
	row2 := container.NewGridWithColumns(3, f.how, f.contact, f.source)
	f.state = newSaveState(func() string {
		return joinFields(f.title.entry.Text, f.employer.Text, f.place.Text, f.postcode.Text, f.deadline.Text,
			f.how.Text, f.contact.Text, f.source.Text, boolText(f.hot.Checked))
	})
	f.state.reset()
	watch(f.state.changed, f.title.entry, f.employer, f.place, f.postcode, f.deadline, f.how, f.contact, f.source, f.hot)
	return container.NewVBox(row1, f.title.suggestions, row2, container.NewHBox(f.hot, f.state.withButton(f.save)))
}

// Dirty, Save and Discard make the form an editable.
func (f *jobForm) Dirty() bool { return f.state.Dirty() }
func (f *jobForm) Discard()    { f.state.reset() }

// Save stores the opening and empties the form for the next.
func (f *jobForm) Save() error {
	j := f.editing
	j.Title, j.Code = f.title.value()
	j.Postcode = f.postcode.Text
	j.Employer, j.Place, j.HowToApply, j.Contact, j.Source, j.Hot = f.employer.Text, f.place.Text, f.how.Text, f.contact.Text, f.source.Text, f.hot.Checked
	var err error
	if j.Deadline, err = optionalDate(f.deadline); err == nil {
		err = f.store.SaveJob(&j)
	}
	if err != nil {
		return err
	}
	f.show(model.Job{})
	f.onSaved()
	return nil
}

// load shows an opening to edit, after asking about one being typed.
func (f *jobForm) load(j model.Job) { f.shell.askIfDirty(f, func() { f.show(j) }) }

// show fills the form with j, as saved.
func (f *jobForm) show(j model.Job) {
	f.editing = j
	f.title.entry.SetText(j.Title)
	f.employer.SetText(j.Employer)
	f.place.SetText(j.Place)
	f.postcode.SetText(j.Postcode)
	setDate(f.deadline, j.Deadline)
	f.how.SetText(j.HowToApply)
	f.contact.SetText(j.Contact)
	f.source.SetText(j.Source)
	f.hot.SetChecked(j.Hot)
	f.state.reset()
}

func (f *jobForm) onSave() {
	if err := f.Save(); err != nil {
		f.shell.showError(err)
	}
}
