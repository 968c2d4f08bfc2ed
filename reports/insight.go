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
	Version      string            `json:"version"`
	Title        string            `json:"title"`
	Intro        string            `json:"intro"`
	CPRNote      string            `json:"cpr_note"`
	None         string            `json:"none"`
	Printed      string            `json:"printed"`
	Someone      string            `json:"someone"`
	Headings     map[string]string `json:"headings"`
	Labels       map[string]string `json:"labels"`
	Benefits     map[string]string `json:"benefits"`
	Tracks       map[string]string `json:"tracks"`
	CloseReasons map[string]string `json:"close_reasons"`
	Words        map[string]string `json:"words"`
	Actions      map[string]string `json:"actions"`
}

func (t *insightTexts) word(key string) string {
	if w, ok := t.Words[key]; ok {
		return w
	}
	return key
}

// labelled is "label value", or "" when there is no value.
func (t *insightTexts) labelled(key, value string) string {
	if value == "" {
		return ""
	}
	return t.Labels[key] + " " + value
}

// action is what an audit row says was done, in words: a few actions are
// told apart by their detail (a goal added or deleted, a notice sent).
func (t *insightTexts) action(a model.AuditEntry) string {
	first, _, _ := strings.Cut(a.Detail, " ")
	for _, key := range []string{a.Action + "_" + first, a.Action} {
		if w, ok := t.Actions[key]; ok {
			return w
		}
	}
	return t.Actions["other"]
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
	var y BenefitMeetingTexts
	if err := loadTexts("ydelse", &y); err != nil {
		return nil, err
	}
	doc := NewBatch(office, t.Title, opts)
	doc.begin()
	doc.Title(t.Title)
	doc.Para(t.Intro)
	for _, part := range insightParts(&t, e, title, y.Documents) {
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

func insightParts(t *insightTexts, e *model.Export, title func(string) string, documents []string) []insightPart {
	return []insightPart{
		{"person", personLines(t, e)},
		{"conversations", conversationLines(t, e.Conversations)},
		{"goals", insightGoalLines(t, e.JobGoals, e.Opening)},
		{"joblog", mapLines(e.JobLog, func(a model.Application) string {
			return joinNonEmpty(" – ", a.Text, t.labelled("job_status", t.word(string(a.Status))),
				t.labelled("applied_on", dateOr(a.AppliedOn)), t.labelled("deadline", dateOr(a.Deadline)))
		})},
		{"jobs_shown", mapLines(e.JobsShown, func(j model.JobShown) string {
			return joinNonEmpty(" – ", j.Title, j.Employer, map[bool]string{true: t.word("agreed")}[j.Agreed])
		})},
		{"progress", mapLines(byDoneOn(e.Progress), func(p model.Progress) string {
			return joinNonEmpty(" – ", title(p.ActionID), t.labelled("done_on", dateOr(p.DoneOn)), p.Note)
		})},
		{"reception", mapLines(e.Reception, func(r model.ReceptionTick) string {
			return joinNonEmpty(" – ", title(r.StepID), t.labelled("step_done", dateOr(r.DoneOn)))
		})},
		{"benefit", benefitLines(t, e.BenefitCase, documents)},
		{"notices", mapLines(e.Notices, func(n model.Notice) string { return noticeLine(t, n) })},
		{"track", mapLines(e.TrackChanges, func(c model.TrackChange) string {
			return joinNonEmpty(". ", joinNonEmpty(" ", t.Tracks[string(c.Track)], t.labelled("track_from", dateOr(c.On))),
				field(t, "track_reason", c.Reason))
		})},
		{"records", recordLines(t, e)},
		{"youth", youthLines(t, e.YouthFlag)},
		{"closing", closingLines(t, e.Closing)},
		{"audit", mapLines(e.Audit, func(a model.AuditEntry) string {
			return model.DanishDateTime(a.At.Local()) + " – " + who(t, e, a) + " " + t.action(a)
		})},
	}
}

// who names the caseworker an audit row was written by, from the roster;
// never the computer account, which says nothing to the citizen.
func who(t *insightTexts, e *model.Export, a model.AuditEntry) string {
	if a.Caseworker == "" {
		return t.Someone
	}
	return e.CaseworkerName(a.Caseworker)
}

// field is "label: value", or "" when there is no value.
func field(t *insightTexts, key, value string) string {
	if value == "" {
		return ""
	}
	return t.Labels[key] + ": " + value
}

func personLines(t *insightTexts, e *model.Export) []string {
	c := e.Citizen
	field := func(key, value string) string { return t.Labels[key] + ": " + value }
	cpr := ""
	if masked := c.CPR.Masked(); masked != "" {
		cpr = fmt.Sprintf(t.CPRNote, masked)
	}
	caseworker := ""
	if c.Caseworker != "" {
		caseworker = e.CaseworkerName(c.Caseworker)
	}
	born, _ := c.Born()
	lines := []string{field("name", c.Name), field("cpr", cpr), field("birth", dateOr(born)), field("phone", c.Phone),
		field("email", c.Email), field("postcode", c.Postcode), field("benefit", t.Benefits[string(c.Benefit)]),
		field("education", t.word(string(c.Education))), field("first_contact", dateOr(c.FirstContact)),
		field("unemployed_since", dateOr(c.UnemployedSince)),
		field("status", t.word(string(c.Status))), field("track", t.Tracks[string(c.Track)]),
		field("caseworker", caseworker), field("created", dateOr(c.CreatedAt.UTC()))}
	if !c.TransferredOn.IsZero() {
		lines = append(lines, field("transferred_on", dateOr(c.TransferredOn)))
	}
	if c.Notes != "" {
		lines = append(lines, field("notes", c.Notes))
	}
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasSuffix(l, ": ") {
			kept = append(kept, l)
		}
	}
	return kept
}

func conversationLines(t *insightTexts, list []model.Conversation) []string {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Start.Before(list[j].Start) })
	return mapLines(list, func(c model.Conversation) string {
		head := t.Labels["conversation"] + " " + model.DanishDateTime(c.Start) + " – " +
			joinNonEmpty(", ", t.word(string(c.Kind)), t.word(string(c.Form)), strings.ToLower(model.AttendanceWord(c.Attendance)))
		return joinNonEmpty("\n", head, field(t, "conversation_notes", c.Notes), field(t, "agreements", c.Agreements))
	})
}

func insightGoalLines(t *insightTexts, goals []model.JobGoal, o model.Opening) []string {
	out := mapLines(goals, func(g model.JobGoal) string {
		return g.Title + " (" + t.word(string(g.Horizon)) + ")" + prefixed(", ", t.labelled("goal_added", dateOr(g.CreatedAt)))
	})
	if line := field(t, "upskilling_need", o.UpskillingNeed); line != "" {
		out = append(out, line)
	}
	if o.EUV != model.EUVUnknown {
		out = append(out, field(t, "euv", t.word(string(o.EUV))))
	}
	return out
}

// benefitLines are the benefit case's dates, each with what it is, the
// meeting at the benefit office and the documents handed in.
func benefitLines(t *insightTexts, b *model.BenefitCase, documents []string) []string {
	if b == nil {
		return nil
	}
	var lines []string
	for _, d := range []struct {
		key string
		on  time.Time
	}{{"intends_on", b.IntendsOn}, {"started_on", b.StartedOn}, {"settled_on", b.SettledOn}} {
		if !d.on.IsZero() {
			lines = append(lines, t.Labels[d.key]+": "+dateOr(d.on))
		}
	}
	if !b.MeetingAt.IsZero() {
		lines = append(lines, t.Labels["meeting"]+": "+joinNonEmpty(" – ", model.DanishDateTime(b.MeetingAt), b.MeetingPlace))
	}
	var handed []string
	for _, i := range b.Documents {
		if i >= 0 && i < len(documents) {
			handed = append(handed, documents[i])
		}
	}
	if len(handed) == 0 {
		return append(lines, t.Labels["no_documents"]+".")
	}
	return append(lines, t.Labels["documents"]+":\n– "+strings.Join(handed, "\n– "))
}

// noticeLine is one notice, with when and how it was sent once it was.
func noticeLine(t *insightTexts, n model.Notice) string {
	line := t.word(n.Direction) + ", " + t.Labels["notice_written"] + " " + model.DanishDateTime(n.CreatedAt.Local()) + ": " + n.Text
	var after []string
	if !n.SentAt.IsZero() {
		after = append(after, fmt.Sprintf(t.Labels["sent_"+string(n.SentHow)], model.DanishDateTime(n.SentAt.Local())))
	}
	if !n.AcknowledgedAt.IsZero() {
		after = append(after, t.Labels["acknowledged"]+" "+model.DanishDateTime(n.AcknowledgedAt.Local()))
	}
	if len(after) > 0 {
		line += " (" + strings.Join(after, ", ") + ")"
	}
	return line
}

func recordLines(t *insightTexts, e *model.Export) []string {
	var out []string
	for _, u := range e.Upskilling {
		out = append(out, joinNonEmpty(" – ", t.Labels["upskilling"]+": "+u.Title+prefixed(" ", "("+t.word(string(u.Kind))+")"),
			t.word(string(u.Status)), t.labelled("completed", dateOr(u.Completed)), u.Note))
	}
	if ed := e.Education; ed != (model.EducationPlan{CitizenID: ed.CitizenID}) {
		out = append(out, joinNonEmpty(" – ", t.Labels["education_plan"]+": "+ed.Chosen,
			map[bool]string{true: t.Labels["enrolled"]}[ed.Enrolled], t.labelled("education_start", dateOr(ed.Start)),
			t.labelled("prior_learning", wordOf(t, ed.PriorLearning)), t.labelled("dyslexia_test", wordOf(t, ed.DyslexiaTest)),
			t.labelled("internship", wordOf(t, ed.Internship)), ed.Note))
	}
	for _, c := range e.Company {
		period := ""
		if !c.Start.IsZero() || !c.End.IsZero() {
			period = t.Labels["company_period"] + " " + dateOr(c.Start) + "–" + dateOr(c.End)
		}
		out = append(out, joinNonEmpty(" – ", t.word(string(c.Kind))+" "+t.Labels["company"]+" "+c.Company, period,
			field(t, "company_conditions", c.Conditions), t.labelled("company_meeting", dateOr(c.JointMeeting)),
			t.Labels["outcome_"+c.Outcome], c.Note))
	}
	for _, a := range e.TempAgencies {
		out = append(out, joinNonEmpty(" – ", t.Labels["agency"]+": "+a.Agency, t.labelled("registered", dateOr(a.Registered)), a.Note))
	}
	return out
}

func youthLines(t *insightTexts, y *model.YouthFlag) []string {
	if y == nil {
		return nil
	}
	return []string{joinNonEmpty(", ", t.Labels["youth_flagged"]+" "+dateOr(y.FlaggedOn), t.labelled("youth_referred", dateOr(y.ReferredOn)))}
}

func closingLines(t *insightTexts, c *model.CaseClosing) []string {
	if c == nil {
		return nil
	}
	hours := ""
	if c.Hours > 0 {
		hours = fmt.Sprintf("%d %s", c.Hours, t.Labels["hours"])
	}
	return []string{joinNonEmpty(" – ", t.Labels["closed_on"]+" "+dateOr(c.Date), t.labelled("reason", t.CloseReasons[string(c.Reason)]),
		t.labelled("employer", c.Employer), t.labelled("job_start", dateOr(c.JobStart)), hours, c.Note)}
}

// byDoneOn is the guide's actions in the order they were done.
func byDoneOn(list []model.Progress) []model.Progress {
	out := append([]model.Progress(nil), list...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].DoneOn.Before(out[j].DoneOn) })
	return out
}

// wordOf is the word for a stored choice, "" for none.
func wordOf(t *insightTexts, key string) string {
	if key == "" {
		return ""
	}
	return t.word(key)
}

// prefixed is sep+s, or "" when s is empty.
func prefixed(sep, s string) string {
	if s == "" || s == "()" {
		return ""
	}
	return sep + s
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
