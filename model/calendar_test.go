package model

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	d, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDanishPublicHolidays2023To2027(t *testing.T) {
	w := NewWorkCalendar(Closures{})
	closed := []string{
		"2023-05-05", // Store bededag, its last year
		"2024-03-28", "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20", "2024-12-25", "2024-12-26",
		"2025-01-01", "2025-04-17", "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09",
		"2026-04-02", "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25", "2026-12-25",
		"2027-01-01", "2027-03-25", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17",
	}
	for _, d := range closed {
		if w.IsWorkday(day(d)) {
			t.Errorf("%s counted as a working day", d)
		}
	}
	open := []string{
		"2024-04-26", // would have been Store bededag: abolished from 2024
		"2026-05-01", // fourth Friday after Easter 2026: open
		"2026-06-05", // Grundlovsdag: open unless the office closes
		"2026-12-24", "2026-12-31", "2026-04-07", "2027-03-24",
	}
	for _, d := range open {
		if !w.IsWorkday(day(d)) {
			t.Errorf("%s counted as closed", d)
		}
	}
}

func TestOfficeClosuresAreOptional(t *testing.T) {
	w := NewWorkCalendar(Closures{Grundlovsdag: true, ChristmasEve: true, NewYearsEve: true, Extra: []time.Time{day("2026-11-27")}})
	for _, d := range []string{"2026-06-05", "2026-12-24", "2026-12-31", "2026-11-27"} {
		if w.IsWorkday(day(d)) {
			t.Errorf("%s should be closed by the office's choice", d)
		}
	}
}

func TestWorkingDayArithmetic(t *testing.T) {
	w := NewWorkCalendar(Closures{ChristmasEve: true, NewYearsEve: true})
	cases := []struct {
		start string
		n     int
		want  string
	}{
		{"2026-11-20", 1, "2026-11-20"}, // a Friday is day 1
		{"2026-11-20", 2, "2026-11-23"}, // day 2 is Monday
		{"2026-11-20", 6, "2026-11-27"},
		{"2026-11-21", 1, "2026-11-23"},  // Saturday contact: day 1 is Monday
		{"2026-03-30", 6, "2026-04-09"},  // across Easter 2026 (2, 3 and 6 April closed)
		{"2027-03-22", 10, "2027-04-07"}, // across Easter 2027 (25, 26, 29 March closed)
		{"2026-12-21", 6, "2026-12-30"},  // Christmas: 24-26 December closed
		{"2026-12-21", 7, "2027-01-04"},  // New Year: 31 December and 1 January closed
	}
	for _, c := range cases {
		if got := w.WorkingDay(day(c.start), c.n).Format(DateLayout); got != c.want {
			t.Errorf("working day %d from %s = %s, want %s", c.n, c.start, got, c.want)
		}
	}
}
