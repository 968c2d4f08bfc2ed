package store

import (
	"fmt"
	"time"

	"jobspor/model"
)

// Today builds the start screen for the caseworker's day; each part reads
// only the citizens it concerns, through indexes.
func (s *Store) Today(c *model.Content, now time.Time) (*model.TodayView, error) {
	t := &model.TodayView{Date: model.DateOnly(now)}
	steps := []func() error{
		func() (err error) { t.Conversations, err = s.DayConversations(now); return },
		func() (err error) { t.OverdueSteps, err = s.overdueSteps(c, now); return },
		func() (err error) { t.Due, err = s.dueSoon(c.Rules, now); return },
		func() (err error) { t.CatchUpSince, t.CatchUp, err = s.catchUp(now); return },
		func() (err error) { t.Notices, err = s.OpenNotices(); return },
		func() (err error) { t.Youth, err = s.YouthToRefer(now); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// DayConversations lists the conversations on the day of `day`, in time order.
func (s *Store) DayConversations(day time.Time) ([]model.TodayConversation, error) {
	from := model.Day(day)
	return s.conversationsBetween(from, from.AddDate(0, 0, 1), "")
}

func (s *Store) conversationsBetween(from, to time.Time, attendance string) ([]model.TodayConversation, error) {
	q := `SELECT c.id, c.citizen_id, c.start, c.end, c.kind, c.form, c.attendance, z.name, z.phone
		FROM conversations c JOIN citizens z ON z.id = c.citizen_id WHERE c.start >= ? AND c.start < ?
		AND z.status = `+lit(model.StatusActive)+` AND c.attendance <> `+lit(model.AttendanceOfficeCancelled)
	args := []any{from.Format(model.WallLayout), to.Format(model.WallLayout)}
	if attendance != "" {
		q += ` AND c.attendance IN (` + litList(model.MissedAttendances) + `)`
	}
	rows, err := s.db.Query(q+` ORDER BY c.start, z.name_key`, args...)
	if err != nil {
		return nil, fmt.Errorf("conversations between: %w", err)
	}
	defer rows.Close()
	var out []model.TodayConversation
	for rows.Next() {
		var t model.TodayConversation
		if err := rows.Scan(&t.ID, &t.CitizenID, scanWall(&t.Start), scanWall(&t.End), &t.Kind, &t.Form, &t.Attendance, &t.Name, &t.Phone); err != nil {
			return nil, fmt.Errorf("scan conversation: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// recent lists the active citizens (ID, name, first contact) whose first
// contact lies in [from, to].
func (s *Store) recent(from, to time.Time) ([]model.Citizen, error) {
	rows, err := s.db.Query(`SELECT id, name, first_contact FROM citizens
		WHERE first_contact >= ? AND first_contact <= ? AND status = `+lit(model.StatusActive)+``, from.Format(model.DateLayout), to.Format(model.DateLayout))
	if err != nil {
		return nil, fmt.Errorf("recent citizens: %w", err)
	}
	defer rows.Close()
	var out []model.Citizen
	for rows.Next() {
		var c model.Citizen
		if err := rows.Scan(&c.ID, &c.Name, scanDate(&c.FirstContact)); err != nil {
			return nil, fmt.Errorf("scan recent citizen: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// overdueSteps: reception steps past their last day and not ticked, for the
// citizens still inside the plan's span.
func (s *Store) overdueSteps(c *model.Content, now time.Time) ([]model.TodayStep, error) {
	plan, err := s.ReceptionPlan(c.Reception)
	if err != nil {
		return nil, err
	}
	cal, err := s.Calendar()
	if err != nil {
		return nil, err
	}
	since := now.AddDate(0, 0, -(maxDay(plan)*7/5 + 14))
	citizens, err := s.recent(since, now)
	if err != nil {
		return nil, err
	}
	done, err := s.doneSteps(since)
	if err != nil {
		return nil, err
	}
	dated := map[time.Time][]model.DatedStep{} // citizens who started the same day share dates
	var out []model.TodayStep
	for _, c := range citizens {
		steps, ok := dated[c.FirstContact]
		if !ok {
			steps = plan.Dated(c.FirstContact, cal)
			dated[c.FirstContact] = steps
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
	sortBy(out, func(a, b model.TodayStep) bool { return a.Steps[0].ToDate.Before(b.Steps[0].ToDate) })
	return out, nil
}

type stepKey struct {
	citizen int64
	step    string
}

// doneSteps loads the ticked reception steps of citizens who started since.
func (s *Store) doneSteps(since time.Time) (map[stepKey]bool, error) {
	rows, err := s.db.Query(`SELECT r.citizen_id, r.step_id FROM reception_steps r JOIN citizens z ON z.id = r.citizen_id
		WHERE z.first_contact >= ?`, since.Format(model.DateLayout))
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
// two weeks ahead; only citizens whose first contact puts a deadline there are read.
func (s *Store) dueSoon(r *model.RuleSet, now time.Time) ([]model.TodayDue, error) {
	kind, err := s.OfficeKind()
	if err != nil {
		return nil, err
	}
	var out []model.TodayDue
	seen := map[[2]int64]bool{}
	for _, months := range deadlineMonths(r) {
		at := now.AddDate(0, -months, 0)
		windows := ruleWindows(r, kind, func(w model.MonthWindow) bool { return w.Within == months })
		err := s.heldInWindows(windows, at.AddDate(0, 0, -15), at.AddDate(0, 0, 15), func(h model.HeldRow) {
			if key := [2]int64{h.ID, int64(months)}; !seen[key] {
				seen[key] = true
				out = append(out, nearDeadlines(h, h.Due(r, kind), now)...)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	sortBy(out, func(a, b model.TodayDue) bool { return a.Due.By.Before(b.Due.By) })
	return out, nil
}

func nearDeadlines(h model.HeldRow, due []model.Due, now time.Time) []model.TodayDue {
	var out []model.TodayDue
	for _, d := range due {
		if !d.Met && d.By.After(now.AddDate(0, 0, -14)) && d.By.Before(now.AddDate(0, 0, 15)) {
			out = append(out, model.TodayDue{CitizenID: h.ID, Name: h.Name, Due: d})
		}
	}
	return out
}

func deadlineMonths(r *model.RuleSet) []int {
	seen := map[int]bool{}
	var out []int
	for _, rule := range r.Rules {
		for _, q := range rule.Requirements {
			if !seen[q.WithinMonths] {
				seen[q.WithinMonths] = true
				out = append(out, q.WithinMonths)
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
func (s *Store) catchUp(now time.Time) (time.Time, []model.TodayConversation, error) {
	since, err := s.LastCatchUp()
	if err != nil {
		return since, nil, err
	}
	if since.IsZero() {
		since = time.Date(now.Year(), now.Month(), now.Day()-7, 0, 0, 0, 0, time.Local)
	}
	list, err := s.conversationsBetween(since, now, "missed")
	return since, list, err
}
