package reports

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"jobspor/model"
)

// insightTexts is the right-of-access document's wording (insight.json).
type insightTexts struct {
	Version  string            `json:"version"`
	Title    string            `json:"title"`
	Intro    string            `json:"intro"`
	CPRNote  string            `json:"cpr_note"`
	None     string            `json:"none"`
	Printed  string            `json:"printed"`
	Headings map[string]string `json:"headings"`
	Labels   map[string]string `json:"labels"`
	Words    map[string]string `json:"words"`
}

func (t *insightTexts) word(key string) string {
	if w, ok := t.Words[key]; ok {
		return w
	}
	return key
}

// Insight is the citizen's right of access as a readable document: every
// record Jobspor holds about them, and who saw or changed it. The CPR
// number is shown masked, as on every handout.
//
// title names a guide action or reception step by its ID, in the guide's
// words (the ID itself when unknown).
func Insight(office model.Office, e *model.Export, printed time.Time, opts Options, title func(id string) string) (*Document, error) {
	var t insightTexts
	if err := loadTexts("insight", &t); err != nil {
		return nil, err
	}
	doc := NewBatch(office, t.Title, opts)
	doc.begin()
	doc.Title(t.Title)
	doc.Para(t.Intro)
	for _, part := range insightParts(&t, e, title) {
		doc.Heading(t.Headings[part.key])
		if len(part.lines) == 0 {
			doc.Para(t.None)
			continue
		}
		for _, l := range part.lines {
			doc.Para(l)
		}
	}
	doc.Small(fmt.Sprintf(t.Printed, model.DanishDateTime(printed)))
	return doc, nil
}

type insightPart struct {
	key   string
	lines []string
}

func insightParts(t *insightTexts, e *model.Export, title func(string) string) []insightPart {
	return []insightPart{
		{"person", personLines(t, e.Citizen)},
		{"conversations", conversationLines(t, e.Conversations)},
		{"goals", mapLines(e.JobGoals, func(g model.JobGoal) string { return g.Title + " (" + t.word(string(g.Horizon)) + ")" })},
		{"joblog", mapLines(e.JobLog, func(a model.Application) string {
			return joinNonEmpty(" – ", a.Text, t.word(string(a.Status)), dateOr(a.AppliedOn))
		})},
		{"jobs_shown", mapLines(e.JobsShown, func(j model.JobShown) string {
			return joinNonEmpty(" – ", j.Title, j.Employer, map[bool]string{true: t.word("agreed")}[j.Agreed])
		})},
		{"progress", mapLines(e.Progress, func(p model.Progress) string {
			return joinNonEmpty(" – ", title(p.ActionID), dateOr(p.DoneOn), p.Note)
		})},
		{"reception", mapLines(e.Reception, func(r model.ReceptionTick) string { return title(r.StepID) + " – " + dateOr(r.DoneOn) })},
		{"benefit", benefitLines(t, e.BenefitCase)},
		{"notices", mapLines(e.Notices, func(n model.Notice) string { return noticeLine(t, n) })},
		{"track", mapLines(e.TrackChanges, func(c model.TrackChange) string {
			return t.word(string(c.Track)) + " fra " + dateOr(c.On) + ": " + c.Reason
		})},
		{"records", recordLines(e)},
		{"youth", youthLines(e.YouthFlag)},
		{"closing", closingLines(t, e.Closing)},
		{"audit", mapLines(e.Audit, func(a model.AuditEntry) string {
			return model.DanishDateTime(a.At.Local()) + " – " + a.User + " " + t.word(a.Action)
		})},
	}
}

func personLines(t *insightTexts, c model.CitizenRecord) []string {
	field := func(key, value string) string { return t.Labels[key] + ": " + value }
	cpr := ""
	if len(c.CPR) == 11 {
		cpr = fmt.Sprintf(t.CPRNote, c.CPR[:6]+"-xxxx")
	}
	lines := []string{field("name", c.Name), field("cpr", cpr), field("birth", isoToDanish(c.BirthDate)), field("phone", c.Phone),
		field("email", c.Email), field("postcode", c.Postcode), field("benefit", t.word(string(c.Benefit))),
		field("education", t.word(c.Education)), field("first_contact", isoToDanish(c.FirstContact)),
		field("unemployed_since", isoToDanish(c.UnemployedSince)),
		field("status", t.word(string(c.Status))), field("track", t.word(string(c.Track))),
		field("caseworker", c.Caseworker), field("created", isoToDanish(c.CreatedAt[:min(10, len(c.CreatedAt))]))}
	if c.TransferredOn != "" {
		lines = append(lines, field("transferred_on", isoToDanish(c.TransferredOn)))
	}
	if c.Notes != "" {
		lines = append(lines, field("notes", c.Notes))
	}
	return lines
}

func conversationLines(t *insightTexts, list []model.Conversation) []string {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Start.Before(list[j].Start) })
	return mapLines(list, func(c model.Conversation) string {
		head := c.Start.Format("02-01-2006 15:04") + " – " + model.AttendanceWord(c.Attendance)
		return joinNonEmpty("\n", head, c.Notes, c.Agreements)
	})
}

func benefitLines(t *insightTexts, b *model.BenefitCase) []string {
	if b == nil {
		return nil
	}
	lines := []string{joinNonEmpty(" – ", dateOr(b.IntendsOn), dateOr(b.StartedOn), dateOr(b.SettledOn))}
	if !b.MeetingAt.IsZero() {
		lines = append(lines, t.Labels["meeting"]+": "+joinNonEmpty(" – ", model.DanishDateTime(b.MeetingAt), b.MeetingPlace))
	}
	return lines
}

// noticeLine is one notice, with when and how it was sent once it was.
func noticeLine(t *insightTexts, n model.Notice) string {
	line := t.word(n.Direction) + ", " + model.DanishDateTime(n.CreatedAt.Local()) + ": " + n.Text
	if !n.SentAt.IsZero() {
		line += " (" + fmt.Sprintf(t.Labels["sent_"+string(n.SentHow)], model.DanishDateTime(n.SentAt.Local())) + ")"
	}
	return line
}

func recordLines(e *model.Export) []string {
	var out []string
	for _, u := range e.Upskilling {
		out = append(out, joinNonEmpty(" – ", u.Title, string(u.Status), u.Note))
	}
	if e.Education.Chosen != "" || e.Education.Note != "" {
		out = append(out, joinNonEmpty(" – ", e.Education.Chosen, dateOr(e.Education.Start), e.Education.Note))
	}
	for _, c := range e.Company {
		out = append(out, joinNonEmpty(" – ", c.Company, dateOr(c.Start)+"–"+dateOr(c.End), c.Conditions, c.Note))
	}
	for _, a := range e.TempAgencies {
		out = append(out, joinNonEmpty(" – ", a.Agency, dateOr(a.Registered), a.Note))
	}
	return out
}

func youthLines(y *model.YouthFlag) []string {
	if y == nil {
		return nil
	}
	return []string{joinNonEmpty(" – ", dateOr(y.FlaggedOn), dateOr(y.ReferredOn))}
}

func closingLines(t *insightTexts, c *model.CaseClosing) []string {
	if c == nil {
		return nil
	}
	return []string{joinNonEmpty(" – ", dateOr(c.Date), t.word(string(c.Reason)), c.Employer, c.Note)}
}

func mapLines[T any](list []T, line func(T) string) []string {
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, line(x))
	}
	return out
}

func dateOr(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02-01-2006")
}

// isoToDanish turns a stored 2006-01-02 into 02-01-2006.
func isoToDanish(s string) string {
	if t, err := time.Parse(model.DateLayout, s); err == nil {
		return t.Format("02-01-2006")
	}
	return strings.TrimSpace(s)
}
