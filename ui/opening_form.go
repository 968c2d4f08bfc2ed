package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// openingStore is what openingForm asks of the database.
type openingStore interface {
	AddJobGoal(g *model.JobGoal) error
	Alternatives(region string, g model.JobGoal, than model.Rating, rel *model.Relations, limit int) ([]model.Alternative, error)
	AssignTrack(c *model.TrackChange) error
	DeleteJobGoal(id int64) error
	DiscoTitle(code string) string
	JobGoals(citizenID int64) ([]model.JobGoal, error)
	LatestEdition() (model.Edition, error)
	Opening(citizenID int64) (model.Opening, error)
	ProspectFor(region, title, code string) (model.Prospect, error)
	Relations(def *model.Relations) (*model.Relations, error)
	Region() (string, error)
	SaveOpening(o *model.Opening) error
}

// openingShell is what openingForm asks of the window.
type openingShell interface {
	changed(ids ...int64)
	guideBook() *model.Guide
	notify(text string)
	now() time.Time
	onSettings()
	showError(err error)
	texts() *model.Content
	window() fyne.Window
}

// openingForm holds the opening phase's own fields: job goals, the need for
// short upskilling, the EUV target group, and the assessment that ends it.
type openingForm struct {
	shell openingShell
	s     *citizenScreen
	store openingStore

	goalTitle   *goalPicker
	goalHorizon *widget.RadioGroup
	goalNote    *formEntry
	goalAdd     *widget.Button
	goals       []model.JobGoal
	region      string // the office's region for prospects, read once
	altButtons  []*widget.Button
	altReasons  []string // why each alternative on screen is offered (for tests)

	goalsBox   *fyne.Container
	upskilling *formEntry
	euv        *safeSelect
	saveOpen   *widget.Button
	needs      *saveState

	outcome *widget.RadioGroup
	reason  *formEntry
	onDate  *formEntry
	assign  *widget.Button

	horizons choice[model.Horizon]
	euvs     choice[model.EUV]
	outcomes choice[model.TrackID]
}

func (s *citizenScreen) buildOpening() fyne.CanvasObject {
	f := &openingForm{shell: s.shell, s: s, store: s.store,
		horizons: newChoice([]model.Horizon{model.HorizonShort, model.HorizonLong}, horizonLabel),
		euvs:     newChoice([]model.EUV{model.EUVUnknown, model.EUVYes, model.EUVNo}, euvLabel)}
	s.opening = f
	return f.build()
}

func (f *openingForm) build() fyne.CanvasObject {
	var err error
	if f.region, err = f.store.Region(); err != nil {
		f.shell.showError(err)
	}
	f.goalsBox = container.NewVBox()
	f.showGoals()
	f.s.addForm(pendingInput{typed: func() string { return typedIn(f.goalTitle.entry, f.goalNote) }, add: f.addTypedGoal,
		clear: func() { f.goalTitle.entry.SetText(""); f.goalNote.SetText("") }})
	phase := newPhaseSection(f.shell.guideBook().Opening(), f.s.progress, f.s.onTick, f.s.onNote)
	f.s.phases = append(f.s.phases, phase)
	body := container.NewVBox(
		heading(lang.L("opening.goals")), f.goalsBox,
		heading(lang.L("opening.needs")), f.buildNeeds(),
		widget.NewSeparator(), phase.build(),
		widget.NewSeparator(), heading(lang.L("assess.title")), f.buildAssessment())
	return container.NewVScroll(container.NewPadded(body))
}

// showGoals draws the job goals again (after one was added or deleted);
// the rest of the section, and what is typed there, stays.
func (f *openingForm) showGoals() {
	goals, err := f.store.JobGoals(f.s.citizen.ID)
	if err != nil {
		f.shell.showError(err)
	}
	f.goals, f.altButtons, f.altReasons = goals, nil, nil
	f.goalsBox.Objects = []fyne.CanvasObject{f.buildGoals()}
	f.goalsBox.Refresh()
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return l
}

func (f *openingForm) buildGoals() fyne.CanvasObject {
	list := container.NewVBox()
	for _, g := range f.goals {
		list.Add(f.goalRow(g))
	}
	if len(f.goals) == 0 {
		list.Add(lowLabel(lang.L("opening.nogoals")))
	}
	f.goalTitle = newGoalPicker(f.shell.texts().Catalogue, lang.L("opening.goaltitle"))
	f.goalHorizon = widget.NewRadioGroup(f.horizons.labels, nil)
	f.goalHorizon.Horizontal = true
	f.goalHorizon.SetSelected(f.horizons.labels[0])
	f.goalNote = newFormEntry()
	f.goalNote.SetPlaceHolder(lang.L("opening.goalnote"))
	f.goalAdd = widget.NewButtonWithIcon(lang.L("action.add"), theme.ContentAddIcon(), f.onAddGoal)
	add := container.NewBorder(nil, nil, nil, container.NewHBox(f.goalHorizon, f.goalAdd), f.goalTitle.entry)
	return container.NewVBox(f.editionInfo(), list, add, f.goalTitle.suggestions, f.goalNote)
}

func (f *openingForm) goalRow(g model.JobGoal) fyne.CanvasObject {
	text := g.Title + "  (" + horizonLabel(g.Horizon) + ")"
	if g.Note != "" {
		text += " – " + g.Note
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.onAskDeleteGoal(g) })
	r := f.rating(g)
	row := container.NewBorder(nil, nil, nil, container.NewHBox(prospectBadge(r), del), l)
	box := container.NewVBox(row)
	if g.Code != "" {
		group := f.store.DiscoTitle(g.Code)
		box.Add(lowLabel(strings.TrimSpace("DISCO-08 " + g.Code + " " + group)))
	}
	box.Add(f.alternatives(g, r))
	return box
}

func (f *openingForm) onAddGoal() {
	if err := f.addTypedGoal(); err != nil {
		f.shell.showError(err)
	}
}

// addTypedGoal adds the job goal typed in the add form.
func (f *openingForm) addTypedGoal() error {
	h, _ := f.horizons.value(f.goalHorizon.Selected)
	title, code := f.goalTitle.value()
	return f.saveGoal(title, code, h)
}

func (f *openingForm) addGoal(title, code string, h model.Horizon) {
	if err := f.saveGoal(title, code, h); err != nil {
		f.shell.showError(err)
	}
}

func (f *openingForm) saveGoal(title, code string, h model.Horizon) error {
	g := &model.JobGoal{CitizenID: f.s.citizen.ID, Title: title, Code: code, Horizon: h, Note: f.goalNote.Text}
	if err := f.store.AddJobGoal(g); err != nil {
		return err
	}
	f.showGoals()
	return nil
}

// onAskDeleteGoal asks before a job goal is deleted: one click must not lose it.
func (f *openingForm) onAskDeleteGoal(g model.JobGoal) {
	d := dialog.NewConfirm(lang.L("goal.delete.title"), fmt.Sprintf(lang.L("goal.delete.ask"), g.Title),
		func(yes bool) {
			if yes {
				f.onDeleteGoal(g.ID)
			}
		}, f.shell.window())
	d.SetConfirmText(lang.L("goal.delete.confirm"))
	d.SetConfirmImportance(widget.DangerImportance) // never the default: Enter does not delete
	d.Show()
}

func (f *openingForm) onDeleteGoal(id int64) {
	if err := f.store.DeleteJobGoal(id); err != nil {
		f.shell.showError(err)
		return
	}
	f.showGoals()
}

func (f *openingForm) buildNeeds() fyne.CanvasObject {
	o, err := f.store.Opening(f.s.citizen.ID)
	if err != nil {
		f.shell.showError(err)
	}
	f.upskilling = newFormEntry()
	f.upskilling.SetText(o.UpskillingNeed)
	f.upskilling.SetPlaceHolder(lang.L("opening.upskillingph"))
	f.euv = newSelect(f.euvs.labels, nil)
	f.euv.SetSelected(f.euvs.label(o.EUV))
	f.saveOpen = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSaveOpening)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("opening.upskilling"), f.upskilling),
		widget.NewFormItem(lang.L("opening.euv"), f.euv))
	f.needs = newSaveState(func() string { return f.upskilling.Text + "\x00" + f.euv.Selected })
	f.needs.reset()
	watch(f.needs.changed, f.upskilling, f.euv)
	f.s.addForm(formSaver{f.needs, f.saveOpening})
	return container.NewVBox(form, f.needs.withButton(f.saveOpen))
}

func (f *openingForm) onSaveOpening() {
	if err := f.saveOpening(); err != nil {
		f.shell.showError(err)
		return
	}
	f.needs.reset()
	f.shell.notify(lang.L("saved"))
}

func (f *openingForm) saveOpening() error {
	e, _ := f.euvs.value(f.euv.Selected)
	return f.store.SaveOpening(&model.Opening{CitizenID: f.s.citizen.ID, UpskillingNeed: f.upskilling.Text, EUV: e})
}

// lowLabel is wrapped secondary text: an explanation, a code, "nothing yet".
func lowLabel(text string) *secondaryLabel {
	l := newSecondaryLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func horizonLabel(h model.Horizon) string { return lang.L("horizon." + string(h)) }

func euvLabel(e model.EUV) string {
	if e == model.EUVUnknown {
		return lang.L("euv.unknown")
	}
	return lang.L("euv." + string(e))
}
