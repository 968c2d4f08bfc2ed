package model

import (
	"encoding/json"
	"fmt"
	"time"
)

// RuleSet is the legal minimum of conversations as data, by effective date
// (assets/rules/conversations.json), so a rule change is an edit.
type RuleSet struct {
	Version string `json:"version"`
	// TargetPercent is the share of the caseload that must have had its
	// conversations on time; FirstPercent the share that must have had the
	// first conversation on time (everyone: 100). PeriodMonths is how long
	// after the first day of unemployment a citizen counts towards them.
	TargetPercent int    `json:"target_percent"`
	FirstPercent  int    `json:"first_percent"`
	PeriodMonths  int    `json:"period_months"`
	Rules         []Rule `json:"rules"`
}

// Rule applies to citizens of the given benefits whose unemployment began on
// or after From, in an office of the given kind, until a later rule takes over.
type Rule struct {
	ID           string        `json:"id"`
	Office       OfficeKind    `json:"office"`
	From         string        `json:"from"`
	Benefits     []Benefit     `json:"benefits"`
	Source       string        `json:"source"`
	Requirements []Requirement `json:"requirements"`
}

// Anchor is the day a requirement's months and days are counted from.
type Anchor string

const (
	// FromUnemployment counts from the first day of unemployment (the
	// default): for dagpenge the registration as a job seeker (LAB § 9).
	FromUnemployment Anchor = "unemployed"
	// FromFirstContact counts from the citizen's first contact with the
	// municipality about help (kontanthjælp, LAB § 31, stk. 5).
	FromFirstContact Anchor = "first_contact"
)

// Requirement: at least Count job conversations between month FromMonth
// (or the day the citizen passed to the jobcentre, when AfterTransfer and
// known) and WithinMonths months plus WithinDays days after the anchor.
type Requirement struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Count int    `json:"count"`
	// First marks the first conversation, which must be held with everyone
	// (RuleSet.FirstPercent) and is shown apart from the other figure.
	First         bool   `json:"first"`
	CountedFrom   Anchor `json:"counted_from"`
	FromMonth     int    `json:"from_month"`
	AfterTransfer bool   `json:"after_transfer"`
	WithinMonths  int    `json:"within_months"`
	WithinDays    int    `json:"within_days"`
	// Paragraph names the provision, e.g. "LAB § 31, stk. 4".
	Paragraph string `json:"paragraph"`
}

// JobConversationKinds count towards the minimum; a meeting with a company does not.
var JobConversationKinds = []ConversationKind{KindFirst, KindJob, KindFollowup, KindJointFollowup}

// ParseRules reads and checks the rules.
func ParseRules(data []byte) (*RuleSet, error) {
	var r RuleSet
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("parse conversation rules: %w", err)
	}
	if !percent(r.TargetPercent) || !percent(r.FirstPercent) || r.PeriodMonths < 1 {
		return nil, fmt.Errorf("conversation rules: target_percent and first_percent (1-100) and period_months must be given")
	}
	for _, rule := range r.Rules {
		if err := rule.check(); err != nil {
			return nil, err
		}
	}
	return &r, nil
}

func percent(p int) bool { return p >= 1 && p <= 100 }

func (rule Rule) check() error {
	if _, err := time.Parse(DateLayout, rule.From); err != nil {
		return fmt.Errorf("rule %s: bad date %q", rule.ID, rule.From)
	}
	if rule.Source == "" {
		return fmt.Errorf("rule %s: no source", rule.ID)
	}
	for _, q := range rule.Requirements {
		if q.Count < 1 || q.WithinMonths*31+q.WithinDays <= q.FromMonth*31 || q.Paragraph == "" {
			return fmt.Errorf("rule %s: requirement %s has no sensible count, window or paragraph", rule.ID, q.ID)
		}
		if q.CountedFrom != "" && q.CountedFrom != FromUnemployment && q.CountedFrom != FromFirstContact {
			return fmt.Errorf("rule %s: requirement %s counts from %q", rule.ID, q.ID, q.CountedFrom)
		}
	}
	return nil
}

// For finds the rule in force for a citizen: the latest one that started on
// or before the first day of unemployment, for the office's kind and the benefit.
func (r *RuleSet) For(office OfficeKind, b Benefit, start time.Time) *Rule {
	var best *Rule
	day := start.Format(DateLayout)
	for i := range r.Rules {
		rule := &r.Rules[i]
		if rule.Office != office || rule.From > day || !oneOf(b, rule.Benefits) {
			continue
		}
		if best == nil || rule.From > best.From {
			best = rule
		}
	}
	return best
}

// Window is the first and the last day a requirement counts conversations
// on, for one citizen. A window of whole months ends the day before the
// month comes round ("the first 6 months" from 1 January end on 30 June); a
// deadline in days ends on that day ("2 weeks after" 5 January is 19 January).
func (q Requirement) Window(c *Citizen) (start, last time.Time) {
	anchor := DateOnly(c.RulesStart())
	if q.CountedFrom == FromFirstContact {
		anchor = DateOnly(c.FirstContact)
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

// Due is one requirement for one citizen: its window (Start to By, both
// days included), and how many job conversations were held in it.
type Due struct {
	Requirement
	Rule      *Rule
	Start, By time.Time
	Had       int
	Met       bool
}

// Expected is how many conversations should have been held by today, pro
// rata inside the window and all of them once its last day has passed.
func (d Due) Expected(today time.Time) int {
	day := DateOnly(today)
	switch {
	case day.After(d.By):
		return d.Count
	case !day.After(d.Start):
		return 0
	}
	end := d.By.AddDate(0, 0, 1)
	return int(float64(d.Count) * day.Sub(d.Start).Hours() / end.Sub(d.Start).Hours())
}

// OnCourse: the conversations expected by today have been held.
func (d Due) OnCourse(today time.Time) bool { return d.Had >= d.Expected(today) }

// DueFor lists a rule's requirements for a citizen, given the conversations.
func (rule *Rule) DueFor(c *Citizen, convs []Conversation) []Due {
	var held []time.Time
	for _, cv := range convs {
		if cv.Attendance == AttendanceHeld && oneOf(cv.Kind, JobConversationKinds) {
			held = append(held, cv.Start)
		}
	}
	return rule.DueOn(c, held)
}

// DueOn lists a rule's requirements for a citizen, given the starts of the
// held job conversations.
func (rule *Rule) DueOn(c *Citizen, held []time.Time) []Due {
	out := make([]Due, 0, len(rule.Requirements))
	for _, q := range rule.Requirements {
		d := Due{Requirement: q, Rule: rule}
		d.Start, d.By = q.Window(c)
		for _, h := range held {
			if day := DateOnly(h); !day.Before(d.Start) && !day.After(d.By) {
				d.Had++
			}
		}
		d.Met = d.Had >= d.Count
		out = append(out, d)
	}
	return out
}

// Case is one citizen with the starts of the held job conversations, as the
// caseload figures and Today's deadlines read them.
type Case struct {
	Citizen
	Held []time.Time
}

// Due lists the case's requirements under the rules for the office's kind.
func (c *Case) Due(r *RuleSet, kind OfficeKind) []Due {
	rule := r.For(kind, c.Benefit, c.RulesStart())
	if rule == nil {
		return nil
	}
	return rule.DueOn(&c.Citizen, c.Held)
}

// Figure is one share of the caseload against its target.
type Figure struct {
	OnCourse, Total, TargetPercent int
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

// Compliance is the caseload's two figures: of the active citizens in their
// first months (PeriodMonths), how many had the first conversation on time,
// and how many have had the other conversations the rules require by now
// (pro rata inside each window).
type Compliance struct {
	First, OnTime Figure
	PeriodMonths  int
}

// Tally works out both figures for the cases on the day now.
func (r *RuleSet) Tally(kind OfficeKind, cases []Case, now time.Time) Compliance {
	out := Compliance{First: Figure{TargetPercent: r.FirstPercent},
		OnTime: Figure{TargetPercent: r.TargetPercent}, PeriodMonths: r.PeriodMonths}
	for i := range cases {
		first, other := r.caseStanding(kind, &cases[i], now)
		out.First.add(first)
		out.OnTime.add(other)
	}
	return out
}

// standing is whether a case counts towards a figure, and if so whether it is on course.
type standing struct{ counts, onCourse bool }

func (f *Figure) add(s standing) {
	if s.counts {
		f.Total++
		if s.onCourse {
			f.OnCourse++
		}
	}
}

// caseStanding: the first conversation, and the other requirements that end
// inside the rules' period.
func (r *RuleSet) caseStanding(kind OfficeKind, c *Case, now time.Time) (first, other standing) {
	first.onCourse, other.onCourse = true, true
	periodEnd := DateOnly(c.RulesStart()).AddDate(0, r.PeriodMonths, 0)
	for _, d := range c.Due(r, kind) {
		s := &other
		if d.First {
			s = &first
		} else if d.By.After(periodEnd) {
			continue
		}
		s.counts = true
		s.onCourse = s.onCourse && d.OnCourse(now)
	}
	return first, other
}
