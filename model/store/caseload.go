package store

import (
	"fmt"
	"time"

	"jobspor/model"
)

// Caseload loads every citizen with progress and conversation flags in four
// queries, however many citizens there are.
func (s *Store) Caseload(g *model.Guide, now time.Time) ([]model.CaseRow, error) {
	return s.caseload(g, now, 0)
}

// CaseRowFor loads one citizen's caseload row, to refresh the list after a
// change without reloading every row.
func (s *Store) CaseRowFor(g *model.Guide, now time.Time, id int64) (model.CaseRow, error) {
	rows, err := s.caseload(g, now, id)
	if err != nil {
		return model.CaseRow{}, err
	}
	if len(rows) == 0 {
		return model.CaseRow{}, model.ErrNotFound
	}
	return rows[0], nil
}

// caseload loads all rows (one == 0) or the row of citizen one.
func (s *Store) caseload(g *model.Guide, now time.Time, one int64) ([]model.CaseRow, error) {
	rows, byID, err := s.caseCitizens(g, now, one)
	if err != nil {
		return nil, err
	}
	for _, step := range []func(map[int64]*model.CaseRow, time.Time, int64) error{s.caseProgress, s.caseNext, s.caseNoShows} {
		if err := step(byID, now, one); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

func (s *Store) caseCitizens(g *model.Guide, now time.Time, one int64) ([]model.CaseRow, map[int64]*model.CaseRow, error) {
	cond, args := onlyOne("id", one)
	q, err := s.db.Query(`SELECT id, name, name_key, cpr, phone, track, status, first_contact, caseworker FROM citizens
		WHERE 1 = 1`+cond+` ORDER BY name_key, id`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("load caseload: %w", err)
	}
	defer q.Close()
	totals := phaseTotals(g)
	today := model.DateOnly(now)
	rows := make([]model.CaseRow, 0, 1024)
	for q.Next() {
		var r model.CaseRow
		var cpr, phone string
		if err := q.Scan(&r.ID, &r.Name, &r.NameKey, &cpr, &phone, &r.Track, &r.Status, scanDate(&r.FirstContact), &r.Caseworker); err != nil {
			return nil, nil, fmt.Errorf("scan caseload: %w", err)
		}
		r.Masked, r.Total = model.CPR(cpr).Masked(), totals[phaseID(r.Track)]
		r.CPRDigits, r.PhoneDigits = cpr, model.PhoneDigits(phone)
		r.DaysSinceFirst = int(today.Sub(r.FirstContact).Hours() / 24)
		rows = append(rows, r)
	}
	byID := make(map[int64]*model.CaseRow, len(rows))
	for i := range rows {
		byID[rows[i].ID] = &rows[i]
	}
	return rows, byID, q.Err()
}

// onlyOne narrows a caseload query to one citizen when one > 0.
func onlyOne(column string, one int64) (string, []any) {
	if one == 0 {
		return "", nil
	}
	return " AND " + column + " = ?", []any{one}
}

// phaseID is the guide phase a citizen works in: the track, or the opening.
func phaseID(t model.TrackID) string {
	if t == model.TrackNone {
		return "opening"
	}
	return string(t)
}

func phaseTotals(g *model.Guide) map[string]int {
	out := map[string]int{}
	for i := range g.Phases {
		_, out[g.Phases[i].ID] = g.Phases[i].Count(nil)
	}
	return out
}

// caseProgress counts done actions of each citizen's current phase; action
// IDs start with their phase's ID (the guide is checked for that).
func (s *Store) caseProgress(byID map[int64]*model.CaseRow, _ time.Time, one int64) error {
	cond, args := onlyOne("p.citizen_id", one)
	q, err := s.db.Query(`
		SELECT p.citizen_id, count(*) FROM progress p JOIN citizens c ON c.id = p.citizen_id
		WHERE p.done = 1 AND p.action_id LIKE (CASE c.track WHEN '' THEN 'opening' ELSE c.track END) || '.%'`+
		cond+` GROUP BY p.citizen_id`, args...)
	if err != nil {
		return fmt.Errorf("count progress: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var n int
		if err := q.Scan(&id, &n); err != nil {
			return fmt.Errorf("scan progress count: %w", err)
		}
		if r := byID[id]; r != nil {
			r.Done = n
		}
	}
	return q.Err()
}

func (s *Store) caseNext(byID map[int64]*model.CaseRow, now time.Time, one int64) error {
	cond, args := onlyOne("citizen_id", one)
	q, err := s.db.Query(`
		SELECT citizen_id,
			coalesce(min(CASE WHEN start >= ? THEN start END), ''),
			max(start < ?)
		FROM conversations WHERE attendance = `+lit(model.AttendancePlanned)+``+cond+` GROUP BY citizen_id`,
		append([]any{now.Format(model.WallLayout), model.Day(now).Format(model.WallLayout)}, args...)...)
	if err != nil {
		return fmt.Errorf("load next conversations: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var next time.Time
		var overdue bool
		if err := q.Scan(&id, scanWall(&next), &overdue); err != nil {
			return fmt.Errorf("scan next conversation: %w", err)
		}
		if r := byID[id]; r != nil {
			r.Next = next
			r.Overdue = overdue
		}
	}
	return q.Err()
}

// caseNoShows uses SQLite's bare column with max(): attendance comes from
// the latest marked conversation.
func (s *Store) caseNoShows(byID map[int64]*model.CaseRow, now time.Time, one int64) error {
	cond, args := onlyOne("citizen_id", one)
	q, err := s.db.Query(`
		SELECT citizen_id, attendance, max(start) FROM conversations
		WHERE attendance NOT IN (`+litList([]model.Attendance{model.AttendancePlanned, model.AttendanceOfficeCancelled})+`)
		AND start < ?`+cond+` GROUP BY citizen_id`,
		append([]any{now.Format(model.WallLayout)}, args...)...)
	if err != nil {
		return fmt.Errorf("load attendance: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var a model.Attendance
		var last string
		if err := q.Scan(&id, &a, &last); err != nil {
			return fmt.Errorf("scan attendance: %w", err)
		}
		if r := byID[id]; r != nil {
			r.NoShow = a == model.AttendanceNoShow || a == model.AttendanceCancelled
		}
	}
	return q.Err()
}
