package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// teamStore is what the caseworkers' part of Indstillinger asks of the database.
type teamStore interface {
	Caseworkers() ([]model.Caseworker, error)
	SaveCaseworker(c *model.Caseworker) error
	RemoveCaseworker(initials string) error
	Me() (string, error)
	SetMe(initials string) error
}

// teamShell is what teamForm asks of the window.
type teamShell interface {
	notify(text string)
	onMeChanged(initials string)
	showError(err error)
}

// teamForm is the "Sagsbehandlere" part of Indstillinger: the office's
// caseworkers, and which of them works on this computer account.
type teamForm struct {
	shell    teamShell
	store    teamStore
	box      *fyne.Container
	initials *formEntry
	name     *formEntry
	me       *safeSelect
	team     []model.Caseworker
	// locked: a caseworker's laptop in an office, where the lead keeps the
	// office's caseworkers (the office refuses anyone else's change).
	locked bool
}

func newTeamForm(sh teamShell, st teamStore, locked bool) *teamForm {
	return &teamForm{shell: sh, store: st, box: container.NewVBox(), locked: locked}
}

func (f *teamForm) build() fyne.CanvasObject {
	f.initials, f.name = newFormEntry(), newFormEntry()
	f.initials.SetPlaceHolder(lang.L("team.initials"))
	f.name.SetPlaceHolder(lang.L("team.name"))
	add := widget.NewButtonWithIcon(lang.L("team.add"), theme.ContentAddIcon(), f.onAdd)
	f.me = newSelect(nil, f.onMe)
	f.me.PlaceHolder = lang.L("team.me.none")
	f.refresh()
	newRow := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, f.initials.MinSize().Height), f.initials), add, f.name)
	meRow := widget.NewForm(widget.NewFormItem(lang.L("team.me"), f.me))
	if f.locked {
		note := widget.NewLabel(lang.L("team.office.readonly"))
		note.Wrapping, note.Importance = fyne.TextWrapWord, widget.WarningImportance
		return container.NewVBox(heading(lang.L("team.title")), note, f.box, meRow)
	}
	return container.NewVBox(heading(lang.L("team.title")), lowLabel(lang.L("team.help")), f.box, newRow, meRow)
}

// refresh re-reads the caseworkers into the list and the "me" choice.
func (f *teamForm) refresh() {
	team, err := f.store.Caseworkers()
	if err != nil {
		f.box.Objects = []fyne.CanvasObject{lowLabel(errText(err))}
		return
	}
	f.team = team
	f.box.Objects = nil
	var labels []string
	for _, c := range team {
		f.box.Add(f.row(c))
		labels = append(labels, caseworkerLabel(team, c.Initials))
	}
	f.box.Refresh()
	me, _ := f.store.Me()
	f.me.OnChanged = nil
	f.me.SetOptions(labels)
	if me != "" {
		f.me.SetSelected(caseworkerLabel(team, me))
	}
	f.me.OnChanged = f.onMe
}

func (f *teamForm) row(c model.Caseworker) fyne.CanvasObject {
	if f.locked {
		return widget.NewLabel(caseworkerLabel(f.team, c.Initials))
	}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.onRemove(c.Initials) })
	return container.NewBorder(nil, nil, nil, remove, widget.NewLabel(caseworkerLabel(f.team, c.Initials)))
}

func (f *teamForm) onAdd() {
	if f.locked {
		return
	}
	c := &model.Caseworker{Initials: f.initials.Text, Name: f.name.Text}
	if err := f.store.SaveCaseworker(c); err != nil {
		f.shell.showError(err)
		return
	}
	f.initials.SetText("")
	f.name.SetText("")
	f.refresh()
	f.shell.notify(lang.L("saved"))
}

func (f *teamForm) onRemove(initials string) {
	if f.locked {
		return
	}
	if err := f.store.RemoveCaseworker(initials); err != nil {
		f.shell.showError(err)
		return
	}
	f.refresh()
}

func (f *teamForm) onMe(label string) {
	for _, c := range f.team {
		if caseworkerLabel(f.team, c.Initials) == label {
			if err := f.store.SetMe(c.Initials); err != nil {
				f.shell.showError(err)
				return
			}
			f.shell.onMeChanged(c.Initials)
		}
	}
}
