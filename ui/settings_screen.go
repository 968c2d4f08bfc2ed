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

// settingsScreenStore is what the settings screen and its parts ask of the database.
type settingsScreenStore interface {
	settingsStore
	officeRulesStore
	ImportDisco(groups []model.DiscoGroup, dryRun bool) (model.ImportResult, error)
	ImportProspects(published time.Time, ps []model.Prospect, source string, dryRun bool) (model.ImportResult, error)
	planEditorStore
	backupStore
	placesStore
	teamStore
	retentionStore
}

// settingsStore is what settingsScreen asks of the database.
type settingsStore interface {
	Office() (model.Office, error)
	SaveLogo(img []byte) error
	SaveOffice(o model.Office) error
}

// settingsScreen edits the office's details printed on every handout.
type settingsScreen struct {
	ui       *UI
	store    settingsScreenStore
	entries  []*widget.Entry
	problems *widget.Label
	save     *widget.Button
	rules    *officeRules
	plan     *planEditor
	preview  *letterhead
	root     fyne.CanvasObject
}

var officeFields = []string{"office.name", "office.address", "office.phone", "office.email", "office.hours", "office.benefitplace"}

func newSettingsScreen(u *UI, st settingsScreenStore) (*settingsScreen, error) {
	o, err := st.Office()
	if err != nil {
		return nil, err
	}
	s := &settingsScreen{ui: u, store: st}
	s.root = s.build(o)
	return s, nil
}

func (s *settingsScreen) content() fyne.CanvasObject { return s.root }

func (s *settingsScreen) build(o model.Office) fyne.CanvasObject {
	form := widget.NewForm()
	for i, v := range officeValues(&o) {
		e := widget.NewEntry()
		e.SetText(*v)
		s.entries = append(s.entries, e)
		form.Append(lang.L(officeFields[i]), e)
	}
	s.problems = widget.NewLabel("")
	s.problems.Importance = widget.DangerImportance
	s.problems.Hide()
	s.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(lang.L("action.back"), theme.NavigateBackIcon(), s.ui.back)
	title := heading(lang.L("settings.title"))
	top := container.NewVBox(container.NewBorder(nil, nil, back, nil, title), lowLabel(lang.L("settings.help")), s.problems)
	s.rules, s.plan = newOfficeRules(s.ui, s.store), newPlanEditor(s.ui, s.store)
	look := widget.NewForm(widget.NewFormItem(lang.L("settings.theme"), themeSelect(s.ui)))
	body := container.NewVBox(form, container.NewHBox(s.save), s.buildPreview(o.Logo), widget.NewSeparator(), look, widget.NewSeparator(),
		newTeamForm(s.ui, s.store).build(), widget.NewSeparator(), s.rules.build(), widget.NewSeparator(),
		s.plan.build(), widget.NewSeparator(), newBackupForm(s.ui, s.store).build(), widget.NewSeparator(),
		newRetentionForm(s.ui, s.store).build(), widget.NewSeparator(), s.importButtons(),
		widget.NewSeparator(), s.placesSection())
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(body)))
}

func officeValues(o *model.Office) []*string {
	return []*string{&o.Name, &o.Address, &o.Phone, &o.Email, &o.Hours, &o.BenefitPlace}
}

func (s *settingsScreen) onSave() {
	o, _ := s.store.Office()
	for i, v := range officeValues(&o) {
		*v = s.entries[i].Text
	}
	if err := s.store.SaveOffice(o); err != nil {
		s.problems.SetText(errText(err))
		s.problems.Show()
		return
	}
	s.problems.Hide()
	s.ui.notify(lang.L("saved"))
}

func (u *UI) onSettings() {
	s, err := newSettingsScreen(u, u.store)
	if err != nil {
		u.showError(err)
		return
	}
	u.push(s)
}
