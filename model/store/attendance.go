package store

import (
	"database/sql"
	"fmt"
	"time"

	"jobspor/model"
)

// Attendance computes the pattern over [from, to) from the hourly counts
// the database keeps (table attendance_hours).
func (s *Store) Attendance(from, to time.Time) (*model.AttendanceStats, error) {
	return s.AttendanceFor(from, to, model.WholeOffice)
}

// AttendanceFor is the pattern over [from, to) of the conversations in
// scope: the whole laptop from the hourly counts (attendance_hours), one
// caseworker's citizens from their conversations (in an office: her own,
// not the cases she covers, as she reports them to the office).
func (s *Store) AttendanceFor(from, to time.Time, scope model.Scope) (*model.AttendanceStats, error) {
	st := &model.AttendanceStats{From: from, To: to}
	err := s.attendanceHours(from, to, scope, func(t time.Time, a model.Attendance, n int) {
		st.All.Add(a, n)
		st.ByHour[t.Hour()].Add(a, n)
		st.ByWeekday[t.Weekday()].Add(a, n)
		st.ByDay[t.Day()-1].Add(a, n)
	})
	if err != nil {
		return nil, err
	}
	planned, err := s.plannedPerDay(model.NextMonday(to), model.NextMonday(to).AddDate(0, 0, 5), scope)
	if err != nil {
		return nil, err
	}
	st.ExpectNextWeek(planned)
	return st, nil
}

// AttendanceReport is what a laptop in an office reports of its
// caseworker's own citizens: the pattern for each of the periods the
// window offers (model.AttendancePeriods), ending on day. One read of the
// longest period.
func (s *Store) AttendanceReport(initials string, day time.Time) ([]model.AttendanceCount, error) {
	to := model.Day(day)
	stats := make([]*model.AttendanceStats, len(model.AttendancePeriods))
	longest := to
	for i, m := range model.AttendancePeriods {
		stats[i] = &model.AttendanceStats{From: to.AddDate(0, -m, 0), To: to}
		longest = minTime(longest, stats[i].From)
	}
	err := s.attendanceHours(longest, to, model.Mine(initials), func(t time.Time, a model.Attendance, n int) {
		for _, st := range stats {
			if !t.Before(st.From) {
				st.All.Add(a, n)
				st.ByHour[t.Hour()].Add(a, n)
				st.ByWeekday[t.Weekday()].Add(a, n)
				st.ByDay[t.Day()-1].Add(a, n)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	out := []model.AttendanceCount{}
	for i, m := range model.AttendancePeriods {
		out = append(out, model.AttendanceCounts(m, stats[i])...)
	}
	return out, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// attendanceHours calls add for each hour in [from, to) with conversations
// marked (not planned) in scope, by attendance.
func (s *Store) attendanceHours(from, to time.Time, scope model.Scope, add func(time.Time, model.Attendance, int)) error {
	var rows *sql.Rows
	var err error
	if scope.Caseworker == "" {
		rows, err = s.db.Query(`SELECT hour, attendance, n FROM attendance_hours
			WHERE hour >= ? AND hour < ? AND attendance <> `+lit(model.AttendancePlanned)+` AND n > 0`,
			from.Format("2006-01-02T15"), to.Format("2006-01-02T15"))
	} else {
		// the caseworker's citizens first (CROSS JOIN keeps that order), then
		// each one's conversations in the period by conversations_citizen:
		// flat in the office's size
		rows, err = s.db.Query(`SELECT substr(v.start, 1, 13), v.attendance, count(*)
			FROM citizens c INDEXED BY citizens_caseworker CROSS JOIN conversations v
			WHERE c.caseworker = ? AND v.citizen_id = c.id AND v.start >= ? AND v.start < ?
				AND v.attendance <> `+lit(model.AttendancePlanned)+`
			GROUP BY 1, 2`, scope.Caseworker, from.Format(model.WallLayout), to.Format(model.WallLayout))
	}
	if err != nil {
		return fmt.Errorf("attendance: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var hour string
		var a model.Attendance
		var n int
		if err := rows.Scan(&hour, &a, &n); err != nil {
			return fmt.Errorf("scan attendance: %w", err)
		}
		t, err := time.ParseInLocation("2006-01-02T15", hour, time.Local)
		if err != nil {
			continue
		}
		add(t, a, n)
	}
	return rows.Err()
}

// plannedPerDay counts planned conversations per day in [from, to) in scope.
func (s *Store) plannedPerDay(from, to time.Time, scope model.Scope) (map[string]int, error) {
	q := `SELECT substr(v.start, 1, 10), count(*) FROM conversations v
		WHERE v.start >= ? AND v.start < ? AND v.attendance = ` + lit(model.AttendancePlanned)
	args := []any{from.Format(model.WallLayout), to.Format(model.WallLayout)}
	if scope.Caseworker != "" {
		q += ` AND v.citizen_id IN (SELECT id FROM citizens WHERE caseworker = ?)`
		args = append(args, scope.Caseworker)
	}
	rows, err := s.db.Query(q+` GROUP BY 1`, args...)
	if err != nil {
		return nil, fmt.Errorf("planned per day: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var day string
		var n int
		if err := rows.Scan(&day, &n); err != nil {
			return nil, fmt.Errorf("scan planned per day: %w", err)
		}
		out[day] = n
	}
	return out, rows.Err()
}
