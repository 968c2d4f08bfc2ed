package store

import (
	"strings"
	"testing"

	"jobspor/model"
	"jobspor/model/testutil"
)

// validCitizen is a citizen that passes validation, for tests to vary.
func validCitizen() *model.Citizen { return testutil.Citizen() }

func TestListCitizensSearchesNamesWithÆØÅAndBirthDates(t *testing.T) {
	s := newTestStore(t)
	ids := map[string]int64{}
	for _, c := range []struct {
		name, cpr string
		track     model.TrackID
		status    model.Status
	}{
		{"Søren Ærø", "120385-4321", model.TrackIntensive, model.StatusActive},
		{"Åse Lund", "", model.TrackEducation, model.StatusActive},
		{"Bjørn Madsen", "010190-1234", model.TrackLongterm, model.StatusInJob},
		{"Peter 100%_Hansen", "", model.TrackNone, model.StatusActive},
	} {
		c := makeCitizen(t, s, func(x *model.Citizen) { x.Name, x.CPR, x.Track, x.Status = c.name, model.CPR(c.cpr), c.track, c.status })
		ids[c.Name] = c.ID
	}
	check := func(f model.CitizenFilter, want ...string) {
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
	check(model.CitizenFilter{Query: "ærø", AnyTrack: true}, "Søren Ærø")
	check(model.CitizenFilter{Query: "ÅSE", AnyTrack: true}, "Åse Lund")
	check(model.CitizenFilter{Query: "120385", AnyTrack: true}, "Søren Ærø")
	check(model.CitizenFilter{Query: "120385-xxxx", AnyTrack: true}, "Søren Ærø")
	check(model.CitizenFilter{Query: "4321", AnyTrack: true}) // never by the sequence digits
	check(model.CitizenFilter{Query: "100%_", AnyTrack: true}, "Peter 100%_Hansen")
	check(model.CitizenFilter{Query: "%", AnyTrack: true}, "Peter 100%_Hansen")
	check(model.CitizenFilter{Track: model.TrackLongterm}, "Bjørn Madsen")
	check(model.CitizenFilter{Track: model.TrackNone}, "Peter 100%_Hansen")
	check(model.CitizenFilter{AnyTrack: true, Status: model.StatusActive}, "Peter 100%_Hansen", "Søren Ærø", "Åse Lund")
}

func TestNamesSortInDanishOrder(t *testing.T) {
	s := newTestStore(t)
	for _, n := range []string{"Åse Lund", "Øjvind Bak", "Zacho Holm", "Ærenlund Kim", "Anders And"} {
		makeCitizen(t, s, func(c *model.Citizen) { c.Name = n })
	}
	rows, _ := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	var got []string
	for _, r := range rows {
		got = append(got, r.Name)
	}
	if strings.Join(got, ",") != "Anders And,Zacho Holm,Ærenlund Kim,Øjvind Bak,Åse Lund" {
		t.Fatalf("order = %v, want a–z, then æ, ø, å", got)
	}
	if rows, _ := s.ListCitizens(model.CitizenFilter{Query: "ØJV", AnyTrack: true}); len(rows) != 1 {
		t.Fatal("search by Ø no longer finds the name")
	}
}

// TestACorruptStoredTimeIsAnErrorNotAZeroDate: a date damaged in the file
// (by hand or by another program) is reported when the row is read, never
// shown as year 1.
func TestACorruptStoredTimeIsAnErrorNotAZeroDate(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	if _, err := s.db.Exec(`PRAGMA ignore_check_constraints = 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE citizens SET updated_at = '23-11-2026 kl. 9' WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Citizen(c.ID)
	if err == nil || !strings.Contains(err.Error(), `stored timestamp "23-11-2026 kl. 9" is corrupt`) {
		t.Fatalf("reading a citizen with a corrupt timestamp: %v; want an error naming the value", err)
	}
}
