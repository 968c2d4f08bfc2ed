package model

import (
	"strings"
	"testing"
	"time"
)

// validCitizen is a citizen that passes validation, for tests to vary.
func validCitizen() *Citizen {
	return &Citizen{Name: "Mette Kjær", Phone: "+45 22 33 44 55", Email: "mette@example.dk",
		Benefit: BenefitDagpenge, Education: EducationSkilled, Status: StatusActive,
		FirstContact: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)}
}

func TestCitizenValidationLimits(t *testing.T) {
	c := validCitizen()
	c.Notes = strings.Repeat("æ", MaxNotesLen) // counted in characters, not bytes
	if err := c.Validate(); err != nil {
		t.Fatalf("notes of exactly %d characters refused: %v", MaxNotesLen, err)
	}
	c.Notes += "ø"
	if err := c.Validate(); err == nil {
		t.Fatalf("notes of %d characters accepted", MaxNotesLen+1)
	}
	c = validCitizen()
	c.Name = strings.Repeat("Å", MaxNameLen+1)
	if err := c.Validate(); err == nil {
		t.Fatal("an over-long name was accepted")
	}
}

func TestParseDateAcceptsDanishAndISOForms(t *testing.T) {
	for _, in := range []string{"2026-12-07", "07-12-2026", "7-12-2026", "07.12.2026", "7/12/2026"} {
		d, err := ParseDate(in)
		if err != nil || d.Format(DateLayout) != "2026-12-07" {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, in := range []string{"31-02-2026", "2026-13-01", "i morgen", ""} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted a malformed date", in)
		}
	}
}
