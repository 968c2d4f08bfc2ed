package reports

import (
	"fmt"
	"time"

	"jobspor/model"
)

// FolderTexts is the job-search folder's wording (assets/handouts/folder.json).
type FolderTexts struct {
	Version            string   `json:"version"`
	Title              string   `json:"title"`
	Intro              string   `json:"intro"`
	IntroAhead         string   `json:"intro_ahead"`
	PlanHeading        string   `json:"plan_heading"`
	PlanIntro          string   `json:"plan_intro"`
	Columns            []string `json:"columns"`
	WithYou            string   `json:"with_you"`
	WithoutYou         string   `json:"without_you"`
	AheadHeading       string   `json:"ahead_heading"`
	AheadConversations string   `json:"ahead_talks"` // the key offices' adapted texts already use
	AheadJobs          string   `json:"ahead_jobs"`
	AheadNone          string   `json:"ahead_none"`
	JobLine            string   `json:"job_line"`
	MoreJobs           string   `json:"more_jobs"`
	NoConversations    string   `json:"no_conversations"`
	ExpectHeading      string   `json:"expect_heading"`
	Expect             []string `json:"expect"`
	Agreed             string   `json:"agreed"`
	OfferHeading       string   `json:"offer_heading"`
	Offer              []string `json:"offer"`
	NextHeading        string   `json:"next_heading"`
	BenefitHeading     string   `json:"benefit_heading"`
	Printed            string   `json:"printed"`
}

// FolderData is one citizen's job-search folder (10 råd #6): no CPR.
type FolderData struct {
	Office        model.Office
	Name          string
	Steps         []model.DatedStep
	Conversations []model.Conversation // planned, from today on
	Agreed        []model.Application  // agreed and not yet sent
	// BenefitMeetingAt and BenefitMeetingPlace are the stored benefit meeting (zero: none).
	BenefitMeetingAt    time.Time
	BenefitMeetingPlace string
	Printed             time.Time
}

// Ahead is true once the reception weeks are over: the folder then shows
// what is ahead instead of the plan's past dates.
func (f FolderData) Ahead() bool {
	if len(f.Steps) == 0 {
		return true
	}
	last := f.Steps[len(f.Steps)-1].ToDate
	for _, s := range f.Steps {
		if s.ToDate.After(last) {
			last = s.ToDate
		}
	}
	return model.DateOnly(last).Before(model.DateOnly(f.Printed))
}

// Lists in the folder are cut so it stays on one page.
const (
	folderMaxConversations = 4
	folderMaxJobs          = 5
)

// AddFolder adds the folder "your way back to work" for one citizen, on
// one page: the next appointment; in the first weeks the dated plan (steps
// without the citizen marked) and the conversations; after them what is ahead
// (conversations and agreed jobs); the stored benefit meeting, if any; what we
// expect and what we offer side by side. The letterhead carries the office's contact details.
func (doc *Document) AddFolder(f FolderData) error {
	var t FolderTexts
	if err := loadTexts("folder", &t); err != nil {
		return err
	}
	doc.begin()
	doc.Title(t.Title)
	doc.Field("Til", f.Name)
	doc.pdf.Ln(2)
	if f.Ahead() {
		doc.Para(t.IntroAhead)
		doc.folderNext(t, f)
		doc.folderAhead(t, f)
	} else {
		doc.Para(t.Intro)
		doc.folderNext(t, f)
		doc.folderConversations(t, f)
		doc.folderPlan(t, f)
	}
	doc.folderBenefitMeeting(t, f)
	doc.twoColumns(t.ExpectHeading, folderExpect(t, f), t.OfferHeading, t.Offer)
	doc.Small(fmt.Sprintf(t.Printed, DanishDate(f.Printed)))
	return nil
}

func folderExpect(t FolderTexts, f FolderData) []string {
	expect := append([]string{}, t.Expect...)
	if len(f.Agreed) > 0 && !f.Ahead() {
		expect = append(expect, fmt.Sprintf(t.Agreed, len(f.Agreed)))
	}
	return expect
}

func (doc *Document) folderNext(t FolderTexts, f FolderData) {
	if len(f.Conversations) == 0 {
		return
	}
	n := f.Conversations[0]
	doc.Heading(t.NextHeading)
	doc.Big(DanishDateTime(n.Start), 14)
	doc.Para(conversationWords(n))
}

// folderPlan is the reception plan with its dates and who takes part.
func (doc *Document) folderPlan(t FolderTexts, f FolderData) {
	doc.Heading(t.PlanHeading)
	doc.Small(t.PlanIntro)
	doc.pdf.Ln(1)
	doc.compactTable(t.Columns, []float64{50, 96, 24}, stepRows(t, f.Steps))
}

// folderConversations lists the conversations after the next appointment, or says that
// the next one will be agreed.
func (doc *Document) folderConversations(t FolderTexts, f FolderData) {
	switch {
	case len(f.Conversations) == 0:
		doc.Para(t.NoConversations)
	case len(f.Conversations) > 1:
		doc.Small(t.AheadConversations)
		doc.compactBullets(laterConversationLines(f.Conversations[1:]))
	}
}

func laterConversationLines(conversations []model.Conversation) []string {
	var lines []string
	for _, c := range conversations[:min(len(conversations), folderMaxConversations)] {
		lines = append(lines, DanishDateTime(c.Start)+" – "+conversationWords(c))
	}
	return lines
}

// folderBenefitMeeting shows the meeting at the benefit office, when one is booked.
func (doc *Document) folderBenefitMeeting(t FolderTexts, f FolderData) {
	if f.BenefitMeetingAt.IsZero() {
		return
	}
	doc.Heading(t.BenefitHeading)
	doc.Para(joinNonEmpty(" – ", meetingWhen(f.BenefitMeetingAt), f.BenefitMeetingPlace))
}

// folderAhead is what is ahead after the first weeks: the later conversations and
// the jobs agreed, never a date gone by.
func (doc *Document) folderAhead(t FolderTexts, f FolderData) {
	doc.Heading(t.AheadHeading)
	lines := agreedLines(t, f.Agreed, f.Printed)
	if len(f.Conversations) == 1 && len(lines) == 0 {
		doc.Para(t.AheadNone)
	}
	doc.folderConversations(t, f)
	if len(lines) > 0 {
		doc.Small(t.AheadJobs)
		doc.compactBullets(lines)
	}
}

// agreedLines are the agreed jobs with deadlines still ahead, at most five.
func agreedLines(t FolderTexts, apps []model.Application, today time.Time) []string {
	var lines []string
	for _, a := range apps {
		line := a.Text
		if !a.Deadline.IsZero() && model.DateOnly(a.Deadline).Before(model.DateOnly(today)) {
			continue
		}
		if !a.Deadline.IsZero() {
			line = fmt.Sprintf(t.JobLine, a.Text, DanishDate(a.Deadline))
		}
		lines = append(lines, line)
	}
	if len(lines) > folderMaxJobs {
		lines = append(lines[:folderMaxJobs-1], fmt.Sprintf(t.MoreJobs, len(lines)-folderMaxJobs+1))
	}
	return lines
}

// stepRows are the reception plan's steps with their dates, in words, and
// whether the citizen takes part.
func stepRows(t FolderTexts, steps []model.DatedStep) [][]string {
	var rows [][]string
	for _, s := range steps {
		when := model.DanishWeekdayDate(s.FromDate)
		if !s.ToDate.Equal(s.FromDate) {
			when = fmt.Sprintf("%s – %s", shortDanish(s.FromDate), shortDanish(s.ToDate))
		}
		who := t.WithYou
		if !s.Citizen {
			who = t.WithoutYou
		}
		rows = append(rows, []string{when, s.Title, who})
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
