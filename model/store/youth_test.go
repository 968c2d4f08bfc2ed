package store

import (
	"errors"
	"testing"
	"time"

	"jobspor/model"
)

// TestYouthFlags: on 24 November 2026, 24 and unskilled goes to KUI, 27 and
// unskilled to education guidance (the KUI act covers under-25s only), 27
// and skilled is not flagged, and a citizen with only a birth date (20,
// unskilled) is flagged too.
func TestYouthFlags(t *testing.T) {
	s := newTestStore(t)
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	young := func(name, cpr string, born string, edu model.Education) {
		makeCitizen(t, s, func(c *model.Citizen) {
			c.Name, c.CPR, c.Education, c.FirstContact = name, model.CPR(cpr), edu, day("2026-11-24")
			if born != "" {
				c.BirthDate = day(born)
			}
		})
	}
	young("Anna 24", "150302-4123", "", model.EducationUnskilled)
	young("Bo 27", "100699-1235", "", model.EducationUnskilled)
	young("Cai 27 faglært", "100699-2347", "", model.EducationSkilled)
	young("Dina uden CPR", "", "2006-05-01", model.EducationUnskilled)
	rows, err := s.YouthToRefer(now)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.YouthRow{}
	for _, r := range rows {
		got[r.Name] = r
	}
	want := map[string]model.YouthKind{"Anna 24": model.YouthKUI, "Bo 27": model.YouthGuidance, "Dina uden CPR": model.YouthKUI}
	if len(got) != len(want) {
		t.Fatalf("flagged %v, want %v", got, want)
	}
	for name, kind := range want {
		if r, ok := got[name]; !ok || r.Kind != kind {
			t.Errorf("%s: %+v, want flagged %s", name, r, kind)
		}
	}
	if got["Dina uden CPR"].Age != 20 || got["Bo 27"].Age != 27 {
		t.Errorf("ages: %+v", got)
	}
}

// TestBirthDateMustMatchCPR: a typed birth date that contradicts the CPR
// number is refused.
func TestBirthDateMustMatchCPR(t *testing.T) {
	c := validCitizen()
	c.CPR, c.BirthDate = "150302-4123", day("2002-03-16")
	var v *model.ValidationError
	if err := c.ValidateOn(time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)); !errors.As(err, &v) {
		t.Fatalf("validate = %v", err)
	}
	if _, ok := v.Problem("birth_date"); !ok {
		t.Errorf("no birth_date problem in %v", v)
	}
}
