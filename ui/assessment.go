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

// buildAssessment is the guide's three-way assessment that ends the opening
// phase: choosing one assigns the track, with date and reason.
func (f *openingForm) buildAssessment() fyne.CanvasObject {
	var tracks []model.TrackID
	for _, o := range f.shell.guideBook().Assessment {
		tracks = append(tracks, o.Track)
	}
	f.outcomes = newChoice(tracks, f.outcomeLabel)
	f.outcome = widget.NewRadioGroup(f.outcomes.labels, nil)
	f.outcome.SetSelected(f.outcomes.label(f.s.citizen.Track))
	f.reason = newMultiLineFormEntry()
	f.reason.Wrapping = fyne.TextWrapWord
	f.reason.SetMinRowsVisible(2)
	f.reason.SetPlaceHolder(lang.L("assess.reasonph"))
	f.onDate = newFormEntry()
	f.onDate.SetText(shortDate(f.shell.now()))
	f.assign = widget.NewButtonWithIcon(lang.L("assess.assign"), theme.ConfirmIcon(), f.onAssign)
	f.assign.Importance = widget.HighImportance
	f.s.addForm(pendingInput{typed: f.typedAssessment, add: f.assignChosen, clear: f.clearAssessment})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("assess.outcome"), f.outcome),
		widget.NewFormItem(lang.L("assess.reason"), f.reason),
		widget.NewFormItem(lang.L("assess.date"), f.onDate))
	return container.NewVBox(lowLabel(lang.L("assess.help")), form, container.NewHBox(f.assign))
}

func (f *openingForm) outcomeLabel(t model.TrackID) string {
	for _, o := range f.shell.guideBook().Assessment {
		if o.Track == t {
			return o.Label
		}
	}
	return trackLabel(t)
}

func (f *openingForm) onAssign() {
	if err := f.assignChosen(); err != nil {
		f.shell.showError(err)
		return
	}
	f.s.current = sectionTrack // show the new track
	f.s.reloadShown()
}

// typedAssessment is what the caseworker chose or wrote in the assessment
// and has not assigned yet ("" when nothing).
func (f *openingForm) typedAssessment() string {
	chosen := ""
	if f.outcome.Selected != f.outcomes.label(f.s.citizen.Track) {
		chosen = f.outcome.Selected
	}
	return chosen + typedIn(f.reason)
}

func (f *openingForm) clearAssessment() {
	f.outcome.SetSelected(f.outcomes.label(f.s.citizen.Track))
	f.reason.SetText("")
}

// assignChosen assigns the chosen track with its date and reason.
func (f *openingForm) assignChosen() error {
	t, ok := f.outcomes.value(f.outcome.Selected)
	if !ok {
		return model.NewUserError("assess.choose", nil)
	}
	on, err := model.ParseDate(f.onDate.Text)
	if err != nil {
		return err
	}
	c := &model.TrackChange{CitizenID: f.s.citizen.ID, Track: t, On: on, Reason: f.reason.Text}
	if err := f.store.AssignTrack(c); err != nil {
		return err
	}
	f.reason.SetText("")
	f.shell.changed(f.s.citizen.ID)
	return nil
}

// buildTrackHistory lists every track the citizen has had, newest last.
func (s *citizenScreen) buildTrackHistory() fyne.CanvasObject {
	hist, err := s.store.TrackHistory(s.citizen.ID)
	if err != nil {
		return lowLabel(errText(err))
	}
	box := container.NewVBox(heading(lang.L("assess.history")))
	if len(hist) == 0 {
		box.Add(lowLabel(lang.L("assess.nohistory")))
	}
	for _, h := range hist {
		l := widget.NewLabel(fmt.Sprintf("%s  %s – %s (%s)", shortDate(h.On), trackLabel(h.Track), h.Reason, h.By))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}

// reloadShown re-reads the citizen and redraws the whole screen in place.
func (s *citizenScreen) reloadShown() {
	s.reload()
	s.shell.show(s.root)
}
