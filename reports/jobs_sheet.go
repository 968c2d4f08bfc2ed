package reports

import (
	"fmt"
	"time"

	"jobspor/model"
)

// JobsTexts is the job list handout's wording (assets/handouts/jobs.json).
type JobsTexts struct {
	Version  string `json:"version"`
	Title    string `json:"title"`
	Intro    string `json:"intro"`
	Agreed   string `json:"agreed"`
	Deadline string `json:"deadline"`
	How      string `json:"how"`
	Place    string `json:"place"`
	None     string `json:"none"`
	DayTitle string `json:"day_title"`
	DayIntro string `json:"day_intro"`
	Hot      string `json:"hot"`
	Printed  string `json:"printed"`
}

// JobsData is the openings shown to one citizen in a conversation.
type JobsData struct {
	Office  model.Office
	Name    string
	Jobs    []model.PresentedJob
	Printed time.Time
}

// AddJobs adds the list of concrete openings presented to a citizen.
func (doc *Document) AddJobs(j JobsData) error {
	var t JobsTexts
	if err := loadTexts("jobs", &t); err != nil {
		return err
	}
	doc.begin()
	doc.Title(t.Title)
	doc.Field("Til", j.Name)
	doc.pdf.Ln(2)
	doc.Para(t.Intro)
	if len(j.Jobs) == 0 {
		doc.Para(t.None)
	}
	for _, p := range j.Jobs {
		doc.jobBlock(t, p.Job, p.Agreed)
	}
	doc.Small(fmt.Sprintf(t.Printed, DanishDate(j.Printed)))
	return nil
}

func (doc *Document) jobBlock(t JobsTexts, j model.Job, agreed bool) {
	doc.Heading(j.Title + " – " + j.Employer)
	if j.Hot {
		doc.hotMark(t.Hot, bodySize)
	}
	if agreed {
		doc.CheckItem(t.Agreed)
	}
	doc.Field(t.Place, orBlank(j.Place, "–"))
	doc.Field(t.Deadline, deadlineWords(j.Deadline))
	doc.Field(t.How, orBlank(j.HowToApply, "–"))
	if j.Contact != "" {
		doc.Field("Kontakt", j.Contact)
	}
}

// hotMark marks a hot job (heard of this morning) in red words, never the
// 🔥 of the screen: the font has no emoji, and the reader would see □ or �.
func (doc *Document) hotMark(text string, size float64) {
	doc.pdf.SetTextColor(180, 40, 30)
	doc.Big(text, size)
}

func deadlineWords(d time.Time) string {
	if d.IsZero() {
		return "ingen frist – søg hurtigst muligt"
	}
	return DanishDate(d)
}

// DayListData is the day's job list for the reception area.
type DayListData struct {
	Office  model.Office
	Day     time.Time
	Jobs    []model.Job
	Printed time.Time
}

// AddDayList adds the day's job list in large print (10 råd #1).
func (doc *Document) AddDayList(d DayListData) error {
	var t JobsTexts
	if err := loadTexts("jobs", &t); err != nil {
		return err
	}
	doc.begin()
	doc.Title(t.DayTitle + " – " + DanishDate(d.Day))
	doc.Para(t.DayIntro)
	for _, j := range d.Jobs {
		doc.keepSpace(30)
		if j.Hot {
			doc.hotMark(t.Hot, 12)
		}
		doc.Big(j.Title, 18)
		doc.pdf.SetFont(family, "", 14)
		doc.pdf.MultiCell(textWidth, 7, doc.safe(joinNonEmpty(", ", j.Employer, j.Place)+" – "+t.Deadline+" "+deadlineWords(j.Deadline)), "", "L", false)
		doc.pdf.MultiCell(textWidth, 7, doc.safe(j.HowToApply), "", "L", false)
		doc.pdf.Ln(4)
		doc.body()
	}
	if len(d.Jobs) == 0 {
		doc.Para(t.None)
	}
	doc.Small(fmt.Sprintf(t.Printed, DanishDate(d.Printed)))
	return nil
}
