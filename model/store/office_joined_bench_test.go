package store

import (
	"path/filepath"
	"testing"
	"time"

	"jobspor/model"
)

// What the window asks after every write to know whether the laptop is in
// an office: the whole status (changes waiting, conflicts, citizens
// counted) against the one flag. A joined laptop of 5,000 citizens with
// 200 changes waiting.
func BenchmarkInAnOffice(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "joined.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return benchNow }
	if _, err := s.SeedDemo(loadGuide(b), model.DemoOptions{Citizens: 5000, Seed: 7, Today: benchNow,
		Reception: benchContent().Reception, Catalogue: benchContent().Catalogue, Caseworkers: 10}); err != nil {
		b.Fatal(err)
	}
	must(b, s.JoinOffice("postgres://kontor", "ab", "device-1"))
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	must(b, err)
	for _, r := range rows[:200] {
		c, err := s.Citizen(r.ID)
		must(b, err)
		c.Phone = "12 34 56 78"
		must(b, s.UpdateCitizen(c))
	}
	b.Run("Status", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if st, err := s.OfficeStatus(); err != nil || !st.Configured || st.Pending < 200 {
				b.Fatalf("%+v %v", st, err)
			}
		}
	})
	b.Run("Joined", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if in, err := s.OfficeJoined(); err != nil || !in {
				b.Fatal(in, err)
			}
		}
	})
}
