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
	rule := r.ForCitizen(kind, c)
	if rule == nil {
		return nil, nil
	}
	convs, err := s.Conversations(c.ID)
	if err != nil {
		return nil, err
	}
	return rule.DueFor(c, convs), nil
}

// Compliance works out Today's figures (model.RuleSet.Tally) for the
// active citizens.
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
	cases, err := s.activeCases(figureRanges(r, model.DateOnly(now)), scope)
	if err != nil {
		return model.Compliance{}, err
	}
	return r.Tally(kind, cases, now), nil
}

// figureRanges: the citizens Tally may count on day. A window of at most
// the period that closed within the period began at most two periods ago,
// counted from the first day of unemployment or the first contact; Tally
// picks the ones that count.
func figureRanges(r *model.RuleSet, day time.Time) []dateRange {
	from := day.AddDate(0, -2*r.PeriodMonths, 0)
	return []dateRange{{"unemployed_since", from, day}, {"first_contact", from, day}}
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
	cond, more := scopeCond("caseworker", scope)
	where, args = where+cond, append(args, more...)
	table := "citizens"
	if scope.Caseworker != "" && scope.Citizen == 0 {
		// one caseworker's citizens through citizens_caseworker, not the
		// office's date ranges filtered: flat in the office's size
		table = "citizens INDEXED BY citizens_caseworker"
	}
	return s.ruleCitizens(table, where, args)
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

func (s *Store) ruleCitizens(table, where string, args []any) ([]model.Case, error) {
	rows, err := s.db.Query(`SELECT id, name, cpr, benefit, education, first_contact, unemployed_since, transferred_on,
			birth_date, registered_on, other_benefit, benefit_since, held_days, caseworker,
			EXISTS (SELECT 1 FROM exemptions e WHERE e.citizen_id = citizens.id AND e.undone_at = '')
		FROM `+table+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("load caseload for the rules: %w", err)
	}
	defer rows.Close()
	var out []model.Case
	var held sql.RawBytes
	var text keptText // Today keeps the office's cases all day: their strings and days in blocks
	var days heldBlock
	// scanned into once-allocated places (see caseCitizens)
	var c model.Case
	var name, cpr, benefit, education, other, caseworker string
	for rows.Next() {
		c = model.Case{}
		if err := rows.Scan(&c.ID, &name, &cpr, &benefit, &education, scanDate(&c.FirstContact),
			scanDate(&c.UnemployedSince), scanDate(&c.TransferredOn), scanDate(&c.BirthDate), scanDate(&c.RegisteredOn),
			&other, scanDate(&c.BenefitSince), &held, &caseworker, &c.Exempt); err != nil {
			return nil, fmt.Errorf("scan caseload for the rules: %w", err)
		}
		c.Name, c.CPR = text.keep(name), model.CPR(text.keep(cpr))
		c.Benefit, c.Education = model.Benefit(text.share(benefit)), model.Education(text.share(education))
		c.OtherBenefit, c.Caseworker = text.share(other), text.share(caseworker)
		if c.Held, err = days.parse(held); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// heldBlock holds the held days of many cases in a few large arrays, each
// case's a part of one (capped: an append to it never reaches the next).
type heldBlock struct {
	days []model.Held
}

// heldBlockLen is a block's length (64 kB).
const heldBlockLen = 1024

// parse reads b (see heldDays) into the block.
func (h *heldBlock) parse(b []byte) ([]model.Held, error) {
	n := (len(b) + 1) / 11 // at most: "2006-01-02" and a comma each
	if n == 0 {
		return heldDays(b)
	}
	if cap(h.days)-len(h.days) < n {
		h.days = make([]model.Held, 0, max(min(2*cap(h.days), heldBlockLen), 16, n))
	}
	start := len(h.days)
	var err error
	if h.days, err = appendHeldDays(h.days, b); err != nil {
		return nil, err
	}
	return h.days[start:len(h.days):len(h.days)], nil
}

// heldDays reads "2006-01-02p,2006-01-03pa,…" into held individual job
// conversations (days at UTC midnight, as model.DateOnly gives them)
// without a time.Parse per conversation: 'p' held in person, 'a' with the
// a-kasse (0012).
func heldDays(b []byte) ([]model.Held, error) {
	if len(b) == 0 {
		return nil, nil
	}
	return appendHeldDays(make([]model.Held, 0, (len(b)+1)/11), b)
}

// appendHeldDays appends the days in b (see heldDays) to out.
func appendHeldDays(out []model.Held, b []byte) ([]model.Held, error) {
	for len(b) > 0 {
		if len(b) < 10 || b[4] != '-' || b[7] != '-' {
			return nil, fmt.Errorf("stored conversation day %q is not a date", b)
		}
		y, m, d := digits(b[0:4]), digits(b[5:7]), digits(b[8:10])
		if y < 0 || m < 1 || m > 12 || d < 1 || d > 31 {
			return nil, fmt.Errorf("stored conversation day %q is not a date", b[:10])
		}
		h := model.Held{Day: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Kind: model.KindJob, Form: model.FormPhone}
		b = b[10:]
		for len(b) > 0 && b[0] != ',' {
			switch b[0] {
			case 'p':
				h.Form = model.FormInPerson
			case 'a':
				h.WithAkasse = true
			default:
				return nil, fmt.Errorf("stored conversation mark %q is unknown", b[0])
			}
			b = b[1:]
		}
		out = append(out, h)
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
