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

// settingsShell is what settingsScreen asks of the window.
type settingsShell interface {
	relatedShell
	importerShell
	officeRulesShell
	planEditorShell
	teamShell
	backupShell
	retentionShell
	themeShell
	kontorSection() fyne.CanvasObject
	jobsOffice() jobsOffice // nil without an office
	mergeCatalogue()
	goBack()
	notify(text string)
	saveOrSay(e editable) bool
	showError(err error)
	window() fyne.Window
}

// settingsScreen edits the office's details printed on every handout.
type settingsScreen struct {
	shell    settingsShell
	store    settingsScreenStore
	entries  []*formEntry
	problems *widget.Label
	save     *widget.Button // the one Gem for the whole screen
	mark     *widget.Label  // "Ikke gemt" beside it
	parts    editables      // every part whose changes wait for Gem
	rules    *officeRules
	plan     *planEditor
	team     *teamForm // Sagsbehandlere
	// locked: a caseworker's laptop in an office, where the office's own
	// settings are shown read-only (the lead sets them; office_jobs.go).
	locked  bool
	preview *letterhead
	root    fyne.CanvasObject
}

var officeFields = []string{"office.name", "office.address", "office.phone", "office.email", "office.hours", "office.benefitplace"}

func newSettingsScreen(sh settingsShell, st settingsScreenStore) (*settingsScreen, error) {
	o, err := st.Office()
	if err != nil {
		return nil, err
	}
	s := &settingsScreen{shell: sh, store: st}
	s.root = s.build(o)
	return s, nil
}

func (s *settingsScreen) content() fyne.CanvasObject { return s.root }

func (s *settingsScreen) build(o model.Office) fyne.CanvasObject {
	form := widget.NewForm()
	for i, v := range officeValues(&o) {
		e := newFormEntry()
		e.SetText(*v)
		s.entries = append(s.entries, e)
		form.Append(lang.L(officeFields[i]), e)
	}
	s.problems = widget.NewLabel("")
	s.problems.Importance = widget.DangerImportance
	s.problems.Hide()
	s.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.mark = newUnsavedMark()
	back := widget.NewButtonWithIcon(lang.L("action.back"), theme.NavigateBackIcon(), s.shell.goBack)
	title := heading(lang.L("settings.title"))
	top := container.NewVBox(container.NewBorder(nil, nil, back, container.NewHBox(s.mark, s.save), title),
		lowLabel(lang.L("settings.help")), s.problems)
	if s.locked = officeReadOnly(s.shell.jobsOffice()); s.locked {
		top.Add(officeSettingsNote())
	}
	s.rules, s.plan = newOfficeRules(s.shell, s.store), newPlanEditor(s.shell, s.store)
	s.team = newTeamForm(s.shell, s.store, s.locked)
	look := widget.NewForm(widget.NewFormItem(lang.L("settings.theme"), themeSelect(s.shell)))
	preview := s.buildPreview(o.Logo)
	office := newSaveState(func() string { return joinFields(s.texts()...) })
	watch(office.changed, entryObjects(s.entries)...)
	s.addOfficePart(office, s.saveOffice)
	body := container.NewVBox(s.letterheadPart(form, o), preview, widget.NewSeparator(), look, widget.NewSeparator(), s.shell.kontorSection(),
		s.team.build(), widget.NewSeparator(), s.officePart(s.rules.build(s)), widget.NewSeparator(),
		s.officePart(s.plan.build(s)), widget.NewSeparator(), s.backupPart(), widget.NewSeparator(),
		s.officePart(s.retentionPart()), widget.NewSeparator(), s.importButtons(),
		widget.NewSeparator(), s.placesSection())
	s.refreshSave()
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(body)))
}

func (s *settingsScreen) backupPart() fyne.CanvasObject {
	f := newBackupForm(s.shell, s.store)
	o := f.build()
	if f.state != nil {
		s.addPart(f.state, f.write)
	}
	return o
}

func (s *settingsScreen) retentionPart() fyne.CanvasObject {
	f := newRetentionForm(s.shell, s.store)
	o := f.build()
	if f.state != nil {
		s.addOfficePart(f.state, f.write)
	}
	return o
}

// addPart puts a part of the screen under the one Gem: its changes light
// the Gem, and Gem saves it with the others.
func (s *settingsScreen) addPart(st *saveState, write func() error) {
	st.onChange = s.refreshSave
	st.reset()
	s.parts = append(s.parts, formSaver{st, write})
}

// refreshSave enables Gem and shows "Ikke gemt" while any part has changes.
func (s *settingsScreen) refreshSave() {
	if s.save == nil {
		return
	}
	if s.Dirty() {
		s.save.Enable()
		s.mark.Show()
		return
	}
	s.save.Disable()
	s.mark.Hide()
}

// Dirty, Save and Discard make the screen an editable: all its parts.
func (s *settingsScreen) Dirty() bool { return s.parts.Dirty() }
func (s *settingsScreen) Discard()    { s.parts.Discard() }

func (s *settingsScreen) Save() error {
	err := s.parts.Save()
	s.refreshSave()
	return err
}

func (s *settingsScreen) texts() []string {
	out := make([]string, len(s.entries))
	for i, e := range s.entries {
		out[i] = e.Text
	}
	return out
}

func entryObjects(es []*formEntry) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

func officeValues(o *model.Office) []*string {
	return []*string{&o.Name, &o.Address, &o.Phone, &o.Email, &o.Hours, &o.BenefitPlace}
}

// onSave is the one Gem: every part with changes is saved.
func (s *settingsScreen) onSave() {
	if s.shell.saveOrSay(s) {
		s.shell.notify(lang.L("saved"))
	}
}

// saveOffice stores the office's details (the letterhead); problems are
// shown at the top.
func (s *settingsScreen) saveOffice() error {
	o, _ := s.store.Office()
	for i, v := range officeValues(&o) {
		*v = s.entries[i].Text
	}
	if err := s.store.SaveOffice(o); err != nil {
		s.problems.SetText(errText(err))
		s.problems.Show()
		return shownError{err}
	}
	s.problems.Hide()
	return nil
}
