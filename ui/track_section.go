package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// buildTrack shows the current track's checklists and the records the
// guide calls for on that track.
func (s *citizenScreen) buildTrack() fyne.CanvasObject {
	t := s.shell.guideBook().Track(s.citizen.Track)
	if t == nil {
		return container.NewPadded(lowLabel(lang.L("view.notrack")))
	}
	phase := newPhaseSection(t, s.progress, s.onTick, s.onNote)
	s.phases = append(s.phases, phase)
	body := container.NewVBox(phase.build())
	for _, r := range s.trackRecords() {
		body.Add(widget.NewSeparator())
		body.Add(r)
	}
	return container.NewVScroll(container.NewPadded(body))
}

// trackForms are the records on the track on show (nil where the track has none).
type trackForms struct {
	education  *educationForm
	temp       *tempAgencyForm
	company    *companyForm
	upskilling *upskillingForm
}

// trackRecords are the forms each track needs, in the guide's order.
func (s *citizenScreen) trackRecords() []fyne.CanvasObject {
	s.track = trackForms{upskilling: newUpskillingForm(s)}
	switch s.citizen.Track {
	case model.TrackIntensive:
		return []fyne.CanvasObject{s.track.upskilling.build()}
	case model.TrackEducation:
		s.track.education = newEducationForm(s)
		return []fyne.CanvasObject{s.track.education.build(), s.track.upskilling.build()}
	case model.TrackLongterm:
		s.track.temp, s.track.company = newTempAgencyForm(s), newCompanyForm(s)
		return []fyne.CanvasObject{s.track.temp.build(), s.track.company.build(), s.track.upskilling.build()}
	}
	return nil
}

// optionalDate reads a date field that may be left empty.
func optionalDate(e *formEntry) (t time.Time, err error) {
	if strings.TrimSpace(e.Text) == "" {
		return t, nil
	}
	return model.ParseDate(e.Text)
}

func dateEntry(t time.Time) *formEntry {
	e := newFormEntry()
	e.SetPlaceHolder(lang.L("form.dateplaceholder"))
	if !t.IsZero() {
		e.SetText(shortDate(t))
	}
	return e
}

func optShortDate(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return shortDate(t)
}

func setDate(e *formEntry, t time.Time) {
	e.SetText("")
	if !t.IsZero() {
		e.SetText(shortDate(t))
	}
}

// readDates parses several optional date fields; the first problem wins.
func readDates(fields map[*formEntry]*time.Time) error {
	for e, dst := range fields {
		t, err := optionalDate(e)
		if err != nil {
			return err
		}
		*dst = t
	}
	return nil
}
