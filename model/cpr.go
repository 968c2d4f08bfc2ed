package model

import (
	"strings"
	"time"
)

// CPR is a Danish personal identification number held as its ten digits.
// The empty CPR means "not given".
type CPR string

// ParseCPR accepts "DDMMYYSSSS" or "DDMMYY-SSSS" (spaces trimmed) and checks
// format and date. It never checks modulus 11: numbers issued since 2007
// may lack the check digit.
func ParseCPR(s string) (CPR, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	digits := s
	if len(s) == 11 && s[6] == '-' {
		digits = s[:6] + s[7:]
	}
	if len(digits) != 10 || !AllDigits(digits) {
		return "", NewUserError("error.cpr.format", nil)
	}
	c := CPR(digits)
	if _, ok := c.birthDate(); !ok {
		return "", NewUserError("error.cpr.date", nil)
	}
	return c, nil
}

func AllDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Masked shows the birth date part only: "DDMMYY-xxxx".
func (c CPR) Masked() string {
	if len(c) != 10 {
		return ""
	}
	return string(c[:6]) + "-xxxx"
}

// Formatted shows the full number as "DDMMYY-SSSS". Use only on deliberate reveal.
func (c CPR) Formatted() string {
	if len(c) != 10 {
		return ""
	}
	return string(c[:6]) + "-" + string(c[6:])
}

// BirthDate derives the date of birth; ok is false for an empty CPR.
func (c CPR) BirthDate() (time.Time, bool) {
	if len(c) != 10 {
		return time.Time{}, false
	}
	return c.birthDate()
}

// birthDate applies the CPR office's century table to the 7th digit.
func (c CPR) birthDate() (time.Time, bool) {
	n := func(i, j int) int {
		v := 0
		for _, r := range c[i:j] {
			v = v*10 + int(r-'0')
		}
		return v
	}
	day, month, yy, d7 := n(0, 2), n(2, 4), n(4, 6), n(6, 7)
	year := 1900 + yy
	switch {
	case d7 == 4 || d7 == 9:
		if yy <= 36 {
			year = 2000 + yy
		}
	case d7 >= 5 && d7 <= 8:
		if yy <= 57 {
			year = 2000 + yy
		} else {
			year = 1800 + yy
		}
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || int(t.Month()) != month || t.Year() != year {
		return time.Time{}, false
	}
	return t, true
}

// AgeOn returns the age in whole years on the given day; ok is false without a CPR.
func (c CPR) AgeOn(day time.Time) (int, bool) {
	born, ok := c.BirthDate()
	if !ok {
		return 0, false
	}
	return yearsBetween(born, day), true
}

// yearsBetween is the age in whole years on day of someone born on born.
func yearsBetween(born, day time.Time) int {
	age := day.Year() - born.Year()
	if day.Month() < born.Month() || (day.Month() == born.Month() && day.Day() < born.Day()) {
		age--
	}
	return age
}
