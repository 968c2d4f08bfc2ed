package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"jobspor/model"
)

// OfficeKind returns the office's kind (a job centre unless set).
func (s *Store) OfficeKind() (model.OfficeKind, error) {
	v, err := s.setting(keyOfficeKind)
	if v == "" {
		return model.OfficeJobcenter, err
	}
	return model.OfficeKind(v), err
}

// SaveOfficeKind stores whether the office is a job centre or an a-kasse.
func (s *Store) SaveOfficeKind(k model.OfficeKind) error {
	if k != model.OfficeJobcenter && k != model.OfficeAkasse {
		return model.NewUserError("error.officekind", nil)
	}
	return s.saveSetting(keyOfficeKind, string(k))
}

// DueConversations lists the conversations the law requires for a citizen.
func (s *Store) DueConversations(r *model.RuleSet, c *model.Citizen) ([]model.Due, error) {
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

// Compliance counts each active citizen's held job conversations in every
// requirement window of six months or less, in one query.
func (s *Store) Compliance(r *model.RuleSet, now time.Time) (model.Compliance, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return model.Compliance{}, err
	}
	out := model.Compliance{TargetPercent: r.TargetPercent, PeriodMonths: r.PeriodMonths}
	windows := ruleWindows(r, kind, func(w model.MonthWindow) bool { return w.Within <= r.PeriodMonths })
	err = s.heldInWindows(windows, now.AddDate(0, -r.PeriodMonths, 0), now, func(h model.HeldRow) {
		out.Total++
		if h.OnCourse(r, kind, now) {
			out.OnCourse++
		}
	})
	return out, err
}

// heldInWindows calls fn for every active citizen whose first contact lies
// in [from, to], with held job conversations counted per window (months
// after first contact); one query, one index range per citizen and window.
func (s *Store) heldInWindows(windows []model.MonthWindow, from, to time.Time, fn func(model.HeldRow)) error {
	rows, err := s.db.Query(heldQuery(windows), from.Format(model.DateLayout), to.Format(model.DateLayout))
	if err != nil {
		return fmt.Errorf("count held conversations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		h := model.HeldRow{Windows: windows, Counts: make([]int, len(windows))}
		dest := []any{&h.ID, &h.Name, &h.Benefit, scanDate(&h.First)}
		for i := range h.Counts {
			dest = append(dest, &h.Counts[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("scan held conversations: %w", err)
		}
		fn(h)
	}
	return rows.Err()
}

// ruleWindows are the distinct month windows (from, within) of the office's
// rules that keep says yes to.
func ruleWindows(r *model.RuleSet, kind model.OfficeKind, keep func(model.MonthWindow) bool) []model.MonthWindow {
	seen := map[model.MonthWindow]bool{}
	var out []model.MonthWindow
	for _, rule := range r.Rules {
		for _, q := range rule.Requirements {
			w := q.Window()
			if rule.Office == kind && keep(w) && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Within < out[j].Within })
	return out
}

func heldQuery(windows []model.MonthWindow) string {
	var bounds, cols []string
	for i, w := range windows {
		bounds = append(bounds, fmt.Sprintf(`strftime('%%Y-%%m-%%dT00:00', first_contact, '+%d months') AS b%d,
			strftime('%%Y-%%m-%%dT00:00', first_contact, '+%d months') AS e%d`, w.From, i, w.Within, i))
		// One index range per window: conversations_held is (citizen_id, attendance, start, kind).
		cols = append(cols, fmt.Sprintf(`(SELECT count(*) FROM conversations c WHERE c.citizen_id = z.id
			AND c.attendance = `+lit(model.AttendanceHeld)+` AND c.kind IN (`+litList(model.JobConversationKinds)+`)
			AND c.start >= z.b%d AND c.start < z.e%d)`, i, i))
	}
	return `WITH z AS MATERIALIZED (SELECT id, name, benefit, first_contact` + prefixed(", ", bounds) + `
			FROM citizens WHERE status = ` + lit(model.StatusActive) + ` AND first_contact >= ? AND first_contact <= ?)
		SELECT z.id, z.name, z.benefit, z.first_contact` + prefixed(", ", cols) + ` FROM z`
}

func prefixed(sep string, parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return sep + strings.Join(parts, sep)
}
