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

func TestListCitizensSearchesNamesWithÆØÅAndBirthDates(t *testing.T) {
	s := newTestStore(t)
	ids := map[string]int64{}
	for _, c := range []struct {
		name, cpr string
		track     TrackID
		status    Status
	}{
		{"Søren Ærø", "120385-4321", TrackIntensive, StatusActive},
		{"Åse Lund", "", TrackEducation, StatusActive},
		{"Bjørn Madsen", "010190-1234", TrackLongterm, StatusInJob},
		{"Peter 100%_Hansen", "", TrackNone, StatusActive},
	} {
		c := makeCitizen(t, s, func(x *Citizen) { x.Name, x.CPR, x.Track, x.Status = c.name, CPR(c.cpr), c.track, c.status })
		ids[c.Name] = c.ID
	}
	check := func(f CitizenFilter, want ...string) {
		t.Helper()
		rows, err := s.ListCitizens(f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.Name)
			if strings.Contains(r.Masked, "4321") || strings.Contains(r.Masked, "1234") {
				t.Errorf("list row shows the CPR sequence: %q", r.Masked)
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%+v: got %v, want %v", f, got, want)
		}
	}
	check(CitizenFilter{Query: "ærø", AnyTrack: true}, "Søren Ærø")
	check(CitizenFilter{Query: "ÅSE", AnyTrack: true}, "Åse Lund")
	check(CitizenFilter{Query: "120385", AnyTrack: true}, "Søren Ærø")
	check(CitizenFilter{Query: "120385-xxxx", AnyTrack: true}, "Søren Ærø")
	check(CitizenFilter{Query: "4321", AnyTrack: true}) // never by the sequence digits
	check(CitizenFilter{Query: "100%_", AnyTrack: true}, "Peter 100%_Hansen")
	check(CitizenFilter{Query: "%", AnyTrack: true}, "Peter 100%_Hansen")
	check(CitizenFilter{Track: TrackLongterm}, "Bjørn Madsen")
	check(CitizenFilter{Track: TrackNone}, "Peter 100%_Hansen")
	check(CitizenFilter{AnyTrack: true, Status: StatusActive}, "Peter 100%_Hansen", "Søren Ærø", "Åse Lund")
}

func TestNamesSortInDanishOrder(t *testing.T) {
	s := newTestStore(t)
	for _, n := range []string{"Åse Lund", "Øjvind Bak", "Zacho Holm", "Ærenlund Kim", "Anders And"} {
		makeCitizen(t, s, func(c *Citizen) { c.Name = n })
	}
	rows, _ := s.ListCitizens(CitizenFilter{AnyTrack: true})
	var got []string
	for _, r := range rows {
		got = append(got, r.Name)
	}
	if strings.Join(got, ",") != "Anders And,Zacho Holm,Ærenlund Kim,Øjvind Bak,Åse Lund" {
		t.Fatalf("order = %v, want a–z, then æ, ø, å", got)
	}
	if rows, _ := s.ListCitizens(CitizenFilter{Query: "ØJV", AnyTrack: true}); len(rows) != 1 {
		t.Fatal("search by Ø no longer finds the name")
	}
}
