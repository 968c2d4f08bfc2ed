package model

import "time"

// Day is the office's local calendar day that t falls on: midnight at its
// start in the local time zone (Danish time on a caseworker's laptop).
// "Today", a chosen day and every day boundary in Jobspor come from Day;
// stored dates (DateLayout) are UTC midnights instead, see DateOnly.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}
