package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

// Today builds the start screen for the caseworker's day; each part reads
// only the citizens it concerns, through indexes.
func (s *Store) Today(c *model.Content, now time.Time) (*model.TodayView, error) {
	return s.TodayFor(c, now, model.WholeOffice)
}

// TodayFor is Today for one caseworker's citizens (or the whole office's):
// each query is narrowed in SQL, not the office's day filtered afterwards.
func (s *Store) TodayFor(c *model.Content, now time.Time, scope model.Scope) (*model.TodayView, error) {
	return s.todayView(c, now, scope, nil)
}

// TodayRead is Today with the two figures for the office (and for the
// scope's caseworker): one read of the office's active cases feeds the
// figures and "kræver snart", and the cases are kept (model.TodayRead) so
// that a change to one citizen updates them without the office read again.
func (s *Store) TodayRead(c *model.Content, now time.Time, scope model.Scope) (*model.TodayRead, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return nil, err
	}
	day := model.DateOnly(now)
	figures, deadlines := figureRanges(c.Rules, day), deadlineRanges(c.Rules, day)
	cases, err := s.activeCases(append(append([]dateRange(nil), figures...), deadlines...), model.WholeOffice)
	if err != nil {
		return nil, err
	}
	t := &model.TodayRead{Kind: kind, Scope: scope}
	counted := make([]model.Case, 0, len(cases))
	near := &nearCases{kind: kind}
	for i := range cases {
		if inRanges(&cases[i], figures) {
			counted = append(counted, cases[i])
		}
		if inRanges(&cases[i], deadlines) && scope.Includes(cases[i].Caseworker) {
			near.cases = append(near.cases, cases[i])
		}
	}
	t.Cases = model.KeepCases(counted) // kept all day: small, and apart from the names read with them
	t.Figure(c.Rules, now)
	if t.View, err = s.todayView(c, now, scope, near); err != nil {
		return nil, err
	}
	return t, nil
}

// TodayCitizen reads what one citizen adds to Today in the scope: their
// lines, and their case when the figures count it (whatever the scope).
func (s *Store) TodayCitizen(c *model.Content, now time.Time, scope model.Scope, id int64) (*model.TodayPart, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return nil, err
	}
	day := model.DateOnly(now)
	figures, deadlines := figureRanges(c.Rules, day), deadlineRanges(c.Rules, day)
	cases, err := s.activeCases(append(append([]dateRange(nil), figures...), deadlines...), model.Scope{Citizen: id})
	if err != nil {
		return nil, err
	}
	p := &model.TodayPart{CitizenID: id}
	near := &nearCases{kind: kind}
	for i := range cases {
		if inRanges(&cases[i], figures) {
			p.Case = &cases[i]
		}
		if inRanges(&cases[i], deadlines) && scope.Includes(cases[i].Caseworker) {
			near.cases = append(near.cases, cases[i])
		}
	}
	one := scope
	one.Citizen = id
	if p.View, err = s.todayView(c, now, one, near); err != nil {
		return nil, err
	}
	return p, nil
}

// TodayCatchUp reads the catch-up part alone (after the session was held).
func (s *Store) TodayCatchUp(now time.Time, scope model.Scope) (time.Time, []model.TodayConversation, error) {
	return s.catchUp(now, scope)
}

// nearCases are the active cases already read whose dates may put a
// deadline near today (nil: "kræver snart" reads its own).
type nearCases struct {
	kind  model.OfficeKind
	cases []model.Case
}

// inRanges: the case's date column lies in one of the ranges (as the SQL
// BETWEEN of caseFilter has it).
func inRanges(c *model.Case, ranges []dateRange) bool {
	for _, r := range ranges {
		d := c.UnemployedSince
		if r.column == "first_contact" {
			d = c.FirstContact
		}
		if n := dayNum(d); !d.IsZero() && n >= dayNum(r.from) && n <= dayNum(r.to) {
			return true
		}
	}
	return false
}

// dayNum orders calendar days as their stored text does (yyyymmdd).
func dayNum(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

func (s *Store) todayView(c *model.Content, now time.Time, scope model.Scope, near *nearCases) (*model.TodayView, error) {
	t := &model.TodayView{Date: model.DateOnly(now)}
	steps := []func() error{
		func() (err error) {
			if !scope.All() {
				t.Conversations, t.CatchUpSince, t.CatchUp, err = s.dayAndCatchUp(now, scope)
				return
			}
			t.Conversations, err = s.dayConversations(now, scope)
			return
		},
		func() (err error) { t.OverdueSteps, t.BenefitLate, err = s.reception(c, now, scope); return },
		func() (err error) {
			if near != nil {
				t.Due = dueFrom(c.Rules, near.kind, near.cases, now)
				return nil
			}
			t.Due, err = s.dueSoon(c.Rules, now, scope)
			return
		},
		func() (err error) {
			if scope.All() {
				t.CatchUpSince, t.CatchUp, err = s.catchUp(now, scope)
			}
			return
		},
		func() (err error) { t.Notices, err = s.openNotices(scope); return },
		func() (err error) { t.Youth, err = s.youthToRefer(now, scope); return },
		func() (err error) {
			t.BenefitMeetings, err = s.benefitMeetings(model.Day(now), model.Day(now).AddDate(0, 0, 14), scope)
			return
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// reception reads the recent citizens once for both parts that follow the
// reception plan: the overdue steps and the benefits not settled.
func (s *Store) reception(c *model.Content, now time.Time, scope model.Scope) ([]model.TodayStep, []model.BenefitLate, error) {
	plan, err := s.ReceptionPlan(c.Reception)
	if err != nil {
		return nil, nil, err
	}
	cal, err := s.Calendar()
	if err != nil {
		return nil, nil, err
	}
	stepsSince, lateSince := now.AddDate(0, 0, -(maxDay(plan)*7/5+14)), now.AddDate(0, 0, -benefitLateDays)
	since := stepsSince
	if lateSince.Before(since) {
		since = lateSince
	}
	citizens, err := s.recent(since, now, scope)
	if err != nil {
		return nil, nil, err
	}
	from := func(since time.Time) []model.Citizen {
		out := make([]model.Citizen, 0, len(citizens))
		for _, z := range citizens {
			if dayNum(z.FirstContact) >= dayNum(since) {
				out = append(out, z)
			}
		}
		return out
	}
	steps, err := s.overdueSteps(plan, cal, from(stepsSince), stepsSince, now, scope)
	if err != nil {
		return nil, nil, err
	}
	late, err := s.benefitLate(plan, cal, from(lateSince), lateSince, now, scope)
	return steps, late, err
}

// DayConversations lists the conversations on the day of `day`, in time order.
func (s *Store) DayConversations(day time.Time) ([]model.TodayConversation, error) {
	return s.dayConversations(day, model.WholeOffice)
}

func (s *Store) dayConversations(day time.Time, scope model.Scope) ([]model.TodayConversation, error) {
	from := model.Day(day)
	return s.conversationsBetween(from, from.AddDate(0, 0, 1), "", scope)
}

// ownFirst joins a table of citizens' rows (alias) to citizens z: for one
// caseworker their citizens come first, through citizens_caseworker, and
// each one's rows are sought (a read flat in the office's size); else the
// planner chooses.
func ownFirst(scope model.Scope, table, alias string) string {
	if scope.Caseworker != "" && scope.Citizen == 0 {
		return `citizens z INDEXED BY citizens_caseworker CROSS JOIN ` + table + ` ON ` + alias + `.citizen_id = z.id`
	}
	return table + ` JOIN citizens z ON z.id = ` + alias + `.citizen_id`
}

// scopeCond narrows a query on citizens (alias z) to one caseworker's,
// and to one citizen (column's "caseworker" read as "id").
func scopeCond(column string, scope model.Scope) (string, []any) {
	var cond string
	var args []any
	if scope.Caseworker != "" {
		cond, args = ` AND `+column+` = ?`, append(args, scope.Caseworker)
	}
	if scope.Citizen != 0 {
		cond, args = cond+` AND `+strings.TrimSuffix(column, "caseworker")+`id = ?`, append(args, scope.Citizen)
	}
	return cond, args
}

func (s *Store) conversationsBetween(from, to time.Time, attendance string, scope model.Scope) ([]model.TodayConversation, error) {
	// CROSS JOIN keeps the conversations outermost: the day's range of the
	// conversations_start index, not every active citizen's conversations.
	// For one caseworker the citizens come first instead: their few hundred
	// seeks in conversations_citizen beat the office's day of conversations.
	from_ := `FROM conversations c CROSS JOIN citizens z ON z.id = c.citizen_id`
	switch {
	case !scope.All() && attendance != "":
		// the missed ones are sought by attendance in conversations_held:
		// not every conversation of the week read to look at its attendance
		from_ = `FROM citizens z CROSS JOIN conversations c INDEXED BY conversations_held ON c.citizen_id = z.id`
	case !scope.All():
		from_ = `FROM citizens z CROSS JOIN conversations c ON c.citizen_id = z.id`
	}
	q := `SELECT c.id, c.citizen_id, c.start, c.end, c.kind, c.form, c.attendance, z.name, z.phone, z.caseworker
		` + from_ + ` WHERE c.start >= ? AND c.start < ?
		AND z.status = ` + lit(model.StatusActive) + ` AND c.attendance <> ` + lit(model.AttendanceOfficeCancelled)
	args := []any{from.Format(model.WallLayout), to.Format(model.WallLayout)}
	if attendance != "" {
		q += ` AND c.attendance IN (` + litList(model.MissedAttendances) + `)`
	}
	cond, more := scopeCond("z.caseworker", scope)
	q, args = q+cond, append(args, more...)
	rows, err := s.db.Query(q+` ORDER BY c.start, z.name_key, c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("conversations between: %w", err)
	}
	defer rows.Close()
	var out []model.TodayConversation
	for rows.Next() {
		var t model.TodayConversation
		if err := rows.Scan(&t.ID, &t.CitizenID, scanWall(&t.Start), scanWall(&t.End), &t.Kind, &t.Form, &t.Attendance, &t.Name, &t.Phone, &t.Caseworker); err != nil {
			return nil, fmt.Errorf("scan conversation: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// dayAndCatchUp reads one caseworker's (or one citizen's) conversations of
// the day and their no-shows and cancellations since the last catch-up
// session in one pass: each citizen's entries in conversations_held are
// sought once and the conversation's row read only when it is shown. The
// two lists are dayConversations's and catchUp's, line for line: the same
// conditions, compared as stored text, choose each line.
func (s *Store) dayAndCatchUp(now time.Time, scope model.Scope) ([]model.TodayConversation, time.Time, []model.TodayConversation, error) {
	since, err := s.LastCatchUp()
	if err != nil {
		return nil, since, nil, err
	}
	if since.IsZero() {
		since = time.Date(now.Year(), now.Month(), now.Day()-7, 0, 0, 0, 0, time.Local)
	}
	dayStart := model.Day(now)
	from, to := since, dayStart.AddDate(0, 0, 1)
	if dayStart.Before(from) {
		from = dayStart
	}
	cond, more := scopeCond("z.caseworker", scope)
	missed := `c.attendance IN (` + litList(model.MissedAttendances) + `)`
	q := `SELECT c.id, c.citizen_id, c.start, c.end, c.kind, c.form, c.attendance, z.name, z.phone, z.caseworker,
			c.start >= :day, ` + missed + ` AND c.start >= :since AND c.start < :now
		FROM citizens z CROSS JOIN conversations c INDEXED BY conversations_held ON c.citizen_id = z.id
		WHERE c.start >= :from AND c.start < :to AND (c.start >= :day OR ` + missed + ` AND c.start >= :since AND c.start < :now)
		AND z.status = ` + lit(model.StatusActive) + ` AND c.attendance <> ` + lit(model.AttendanceOfficeCancelled)
	args := []any{sql.Named("day", dayStart.Format(model.WallLayout)), sql.Named("since", since.Format(model.WallLayout)),
		sql.Named("now", now.Format(model.WallLayout)), sql.Named("from", from.Format(model.WallLayout)),
		sql.Named("to", to.Format(model.WallLayout))}
	rows, err := s.db.Query(q+cond+` ORDER BY c.start, z.name_key, c.id`, append(args, more...)...)
	if err != nil {
		return nil, since, nil, fmt.Errorf("conversations of the day and since the catch-up: %w", err)
	}
	defer rows.Close()
	var day, catchUp []model.TodayConversation
	for rows.Next() {
		var t model.TodayConversation
		var inDay, isMissed bool
		if err := rows.Scan(&t.ID, &t.CitizenID, scanWall(&t.Start), scanWall(&t.End), &t.Kind, &t.Form, &t.Attendance,
			&t.Name, &t.Phone, &t.Caseworker, &inDay, &isMissed); err != nil {
			return nil, since, nil, fmt.Errorf("scan conversation: %w", err)
		}
		if inDay {
			day = append(day, t)
		}
		if isMissed {
			catchUp = append(catchUp, t)
		}
	}
	return day, since, catchUp, rows.Err()
}

// recent lists the active citizens (ID, name, first contact) whose first
// contact lies in [from, to].
func (s *Store) recent(from, to time.Time, scope model.Scope) ([]model.Citizen, error) {
	cond, more := scopeCond("caseworker", scope)
	table := "citizens"
	if scope.Citizen == 0 && scope.Caseworker != "" {
		table = "citizens INDEXED BY citizens_caseworker" // one caseworker's few hundred, not the office's date range
	}
	rows, err := s.db.Query(`SELECT id, name, first_contact, cpr, birth_date, reception_variant FROM `+table+`
		WHERE first_contact >= ? AND first_contact <= ? AND status = `+lit(model.StatusActive)+cond,
		append([]any{from.Format(model.DateLayout), to.Format(model.DateLayout)}, more...)...)
	if err != nil {
		return nil, fmt.Errorf("recent citizens: %w", err)
	}
	defer rows.Close()
	var out []model.Citizen
	for rows.Next() {
		var c model.Citizen
		var cpr string
		if err := rows.Scan(&c.ID, &c.Name, scanDate(&c.FirstContact), &cpr, scanDate(&c.BirthDate), &c.ReceptionVariant); err != nil {
			return nil, fmt.Errorf("scan recent citizen: %w", err)
		}
		c.CPR = model.CPR(cpr)
		out = append(out, c)
	}
	return out, rows.Err()
}

// overdueSteps: reception steps past their last day and not ticked, for the
// citizens still inside the plan's span (first seen since).
func (s *Store) overdueSteps(plan *model.ReceptionPlan, cal *model.WorkCalendar, citizens []model.Citizen, since, now time.Time, scope model.Scope) ([]model.TodayStep, error) {
	done, err := s.doneSteps(since, scope)
	if err != nil {
		return nil, err
	}
	dated := map[variantDay][]model.DatedStep{} // citizens who started the same day share dates
	var out []model.TodayStep
	for i := range citizens {
		c := &citizens[i]
		v := plan.VariantFor(c)
		steps, ok := dated[variantDay{v, c.FirstContact}]
		if !ok {
			steps = plan.With(v).Dated(c.FirstContact, cal)
			dated[variantDay{v, c.FirstContact}] = steps
		}
		row := model.TodayStep{CitizenID: c.ID, Name: c.Name}
		for _, st := range steps {
			if !done[stepKey{c.ID, st.ID}] && st.Overdue(now) {
				row.Steps = append(row.Steps, st)
			}
		}
		if len(row.Steps) > 0 {
			out = append(out, row)
		}
	}
	sortBy(out, func(a, b model.TodayStep) bool { return model.StepBefore(a, b) })
	return out, nil
}

// benefitLateDays is how far back Today looks for benefits never settled.
const benefitLateDays = 90

// benefitLate: active citizens first seen in the last benefitLateDays who
// intend to apply for a benefit that is not settled though the plan's
// clarification has ended (10 råd #7).
func (s *Store) benefitLate(plan *model.ReceptionPlan, cal *model.WorkCalendar, citizens []model.Citizen, since, now time.Time, scope model.Scope) ([]model.BenefitLate, error) {
	pending, err := s.pendingSince(since, scope)
	if err != nil {
		return nil, err
	}
	var out []model.BenefitLate
	dues := map[time.Time]time.Time{} // citizens first seen the same day share the day
	for _, z := range citizens {
		if !pending[z.ID] {
			continue
		}
		due, ok := dues[z.FirstContact]
		if !ok {
			due = model.BenefitDue(plan, cal, z.FirstContact)
			dues[z.FirstContact] = due
		}
		if model.DateOnly(due).Before(model.DateOnly(now)) {
			out = append(out, model.BenefitLate{CitizenID: z.ID, Name: z.Name, Due: due})
		}
	}
	sortBy(out, func(a, b model.BenefitLate) bool { return model.LateBefore(a, b) })
	return out, nil
}

// pendingSince: the citizens first seen since who intend to apply for a
// benefit not yet settled.
func (s *Store) pendingSince(since time.Time, scope model.Scope) (map[int64]bool, error) {
	cond, more := scopeCond("z.caseworker", scope)
	rows, err := s.db.Query(`SELECT b.citizen_id FROM `+ownFirst(scope, "benefit_cases b", "b")+`
		WHERE b.intends_on <> '' AND b.settled_on = '' AND z.first_contact >= ?`+cond,
		append([]any{since.Format(model.DateLayout)}, more...)...)
	if err != nil {
		return nil, fmt.Errorf("pending benefits: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scan pending benefit: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

type stepKey struct {
	citizen int64
	step    string
}

// doneSteps loads the ticked reception steps of citizens who started since.
func (s *Store) doneSteps(since time.Time, scope model.Scope) (map[stepKey]bool, error) {
	cond, more := scopeCond("z.caseworker", scope)
	rows, err := s.db.Query(`SELECT r.citizen_id, r.step_id FROM `+ownFirst(scope, "reception_steps r", "r")+`
		WHERE z.first_contact >= ?`+cond, append([]any{since.Format(model.DateLayout)}, more...)...)
	if err != nil {
		return nil, fmt.Errorf("done reception steps: %w", err)
	}
	defer rows.Close()
	out := map[stepKey]bool{}
	for rows.Next() {
		var k stepKey
		if err := rows.Scan(&k.citizen, &k.step); err != nil {
			return nil, fmt.Errorf("scan reception step: %w", err)
		}
		out[k] = true
	}
	return out, rows.Err()
}

func maxDay(p *model.ReceptionPlan) int {
	m := 1
	for _, s := range p.Steps {
		m = max(m, s.To)
	}
	return m
}

// dueSoon: requirements not met whose deadline lies from two weeks ago to
// two weeks ahead; only citizens whose dates put a deadline there are read.
func (s *Store) dueSoon(r *model.RuleSet, now time.Time, scope model.Scope) ([]model.TodayDue, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return nil, err
	}
	cases, err := s.activeCases(deadlineRanges(r, model.DateOnly(now)), scope)
	if err != nil {
		return nil, err
	}
	return dueFrom(r, kind, cases, now), nil
}

// dueFrom lists the deadlines near now of the cases, soonest first.
func dueFrom(r *model.RuleSet, kind model.OfficeKind, cases []model.Case, now time.Time) []model.TodayDue {
	var out []model.TodayDue
	for i := range cases {
		out = append(out, nearDeadlines(&cases[i], cases[i].Due(r, kind), now)...)
	}
	sortBy(out, func(a, b model.TodayDue) bool { return model.DueBefore(a, b) })
	return out
}

// nearDeadlines: a citizen exempted from the minimum (under a rule that
// allows it) is listed only for the first conversation, held with everyone.
func nearDeadlines(c *model.Case, due []model.Due, now time.Time) []model.TodayDue {
	day := model.DateOnly(now)
	var out []model.TodayDue
	for _, d := range due {
		if c.Exempt && !d.First && d.Rule.TargetPercent < 100 {
			continue
		}
		if !d.Met && d.By.After(day.AddDate(0, 0, -15)) && d.By.Before(day.AddDate(0, 0, 15)) {
			out = append(out, model.TodayDue{CitizenID: c.ID, Name: c.Name, Due: d})
		}
	}
	return out
}

// deadlineRanges are the start dates that put some requirement's last day
// within two weeks of day.
func deadlineRanges(r *model.RuleSet, day time.Time) []dateRange {
	type key struct {
		months, days int
		column       string
	}
	seen := map[key]bool{}
	var out []dateRange
	for _, rule := range r.Rules {
		for _, q := range rule.Requirements {
			k := key{q.WithinMonths, q.WithinDays, "unemployed_since"}
			if q.CountedFrom == model.FromFirstContact {
				k.column = "first_contact"
			}
			if !seen[k] {
				seen[k] = true
				at := day.AddDate(0, -q.WithinMonths, -q.WithinDays)
				out = append(out, dateRange{k.column, at.AddDate(0, 0, -15), at.AddDate(0, 0, 16)})
			}
			// counted from the registration (not indexed), which comes before
			// the first day of unemployment: a month's more of the latter
			if q.CountedFrom == model.FromRegistration {
				at := day.AddDate(0, -q.WithinMonths, -q.WithinDays)
				out = append(out, dateRange{"unemployed_since", at.AddDate(0, 0, -15), at.AddDate(0, 0, 16+31)})
			}
		}
	}
	return out
}

// LastCatchUp is when the last weekly catch-up session was recorded (zero: never).
func (s *Store) LastCatchUp() (time.Time, error) {
	v, err := s.setting(keyCatchUp)
	if err != nil {
		return time.Time{}, err
	}
	return parseStored(scanWall, v)
}

// SaveCatchUp records that the catch-up session was held at `at`: the
// no-shows before it leave the list.
func (s *Store) SaveCatchUp(at time.Time) error {
	return s.saveSetting(keyCatchUp, at.Format(model.WallLayout))
}

// catchUp lists no-shows and cancellations since the last catch-up session
// (the last seven days when none is recorded), to invite (10 råd #9).
func (s *Store) catchUp(now time.Time, scope model.Scope) (time.Time, []model.TodayConversation, error) {
	since, err := s.LastCatchUp()
	if err != nil {
		return since, nil, err
	}
	if since.IsZero() {
		since = time.Date(now.Year(), now.Month(), now.Day()-7, 0, 0, 0, 0, time.Local)
	}
	list, err := s.conversationsBetween(since, now, "missed", scope)
	return since, list, err
}
