package store

import (
	"fmt"
	"time"

	"jobspor/model"
)

// Attendance computes the pattern over [from, to) from the hourly counts
// the database keeps (table attendance_hours).
func (s *Store) Attendance(from, to time.Time) (*model.AttendanceStats, error) {
	rows, err := s.db.Query(`SELECT hour, attendance, n FROM attendance_hours
		WHERE hour >= ? AND hour < ? AND attendance <> `+lit(model.AttendancePlanned)+` AND n > 0`,
		from.Format("2006-01-02T15"), to.Format("2006-01-02T15"))
	if err != nil {
		return nil, fmt.Errorf("attendance: %w", err)
	}
	defer rows.Close()
	st := &model.AttendanceStats{From: from, To: to}
	for rows.Next() {
		var hour string
		var a model.Attendance
		var n int
		if err := rows.Scan(&hour, &a, &n); err != nil {
			return nil, fmt.Errorf("scan attendance: %w", err)
		}
		t, err := time.ParseInLocation("2006-01-02T15", hour, time.Local)
		if err != nil {
			continue
		}
		st.All.Add(a, n)
		st.ByHour[t.Hour()].Add(a, n)
		st.ByWeekday[t.Weekday()].Add(a, n)
		st.ByDay[t.Day()-1].Add(a, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return st, s.nextWeek(st)
}

// nextWeek fills the expected load for the week after To.
func (s *Store) nextWeek(st *model.AttendanceStats) error {
	monday := model.Day(st.To)
	for monday.Weekday() != time.Monday {
		monday = monday.AddDate(0, 0, 1)
	}
	planned, err := s.plannedPerDay(monday, monday.AddDate(0, 0, 5))
	if err != nil {
		return err
	}
	for i := range st.NextWeek {
		d := monday.AddDate(0, 0, i)
		weeks := countWeekday(st.From, st.To, d.Weekday())
		b := st.ByWeekday[d.Weekday()]
		load := model.DayLoad{Day: d}
		if weeks > 0 {
			load.Expected = float64(b.Total) / float64(weeks)
			load.Attending = load.Expected * (1 - b.Rate())
		}
		load.Planned = planned[d.Format(model.DateLayout)]
		st.NextWeek[i] = load
	}
	return nil
}

// countWeekday counts the days of a weekday in [from, to).
func countWeekday(from, to time.Time, wd time.Weekday) int {
	n := 0
	for d := model.DateOnly(from); d.Before(model.DateOnly(to)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == wd {
			n++
		}
	}
	return n
}

// plannedPerDay counts planned conversations per day in [from, to).
func (s *Store) plannedPerDay(from, to time.Time) (map[string]int, error) {
	rows, err := s.db.Query(`SELECT substr(start, 1, 10), count(*) FROM conversations
		WHERE start >= ? AND start < ? AND attendance = `+lit(model.AttendancePlanned)+` GROUP BY 1`, from.Format(model.WallLayout), to.Format(model.WallLayout))
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
