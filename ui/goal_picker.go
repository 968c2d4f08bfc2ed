package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// goalPicker is an entry that suggests catalogue titles as the caseworker
// types; picking one links the goal to its DISCO code, free text stays free.
type goalPicker struct {
	catalogue   *model.Catalogue
	entry       *formEntry
	suggestions *fyne.Container
	picked      model.JobTitle
}

const maxSuggestions = 6

func newGoalPicker(c *model.Catalogue, placeholder string) *goalPicker {
	p := &goalPicker{catalogue: c, entry: newFormEntry(), suggestions: container.NewVBox()}
	p.entry.SetPlaceHolder(placeholder)
	p.entry.OnChanged = p.onChanged
	return p
}

func (p *goalPicker) onChanged(text string) {
	p.suggestions.Objects = nil
	if p.picked.Title != text {
		p.picked = model.JobTitle{}
	}
	if len([]rune(text)) >= 2 && p.picked.Title == "" {
		for _, t := range p.catalogue.Search(text, maxSuggestions) {
			t := t
			b := widget.NewButton(t.Title, func() { p.pick(t) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			p.suggestions.Add(b)
		}
	}
	p.suggestions.Refresh()
}

func (p *goalPicker) pick(t model.JobTitle) {
	p.picked = t
	p.entry.SetText(t.Title)
	p.suggestions.Objects = nil
	p.suggestions.Refresh()
}

// value is the goal's title and, when picked from the catalogue (or typed
// exactly as a catalogue title), its DISCO code.
func (p *goalPicker) value() (string, string) {
	if t, ok := p.catalogue.Lookup(p.entry.Text); ok {
		return t.Title, t.Code
	}
	return p.entry.Text, ""
}
