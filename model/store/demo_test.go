package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"jobspor/model"
)

var demoToday = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func seed(t testing.TB, n int, seedValue int64) *Store {
	t.Helper()
	s := newTestStore(t)
	if _, err := s.SeedDemo(loadGuide(t), model.DemoOptions{Citizens: n, Seed: seedValue, Today: demoToday}); err != nil {
		t.Fatalf("seed demo: %v", err)
	}
	return s
}

func demoPeople(t *testing.T, s *Store) []string {
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		c, _ := s.Citizen(r.ID)
		out = append(out, c.Name+"/"+string(c.CPR)+"/"+c.FirstContact.Format(model.DateLayout))
	}
	return out
}

func TestDemoIsDeterministicPerSeed(t *testing.T) {
	a, b, c := seed(t, 60, 7), seed(t, 60, 7), seed(t, 60, 8)
	pa, pb, pc := demoPeople(t, a), demoPeople(t, b), demoPeople(t, c)
	if strings.Join(pa, "|") != strings.Join(pb, "|") {
		t.Fatal("the same seed gave different citizens")
	}
	if strings.Join(pa, "|") == strings.Join(pc, "|") {
		t.Fatal("different seeds gave the same citizens")
	}
}

func TestDemoCoversEveryTrackAndStatusWithValidData(t *testing.T) {
	s := seed(t, 500, 1)
	rows, _ := s.Caseload(loadGuide(t), demoToday.Add(12*time.Hour))
	tracks, statuses, danish := map[model.TrackID]int{}, map[model.Status]int{}, 0
	for _, r := range rows {
		tracks[r.Track]++
		statuses[r.Status]++
		if strings.ContainsAny(r.Name, "æøåÆØÅ") {
			danish++
		}
		c, _ := s.Citizen(r.ID)
		if err := c.ValidateOn(demoToday); err != nil {
			t.Fatalf("demo citizen %q is invalid: %v", c.Name, err)
		}
		if c.CPR != "" {
			born, _ := c.CPR.BirthDate()
			if age, _ := c.CPR.AgeOn(demoToday); age < 18 || age > 65 || born.IsZero() {
				t.Errorf("%s: age %d from CPR %s", c.Name, age, c.CPR.Masked())
			}
		}
		prog, _ := s.ProgressFor(r.ID)
		for _, p := range prog {
			if p.DoneOn.Before(c.FirstContact) || p.DoneOn.After(demoToday) {
				t.Fatalf("%s: action %s done %s, outside %s..today", c.Name, p.ActionID, p.DoneOn.Format(model.DateLayout), c.FirstContact.Format(model.DateLayout))
			}
		}
	}
	for _, tr := range append([]model.TrackID{model.TrackNone}, model.Tracks...) {
		if tracks[tr] == 0 {
			t.Errorf("no demo citizen on track %q", tr)
		}
	}
	for _, st := range model.Statuses {
		if statuses[st] == 0 {
			t.Errorf("no demo citizen with status %q", st)
		}
	}
	if danish < 50 {
		t.Errorf("only %d of 500 names with æ, ø or å", danish)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check after demo: %v %v", problems, err)
	}
}

func TestDemoRefusesADatabaseWithCitizens(t *testing.T) {
	s := newTestStore(t)
	makeCitizen(t, s)
	_, err := s.SeedDemo(loadGuide(t), model.DemoOptions{Citizens: 5, Seed: 1, Today: demoToday})
	var u *model.UserError
	if !errors.As(err, &u) || u.Msg.Key != "error.demo.notempty" {
		t.Fatalf("demo into a used database: %v", err)
	}
	if n := countRows(t, s, "citizens"); n != 1 {
		t.Fatalf("%d citizens after a refused demo, want the 1 that was there", n)
	}
}

func BenchmarkSeedDemo10k(b *testing.B) {
	g := loadGuide(b)
	for i := 0; i < b.N; i++ {
		s := newTestStore(b)
		if _, err := s.SeedDemo(g, model.DemoOptions{Citizens: 10000, Seed: 1, Today: demoToday}); err != nil {
			b.Fatal(err)
		}
	}
}
