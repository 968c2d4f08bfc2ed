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

func (b *Bucket) Add(a Attendance, n int) {
	if a == AttendanceOfficeCancelled || a == AttendancePlanned {
		return // called off by the office, or not yet marked: not the citizen's attendance
	}
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
