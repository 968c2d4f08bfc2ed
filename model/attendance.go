package model

import (
	"fmt"
	"strings"
	"time"
)

// Bucket counts marked conversations and the missed among them (no-show or
// cancelled by the citizen).
type Bucket struct {
	Total, Missed int
}

// Rate is the share missed, 0–1.
func (b Bucket) Rate() float64 {
	if b.Total == 0 {
		return 0
	}
	return float64(b.Missed) / float64(b.Total)
}

func (b *Bucket) add(a Attendance, n int) {
	b.Total += n
	if a == AttendanceNoShow || a == AttendanceCancelled {
		b.Missed += n
	}
}

// AttendanceStats is the attendance pattern over a period (10 råd #9):
// by hour of day, weekday and day of month, and the load expected next week.
type AttendanceStats struct {
	From, To  time.Time
	All       Bucket
	ByHour    [24]Bucket
	ByWeekday [7]Bucket // time.Weekday order: Sunday first
	ByDay     [31]Bucket
	// NextWeek holds Monday to Friday of the week after To: the expected
	// number of conversations from the pattern, and those already planned.
	NextWeek [5]DayLoad
}

// DayLoad is one day's expected and planned conversations.
type DayLoad struct {
	Day       time.Time
	Expected  float64 // average for that weekday over the period
	Attending float64 // expected minus the weekday's no-show rate
	Planned   int
}

// Attendance computes the pattern over [from, to) from the hourly counts
// the database keeps (table attendance_hours).
func (s *Store) Attendance(from, to time.Time) (*AttendanceStats, error) {
	rows, err := s.db.Query(`SELECT hour, attendance, n FROM attendance_hours
		WHERE hour >= ? AND hour < ? AND attendance <> 'planned' AND n > 0`,
		from.Format("2006-01-02T15"), to.Format("2006-01-02T15"))
	if err != nil {
		return nil, fmt.Errorf("attendance: %w", err)
	}
	defer rows.Close()
	st := &AttendanceStats{From: from, To: to}
	for rows.Next() {
		var hour string
		var a Attendance
		var n int
		if err := rows.Scan(&hour, &a, &n); err != nil {
			return nil, fmt.Errorf("scan attendance: %w", err)
		}
		t, err := time.ParseInLocation("2006-01-02T15", hour, time.Local)
		if err != nil {
			continue
		}
		st.All.add(a, n)
		st.ByHour[t.Hour()].add(a, n)
		st.ByWeekday[t.Weekday()].add(a, n)
		st.ByDay[t.Day()-1].add(a, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return st, s.nextWeek(st)
}

// nextWeek fills the expected load for the week after To.
func (s *Store) nextWeek(st *AttendanceStats) error {
	monday := dateOnly(st.To)
	for monday.Weekday() != time.Monday {
		monday = monday.AddDate(0, 0, 1)
	}
	monday = time.Date(monday.Year(), monday.Month(), monday.Day(), 0, 0, 0, 0, time.Local)
	planned, err := s.plannedPerDay(monday, monday.AddDate(0, 0, 5))
	if err != nil {
		return err
	}
	for i := range st.NextWeek {
		d := monday.AddDate(0, 0, i)
		weeks := countWeekday(st.From, st.To, d.Weekday())
		b := st.ByWeekday[d.Weekday()]
		load := DayLoad{Day: d}
		if weeks > 0 {
			load.Expected = float64(b.Total) / float64(weeks)
			load.Attending = load.Expected * (1 - b.Rate())
		}
		load.Planned = planned[d.Format(DateLayout)]
		st.NextWeek[i] = load
	}
	return nil
}

// countWeekday counts the days of a weekday in [from, to).
func countWeekday(from, to time.Time, wd time.Weekday) int {
	n := 0
	for d := dateOnly(from); d.Before(dateOnly(to)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == wd {
			n++
		}
	}
	return n
}

// plannedPerDay counts planned conversations per day in [from, to).
func (s *Store) plannedPerDay(from, to time.Time) (map[string]int, error) {
	rows, err := s.db.Query(`SELECT substr(start, 1, 10), count(*) FROM conversations
		WHERE start >= ? AND start < ? AND attendance = 'planned' GROUP BY 1`, from.Format(wallLayout), to.Format(wallLayout))
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

// Column is one column of an attendance chart: a key and its counts. Keys
// are "07".."17" for hours, "monday".."friday" for weekdays and "1".."31"
// for days of the month; the window and the report label them.
type Column struct {
	Key string
	Bucket
}

// HourColumns are office hours 7 to 17.
func (st *AttendanceStats) HourColumns() []Column {
	var out []Column
	for h := 7; h <= 17; h++ {
		out = append(out, Column{fmt.Sprintf("%02d", h), st.ByHour[h]})
	}
	return out
}

// WeekdayColumns are Monday to Friday.
func (st *AttendanceStats) WeekdayColumns() []Column {
	var out []Column
	for wd := time.Monday; wd <= time.Friday; wd++ {
		out = append(out, Column{strings.ToLower(wd.String()), st.ByWeekday[wd]})
	}
	return out
}

// DayColumns are the days of the month.
func (st *AttendanceStats) DayColumns() []Column {
	out := make([]Column, 31)
	for i, b := range st.ByDay {
		out[i] = Column{fmt.Sprint(i + 1), b}
	}
	return out
}
