package reports

import (
	"fmt"
	"time"

	"jobspor/model"
)

// FolderTexts is the job-search folder's wording (assets/handouts/folder.json).
type FolderTexts struct {
	Version        string   `json:"version"`
	Title          string   `json:"title"`
	Intro          string   `json:"intro"`
	PlanHeading    string   `json:"plan_heading"`
	PlanIntro      string   `json:"plan_intro"`
	TalksHeading   string   `json:"talks_heading"`
	NoTalks        string   `json:"no_talks"`
	ExpectHeading  string   `json:"expect_heading"`
	Expect         []string `json:"expect"`
	Agreed         string   `json:"agreed"`
	OfferHeading   string   `json:"offer_heading"`
	Offer          []string `json:"offer"`
	NextHeading    string   `json:"next_heading"`
	ContactHeading string   `json:"contact_heading"`
	BenefitHeading string   `json:"benefit_heading"`
	Printed        string   `json:"printed"`
}

// FolderData is one citizen's job-search folder (10 råd #6): no CPR.
type FolderData struct {
	Office model.Office
	Name   string
	Steps  []model.DatedStep
	Talks  []model.Conversation // planned, from today on
	Agreed int                  // applications agreed and not yet sent
	// Meeting and MeetingPlace are the stored benefit meeting (zero: none).
	Meeting      time.Time
	MeetingPlace string
	Printed      time.Time
}

// AddFolder adds the folder "your way back to work" for one citizen.
func (doc *Document) AddFolder(f FolderData) error {
	var t FolderTexts
	if err := loadTexts("folder", &t); err != nil {
		return err
	}
	doc.begin()
	doc.Title(t.Title)
	doc.Field("Til", f.Name)
	doc.pdf.Ln(2)
	doc.Para(t.Intro)
	doc.folderNext(t, f)
	doc.Heading(t.PlanHeading)
	doc.Small(t.PlanIntro)
	doc.pdf.Ln(1)
	doc.Table([]string{"Hvornår", "Hvad"}, []float64{62, 108}, stepRows(f.Steps))
	doc.folderTalks(t, f)
	doc.folderMeeting(t, f)
	doc.Heading(t.ExpectHeading)
	expect := t.Expect
	if f.Agreed > 0 {
		expect = append(expect, fmt.Sprintf(t.Agreed, f.Agreed))
	}
	doc.Bullets(expect)
	doc.Heading(t.OfferHeading)
	doc.Bullets(t.Offer)
	doc.folderContact(t, f.Office)
	doc.Small(fmt.Sprintf(t.Printed, DanishDate(f.Printed)))
	return nil
}

func (doc *Document) folderNext(t FolderTexts, f FolderData) {
	if len(f.Talks) == 0 {
		return
	}
	n := f.Talks[0]
	doc.Heading(t.NextHeading)
	doc.Big(DanishDateTime(n.Start), 14)
	doc.Para(conversationWords(n))
}

// folderTalks lists the talks ahead; one talk is already the next appointment.
func (doc *Document) folderTalks(t FolderTexts, f FolderData) {
	if len(f.Talks) == 1 {
		return
	}
	doc.Heading(t.TalksHeading)
	if len(f.Talks) == 0 {
		doc.Para(t.NoTalks)
		return
	}
	var lines []string
	for _, c := range f.Talks {
		lines = append(lines, DanishDateTime(c.Start)+" – "+conversationWords(c))
	}
	doc.Bullets(lines)
}

// folderMeeting shows the meeting at the benefit office, when one is booked.
func (doc *Document) folderMeeting(t FolderTexts, f FolderData) {
	if f.Meeting.IsZero() {
		return
	}
	doc.Heading(t.BenefitHeading)
	doc.Para(joinNonEmpty(" – ", talkWhen(f.Meeting), f.MeetingPlace))
}

func (doc *Document) folderContact(t FolderTexts, o model.Office) {
	doc.Heading(t.ContactHeading)
	doc.Para(joinNonEmpty("\n", joinNonEmpty(", ", o.Name, o.Address), joinNonEmpty(" · ", phoneText(o.Phone), o.Email), hoursText(o.Hours)))
}

func hoursText(h string) string {
	if h == "" {
		return ""
	}
	return "Åbningstid: " + h
}

// stepRows are the reception plan's steps with their dates, in words.
func stepRows(steps []model.DatedStep) [][]string {
	var rows [][]string
	for _, s := range steps {
		when := DanishDate(s.FromDate)
		if !s.ToDate.Equal(s.FromDate) {
			when = fmt.Sprintf("%s – %s", shortDanish(s.FromDate), shortDanish(s.ToDate))
		}
		rows = append(rows, []string{when, s.Title})
	}
	return rows
}

// shortDanish is "7. december".
var shortDanish = model.DanishDayMonth

// conversationWords is "jobsamtale, fremmøde" for the citizen.
func conversationWords(c model.Conversation) string {
	kind := map[model.ConversationKind]string{model.KindFirst: "første samtale", model.KindJob: "jobsamtale",
		model.KindFollowup: "opfølgning", model.KindJointFollowup: "fælles opfølgning", model.KindCompany: "møde med en virksomhed"}[c.Kind]
	form := map[model.ConversationForm]string{model.FormInPerson: "mød op hos os", model.FormPhone: "vi ringer til dig",
		model.FormVideo: "videosamtale"}[c.Form]
	return kind + ", " + form
}
