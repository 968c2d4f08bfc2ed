package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// RuleSet is the legal minimum of conversations as data, by effective date
// and target group (assets/rules/conversations.json), so a rule change is an
// edit. Each rule cites its paragraph and the law text it was checked
// against; README's rules table is generated from it (RulesTable).
type RuleSet struct {
	Version string `json:"version"`
	// PeriodMonths is how far back Today's figures look: citizens whose
	// unemployment began within it, or whose window closed within it.
	PeriodMonths int `json:"period_months"`
	// ExemptMaxPercent is the most of a group that may be exempted from the
	// minimum after a concrete assessment (25 from 1 July 2026).
	ExemptMaxPercent int `json:"exempt_max_percent"`
	// NoRule is what is said of a citizen no rule covers (e.g. unemployed
	// before 2020), in plain Danish.
	NoRule string `json:"no_rule"`
	// Transitions are days where the rules change and no source says which
	// rule a citizen unemployed before the day follows after it.
	Transitions []Transition `json:"transitions"`
	Rules       []Rule       `json:"rules"`
}

// Transition is a rule change whose transitional provisions were not seen.
type Transition struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

// Rule applies to citizens of the given benefits whose unemployment began on
// or after From, in an office of the given kind, until a later rule takes
// over. Youth rules (LAB § 27, stk. 3) apply to dagpenge citizens under 25
// without a qualifying education and win over the others; OtherBenefit
// tells "anden ydelse" apart (ledighedsydelse; "" for self-supporting and
// benefits § 31 does not name).
type Rule struct {
	ID           string     `json:"id"`
	Office       OfficeKind `json:"office"`
	From         string     `json:"from"`
	Benefits     []Benefit  `json:"benefits"`
	Youth        bool       `json:"youth,omitempty"`
	OtherBenefit string     `json:"other_benefit,omitempty"`
	// Group is the target group the figure is counted over, as STAR names it.
	Group string `json:"group"`
	// TargetPercent is the share of the group that must have had the
	// minimum: 100 where the law requires it of everyone.
	TargetPercent int `json:"target_percent"`
	// Text says the rule in plain Danish, for the caseworker.
	Text string `json:"text"`
	// Source names where the rule is written: the act and its paragraphs,
	// or STAR's guidance; SourceFile the law text it was checked against
	// (shared/domain/law), "" when none.
	Source     string `json:"source"`
	SourceFile string `json:"source_file"`
	// Note is what the research found and did not find (README only).
	Note         string        `json:"note,omitempty"`
	Requirements []Requirement `json:"requirements"`
}

// Anchor is the day a requirement's months and days are counted from.
type Anchor string

const (
	// FromUnemployment counts from the first day of unemployment (LAB § 9,
	// stk. 2: for dagpenge the placing in a dagpenge period, for
	// ledighedsydelse the passing to it).
	FromUnemployment Anchor = "unemployed"
	// FromFirstContact counts from the citizen's first approach to the
	// municipality about help (kontanthjælp, LAB § 9, stk. 2, nr. 2).
	FromFirstContact Anchor = "first_contact"
	// FromRegistration counts from the registration as a job seeker
	// (dagpenge's first-conversation deadlines, LAB § 25 and § 31, stk. 4).
	FromRegistration Anchor = "registered"
)

// With the a-kasse: which held conversations a requirement counts.
const (
	AkasseAny     = ""        // any individual job conversation
	AkasseWith    = "with"    // only those the a-kasse took part in (joint)
	AkasseWithout = "without" // only those without it (the joint ones come on top)
)

// Requirement: at least Count individual job conversations between month
// FromMonth (or the day the citizen passed to the jobcentre, when
// AfterTransfer and known) and WithinMonths months plus WithinDays days
// after the anchor.
type Requirement struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Count int    `json:"count"`
	// First marks the first conversation that must be held with everyone
	// (the 100 % figure, shown apart).
	First         bool   `json:"first"`
	CountedFrom   Anchor `json:"counted_from"`
	FromMonth     int    `json:"from_month"`
	AfterTransfer bool   `json:"after_transfer"`
	WithinMonths  int    `json:"within_months"`
	WithinDays    int    `json:"within_days"`
	// InPerson: only conversations held in person count.
	InPerson bool `json:"in_person,omitempty"`
	// Akasse: AkasseAny, AkasseWith or AkasseWithout.
	Akasse string `json:"akasse,omitempty"`
	// Paragraph names the provision, e.g. "LAB § 31, stk. 4".
	Paragraph string `json:"paragraph"`
	// Verified: the paragraph's text was read in SourceFile (the rule's, or
	// the requirement's own when given). StarOnly: it rests on STAR's
	// guidance alone.
	Verified   bool   `json:"verified"`
	StarOnly   bool   `json:"star_only,omitempty"`
	SourceFile string `json:"source_file,omitempty"`
}

// JobConversationKinds count towards the minimum: individual job
// conversations. A meeting with a company does not, nor does the joint
// follow-up session (10 råd's day 6, held with a group): the law counts
// individual conversations (LAB § 31).
var JobConversationKinds = []ConversationKind{KindFirst, KindJob, KindFollowup}

// ParseRules reads and checks the rules.
func ParseRules(data []byte) (*RuleSet, error) {
	var r RuleSet
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("parse conversation rules: %w", err)
	}
	if r.PeriodMonths < 1 || !percent(r.ExemptMaxPercent) || r.NoRule == "" {
		return nil, fmt.Errorf("conversation rules: period_months, exempt_max_percent (1-100) and no_rule must be given")
	}
	for _, tr := range r.Transitions {
		if _, err := time.Parse(DateLayout, tr.Date); err != nil || tr.Text == "" {
			return nil, fmt.Errorf("conversation rules: transition %q needs a date and a text", tr.Date)
		}
	}
	seen := map[string]bool{}
	for _, rule := range r.Rules {
		if err := rule.check(); err != nil {
			return nil, err
		}
		if seen[rule.ID] {
			return nil, fmt.Errorf("rule %s given twice", rule.ID)
		}
		seen[rule.ID] = true
	}
	return &r, nil
}

func percent(p int) bool { return p >= 1 && p <= 100 }

func (rule Rule) check() error {
	if _, err := time.Parse(DateLayout, rule.From); err != nil {
		return fmt.Errorf("rule %s: bad date %q", rule.ID, rule.From)
	}
	if rule.Source == "" || rule.Text == "" || rule.Group == "" || !percent(rule.TargetPercent) {
		return fmt.Errorf("rule %s: source, text, group and target_percent (1-100) must be given", rule.ID)
	}
	for _, q := range rule.Requirements {
		if q.Count < 1 || q.WithinMonths*31+q.WithinDays <= q.FromMonth*31 || q.Paragraph == "" {
			return fmt.Errorf("rule %s: requirement %s has no sensible count, window or paragraph", rule.ID, q.ID)
		}
		switch q.CountedFrom {
		case "", FromUnemployment, FromFirstContact, FromRegistration:
		default:
			return fmt.Errorf("rule %s: requirement %s counts from %q", rule.ID, q.ID, q.CountedFrom)
		}
		if q.Akasse != AkasseAny && q.Akasse != AkasseWith && q.Akasse != AkasseWithout {
			return fmt.Errorf("rule %s: requirement %s: akasse %q", rule.ID, q.ID, q.Akasse)
		}
		if q.Verified && rule.SourceFile == "" && q.SourceFile == "" {
			return fmt.Errorf("rule %s: requirement %s is verified against no source file", rule.ID, q.ID)
		}
	}
	return nil
}

// Verified: every requirement was read in a law text.
func (rule *Rule) Verified() bool {
	for _, q := range rule.Requirements {
		if !q.Verified {
			return false
		}
	}
	return true
}

// StarOnly: some requirement rests on STAR's guidance alone.
func (rule *Rule) StarOnly() bool {
	for _, q := range rule.Requirements {
		if q.StarOnly {
			return true
		}
	}
	return false
}

// For finds the rule in force for citizens of a benefit who are not in the
// youth group and, for "anden ydelse", of no named kind: the latest one
// that started on or before the first day of unemployment.
func (r *RuleSet) For(office OfficeKind, b Benefit, start time.Time) *Rule {
	return r.pick(office, b, start, false, "")
}

// ForCitizen finds the rule in force for the citizen: LAB § 27, stk. 3's
// youth group when the citizen is in it and such a rule exists.
func (r *RuleSet) ForCitizen(office OfficeKind, c *Citizen) *Rule {
	other := ""
	if c.Benefit == BenefitOther {
		other = c.OtherBenefit
	}
	if c.Benefit == BenefitDagpenge && c.YouthGroup() {
		if rule := r.pick(office, c.Benefit, c.RulesStart(), true, other); rule != nil {
			return rule
		}
	}
	return r.pick(office, c.Benefit, c.RulesStart(), false, other)
}

func (r *RuleSet) pick(office OfficeKind, b Benefit, start time.Time, youth bool, other string) *Rule {
	var best *Rule
	day := start.Format(DateLayout)
	for i := range r.Rules {
		rule := &r.Rules[i]
		if rule.Office != office || rule.From > day || !oneOf(b, rule.Benefits) || rule.Youth != youth || rule.OtherBenefit != other {
			continue
		}
		if best == nil || rule.From > best.From {
			best = rule
		}
	}
	// a youth rule from an earlier period does not outlive a newer general one
	if youth && best != nil {
		if general := r.pick(office, b, start, false, other); general != nil && general.From > best.From {
			return nil
		}
	}
	return best
}

// YouthGroup: LAB § 27, stk. 3 (lovbek. 280/2024): under 25 on the first day
// of unemployment and without a qualifying education. Whether the citizen
// supports children at home is not recorded; the caseworker is told.
func (c *Citizen) YouthGroup() bool {
	age, ok := c.AgeOn(c.RulesStart())
	return ok && age < 25 && c.Education == EducationUnskilled
}

// Window is the first and the last day a requirement counts conversations
// on, for one citizen. A municipal benefit changed after the first contact
// starts the periods again from the change (not the first conversation's
// week, which counts from the first approach). A window of whole months ends the day before the
// month comes round ("the first 6 months" from 1 January end on 30 June); a
// deadline in days ends on that day ("2 weeks after" 5 January is 19 January).
func (q Requirement) Window(c *Citizen) (start, last time.Time) {
	anchor := DateOnly(c.RulesStart())
	switch {
	case q.CountedFrom == FromFirstContact && !c.FirstContact.IsZero():
		anchor = DateOnly(c.FirstContact)
	case q.CountedFrom == FromRegistration && !c.RegisteredOn.IsZero():
		anchor = DateOnly(c.RegisteredOn)
	}
	if !q.First && c.Benefit != BenefitDagpenge && c.BenefitSince.After(anchor) {
		anchor = DateOnly(c.BenefitSince) // a new period from the change of benefit (LAB § 9, stk. 1, nr. 2)
	}
	start = anchor.AddDate(0, q.FromMonth, 0)
	if q.AfterTransfer && !c.TransferredOn.IsZero() {
		start = DateOnly(c.TransferredOn)
	}
	last = anchor.AddDate(0, q.WithinMonths, q.WithinDays)
	if q.WithinDays == 0 {
		last = last.AddDate(0, 0, -1)
	}
	return start, last
}

// Counts tells whether a held conversation counts towards the requirement.
func (q Requirement) Counts(h Held) bool {
	if !oneOf(h.Kind, JobConversationKinds) {
		return false
	}
	if q.InPerson && h.Form != FormInPerson {
		return false
	}
	switch q.Akasse {
	case AkasseWith:
		return h.WithAkasse
	case AkasseWithout:
		return !h.WithAkasse
	}
	return true
}

// Held is one held conversation as the rules read it.
type Held struct {
	Day        time.Time
	Kind       ConversationKind
	Form       ConversationForm
	WithAkasse bool
}

// HeldOf keeps the held conversations.
func HeldOf(convs []Conversation) []Held {
	var out []Held
	for _, cv := range convs {
		if cv.Attendance == AttendanceHeld {
			out = append(out, Held{Day: DateOnly(cv.Start), Kind: cv.Kind, Form: cv.Form, WithAkasse: cv.WithAkasse})
		}
	}
	return out
}

// Due is one requirement for one citizen: its window (Start to By, both
// days included), and how many counting conversations were held in it.
type Due struct {
	Requirement
	Rule      *Rule
	Start, By time.Time
	Had       int
	Met       bool
}

// Decided: met, or its window has closed on day.
func (d Due) Decided(day time.Time) bool { return d.Met || DateOnly(day).After(d.By) }

// DueFor lists a rule's requirements for a citizen, given the conversations.
func (rule *Rule) DueFor(c *Citizen, convs []Conversation) []Due {
	return rule.DueOn(c, HeldOf(convs))
}

// DueOn lists a rule's requirements for a citizen, given the held conversations.
func (rule *Rule) DueOn(c *Citizen, held []Held) []Due {
	out := make([]Due, 0, len(rule.Requirements))
	for _, q := range rule.Requirements {
		d := Due{Requirement: q, Rule: rule}
		d.Start, d.By = q.Window(c)
		for _, h := range held {
			if day := DateOnly(h.Day); !day.Before(d.Start) && !day.After(d.By) && q.Counts(h) {
				d.Had++
			}
		}
		d.Met = d.Had >= d.Count
		out = append(out, d)
	}
	return out
}

// Explanation is the rule for one citizen in plain words: what it asks,
// where it is written and how sure that is.
type Explanation struct {
	Rule *Rule // nil: no rule known for the start date or benefit
	Text string
	// Paragraphs lists the requirements' paragraphs, once each.
	Paragraphs []string
	Verified   bool
	StarOnly   bool
	// Notes: the youth group's unrecorded condition, a transition no source
	// settles, an exemption.
	Notes []string
}

// Explain says which rule applies to the citizen and how sure it is.
func (r *RuleSet) Explain(office OfficeKind, c *Citizen) Explanation {
	rule := r.ForCitizen(office, c)
	if rule == nil {
		return Explanation{Text: r.NoRule}
	}
	e := Explanation{Rule: rule, Text: rule.Text, Verified: rule.Verified(), StarOnly: rule.StarOnly()}
	for _, q := range rule.Requirements {
		if !oneOf(q.Paragraph, e.Paragraphs) {
			e.Paragraphs = append(e.Paragraphs, q.Paragraph)
		}
	}
	start := DateOnly(c.RulesStart())
	var last time.Time
	for _, q := range rule.Requirements {
		if _, by := q.Window(c); by.After(last) {
			last = by
		}
	}
	for _, tr := range r.Transitions {
		day, _ := time.Parse(DateLayout, tr.Date)
		if start.Before(day) && !last.Before(day) {
			e.Notes = append(e.Notes, tr.Text)
			e.Verified = false
		}
	}
	return e
}

// Plain is the explanation as lines for the caseworker.
func (e Explanation) Plain() string {
	lines := []string{e.Text}
	if len(e.Paragraphs) > 0 {
		lines = append(lines, "Hjemmel: "+strings.Join(e.Paragraphs, "; "))
	}
	switch {
	case e.Rule == nil:
	case e.StarOnly:
		lines = append(lines, "Bygger på STAR's vejledning; lovteksten er ikke set.")
	case e.Verified:
		lines = append(lines, "Kontrolleret mod lovteksten.")
	default:
		lines = append(lines, "Ikke kontrolleret mod lovteksten.")
	}
	return strings.Join(append(lines, e.Notes...), "\n")
}

// Case is one citizen with the held conversations, as the caseload figures
// and Today's deadlines read them. Exempt: the caseworker has exempted the
// citizen from the minimum after a concrete assessment.
type Case struct {
	Citizen
	Held   []Held
	Exempt bool
}

// Due lists the case's requirements under the rules for the office's kind.
func (c *Case) Due(r *RuleSet, kind OfficeKind) []Due {
	rule := r.ForCitizen(kind, &c.Citizen)
	if rule == nil {
		return nil
	}
	return rule.DueOn(&c.Citizen, c.Held)
}

// Figure is one share of the caseload against its target. Exempted counts
// the citizens exempted after a concrete assessment (part of Total).
type Figure struct {
	OnCourse, Total, TargetPercent int
	Exempted                       int
}

// Share is OnCourse/Total as a percentage (100 when there is no one).
func (f Figure) Share() float64 {
	if f.Total == 0 {
		return 100
	}
	return 100 * float64(f.OnCourse) / float64(f.Total)
}

// Met tells whether the share reaches the target.
func (f Figure) Met() bool { return f.Share() >= float64(f.TargetPercent) }

// TooManyExempted: more than max percent of the group exempted.
func (f Figure) TooManyExempted(max int) bool { return f.Exempted*100 > max*f.Total }

// GroupFigure is the minimum's figure for one target group and target.
type GroupFigure struct {
	Group string
	// From is the earliest start of the rules counted here (the day
	// unemployment began from which they apply, YYYY-MM-DD): a group the
	// law changed is two lines, told apart by it.
	From string
	Figure
}

// Compliance is the caseload's figures. First: of the active citizens in
// their first months (PeriodMonths) with a first conversation that must be
// held with everyone, how many had it on time or are still inside its
// deadline. Groups: per target group, of the citizens whose windows have
// closed within the period or who already had the minimum, how many had
// it; OnTime pools them (its target the highest of the groups'). NoRule
// counts citizens no rule covers.
type Compliance struct {
	First, OnTime    Figure
	Groups           []GroupFigure
	PeriodMonths     int
	ExemptMaxPercent int
	NoRule           int
}

// Tally works out the figures for the cases on the day now.
func (r *RuleSet) Tally(kind OfficeKind, cases []Case, now time.Time) Compliance {
	t := r.newTally(kind, now)
	for i := range cases {
		t.add(&cases[i])
	}
	return t.result()
}

// tally works the figures out one case at a time (Tally's cases need not
// all be held at once).
type tally struct {
	r     *RuleSet
	kind  OfficeKind
	day   time.Time
	out   Compliance
	index map[string]int
}

func (r *RuleSet) newTally(kind OfficeKind, now time.Time) *tally {
	return &tally{r: r, kind: kind, day: DateOnly(now), index: map[string]int{},
		out: Compliance{First: Figure{TargetPercent: 100}, PeriodMonths: r.PeriodMonths, ExemptMaxPercent: r.ExemptMaxPercent}}
}

// add counts c (which it does not keep).
func (t *tally) add(c *Case) {
	r, out := t.r, &t.out
	rule := r.ForCitizen(t.kind, &c.Citizen)
	if rule == nil {
		out.NoRule++
		return
	}
	due := rule.DueOn(&c.Citizen, c.Held)
	r.tallyFirst(&out.First, c, due, t.day)
	counts, met := r.minimum(due, t.day)
	if !counts {
		return
	}
	key := fmt.Sprintf("%s\x00%d", rule.Group, rule.TargetPercent)
	at, ok := t.index[key]
	if !ok {
		at = len(out.Groups)
		t.index[key] = at
		out.Groups = append(out.Groups, GroupFigure{Group: rule.Group, Figure: Figure{TargetPercent: rule.TargetPercent}})
	}
	if f := &out.Groups[at].From; *f == "" || rule.From < *f {
		*f = rule.From
	}
	g := &out.Groups[at].Figure
	g.Total++
	if met {
		g.OnCourse++
	}
	if c.Exempt && rule.TargetPercent < 100 {
		g.Exempted++
	}
}

// result is the figures of the cases added.
func (t *tally) result() Compliance {
	out := t.out
	slices.SortStableFunc(out.Groups, func(a, b GroupFigure) int {
		if a.TargetPercent != b.TargetPercent {
			return b.TargetPercent - a.TargetPercent
		}
		return strings.Compare(a.Group, b.Group)
	})
	for _, g := range out.Groups {
		out.OnTime.OnCourse += g.OnCourse
		out.OnTime.Total += g.Total
		out.OnTime.Exempted += g.Exempted
		out.OnTime.TargetPercent = max(out.OnTime.TargetPercent, g.TargetPercent)
	}
	if out.OnTime.TargetPercent == 0 {
		out.OnTime.TargetPercent = t.r.targetOn(t.kind, t.day)
	}
	return out
}

// tallyFirst: a citizen unemployed within the period, with a first
// conversation to be held with everyone, is on course when it was held in
// time or its deadline has not passed.
func (r *RuleSet) tallyFirst(f *Figure, c *Case, due []Due, day time.Time) {
	if DateOnly(c.RulesStart()).Before(day.AddDate(0, -r.PeriodMonths, 0)) {
		return
	}
	for _, d := range due {
		if d.First {
			f.Total++
			if d.Met || !day.After(d.By) {
				f.OnCourse++
			}
			return
		}
	}
}

// minimum: whether a case counts towards its group's figure on day, and
// whether it had the minimum. The requirements other than the first that
// lie within the period count; the case counts once each is decided (met,
// or its window closed within the period). No share is expected of a
// window still open: no source gives one.
func (r *RuleSet) minimum(due []Due, day time.Time) (counts, met bool) {
	met = true
	from := day.AddDate(0, -r.PeriodMonths, 0)
	for _, d := range due {
		if d.First || d.WithinMonths*31+d.WithinDays > r.PeriodMonths*31 {
			continue
		}
		if !d.Decided(day) || d.By.Before(from) {
			return false, false
		}
		counts = true
		met = met && d.Met
	}
	return counts, met
}

// targetOn is the highest target among the rules in force on day for the
// office: what is shown when no one is counted yet.
func (r *RuleSet) targetOn(kind OfficeKind, day time.Time) int {
	newest := map[Benefit]*Rule{}
	d := day.Format(DateLayout)
	for i := range r.Rules {
		rule := &r.Rules[i]
		if rule.Office != kind || rule.From > d || len(rule.Requirements) == 0 {
			continue
		}
		for _, b := range rule.Benefits {
			if newest[b] == nil || rule.From > newest[b].From {
				newest[b] = rule
			}
		}
	}
	t := 0
	for _, rule := range newest {
		t = max(t, rule.TargetPercent)
	}
	if t == 0 {
		return 100
	}
	return t
}

// GroupLines are the minimum's lines per target group, with the citizens
// exempted, a warning where more are exempted than ExemptMaxPercent, and
// the citizens no rule covers; warn says whether any group is over the cap.
// The command line and Today print the same lines.
func (c Compliance) GroupLines() (lines []Message, warn bool) {
	for i, g := range c.Groups {
		key, args := "today.figure.group", []any{g.Group}
		if since, before := c.groupPeriod(i); since != "" {
			key, args = "today.figure.group.from", append(args, since)
		} else if before != "" {
			key, args = "today.figure.group.before", append(args, before)
		}
		args = append(args, g.TargetPercent, g.Share(), g.OnCourse, g.Total, g.Exempted)
		lines = append(lines, Message{Key: key, Args: args})
		if g.TooManyExempted(c.ExemptMaxPercent) {
			warn = true
			share := 100 * float64(g.Exempted) / float64(g.Total)
			lines = append(lines, Message{Key: "today.figure.exemptwarn", Args: []any{g.Exempted, g.Total, share, c.ExemptMaxPercent}})
		}
	}
	if c.NoRule > 0 {
		lines = append(lines, Message{Key: "today.figure.norule", Args: []any{c.NoRule}})
	}
	return lines, warn
}

// groupPeriod tells the i'th group apart from others of the same name (a
// group the law changed, e.g. dagpenge 100 % before and 75 % from
// 1-7-2026): since is the day its rules start when it is the newest of
// them, before the day the next newer one starts otherwise; both "" when
// the name is only once.
func (c Compliance) groupPeriod(i int) (since, before string) {
	g := c.Groups[i]
	next := ""
	same := false
	for j, o := range c.Groups {
		if j == i || o.Group != g.Group {
			continue
		}
		same = true
		if o.From > g.From && (next == "" || o.From < next) {
			next = o.From
		}
	}
	if !same {
		return "", ""
	}
	if next == "" {
		return danishDay(g.From), ""
	}
	return "", danishDay(next)
}

// danishDay writes a YYYY-MM-DD day as DD-MM-YYYY ("" stays "").
func danishDay(day string) string {
	t, err := time.Parse(DateLayout, day)
	if err != nil {
		return day
	}
	return t.Format("02-01-2006")
}
