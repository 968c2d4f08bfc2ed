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

// upskillingForm lists the citizen's upskilling and adds or edits one.
type upskillingForm struct {
	s       *citizenScreen
	store   upskillingStore
	editing model.Upskilling

	kind, status     *safeSelect
	title, completed *widget.Entry
	goalsUpd, cvUpd  *widget.Check
	note             *widget.Entry
	save             *widget.Button
	kinds            choice[model.UpskillingKind]
	statuses         choice[model.UpskillingStatus]
}

func newUpskillingForm(s *citizenScreen) *upskillingForm {
	return &upskillingForm{s: s, store: s.store,
		kinds:    newChoice(model.UpskillingKinds, func(k model.UpskillingKind) string { return lang.L("upskill.kind." + string(k)) }),
		statuses: newChoice(model.UpskillingStatuses, func(k model.UpskillingStatus) string { return lang.L("upskill.status." + string(k)) })}
}

func (f *upskillingForm) build() fyne.CanvasObject {
	items, err := f.store.Upskillings(f.s.citizen.ID)
	if err != nil {
		return lowLabel(errText(err))
	}
	list := container.NewVBox()
	for _, u := range items {
		list.Add(f.row(u))
	}
	return container.NewVBox(heading(lang.L("upskill.title")), list, f.buildForm())
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
	f.title = widget.NewEntry()
	f.completed = dateEntry(f.editing.Completed)
	f.goalsUpd = widget.NewCheck(lang.L("upskill.goalsupdated"), nil)
	f.cvUpd = widget.NewCheck(lang.L("upskill.cvupdated"), nil)
	f.note = widget.NewEntry()
	f.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSave)
	f.fill()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("upskill.kind"), f.kind),
		widget.NewFormItem(lang.L("upskill.name"), f.title),
		widget.NewFormItem(lang.L("upskill.status"), f.status),
		widget.NewFormItem(lang.L("upskill.completed"), f.completed),
		widget.NewFormItem("", container.NewHBox(f.goalsUpd, f.cvUpd)),
		widget.NewFormItem(lang.L("field.note"), f.note))
	return container.NewVBox(form, container.NewHBox(f.save))
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
}

func (f *upskillingForm) load(u model.Upskilling) {
	f.editing = u
	f.fill()
}

func (f *upskillingForm) onSave() {
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
		f.s.ui.showError(err)
		return
	}
	f.s.rebuildSection()
}
