package store

import (
	"fmt"
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
	rule := r.For(kind, c.Benefit, c.RulesStart())
	if rule == nil {
		return nil, nil
	}
	convs, err := s.Conversations(c.ID)
	if err != nil {
		return nil, err
	}
	return rule.DueFor(c, convs), nil
}

// Compliance works out Today's two figures for the active citizens whose
// unemployment began within the rules' period.
func (s *Store) Compliance(r *model.RuleSet, now time.Time) (model.Compliance, error) {
	return s.ComplianceFor(r, now, model.WholeOffice)
}

// ComplianceFor works out the two figures for one caseworker's citizens, or
// the office's.
func (s *Store) ComplianceFor(r *model.RuleSet, now time.Time, scope model.Scope) (model.Compliance, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return model.Compliance{}, err
	}
	day := model.DateOnly(now)
	cases, err := s.activeCases([]dateRange{{"unemployed_since", day.AddDate(0, -r.PeriodMonths, 0), day}}, scope)
	if err != nil {
		return model.Compliance{}, err
	}
	return r.Tally(kind, cases, now), nil
}

// dateRange is a stretch of one citizen date column, both ends included.
type dateRange struct {
	column   string // unemployed_since or first_contact
	from, to time.Time
}

// activeCases loads the active citizens with a date in one of the ranges, with the starts of their held
// job conversations: two queries, the second through the conversations_held index.
func (s *Store) activeCases(ranges []dateRange, scope model.Scope) ([]model.Case, error) {
	where, args := caseFilter(ranges)
	if !scope.All() {
		where, args = where+` AND caseworker = ?`, append(args, scope.Caseworker)
	}
	cases, err := s.ruleCitizens(where, args)
	if err != nil || len(cases) == 0 {
		return cases, err
	}
	index := make(map[int64]int, len(cases))
	for i, c := range cases {
		index[c.ID] = i
	}
	return cases, s.heldStarts(where, args, func(id int64, start time.Time) {
		c := &cases[index[id]]
		c.Held = append(c.Held, start)
	})
}

// caseFilter selects active citizens by unemployment start or first contact.
func caseFilter(ranges []dateRange) (string, []any) {
	var ors []string
	var args []any
	for _, r := range ranges {
		ors = append(ors, r.column+` BETWEEN ? AND ?`)
		args = append(args, r.from.Format(model.DateLayout), r.to.Format(model.DateLayout))
	}
	return `status = ` + lit(model.StatusActive) + ` AND (` + strings.Join(ors, ` OR `) + `)`, args
}

func (s *Store) ruleCitizens(where string, args []any) ([]model.Case, error) {
	rows, err := s.db.Query(`SELECT id, name, benefit, first_contact, unemployed_since, transferred_on
		FROM citizens WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("load caseload for the rules: %w", err)
	}
	defer rows.Close()
	var out []model.Case
	for rows.Next() {
		var c model.Case
		if err := rows.Scan(&c.ID, &c.Name, &c.Benefit, scanDate(&c.FirstContact),
			scanDate(&c.UnemployedSince), scanDate(&c.TransferredOn)); err != nil {
			return nil, fmt.Errorf("scan caseload for the rules: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// heldStarts calls fn with every held job conversation of the citizens where selects.
func (s *Store) heldStarts(where string, args []any, fn func(id int64, start time.Time)) error {
	// CROSS JOIN keeps the citizens outermost: their date indexes pick the
	// few, then conversations_held (citizen_id, attendance, start, kind) each one's rows.
	rows, err := s.db.Query(`SELECT c.citizen_id, c.start FROM citizens CROSS JOIN conversations c
		ON c.citizen_id = citizens.id AND c.attendance = `+lit(model.AttendanceHeld)+`
		AND c.kind IN (`+litList(model.JobConversationKinds)+`) WHERE `+where, args...)
	if err != nil {
		return fmt.Errorf("count held conversations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var start time.Time
		if err := rows.Scan(&id, scanWall(&start)); err != nil {
			return fmt.Errorf("scan held conversation: %w", err)
		}
		fn(id, start)
	}
	return rows.Err()
}
