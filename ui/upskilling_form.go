package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// upskillingStore is what upskillingForm asks of the database.
type upskillingStore interface {
	SaveUpskilling(u *model.Upskilling) error
	Upskillings(citizenID int64) ([]model.Upskilling, error)
}

// upskillingShell is what upskillingForm asks of the window.
type upskillingShell interface {
	askIfDirty(e editable, then func())
	notify(text string)
	showError(err error)
}

// upskillingForm lists the citizen's upskilling and adds or edits one.
type upskillingForm struct {
	shell   upskillingShell
	s       *citizenScreen
	store   upskillingStore
	editing model.Upskilling

	kind, status     *safeSelect
	title, completed *formEntry
	goalsUpd, cvUpd  *checkBox
	note             *formEntry
	save             *widget.Button
	list             *fyne.Container
	state            *saveState
	kinds            choice[model.UpskillingKind]
	statuses         choice[model.UpskillingStatus]
}

func newUpskillingForm(s *citizenScreen) *upskillingForm {
	return &upskillingForm{shell: s.shell, s: s, store: s.store,
		kinds:    newChoice(model.UpskillingKinds, func(k model.UpskillingKind) string { return lang.L("upskill.kind." + string(k)) }),
		statuses: newChoice(model.UpskillingStatuses, func(k model.UpskillingStatus) string { return lang.L("upskill.status." + string(k)) })}
}

func (f *upskillingForm) build() fyne.CanvasObject {
	f.list = container.NewVBox()
	if err := f.showList(); err != nil {
		return lowLabel(errText(err))
	}
	return container.NewVBox(heading(lang.L("upskill.title")), f.list, f.buildForm())
}

// showList draws the upskilling again; the form keeps what is typed.
func (f *upskillingForm) showList() error {
	items, err := f.store.Upskillings(f.s.citizen.ID)
	if err != nil {
		return err
	}
	rows := make([]fyne.CanvasObject, 0, len(items))
	for _, u := range items {
		rows = append(rows, f.row(u))
	}
	f.list.Objects = rows
	f.list.Refresh()
	return nil
}

func (f *upskillingForm) row(u model.Upskilling) fyne.CanvasObject {
	text := fmt.Sprintf("%s: %s – %s", f.kinds.label(u.Kind), u.Title, f.statuses.label(u.Status))
	if u.Status == model.UpskillingCompleted {
		text += fmt.Sprintf(" %s. %s", shortDate(u.Completed), f.afterText(u))
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { f.load(u) })
	return container.NewBorder(nil, nil, nil, edit, l)
}

// afterText reminds the caseworker to update goals and CV after upskilling.
func (f *upskillingForm) afterText(u model.Upskilling) string {
	if u.GoalsUpdated && u.CVUpdated {
		return lang.L("upskill.updated")
	}
	return lang.L("upskill.notupdated")
}

func (f *upskillingForm) buildForm() fyne.CanvasObject {
	f.kind = newSelect(f.kinds.labels, nil)
	f.status = newSelect(f.statuses.labels, nil)
	f.title = newFormEntry()
	f.completed = dateEntry(f.editing.Completed)
	f.goalsUpd = newCheck(lang.L("upskill.goalsupdated"), nil)
	f.cvUpd = newCheck(lang.L("upskill.cvupdated"), nil)
	f.note = newFormEntry()
	f.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSave)
	f.state = newSaveState(func() string {
		return joinFields(f.kind.Selected, f.status.Selected, f.title.Text, f.completed.Text, f.note.Text,
			boolText(f.goalsUpd.Checked), boolText(f.cvUpd.Checked))
	})
	f.fill()
	watch(f.state.changed, f.kind, f.status, f.title, f.completed, f.note, f.goalsUpd, f.cvUpd)
	f.s.addForm(formSaver{f.state, f.write})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("upskill.kind"), f.kind),
		widget.NewFormItem(lang.L("upskill.name"), f.title),
		widget.NewFormItem(lang.L("upskill.status"), f.status),
		widget.NewFormItem(lang.L("upskill.completed"), f.completed),
		widget.NewFormItem("", container.NewHBox(f.goalsUpd, f.cvUpd)),
		widget.NewFormItem(lang.L("field.note"), f.note))
	return container.NewVBox(form, f.state.withButton(f.save))
}

func (f *upskillingForm) fill() {
	u := f.editing
	if u.ID == 0 {
		u.Kind, u.Status = model.UpskillingVocational, model.UpskillingPlanned
	}
	f.kind.SetSelected(f.kinds.label(u.Kind))
	f.status.SetSelected(f.statuses.label(u.Status))
	f.title.SetText(u.Title)
	f.completed.SetText("")
	if !u.Completed.IsZero() {
		f.completed.SetText(shortDate(u.Completed))
	}
	f.goalsUpd.SetChecked(u.GoalsUpdated)
	f.cvUpd.SetChecked(u.CVUpdated)
	f.note.SetText(u.Note)
	f.state.reset()
}

// load shows another upskilling in the form, after asking when the form
// holds changes not saved.
func (f *upskillingForm) load(u model.Upskilling) {
	f.shell.askIfDirty(formSaver{f.state, f.write}, func() {
		f.editing = u
		f.fill()
	})
}

func (f *upskillingForm) onSave() {
	if err := f.write(); err != nil {
		f.shell.showError(err)
		return
	}
	f.shell.notify(lang.L("saved"))
}

// write saves the upskilling, lists it and empties the form for a new one.
func (f *upskillingForm) write() error {
	u := f.editing
	u.CitizenID = f.s.citizen.ID
	u.Kind, _ = f.kinds.value(f.kind.Selected)
	u.Status, _ = f.statuses.value(f.status.Selected)
	u.Title, u.Note = f.title.Text, f.note.Text
	u.GoalsUpdated, u.CVUpdated = f.goalsUpd.Checked, f.cvUpd.Checked
	var err error
	if u.Completed, err = optionalDate(f.completed); err == nil {
		err = f.store.SaveUpskilling(&u)
	}
	if err != nil {
		return err
	}
	f.editing = model.Upskilling{}
	f.fill()
	return f.showList()
}
