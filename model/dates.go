package model

import (
	"fmt"
	"time"
)

var (
	danishWeekdays = [...]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"}
	danishMonths   = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli",
		"august", "september", "oktober", "november", "december"}
)

// DanishDate writes a date as a citizen reads it: "mandag den 7. december 2026".
func DanishDate(t time.Time) string {
	return fmt.Sprintf("%s den %d. %s %d", danishWeekdays[t.Weekday()], t.Day(), danishMonths[t.Month()-1], t.Year())
}

// DanishDayMonth is the short form "7. december".
func DanishDayMonth(t time.Time) string {
	return fmt.Sprintf("%d. %s", t.Day(), danishMonths[t.Month()-1])
}

// DanishDateTime adds the clock: "mandag den 7. december 2026 kl. 10.00".
func DanishDateTime(t time.Time) string {
	return DanishDate(t) + " kl. " + t.Format("15.04")
}

// DanishWeekdayDate is "torsdag 19. november": a date within the coming weeks.
func DanishWeekdayDate(t time.Time) string {
	return danishWeekdays[t.Weekday()] + " " + DanishDayMonth(t)
}
