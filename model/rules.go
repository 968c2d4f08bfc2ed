package model

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// OfficeKind is whether Jobspor runs in a job centre or an a-kasse.
type OfficeKind string

const (
	OfficeJobcenter OfficeKind = "jobcenter"
	OfficeAkasse    OfficeKind = "akasse"
)

// RuleSet is the legal minimum of conversations as data, by effective date
// (assets/rules/conversations.json), so a rule change is an edit.
type RuleSet struct {
	Version string `json:"version"`
	Rules   []Rule `json:"rules"`
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

// jobConversationKinds count towards the minimum; a meeting with a company does not.
var jobConversationKinds = []ConversationKind{KindFirst, KindJob, KindFollowup, KindJointFollowup}

// ParseRules reads and checks the rules.
func ParseRules(data []byte) (*RuleSet, error) {
	var r RuleSet
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("parse conversation rules: %w", err)
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
			if c.Attendance == AttendanceHeld && oneOf(c.Kind, jobConversationKinds) &&
				!c.Start.Before(d.Start) && c.Start.Before(d.By) {
				d.Had++
			}
		}
		d.Met = d.Had >= d.Count
		out = append(out, d)
	}
	return out
}

// OfficeKind returns the office's kind (a job centre unless set).
func (s *Store) OfficeKind() (OfficeKind, error) {
	v, err := s.setting(keyOfficeKind)
	if v == "" {
		return OfficeJobcenter, err
	}
	return OfficeKind(v), err
}

// SaveOfficeKind stores whether the office is a job centre or an a-kasse.
func (s *Store) SaveOfficeKind(k OfficeKind) error {
	if k != OfficeJobcenter && k != OfficeAkasse {
		return userError("error.officekind", "Vælg jobcenter eller a-kasse", nil)
	}
	return s.saveSetting(keyOfficeKind, string(k))
}

// DueConversations lists the conversations the law requires for a citizen.
func (s *Store) DueConversations(r *RuleSet, c *Citizen) ([]Due, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return nil, err
	}
	rule := r.For(kind, c.Benefit, c.FirstContact)
	if rule == nil {
		return nil, nil
	}
	convs, err := s.Conversations(c.ID)
	if err != nil {
		return nil, err
	}
	return rule.DueFor(c.FirstContact, convs), nil
}

// Compliance is the reform's caseload figure: of the active citizens in
// their first six months, how many have had the conversations the rules
// require by now (pro rata inside each window).
type Compliance struct {
	OnCourse, Total int
}

// Share is OnCourse/Total as a percentage (100 when there is no one).
func (c Compliance) Share() float64 {
	if c.Total == 0 {
		return 100
	}
	return 100 * float64(c.OnCourse) / float64(c.Total)
}

// Compliance counts, in one query, each citizen's held job conversations in
// every requirement window of six months or less.
func (s *Store) Compliance(r *RuleSet, now time.Time) (Compliance, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return Compliance{}, err
	}
	windows := complianceWindows(r, kind)
	rows, err := s.db.Query(complianceQuery(windows), now.AddDate(0, -6, 0).Format(DateLayout), now.Format(DateLayout))
	if err != nil {
		return Compliance{}, fmt.Errorf("compliance: %w", err)
	}
	defer rows.Close()
	var out Compliance
	for rows.Next() {
		ok, err := scanCompliance(rows, r, kind, windows, now)
		if err != nil {
			return out, err
		}
		out.Total++
		if ok {
			out.OnCourse++
		}
	}
	return out, rows.Err()
}

// complianceWindows are the distinct month windows (from, within) ≤ 6 months.
func complianceWindows(r *RuleSet, kind OfficeKind) [][2]int {
	seen := map[[2]int]bool{}
	var out [][2]int
	for _, rule := range r.Rules {
		for _, q := range rule.Requirements {
			w := [2]int{q.FromMonth, q.WithinMonths}
			if rule.Office == kind && q.WithinMonths <= 6 && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][1] < out[j][1] })
	return out
}

func complianceQuery(windows [][2]int) string {
	var cols []string
	for _, w := range windows {
		cols = append(cols, fmt.Sprintf(`coalesce(sum(c.start >= strftime('%%Y-%%m-%%dT00:00', z.first_contact, '+%d months')
			AND c.start < strftime('%%Y-%%m-%%dT00:00', z.first_contact, '+%d months')), 0)`, w[0], w[1]))
	}
	return `SELECT z.benefit, z.first_contact` + prefixed(", ", cols) + `
		FROM citizens z LEFT JOIN conversations c ON c.citizen_id = z.id AND c.attendance = 'held'
			AND c.kind IN ('first', 'job', 'followup', 'joint_followup')
		WHERE z.status = 'active' AND z.first_contact >= ? AND z.first_contact <= ?
		GROUP BY z.id`
}

func prefixed(sep string, parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return sep + strings.Join(parts, sep)
}

func scanCompliance(rows interface{ Scan(...any) error }, r *RuleSet, kind OfficeKind, windows [][2]int, now time.Time) (bool, error) {
	var b Benefit
	var first string
	counts := make([]int, len(windows))
	dest := []any{&b, &first}
	for i := range counts {
		dest = append(dest, &counts[i])
	}
	if err := rows.Scan(dest...); err != nil {
		return false, fmt.Errorf("scan compliance: %w", err)
	}
	start := parseDateText(first)
	rule := r.For(kind, b, start)
	if rule == nil {
		return true, nil
	}
	for _, q := range rule.Requirements {
		for i, w := range windows {
			d := Due{Requirement: q, Start: start.AddDate(0, q.FromMonth, 0), By: start.AddDate(0, q.WithinMonths, 0)}
			if w == [2]int{q.FromMonth, q.WithinMonths} && counts[i] < d.Expected(now) {
				return false, nil
			}
		}
	}
	return true, nil
}
