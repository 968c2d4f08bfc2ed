package model

import (
	"errors"
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
	if err := c.ValidateOn(time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)); err != nil {
		t.Fatalf("notes of exactly %d characters refused: %v", MaxNotesLen, err)
	}
	c.Notes += "ø"
	if err := c.ValidateOn(time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)); err == nil {
		t.Fatalf("notes of %d characters accepted", MaxNotesLen+1)
	}
	c = validCitizen()
	c.Name = strings.Repeat("Å", MaxNameLen+1)
	if err := c.ValidateOn(time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)); err == nil {
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

// TestAgeAndBenefitAreChecked: a CPR number giving 125 years or a birth in
// the future is refused (the 7th digit gives the century), and
// uddannelseshjælp only goes to under-30s without a qualifying education
// (the age from the CPR number, else from the typed birth date).
func TestAgeAndBenefitAreChecked(t *testing.T) {
	today := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		cpr       string
		benefit   Benefit
		education Education
		field     string // "" when valid
	}{
		{"125 years (7th digit 0 puts 1901 in the 1900s)", "0101010123", BenefitDagpenge, EducationSkilled, "cpr"},
		{"born next year", "0101274123", BenefitDagpenge, EducationSkilled, "cpr"},
		{"14 years old", "0101124123", BenefitDagpenge, EducationUnskilled, "cpr"},
		{"66, higher education, uddannelseshjælp", "0101601234", BenefitUddannelseshjaelp, EducationHigher, "benefit"},
		{"42, unskilled, uddannelseshjælp", "0101841234", BenefitUddannelseshjaelp, EducationUnskilled, "benefit"},
		{"24, skilled, uddannelseshjælp", "0101024123", BenefitUddannelseshjaelp, EducationSkilled, "benefit"},
		{"24, unskilled, uddannelseshjælp", "0101024123", BenefitUddannelseshjaelp, EducationUnskilled, ""},
		{"80 years old", "0101464123", BenefitOther, EducationSkilled, ""},
		{"no modulus 11 check digit", "0101901230", BenefitKontanthjaelp, EducationSkilled, ""},
		// Without a CPR number the typed birth date gives the age.
		{"born 1984, no CPR, unskilled, uddannelseshjælp", "born 1984-01-01", BenefitUddannelseshjaelp, EducationUnskilled, "benefit"},
		{"born 2002, no CPR, unskilled, uddannelseshjælp", "born 2002-01-01", BenefitUddannelseshjaelp, EducationUnskilled, ""},
	}
	for _, tc := range cases {
		c := &Citizen{Name: "Test", CPR: CPR(tc.cpr), Benefit: tc.benefit, Education: tc.education,
			Status: StatusActive, FirstContact: today}
		if born, ok := strings.CutPrefix(tc.cpr, "born "); ok {
			c.CPR, c.BirthDate = "", mustDay(t, born)
		}
		err := c.ValidateOn(today)
		var v *ValidationError
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: refused: %v", tc.name, err)
		case tc.field != "" && (!errors.As(err, &v) || !v.has(tc.field)):
			t.Errorf("%s: want a problem with %s, got %v", tc.name, tc.field, err)
		}
	}
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02", s, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestValidateOnlyValidates: validating changes nothing in the citizen;
// Normalize is the step that trims, writes the CPR number in its stored
// form and takes the first contact as Ledig siden when none is given.
func TestValidateOnlyValidates(t *testing.T) {
	c := validCitizen()
	c.Name, c.Phone, c.CPR, c.UnemployedSince = "  Søren Ærø ", " 20 30 40 50 ", "1203854321", time.Time{}
	before := *c
	if err := c.ValidateOn(time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)); err != nil {
		t.Fatalf("a citizen with spaces around the name was refused: %v", err)
	}
	if *c != before {
		t.Fatalf("ValidateOn changed the citizen:\n%+v\nwas\n%+v", *c, before)
	}
	c.Normalize()
	want, _ := ParseCPR("1203854321")
	if c.Name != "Søren Ærø" || c.Phone != "20 30 40 50" || c.CPR != want || !c.UnemployedSince.Equal(c.FirstContact) {
		t.Errorf("Normalize gave %q, %q, %q, ledig siden %v", c.Name, c.Phone, c.CPR, c.UnemployedSince)
	}
}
