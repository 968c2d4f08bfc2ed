package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// officeRulesStore is what officeRules asks of the database.
type officeRulesStore interface {
	Closures() (model.Closures, error)
	OfficeKind() (model.OfficeKind, error)
	Region() (string, error)
	SaveClosures(c model.Closures) error
	SaveOfficeKind(k model.OfficeKind) error
	SaveRegion(region string) error
}

// planEditorStore is what planEditor asks of the database.
type planEditorStore interface {
	ReceptionPlan(def *model.ReceptionPlan) (*model.ReceptionPlan, error)
	SaveReceptionPlan(p *model.ReceptionPlan) error
}

// officeRulesShell is what officeRules asks of the window.
type officeRulesShell interface {
	setOfficeKind(k model.OfficeKind)
}

// officeRules edits the office's kind and the days it closes.
type officeRules struct {
	shell                   officeRulesShell
	store                   officeRulesStore
	kind                    *widget.RadioGroup
	grundlov, xmas, newyear *checkBox
	region                  *safeSelect
	kinds                   choice[model.OfficeKind]
}

func newOfficeRules(sh officeRulesShell, st officeRulesStore) *officeRules {
	return &officeRules{shell: sh, store: st, kinds: newChoice([]model.OfficeKind{model.OfficeJobcenter, model.OfficeAkasse},
		func(k model.OfficeKind) string { return lang.L("officekind." + string(k)) })}
}

func (o *officeRules) build(s *settingsScreen) fyne.CanvasObject {
	kind, _ := o.store.OfficeKind()
	c, err := o.store.Closures()
	if err != nil {
		return lowLabel(errText(err))
	}
	o.kind = widget.NewRadioGroup(o.kinds.labels, nil)
	o.kind.Horizontal = true
	o.kind.SetSelected(o.kinds.label(kind))
	o.grundlov = checked(lang.L("closure.grundlov"), c.Grundlovsdag)
	o.xmas = checked(lang.L("closure.xmas"), c.ChristmasEve)
	o.newyear = checked(lang.L("closure.newyear"), c.NewYearsEve)
	o.region = newSelect(model.Regions, nil)
	region, _ := o.store.Region()
	o.region.SetSelected(region)
	form := widget.NewForm(widget.NewFormItem(lang.L("officekind.title"), o.kind),
		widget.NewFormItem(lang.L("officekind.region"), o.region),
		widget.NewFormItem(lang.L("closure.title"), container.NewVBox(o.grundlov, o.xmas, o.newyear)))
	st := newSaveState(func() string {
		return joinFields(o.kind.Selected, o.region.Selected, boolText(o.grundlov.Checked), boolText(o.xmas.Checked), boolText(o.newyear.Checked))
	})
	watch(st.changed, o.kind, o.region, o.grundlov, o.xmas, o.newyear)
	s.addOfficePart(st, o.write)
	return container.NewVBox(heading(lang.L("officekind.heading")), form)
}

func checked(label string, on bool) *checkBox {
	c := newCheck(label, nil)
	c.Checked = on
	return c
}

func (o *officeRules) write() error {
	k, _ := o.kinds.value(o.kind.Selected)
	old, err := o.store.Closures()
	if err == nil {
		old.Grundlovsdag, old.ChristmasEve, old.NewYearsEve = o.grundlov.Checked, o.xmas.Checked, o.newyear.Checked
		err = o.store.SaveClosures(old)
	}
	if err == nil {
		err = o.store.SaveOfficeKind(k)
	}
	if err == nil {
		err = o.store.SaveRegion(o.region.Selected)
	}
	if err != nil {
		return err
	}
	o.shell.setOfficeKind(k)
	return nil
}

// planEditorShell is what planEditor asks of the window.
type planEditorShell interface {
	texts() *model.Content
}

// planEditor edits the office's reception plan: one row per step.
type planEditor struct {
	shell planEditorShell
	store planEditorStore
	steps []model.ReceptionStep
	rows  []*planRow
	box   *fyne.Container
	state *saveState
}

type planRow struct {
	id                    string
	title, from, to, info *formEntry
	citizen               *checkBox
}

func newPlanEditor(sh planEditorShell, st planEditorStore) *planEditor {
	return &planEditor{shell: sh, store: st}
}

func (e *planEditor) build(s *settingsScreen) fyne.CanvasObject {
	p, err := e.store.ReceptionPlan(e.shell.texts().Reception)
	if err != nil {
		return lowLabel(errText(err))
	}
	e.steps = append([]model.ReceptionStep(nil), p.Steps...)
	e.box = container.NewVBox()
	e.state = newSaveState(e.text)
	e.fill()
	s.addOfficePart(e.state, e.write)
	add := widget.NewButtonWithIcon(lang.L("plan.addstep"), theme.ContentAddIcon(), e.onAdd)
	reset := widget.NewButtonWithIcon(lang.L("plan.reset"), theme.ViewRefreshIcon(), e.onReset)
	return container.NewVBox(heading(lang.L("plan.editor")), lowLabel(lang.L("plan.editorhelp")), e.box, container.NewHBox(add, reset))
}

// text is the rows in one string, for saveState.
func (e *planEditor) text() string {
	var parts []string
	for _, r := range e.rows {
		parts = append(parts, r.title.Text, r.from.Text, r.to.Text, r.info.Text, boolText(r.citizen.Checked))
	}
	return joinFields(parts...)
}

func (e *planEditor) fill() {
	e.rows = nil
	e.box.Objects = nil
	for i, st := range e.steps {
		r := &planRow{id: st.ID, title: entry(st.Title), from: entry(strconv.Itoa(st.From)), to: entry(strconv.Itoa(st.To)),
			info: entry(st.Detail), citizen: checked(lang.L("plan.withcitizen"), st.Citizen)}
		e.rows = append(e.rows, r)
		i := i
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.onDelete(i) })
		days := container.NewGridWithColumns(2, r.from, r.to)
		e.box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(r.citizen, del),
			container.NewGridWithColumns(3, r.title, days, r.info)))
		watch(e.state.changed, r.title, r.from, r.to, r.info, r.citizen)
	}
	e.box.Refresh()
	e.state.changed() // a step added, deleted or the guide's plan back
}

func entry(text string) *formEntry {
	w := newFormEntry()
	w.SetText(text)
	return w
}

// read turns the rows into a plan; day fields that are not numbers become 0
// and are refused by the plan's own validation.
func (e *planEditor) read() *model.ReceptionPlan {
	p := &model.ReceptionPlan{Version: "kontor", Source: lang.L("plan.ownsource")}
	for i, r := range e.rows {
		from, _ := strconv.Atoi(r.from.Text)
		to, _ := strconv.Atoi(r.to.Text)
		id := r.id
		if id == "" {
			id = "trin" + strconv.Itoa(i+1)
		}
		p.Steps = append(p.Steps, model.ReceptionStep{ID: id, From: from, To: to, Title: r.title.Text, Detail: r.info.Text, Citizen: r.citizen.Checked})
	}
	return p
}

func (e *planEditor) write() error { return e.store.SaveReceptionPlan(e.read()) }

func (e *planEditor) onAdd() {
	e.steps = e.read().Steps
	e.steps = append(e.steps, model.ReceptionStep{From: 1, To: 1})
	e.fill()
}

func (e *planEditor) onDelete(i int) {
	e.steps = e.read().Steps
	e.steps = append(e.steps[:i], e.steps[i+1:]...)
	e.fill()
}

func (e *planEditor) onReset() {
	e.steps = append([]model.ReceptionStep(nil), e.shell.texts().Reception.Steps...)
	e.fill()
}
