package model

import (
	"testing"
	"time"
)

func TestParseCPRCenturyFromSeventhDigit(t *testing.T) {
	cases := []struct {
		in   string
		born string
	}{
		{"010190-1234", "1990-01-01"}, // 0-3: 1900s
		{"150337-0001", "1937-03-15"},
		{"010110-4234", "2010-01-01"}, // 4: 00-36 → 2000s
		{"010150-4234", "1950-01-01"}, // 4: 37-99 → 1900s
		{"010120-5234", "2020-01-01"}, // 5-8: 00-57 → 2000s
		{"010160-8234", "1860-01-01"}, // 5-8: 58-99 → 1800s
		{"310599-9234", "1999-05-31"}, // 9: 37-99 → 1900s
		{"010105-9234", "2005-01-01"}, // 9: 00-36 → 2000s
		{"290200-4123", "2000-02-29"}, // 2000 is a leap year
		{"0101901234", "1990-01-01"},  // without dash
		{" 010190-1234 ", "1990-01-01"},
	}
	for _, c := range cases {
		cpr, err := ParseCPR(c.in)
		if err != nil {
			t.Errorf("ParseCPR(%q): %v", c.in, err)
			continue
		}
		born, _ := cpr.BirthDate()
		if got := born.Format(DateLayout); got != c.born {
			t.Errorf("ParseCPR(%q) born %s, want %s", c.in, got, c.born)
		}
	}
}

func TestParseCPRRejectsImpossibleNumbers(t *testing.T) {
	for _, in := range []string{
		"310490-1234",  // 31 April
		"290200-0123",  // 29 Feb 1900: not a leap year
		"320190-1234",  // day 32
		"011390-1234",  // month 13
		"000190-1234",  // day 0
		"01019-12345",  // dash in the wrong place
		"010190-123",   // too short
		"010190-12345", // too long
		"01O190-1234",  // letter O
		"010190--1234",
	} {
		if _, err := ParseCPR(in); err == nil {
			t.Errorf("ParseCPR(%q) accepted an impossible number", in)
		}
	}
}

// mod11 is the old check-digit rule; Jobspor must not apply it.
func mod11(c CPR) bool {
	w := []int{4, 3, 2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i, r := range c {
		sum += int(r-'0') * w[i]
	}
	return sum%11 == 0
}

func TestParseCPRAcceptsNumbersFailingModulus11(t *testing.T) {
	const in = "010190-1235"
	if mod11(CPR("0101901235")) {
		t.Fatalf("test number %s passes modulus 11; pick one that fails", in)
	}
	if _, err := ParseCPR(in); err != nil {
		t.Fatalf("a valid number without check digit was rejected: %v", err)
	}
}

func TestCPRMaskedNeverShowsSequence(t *testing.T) {
	c, _ := ParseCPR("120385-4321")
	if got := c.Masked(); got != "120385-xxxx" {
		t.Fatalf("Masked = %q", got)
	}
	if got := c.Formatted(); got != "120385-4321" {
		t.Fatalf("Formatted = %q", got)
	}
	if CPR("").Masked() != "" {
		t.Fatal("an empty CPR must mask to nothing")
	}
}

func TestCPRAgeOnBirthday(t *testing.T) {
	c, _ := ParseCPR("221104-4123") // born 22 Nov 2004
	day := func(s string) time.Time { d, _ := time.Parse(DateLayout, s); return d }
	if a, _ := c.AgeOn(day("2026-11-21")); a != 21 {
		t.Errorf("age the day before the 22nd birthday = %d, want 21", a)
	}
	if a, _ := c.AgeOn(day("2026-11-22")); a != 22 {
		t.Errorf("age on the 22nd birthday = %d, want 22", a)
	}
}
