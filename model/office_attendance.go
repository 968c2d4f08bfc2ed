package model

import (
	"fmt"
	"time"
)

// AttendancePeriods are the periods the attendance charts offer, in months
// back from a day; a laptop in an office reports its caseworker's pattern
// for each of them.
var AttendancePeriods = []int{3, 6, 12}

// The kinds of an attendance report's slots.
const (
	SlotHour    = "hour"    // 0–23
	SlotWeekday = "weekday" // time.Weekday: Sunday 0
	SlotDay     = "day"     // day of the month minus one: 0–30
)

// AttendanceCount is one slot of an attendance report: the conversations
// marked in that hour of the day, weekday or day of the month over the
// period of Months, and the missed among them. Counts only: no names.
type AttendanceCount struct {
	Months int    `json:"months"`
	Kind   string `json:"kind"`
	Slot   int    `json:"slot"`
	Bucket
}

// AttendanceCounts are the slots of st with conversations, for a report
// of the period of months.
func AttendanceCounts(months int, st *AttendanceStats) []AttendanceCount {
	var out []AttendanceCount
	add := func(kind string, bs []Bucket) {
		for i, b := range bs {
			if b.Total > 0 {
				out = append(out, AttendanceCount{Months: months, Kind: kind, Slot: i, Bucket: b})
			}
		}
	}
	add(SlotHour, st.ByHour[:])
	add(SlotWeekday, st.ByWeekday[:])
	add(SlotDay, st.ByDay[:])
	return out
}

// OfficeAttendance is the office's attendance pattern as the server added
// it up from every caseworker's report (issue 26), and the office's
// conversations still planned on next week's days.
type OfficeAttendance struct {
	Counts []AttendanceCount `json:"counts"`
	// Caseworkers is how many caseworkers' reports the sums hold.
	Caseworkers int `json:"caseworkers"`
	// ComputedAt is when the server added them up; OldestReport the
	// oldest report in them.
	ComputedAt   time.Time `json:"computed_at"`
	OldestReport time.Time `json:"oldest_report"`
	// Planned are the office's planned conversations per day
	// (YYYY-MM-DD) in the week after the sync's day.
	Planned map[string]int `json:"planned"`
}

// Stats is the office's pattern over the period of months ending on to,
// as the window's charts show it, with next week's expected load.
func (a OfficeAttendance) Stats(months int, to time.Time) *AttendanceStats {
	st := &AttendanceStats{From: to.AddDate(0, -months, 0), To: to}
	for _, c := range a.Counts {
		if c.Months != months {
			continue
		}
		switch {
		case c.Kind == SlotHour && c.Slot >= 0 && c.Slot < len(st.ByHour):
			st.ByHour[c.Slot] = c.Bucket
			st.All.Total, st.All.Missed = st.All.Total+c.Total, st.All.Missed+c.Missed
		case c.Kind == SlotWeekday && c.Slot >= 0 && c.Slot < len(st.ByWeekday):
			st.ByWeekday[c.Slot] = c.Bucket
		case c.Kind == SlotDay && c.Slot >= 0 && c.Slot < len(st.ByDay):
			st.ByDay[c.Slot] = c.Bucket
		}
	}
	st.ExpectNextWeek(a.Planned)
	return st
}

// NextMonday is the first Monday on or after to's day: where next week starts.
func NextMonday(to time.Time) time.Time {
	monday := Day(to)
	for monday.Weekday() != time.Monday {
		monday = monday.AddDate(0, 0, 1)
	}
	return monday
}

// ExpectNextWeek fills NextWeek, Monday to Friday of the week after To:
// the conversations to expect from the weekday pattern over the period,
// those of them likely to come, and those planned (by day, YYYY-MM-DD).
func (st *AttendanceStats) ExpectNextWeek(planned map[string]int) {
	monday := NextMonday(st.To)
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
}

// countWeekday counts the days of a weekday in [from, to).
func countWeekday(from, to time.Time, wd time.Weekday) int {
	n := 0
	for d := DateOnly(from); d.Before(DateOnly(to)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == wd {
			n++
		}
	}
	return n
}

// String names a slot for messages and tests: "6 mdr. hour 09".
func (c AttendanceCount) String() string {
	return fmt.Sprintf("%d mdr. %s %02d: %d/%d", c.Months, c.Kind, c.Slot, c.Missed, c.Total)
}
