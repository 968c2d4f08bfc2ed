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
	// conversations on time; PeriodMonths is how long after the first
	// contact a citizen counts towards that figure.
	TargetPercent int    `json:"target_percent"`
	PeriodMonths  int    `json:"period_months"`
	Rules         []Rule `json:"rules"`
}

// Rule applies to citizens of the given benefits whose first contact is on
// or after From, in an office of the given kind, until a later rule takes over.
type Rule struct {
	ID           string        `json:"id"`
	Office       OfficeKind    `json:"office"`
	From         string        `json:"from"`
	Benefits     []Benefit     `json:"benefits"`
	Source       string        `json:"source"`
	Requirements []Requirement `json:"requirements"`
}

// Requirement: at least Count job conversations between month FromMonth and
// month WithinMonths after the first contact.
type Requirement struct {
	ID           string `json:"id"`
	Label        string `json:"label"`
	Count        int    `json:"count"`
	FromMonth    int    `json:"from_month"`
	WithinMonths int    `json:"within_months"`
}

// MonthWindow is a stretch of whole months after the first contact:
// from month From up to month Within.
type MonthWindow struct {
	From, Within int
}

// Window is the months the requirement counts conversations in.
func (q Requirement) Window() MonthWindow { return MonthWindow{q.FromMonth, q.WithinMonths} }

// JobConversationKinds count towards the minimum; a meeting with a company does not.
var JobConversationKinds = []ConversationKind{KindFirst, KindJob, KindFollowup, KindJointFollowup}

// ParseRules reads and checks the rules.
func ParseRules(data []byte) (*RuleSet, error) {
	var r RuleSet
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("parse conversation rules: %w", err)
	}
	if r.TargetPercent < 1 || r.TargetPercent > 100 || r.PeriodMonths < 1 {
		return nil, fmt.Errorf("conversation rules: target_percent (1-100) and period_months must be given")
	}
	for _, rule := range r.Rules {
		if _, err := time.Parse(DateLayout, rule.From); err != nil {
			return nil, fmt.Errorf("rule %s: bad date %q", rule.ID, rule.From)
		}
		for _, q := range rule.Requirements {
			if q.Count < 1 || q.WithinMonths <= q.FromMonth {
				return nil, fmt.Errorf("rule %s: requirement %s has no sensible count or window", rule.ID, q.ID)
			}
		}
	}
	return &r, nil
}

// For finds the rule in force for a citizen: the latest one that started on
// or before the first contact, for the office's kind and the benefit.
func (r *RuleSet) For(office OfficeKind, b Benefit, first time.Time) *Rule {
	var best *Rule
	day := first.Format(DateLayout)
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

// Due is one requirement for one citizen: its window, and how many job
// conversations were held in it.
type Due struct {
	Requirement
	Rule      *Rule
	Start, By time.Time
	Had       int
	Met       bool
}

// Expected is how many conversations should have been held by today, pro
// rata inside the window and all of them once it has closed.
func (d Due) Expected(today time.Time) int {
	switch {
	case !today.Before(d.By):
		return d.Count
	case today.Before(d.Start):
		return 0
	}
	return int(float64(d.Count) * today.Sub(d.Start).Hours() / d.By.Sub(d.Start).Hours())
}

// DueFor lists a rule's requirements for a citizen, given the conversations.
func (rule *Rule) DueFor(first time.Time, convs []Conversation) []Due {
	out := make([]Due, 0, len(rule.Requirements))
	for _, q := range rule.Requirements {
		d := Due{Requirement: q, Rule: rule, Start: first.AddDate(0, q.FromMonth, 0), By: first.AddDate(0, q.WithinMonths, 0)}
		for _, c := range convs {
			if c.Attendance == AttendanceHeld && oneOf(c.Kind, JobConversationKinds) &&
				!c.Start.Before(d.Start) && c.Start.Before(d.By) {
				d.Had++
			}
		}
		d.Met = d.Had >= d.Count
		out = append(out, d)
	}
	return out
}

// Compliance is the reform's caseload figure: of the active citizens in
// their first six months, how many have had the conversations the rules
// require by now (pro rata inside each window).
type Compliance struct {
	OnCourse, Total int
	// TargetPercent and PeriodMonths are the rules file's, for the caption.
	TargetPercent, PeriodMonths int
}

// Met tells whether the share reaches the target.
func (c Compliance) Met() bool { return c.Share() >= float64(c.TargetPercent) }

// Share is OnCourse/Total as a percentage (100 when there is no one).
func (c Compliance) Share() float64 {
	if c.Total == 0 {
		return 100
	}
	return 100 * float64(c.OnCourse) / float64(c.Total)
}

// HeldRow is one citizen with the held job conversations per window.
type HeldRow struct {
	ID      int64
	Name    string
	Benefit Benefit
	First   time.Time
	Windows []MonthWindow
	Counts  []int
}

// Due lists the citizen's requirements with what was held in each window.
func (h HeldRow) Due(r *RuleSet, kind OfficeKind) []Due {
	rule := r.For(kind, h.Benefit, h.First)
	if rule == nil {
		return nil
	}
	var out []Due
	for _, q := range rule.Requirements {
		d := Due{Requirement: q, Rule: rule, Start: h.First.AddDate(0, q.FromMonth, 0), By: h.First.AddDate(0, q.WithinMonths, 0)}
		for i, w := range h.Windows {
			if w == q.Window() {
				d.Had = h.Counts[i]
			}
		}
		d.Met = d.Had >= d.Count
		out = append(out, d)
	}
	return out
}

// OnCourse: every requirement inside the rules' period has had the
// conversations expected by now.
func (h HeldRow) OnCourse(r *RuleSet, kind OfficeKind, now time.Time) bool {
	for _, d := range h.Due(r, kind) {
		if d.WithinMonths <= r.PeriodMonths && d.Had < d.Expected(now) {
			return false
		}
	}
	return true
}
