package store

import (
	"database/sql"
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

// activeCases loads the active citizens with a date in one of the ranges,
// with the days of their held job conversations: one query, one row per
// citizen, the days read from citizens.held_days (kept by triggers, 0010).
func (s *Store) activeCases(ranges []dateRange, scope model.Scope) ([]model.Case, error) {
	where, args := caseFilter(ranges)
	if !scope.All() {
		where, args = where+` AND caseworker = ?`, append(args, scope.Caseworker)
	}
	return s.ruleCitizens(where, args)
}

// caseFilter selects active citizens by unemployment start or first
// contact. The unary + keeps SQLite off the status index (every active
// citizen's row read): the date ranges are searched through their indexes.
func caseFilter(ranges []dateRange) (string, []any) {
	var ors []string
	var args []any
	for _, r := range ranges {
		ors = append(ors, r.column+` BETWEEN ? AND ?`)
		args = append(args, r.from.Format(model.DateLayout), r.to.Format(model.DateLayout))
	}
	return `+status = ` + lit(model.StatusActive) + ` AND (` + strings.Join(ors, ` OR `) + `)`, args
}

func (s *Store) ruleCitizens(where string, args []any) ([]model.Case, error) {
	rows, err := s.db.Query(`SELECT id, name, benefit, first_contact, unemployed_since, transferred_on, held_days
		FROM citizens WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("load caseload for the rules: %w", err)
	}
	defer rows.Close()
	var out []model.Case
	var held sql.RawBytes
	for rows.Next() {
		var c model.Case
		if err := rows.Scan(&c.ID, &c.Name, &c.Benefit, scanDate(&c.FirstContact),
			scanDate(&c.UnemployedSince), scanDate(&c.TransferredOn), &held); err != nil {
			return nil, fmt.Errorf("scan caseload for the rules: %w", err)
		}
		if c.Held, err = heldDays(held); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// heldDays reads "2006-01-02,2006-01-03,…" into days (UTC midnight, as
// model.DateOnly gives them) without a time.Parse per conversation.
func heldDays(b []byte) ([]time.Time, error) {
	if len(b) == 0 {
		return nil, nil
	}
	out := make([]time.Time, 0, (len(b)+1)/11)
	for len(b) > 0 {
		if len(b) < 10 || b[4] != '-' || b[7] != '-' {
			return nil, fmt.Errorf("stored conversation day %q is not a date", b)
		}
		y, m, d := digits(b[0:4]), digits(b[5:7]), digits(b[8:10])
		if y < 0 || m < 1 || m > 12 || d < 1 || d > 31 {
			return nil, fmt.Errorf("stored conversation day %q is not a date", b[:10])
		}
		out = append(out, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))
		b = b[10:]
		if len(b) > 0 && b[0] == ',' {
			b = b[1:]
		}
	}
	return out, nil
}

// digits is the decimal number in b, or -1.
func digits(b []byte) int {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}
