package reports

import (
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

// noticeTexts is the wording of a notice between the jobcentre and the
// benefit office (assets/handouts/notice.json), printed and copied alike.
type noticeTexts struct {
	TitleTo        string            `json:"title_to"`
	TitleFrom      string            `json:"title_from"`
	ListTitle      string            `json:"list_title"`
	ListHeading    string            `json:"list_heading"`
	FromLabel      string            `json:"from_label"`
	CitizenLabel   string            `json:"citizen_label"`
	WrittenLabel   string            `json:"written_label"`
	SentLabel      string            `json:"sent_label"`
	MessageHeading string            `json:"message_heading"`
	Directions     map[string]string `json:"directions"`
	None           string            `json:"none"`
	Printed        string            `json:"printed"`
}

var notices = mustTexts[noticeTexts]("notice")

// NoticeData is what a notice sheet prints: one notice per page, or the
// day's notices as one list. Never a CPR number.
type NoticeData struct {
	Office  model.Office
	Notices []model.Notice
	AsList  bool
	Printed time.Time
}

// Notices builds the notices: a page each, or one list.
func Notices(d NoticeData, opts Options) (*Document, error) {
	doc := NewBatch(d.Office, notices.ListTitle, opts)
	if d.AsList || len(d.Notices) == 0 {
		doc.noticeList(d)
		return doc, nil
	}
	for _, n := range d.Notices {
		doc.noticePage(n, d)
	}
	return doc, nil
}

func noticeTitle(n model.Notice) string {
	if n.Direction == model.FromBenefit {
		return notices.TitleFrom
	}
	return notices.TitleTo
}

func (doc *Document) noticePage(n model.Notice, d NoticeData) {
	doc.begin()
	doc.Title(noticeTitle(n))
	doc.Field(notices.FromLabel, d.Office.Name)
	doc.Field(notices.CitizenLabel, n.Name)
	doc.Field(notices.WrittenLabel, DanishDate(n.CreatedAt.Local()))
	doc.Field(notices.SentLabel, DanishDate(d.Printed))
	doc.Heading(notices.MessageHeading)
	doc.Para(n.Text)
	doc.Small(fmt.Sprintf(notices.Printed, DanishDate(d.Printed)))
}

func (doc *Document) noticeList(d NoticeData) {
	doc.begin()
	doc.Title(fmt.Sprintf(notices.ListHeading, DanishDate(d.Printed)))
	if len(d.Notices) == 0 {
		doc.Para(notices.None)
	}
	for _, n := range d.Notices {
		doc.Heading(joinNonEmpty(" · ", n.CreatedAt.Local().Format("02-01-2006"), n.Name, notices.Directions[n.Direction]))
		doc.Para(n.Text)
	}
	doc.Small(fmt.Sprintf(notices.Printed, DanishDate(d.Printed)))
}

// NoticeText is a notice as plain text, to paste into a mail or the benefit
// office's system; same wording as the printed page.
func NoticeText(n model.Notice, office model.Office) string {
	lines := []string{noticeTitle(n),
		notices.FromLabel + ": " + office.Name,
		notices.CitizenLabel + ": " + n.Name,
		notices.WrittenLabel + ": " + n.CreatedAt.Local().Format("02-01-2006"),
		"", n.Text}
	return strings.Join(lines, "\n") + "\n"
}
