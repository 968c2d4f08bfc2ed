package model

import (
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/dk"
)

// Closures are the days an office may close beyond the public holidays.
type Closures struct {
	Grundlovsdag bool        `json:"grundlovsdag"`
	ChristmasEve bool        `json:"christmas_eve"`
	NewYearsEve  bool        `json:"new_years_eve"`
	Extra        []time.Time `json:"extra"`
}

// WorkCalendar knows the office's working days: Monday to Friday except
// Danish public holidays (from github.com/rickar/cal/v2/dk, Easter-based ones
// and Store bededag up to 2023 included) and the days the office closes.
type WorkCalendar struct {
	cal      *cal.Calendar
	closures Closures
	mu       sync.Mutex
	closed   map[int64]bool // by day (Unix days of the date): Holiday's answer, worked out once
}

// NewWorkCalendar builds the calendar for an office's closures.
func NewWorkCalendar(c Closures) *WorkCalendar {
	w := &WorkCalendar{cal: &cal.Calendar{}, closures: c}
	for _, h := range dk.Holidays {
		if h != dk.Grundlovsdag {
			w.cal.AddHoliday(h)
		}
	}
	return w
}

// Holiday names the public holiday or office closure on day, if any.
func (w *WorkCalendar) Holiday(day time.Time) (string, bool) {
	d := DateOnly(day)
	if actual, _, h := w.cal.IsHoliday(d); actual {
		return h.Name, true
	}
	return w.closure(d)
}

func (w *WorkCalendar) closure(d time.Time) (string, bool) {
	m, day := d.Month(), d.Day()
	switch {
	case w.closures.Grundlovsdag && m == time.June && day == 5:
		return "Grundlovsdag", true
	case w.closures.ChristmasEve && m == time.December && day == 24:
		return "Juleaftensdag", true
	case w.closures.NewYearsEve && m == time.December && day == 31:
		return "Nytårsaftensdag", true
	}
	for _, x := range w.closures.Extra {
		if DateOnly(x).Equal(d) {
			return "Lukket", true
		}
	}
	return "", false
}

// IsWorkday reports whether the office is open on day.
func (w *WorkCalendar) IsWorkday(day time.Time) bool {
	if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	d := DateOnly(day)
	key := d.Unix() / 86400
	w.mu.Lock()
	closed, ok := w.closed[key]
	w.mu.Unlock()
	if !ok {
		_, closed = w.Holiday(d)
		w.mu.Lock()
		if w.closed == nil {
			w.closed = map[int64]bool{}
		}
		w.closed[key] = closed
		w.mu.Unlock()
	}
	return !closed
}

// NextWorkday returns day itself if it is a working day, else the next one.
func (w *WorkCalendar) NextWorkday(day time.Time) time.Time {
	d := DateOnly(day)
	for !w.IsWorkday(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// WorkingDay returns the date of working day n (n ≥ 1) counted from start:
// day 1 is start itself when the office is open, else the next open day.
func (w *WorkCalendar) WorkingDay(start time.Time, n int) time.Time {
	d := w.NextWorkday(start)
	for i := 1; i < n; i++ {
		d = w.NextWorkday(d.AddDate(0, 0, 1))
	}
	return d
}

// WorkingDays returns working days 1 to n (n ≥ 1) counted from start:
// element k-1 is WorkingDay(start, k).
func (w *WorkCalendar) WorkingDays(start time.Time, n int) []time.Time {
	days := make([]time.Time, max(n, 1))
	days[0] = w.NextWorkday(start)
	for i := 1; i < len(days); i++ {
		days[i] = w.NextWorkday(days[i-1].AddDate(0, 0, 1))
	}
	return days
}

// DateOnly drops the clock, keeping the calendar date as a UTC midnight:
// the form stored dates (DateLayout) are read in and compared as. For the
// office's local day (day boundaries of wall-clock times) use Day.
func DateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
