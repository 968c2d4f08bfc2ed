package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

type (
	tickFunc func(a model.Action, done bool) (model.Progress, error)
	noteFunc func(a model.Action, note string) (model.Progress, error)
)

// phaseSection is the opening phase or a track: its title with progress and
// one accordion item per core element.
type phaseSection struct {
	phase    *model.Phase
	progress map[string]model.Progress
	onTick   tickFunc
	onNote   noteFunc

	// openOnly shows only actions not yet done (the conversation view).
	openOnly bool

	title     *widget.Label
	accordion *widget.Accordion
	rows      []*actionRow
}

func newPhaseSection(p *model.Phase, progress map[string]model.Progress, t tickFunc, n noteFunc) *phaseSection {
	return &phaseSection{phase: p, progress: progress, onTick: t, onNote: n}
}

func (s *phaseSection) build() fyne.CanvasObject {
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.SizeName = theme.SizeNameSubHeadingText
	purpose := lowLabel(s.phase.Purpose)
	s.accordion = widget.NewAccordion()
	s.accordion.MultiOpen = true
	for i := range s.phase.Elements {
		s.accordion.Append(widget.NewAccordionItem("", s.buildElement(&s.phase.Elements[i])))
	}
	s.updateTitles()
	s.accordion.OpenAll()
	if len(s.phase.Resources) > 0 {
		res := lowLabel(lang.L("guide.resources") + " " + strings.Join(s.phase.Resources, " · "))
		res.Wrapping = fyne.TextWrapWord
		return container.NewVBox(s.title, purpose, res, s.accordion)
	}
	return container.NewVBox(s.title, purpose, s.accordion)
}

func (s *phaseSection) buildElement(e *model.Element) fyne.CanvasObject {
	box := container.NewVBox()
	for _, a := range e.Actions {
		if s.openOnly && s.progress[a.ID].Done {
			continue
		}
		r := newActionRow(a, s.progress[a.ID], s.onRowTick, s.onRowNote)
		s.rows = append(s.rows, r)
		box.Add(r.build())
	}
	return box
}

// Dirty, Save and Discard make the checklist an editable: its action notes.
func (s *phaseSection) Dirty() bool { return s.notes().Dirty() }
func (s *phaseSection) Save() error { return s.notes().Save() }
func (s *phaseSection) Discard()    { s.notes().Discard() }

func (s *phaseSection) notes() editables {
	es := make(editables, len(s.rows))
	for i, r := range s.rows {
		es[i] = r.note
	}
	return es
}

func (s *phaseSection) onRowTick(a model.Action, done bool) (model.Progress, error) {
	p, err := s.onTick(a, done)
	s.updateTitles()
	return p, err
}

func (s *phaseSection) onRowNote(a model.Action, note string) (model.Progress, error) {
	return s.onNote(a, note)
}

// updateTitles shows "done of total" for the phase and for each element.
func (s *phaseSection) updateTitles() {
	done, total := s.phase.Count(s.progress)
	s.title.SetText(fmt.Sprintf("%s  (%s)", s.phase.Title, fmt.Sprintf(lang.L("progress.count"), done, total)))
	for i, item := range s.accordion.Items {
		e := &s.phase.Elements[i]
		d, t := e.Count(s.progress)
		item.Title = fmt.Sprintf("%s  (%s)", e.Title, fmt.Sprintf(lang.L("progress.count"), d, t))
	}
	s.accordion.Refresh()
}

// actionRow is one action: a tick box, the text, who did it when, a note.
type actionRow struct {
	action model.Action
	p      model.Progress
	onTick tickFunc
	onNote noteFunc

	check   *checkBox
	meta    *secondaryLabel
	note    *noteEntry
	unsaved *widget.Label
}

func newActionRow(a model.Action, p model.Progress, t tickFunc, n noteFunc) *actionRow {
	return &actionRow{action: a, p: p, onTick: t, onNote: n}
}

func (r *actionRow) build() fyne.CanvasObject {
	r.check = newCheck("", nil)
	r.check.SetChecked(r.p.Done)
	r.check.OnChanged = r.onChecked
	text := widget.NewLabel(r.action.Text)
	text.Wrapping = fyne.TextWrapWord
	r.meta = newSecondaryLabel("")
	r.note = newNoteEntry(r.p.Note, lang.L("action.noteplaceholder"), r.onNoteCommitted)
	r.unsaved = newUnsavedMark()
	r.note.onDirty = func(dirty bool) { showIf(r.unsaved, dirty) }
	r.updateMeta()
	details := container.NewBorder(nil, nil, nil, container.NewHBox(r.unsaved, r.meta), r.note)
	return container.NewBorder(nil, nil, container.NewVBox(r.check), nil, container.NewVBox(text, details))
}

func (r *actionRow) onChecked(done bool) {
	p, err := r.onTick(r.action, done)
	if err != nil {
		r.check.OnChanged = nil
		r.check.SetChecked(p.Done)
		r.check.OnChanged = r.onChecked
	}
	r.p = p
	r.updateMeta()
}

func (r *actionRow) onNoteCommitted(text string) error {
	p, err := r.onNote(r.action, text)
	if err == nil {
		r.p = p
		r.updateMeta()
	}
	return err
}

// showIf shows o when on, and hides it otherwise.
func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

func (r *actionRow) updateMeta() {
	if !r.p.Done {
		r.meta.SetText("")
		return
	}
	r.meta.SetText(fmt.Sprintf(lang.L("action.donemeta"), shortDate(r.p.DoneOn), r.p.By))
}
