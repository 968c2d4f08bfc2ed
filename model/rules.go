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

// Compliance counts each active citizen's held job conversations in every
// requirement window of six months or less, in one query.
func (s *Store) Compliance(r *RuleSet, now time.Time) (Compliance, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return Compliance{}, err
	}
	var out Compliance
	windows := ruleWindows(r, kind, func(w [2]int) bool { return w[1] <= 6 })
	err = s.heldInWindows(windows, now.AddDate(0, -6, 0), now, func(h heldRow) {
		out.Total++
		if h.onCourse(r, kind, now) {
			out.OnCourse++
		}
	})
	return out, err
}

// heldRow is one citizen with the held job conversations per window.
type heldRow struct {
	ID      int64
	Name    string
	Benefit Benefit
	First   time.Time
	windows [][2]int
	counts  []int
}

// due lists the citizen's requirements with what was held in each window.
func (h heldRow) due(r *RuleSet, kind OfficeKind) []Due {
	rule := r.For(kind, h.Benefit, h.First)
	if rule == nil {
		return nil
	}
	var out []Due
	for _, q := range rule.Requirements {
		d := Due{Requirement: q, Rule: rule, Start: h.First.AddDate(0, q.FromMonth, 0), By: h.First.AddDate(0, q.WithinMonths, 0)}
		for i, w := range h.windows {
			if w == [2]int{q.FromMonth, q.WithinMonths} {
				d.Had = h.counts[i]
			}
		}
		d.Met = d.Had >= d.Count
		out = append(out, d)
	}
	return out
}

// onCourse: every requirement of six months or less has had the
// conversations expected by now.
func (h heldRow) onCourse(r *RuleSet, kind OfficeKind, now time.Time) bool {
	for _, d := range h.due(r, kind) {
		if d.WithinMonths <= 6 && d.Had < d.Expected(now) {
			return false
		}
	}
	return true
}

// heldInWindows calls fn for every active citizen whose first contact lies
// in [from, to], with held job conversations counted per window (months
// after first contact); one query, one index range per citizen and window.
func (s *Store) heldInWindows(windows [][2]int, from, to time.Time, fn func(heldRow)) error {
	rows, err := s.db.Query(heldQuery(windows), from.Format(DateLayout), to.Format(DateLayout))
	if err != nil {
		return fmt.Errorf("count held conversations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		h := heldRow{windows: windows, counts: make([]int, len(windows))}
		var first string
		dest := []any{&h.ID, &h.Name, &h.Benefit, &first}
		for i := range h.counts {
			dest = append(dest, &h.counts[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("scan held conversations: %w", err)
		}
		h.First = parseDateText(first)
		fn(h)
	}
	return rows.Err()
}

// ruleWindows are the distinct month windows (from, within) of the office's
// rules that keep says yes to.
func ruleWindows(r *RuleSet, kind OfficeKind, keep func([2]int) bool) [][2]int {
	seen := map[[2]int]bool{}
	var out [][2]int
	for _, rule := range r.Rules {
		for _, q := range rule.Requirements {
			w := [2]int{q.FromMonth, q.WithinMonths}
			if rule.Office == kind && keep(w) && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][1] < out[j][1] })
	return out
}

func heldQuery(windows [][2]int) string {
	var bounds, cols []string
	for i, w := range windows {
		bounds = append(bounds, fmt.Sprintf(`strftime('%%Y-%%m-%%dT00:00', first_contact, '+%d months') AS b%d,
			strftime('%%Y-%%m-%%dT00:00', first_contact, '+%d months') AS e%d`, w[0], i, w[1], i))
		// One index range per window: conversations_held is (citizen_id, attendance, start, kind).
		cols = append(cols, fmt.Sprintf(`(SELECT count(*) FROM conversations c WHERE c.citizen_id = z.id
			AND c.attendance = 'held' AND c.kind IN ('first', 'job', 'followup', 'joint_followup')
			AND c.start >= z.b%d AND c.start < z.e%d)`, i, i))
	}
	return `WITH z AS MATERIALIZED (SELECT id, name, benefit, first_contact` + prefixed(", ", bounds) + `
			FROM citizens WHERE status = 'active' AND first_contact >= ? AND first_contact <= ?)
		SELECT z.id, z.name, z.benefit, z.first_contact` + prefixed(", ", cols) + ` FROM z`
}

func prefixed(sep string, parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return sep + strings.Join(parts, sep)
}
