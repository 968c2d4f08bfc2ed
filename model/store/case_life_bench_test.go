package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"jobspor/model"
)

// BenchmarkTodayOneCaseworker is Today for one of the 20 caseworkers at
// 10,000 citizens and 200,000 conversations: the office's day narrowed to
// their citizens in SQL.
func BenchmarkTodayOneCaseworker(b *testing.B) {
	s, _ := benchData(b)
	c := benchContent()
	b.ReportAllocs()
	defer perCitizen(b, s, "MK")()
	for i := 0; i < b.N; i++ {
		v, err := s.TodayFor(c, benchNow, model.Mine("MK"))
		if err != nil {
			b.Fatal(err)
		}
		if len(v.Conversations) == 0 && i == 0 {
			b.Log("MK has no conversations today")
		}
	}
}

// BenchmarkCaseloadOneCaseworker reads one caseworker's caseload, every
// query narrowed to their citizens in SQL (CaseloadFor).
func BenchmarkCaseloadOneCaseworker(b *testing.B) {
	s, g := benchData(b)
	b.ReportAllocs()
	defer perCitizen(b, s, "MK")()
	for i := 0; i < b.N; i++ {
		rows, err := s.CaseloadFor(g, benchNow, model.Mine("MK"))
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) == 0 {
			b.Fatal("MK has no citizens")
		}
	}
}

// BenchmarkFilterCaseloadOneCaseworker is the in-memory filter alone (what
// switching caseworker in the caseload costs once it is read).
func BenchmarkFilterCaseloadOneCaseworker(b *testing.B) {
	s, g := benchData(b)
	rows, err := s.Caseload(g, benchNow)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		model.FilterCaseload(rows, model.CaseFilter{AnyTrack: true, Status: model.StatusActive, Scope: model.Mine("MK")})
	}
}

// BenchmarkPurge1000 deletes 1,000 closed cases (of 3,000 demo citizens,
// with their conversations, notes and audit) in one purge.
func BenchmarkPurge1000(b *testing.B) {
	g := loadGuide(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := purgeFixture(b, g, i)
		b.StartTimer()
		res, err := s.Purge(nil, benchNow, false)
		b.StopTimer()
		if err != nil || res.Citizens != 1000 {
			b.Fatalf("purged %d (%v), want 1000", res.Citizens, err)
		}
		s.Close()
		b.StartTimer()
	}
}

// purgeFixture is 3,000 demo citizens, 1,000 of them closed two years ago.
func purgeFixture(b *testing.B, g *model.Guide, i int) *Store {
	s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("purge%d.db", i)))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.SeedDemo(g, model.DemoOptions{Citizens: 3000, Seed: 5, Today: benchNow}); err != nil {
		b.Fatal(err)
	}
	closed := benchNow.AddDate(-2, 0, 0).Format(model.DateLayout)
	for _, q := range []string{
		`DELETE FROM case_closings`,
		`UPDATE citizens SET status = 'active'`,
		`UPDATE citizens SET status = 'closed', first_contact = '2024-01-01' WHERE id <= 1000`,
		`INSERT INTO case_closings (citizen_id, closed_on, reason, closed_by, closed_at)
			SELECT id, '` + closed + `', 'other', 'bench', '` + closed + `T12:00:00Z' FROM citizens WHERE id <= 1000`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// cpuPerOp reports the processor time per operation (cpu-ms/op) when the
// returned func is called at the benchmark's end: on a machine shared with
// other work it moves less than the wall clock.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

// perCitizen reports, besides cpuPerOp's figure, the processor time per
// citizen of the caseworker's (cpu-µs/citizen): the offices of 10,000 and
// 50,000 give MK about as many citizens, not exactly as many.
func perCitizen(b *testing.B, s *Store, caseworker string) func() {
	b.Helper()
	theirs, err := s.CitizensOf(caseworker)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start, perOp := cpuTime(), cpuPerOp(b)
	return func() {
		perOp()
		b.ReportMetric(float64(len(theirs)), "citizens")
		b.ReportMetric(float64((cpuTime()-start).Microseconds())/float64(b.N)/float64(len(theirs)), "cpu-µs/citizen")
	}
}
