package reports

import (
	"fmt"
	"time"

	"jobspor/model"
)

// YdelseTexts is the wording of the benefit-office checklist (assets/handouts/ydelse.json).
type BenefitMeetingTexts struct {
	Version          string   `json:"version"`
	Title            string   `json:"title"`
	Intro            string   `json:"intro"`
	ForLabel         string   `json:"for_label"`
	DocumentsHeading string   `json:"documents_heading"`
	Documents        []string `json:"documents"`
	MeetingHeading   string   `json:"meeting_heading"`
	DateLabel        string   `json:"date_label"`
	PlaceLabel       string   `json:"place_label"`
	Blank            string   `json:"blank"`
	NotesHeading     string   `json:"notes_heading"`
	Printed          string   `json:"printed"`
}

// YdelseData is what the checklist prints. It holds the citizen's name and
// never a CPR number.
type BenefitMeetingData struct {
	Office       model.Office
	CitizenName  string
	MeetingAt    time.Time // zero: a line to write the date on
	MeetingPlace string
	Printed      time.Time
}

// Ydelse builds the checklist of documents to bring to the benefit office
// (10 råd #10): one A4 page.
func BenefitMeeting(d BenefitMeetingData, opts Options) (*Document, error) {
	doc := NewBatch(d.Office, "Tjekliste til ydelseskontoret", opts)
	return doc, doc.AddBenefitMeeting(d)
}

// AddYdelse adds the checklist for one citizen on a new page.
func (doc *Document) AddBenefitMeeting(d BenefitMeetingData) error {
	var t BenefitMeetingTexts
	if err := loadTexts("ydelse", &t); err != nil {
		return err
	}
	if len(t.Documents) == 0 {
		return fmt.Errorf("handout texts ydelse %s: no documents listed", t.Version)
	}
	doc.begin()
	doc.Title(t.Title)
	doc.Field(t.ForLabel, d.CitizenName)
	doc.pdf.Ln(3)
	doc.Para(t.Intro)
	doc.Heading(t.DocumentsHeading)
	for _, item := range t.Documents {
		doc.CheckItem(item)
	}
	doc.Heading(t.MeetingHeading)
	doc.Field(t.DateLabel, orBlank(meetingWhen(d.MeetingAt), t.Blank))
	doc.Field(t.PlaceLabel, orBlank(d.MeetingPlace, t.Blank))
	doc.Heading(t.NotesHeading)
	doc.Lines(7)
	doc.Small(fmt.Sprintf(t.Printed, DanishDate(d.Printed)))
	return nil
}

// meetingWhen shows the date, with the clock when one is set.
func meetingWhen(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0:
		return DanishDate(t)
	}
	return DanishDateTime(t)
}

func orBlank(s, blank string) string {
	if s == "" {
		return blank
	}
	return s
}
