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

// placesStore is what the reach control and the postcode and related-title
// settings ask of the database.
type placesStore interface {
	reachStore
	ImportPostcodes(rows []model.Postcode, dryRun bool) (model.ImportResult, error)
	PostcodeCounts() (model.PostcodeCounts, error)
	Relations(def *model.Relations) (*model.Relations, error)
	SaveRelations(text string) (int, error)
}

// reachStore is what the reach control asks of the database.
type reachStore interface {
	Postcodes(code string) ([]model.Postcode, error)
	SaveReach(citizenID int64, r model.Reach) error
}

// reachShell is what reachControl asks of the window.
type reachShell interface {
	changed(ids ...int64)
	showError(err error)
}

// reachControl shows where the citizen lives and how far from home openings
// are offered, and changes it in the conversation.
type reachControl struct {
	shell   reachShell
	store   reachStore
	citizen *model.Citizen
	radio   *widget.RadioGroup
	reaches choice[model.Reach]
	changed func()
}

func newReachControl(sh reachShell, st reachStore, c *model.Citizen, changed func()) *reachControl {
	return &reachControl{shell: sh, store: st, citizen: c, changed: changed, reaches: newChoice(model.Reaches, reachLabel)}
}

func reachLabel(r model.Reach) string { return lang.L("reach." + string(r)) }

func (r *reachControl) build() fyne.CanvasObject {
	r.radio = widget.NewRadioGroup(r.reaches.labels, nil)
	r.radio.Horizontal = true
	r.radio.Required = true
	r.radio.SetSelected(reachLabel(model.ReachOrDefault(r.citizen.Reach)))
	r.radio.OnChanged = r.onChanged
	home := widget.NewLabel(r.homeText())
	home.Wrapping = fyne.TextWrapWord
	return container.NewVBox(home, newFlow(widget.NewLabel(lang.L("reach.label")), r.radio))
}

// homeText is "Bor i 2300 København S (Københavns Kommune, Tårnby Kommune)".
func (r *reachControl) homeText() string {
	code := r.citizen.Postcode
	if code == "" {
		return lang.L("reach.nohome")
	}
	ps, err := r.store.Postcodes(code)
	if err != nil || len(ps) == 0 {
		return fmt.Sprintf(lang.L("reach.unknownhome"), code)
	}
	var munis []string
	for _, p := range ps {
		munis = append(munis, p.MunicipName)
	}
	return fmt.Sprintf(lang.L("reach.home"), code, ps[0].Town, strings.Join(munis, ", "), ps[0].RegionName)
}

func (r *reachControl) onChanged(label string) {
	reach, ok := r.reaches.value(label)
	if !ok || reach == model.ReachOrDefault(r.citizen.Reach) {
		return
	}
	if err := r.store.SaveReach(r.citizen.ID, reach); err != nil {
		r.shell.showError(err)
		return
	}
	r.citizen.Reach = reach
	r.shell.changed(r.citizen.ID)
	r.changed()
}

// nearLabel says where an opening lies seen from the citizen's home.
func nearLabel(n model.Nearness) string { return lang.L(fmt.Sprintf("near.%d", n)) }

// relatedShell is what relatedEditor asks of the window.
type relatedShell interface {
	notify(text string)
	showError(err error)
	texts() *model.Content
}

// relatedEditor edits the office's related titles (CSV text) in Indstillinger.
type relatedEditor struct {
	shell relatedShell
	store placesStore
	text  *formEntry
	state *saveState // saved with Indstillinger's one Gem
}

func (s *settingsScreen) placesSection() fyne.CanvasObject {
	e := &relatedEditor{shell: s.shell, store: s.store}
	postcodes := &importer{shell: s.shell, run: func(data []byte, _ string, dry bool) (model.ImportResult, error) {
		rows, err := model.ParsePostcodes(data)
		if err != nil {
			return model.ImportResult{}, err
		}
		return s.store.ImportPostcodes(rows, dry)
	}}
	return container.NewVBox(heading(lang.L("places.heading")), lowLabel(s.postcodeInfo()),
		s.officePart(container.NewHBox(widget.NewButtonWithIcon(lang.L("places.import"), theme.UploadIcon(), postcodes.onPick))),
		widget.NewSeparator(), e.build(s))
}

func (s *settingsScreen) postcodeInfo() string {
	n, err := s.store.PostcodeCounts()
	if err != nil {
		return errText(err)
	}
	if n.Rows == 0 {
		return lang.L("places.none")
	}
	return fmt.Sprintf(lang.L("places.count"), n.Postcodes, n.Municipalities, n.Regions)
}

func (e *relatedEditor) build(s *settingsScreen) fyne.CanvasObject {
	rel, err := e.store.Relations(e.shell.texts().Related)
	if err != nil {
		return lowLabel(errText(err))
	}
	e.text = multiLine(rel.Text(), 8)
	reset := widget.NewButton(lang.L("related.reset"), e.onReset)
	e.state = newSaveState(func() string { return e.text.Text })
	watch(e.state.changed, e.text)
	s.addOfficePart(e.state, e.write)
	return s.officePart(container.NewVBox(heading(lang.L("related.heading")), lowLabel(lang.L("related.help")), e.text,
		container.NewHBox(reset)))
}

// write stores the related titles (Indstillinger's Gem).
func (e *relatedEditor) write() error {
	_, err := e.store.SaveRelations(e.text.Text)
	return err
}

func (e *relatedEditor) onReset() {
	if _, err := e.store.SaveRelations(""); err != nil {
		e.shell.showError(err)
		return
	}
	e.text.SetText(e.shell.texts().Related.Text())
	e.state.reset()
	e.state.changed()
	e.shell.notify(lang.L("related.isdefault"))
}
