package store

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/testutil"
)

// The benchmarks share one database of 10,000 demo citizens, one of whom
// has 200 conversations; it is built once per run.
var (
	benchOnce  sync.Once
	benchStore *Store
	benchBusy  int64
	benchDir   string
	benchErr   error
	benchNow   = time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local)
)

func TestMain(m *testing.M) {
	if err := model.SetTexts(assets.DanishTexts); err != nil {
		panic(err)
	}
	// The heads kept outside the data folder go to a folder of the test's
	// own, shared with the kill tests' children (which inherit it).
	kept, mine := os.Getenv("JOBSPOR_TEST_KEPT"), false
	if kept == "" {
		dir, err := os.MkdirTemp("", "jobspor-kept-")
		if err != nil {
			panic(err)
		}
		kept, mine = dir, true
		os.Setenv("JOBSPOR_TEST_KEPT", kept)
	}
	keptHeadDir = func() (string, error) { return kept, nil }
	code := m.Run()
	if mine {
		os.RemoveAll(kept)
	}
	if benchStore != nil {
		benchStore.Close()
		os.RemoveAll(benchDir)
	}
	if big50kStore != nil {
		big50kStore.Close()
	}
	if big50kDir != "" {
		os.RemoveAll(big50kDir) // 600 MB: not left in the temp folder after every run
	}
	os.Exit(code)
}

func benchData(b *testing.B) (*Store, *model.Guide) {
	b.Helper()
	g := loadGuide(b)
	benchOnce.Do(func() { benchErr = buildBenchData(g) })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	b.ResetTimer()
	return benchStore, g
}

func buildBenchData(g *model.Guide) error {
	dir, err := os.MkdirTemp("", "jobspor-bench")
	if err != nil {
		return err
	}
	benchDir = dir
	if benchStore, err = Open(filepath.Join(dir, "bench.db")); err != nil {
		return err
	}
	if data, err := os.ReadFile("../../../shared/data/postnumre.csv"); err == nil {
		rows, err := model.ParsePostcodes(data)
		if err != nil {
			return err
		}
		if _, err := benchStore.ImportPostcodes(rows, false); err != nil {
			return err
		}
	}
	if _, err := benchStore.SeedDemo(g, model.DemoOptions{Citizens: 10000, Seed: 42, Today: benchNow, Reception: benchContent().Reception, Catalogue: benchContent().Catalogue, Jobs: 5000, Caseworkers: 20}); err != nil {
		return err
	}
	rows, err := benchStore.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		return err
	}
	benchBusy = rows[len(rows)/2].ID
	if err := addConversations(benchStore, benchBusy, 200); err != nil {
		return err
	}
	return topUpConversations(benchStore, 200000)
}

// topUpConversations adds generated past conversations until there are n,
// spread over citizens, weekdays 8–15 and the last 8 months.
func topUpConversations(s *Store, n int) error {
	var have int
	if err := s.db.QueryRow(`SELECT count(*) FROM conversations`).Scan(&have); err != nil {
		return err
	}
	_, err := s.db.Exec(`
		WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
		INSERT INTO conversations (citizen_id, start, end, kind, form, attendance, created_at, updated_at)
		SELECT 1 + (i * 7919) % (SELECT count(*) FROM citizens),
			strftime('%Y-%m-%dT', date(?, '-' || (i % 240) || ' days')) || printf('%02d:%02d', 8 + i % 8, 15 * (i % 4)),
			strftime('%Y-%m-%dT', date(?, '-' || (i % 240) || ' days')) || printf('%02d:%02d', 8 + i % 8, 15 * (i % 4) + 14),
			'job', 'in_person', CASE WHEN i % 9 = 0 THEN 'no_show' WHEN i % 13 = 0 THEN 'cancelled' ELSE 'held' END, '', ''
		FROM seq`, n-have, benchNow.Format(model.DateLayout), benchNow.Format(model.DateLayout))
	return err
}

// addConversations gives one citizen n conversations, a week apart.
func addConversations(s *Store, id int64, n int) error {
	start := benchNow.AddDate(0, 0, -7*n)
	for i := 0; i < n; i++ {
		c := &model.Conversation{CitizenID: id, Start: start.AddDate(0, 0, 7*i), Kind: model.KindJob, Form: model.FormInPerson,
			Attendance: model.AttendanceHeld, Agreements: "Søger to lagerjob"}
		c.End = c.Start.Add(45 * time.Minute)
		if err := s.PlanConversation(c); err != nil {
			return err
		}
	}
	return nil
}

func BenchmarkListCitizensSearch10k(b *testing.B) {
	s, _ := benchData(b)
	for i := 0; i < b.N; i++ {
		if _, err := s.ListCitizens(model.CitizenFilter{Query: "sør", AnyTrack: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCaseload10k(b *testing.B) {
	s, g := benchData(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.Caseload(g, benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFilterCaseload10k(b *testing.B) {
	s, g := benchData(b)
	rows, _ := s.Caseload(g, benchNow)
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		got := model.FilterCaseload(rows, model.CaseFilter{Query: "sør", AnyTrack: true, Status: model.StatusActive})
		model.SortCaseload(got, model.SortByNext, false)
	}
}

// BenchmarkCitizenView200 is what opening a citizen reads: the record (audited),
// progress, the conversations (200) and the plan.
func BenchmarkCitizenView200(b *testing.B) {
	s, g := benchData(b)
	for i := 0; i < b.N; i++ {
		if _, err := s.ViewCitizen(benchBusy); err != nil {
			b.Fatal(err)
		}
		s.ProgressFor(benchBusy)
		if c, _ := s.Conversations(benchBusy); len(c) < 200 {
			b.Fatalf("%d conversations", len(c))
		}
		if _, err := s.Plan(g, benchBusy); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTickAction(b *testing.B) {
	s, _ := benchData(b)
	for i := 0; i < b.N; i++ {
		p := &model.Progress{CitizenID: benchBusy, ActionID: "intensive.concrete.1", Done: i%2 == 0, DoneOn: benchNow}
		if err := s.SaveProgress(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCaseRowFor(b *testing.B) {
	s, g := benchData(b)
	for i := 0; i < b.N; i++ {
		if _, err := s.CaseRowFor(g, benchNow, benchBusy); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkToday(b *testing.B) {
	s, _ := benchData(b)
	c := testutil.Content(b)
	b.ResetTimer()
	b.ReportAllocs()
	defer cpuPerOp(b)()
	for i := 0; i < b.N; i++ {
		if _, err := s.Today(c, benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompliance(b *testing.B) {
	s, _ := benchData(b)
	r := testutil.Content(b).Rules
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.Compliance(r, benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAttendanceCharts6Months(b *testing.B) {
	s, _ := benchData(b)
	for i := 0; i < b.N; i++ {
		if _, err := s.Attendance(benchNow.AddDate(0, -6, 0), benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkToday1k is Today for a small office: 1,000 citizens and 20,000
// conversations (the product's a-kasse and small job-centre case).
func BenchmarkToday1k(b *testing.B) {
	g := loadGuide(b)
	s := newTestStore(b)
	c := testutil.Content(b)
	if _, err := s.SeedDemo(g, model.DemoOptions{Citizens: 1000, Seed: 7, Today: benchNow, Reception: c.Reception}); err != nil {
		b.Fatal(err)
	}
	if err := topUpConversations(s, 20000); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Today(c, benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

func benchContent() *model.Content {
	c, _ := model.LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	return c
}

// BenchmarkMatchCitizen: all fitting openings (of 5,000) for one citizen.
func BenchmarkMatchCitizen(b *testing.B) {
	s, _ := benchData(b)
	for i := 0; i < b.N; i++ {
		if _, err := s.MatchCitizen(benchBusy, benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchJob: all citizens (of 10,000) whose goals fit one opening.
func BenchmarkMatchJob(b *testing.B) {
	s, _ := benchData(b)
	var id int64
	s.db.QueryRow(`SELECT id FROM jobs WHERE code = '941210' LIMIT 1`).Scan(&id)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.MatchJob(id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTodayRead is Today with both figures for one caseworker at
// 10,000 citizens (what the window reads whole): one read of the office's
// cases feeds the figures and "kræver snart".
func BenchmarkTodayRead(b *testing.B) {
	s, _ := benchData(b)
	c := benchContent()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.TodayRead(c, benchNow, model.Mine("MK")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTodayAfterOneChange is what Today reads and works out after a
// change to one citizen at 10,000: the citizen's lines and case re-read,
// put in place, and both figures worked out from the kept cases.
func BenchmarkTodayAfterOneChange(b *testing.B) {
	s, _ := benchData(b)
	c := benchContent()
	kept, err := s.TodayRead(c, benchNow, model.Mine("MK"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p, err := s.TodayCitizen(c, benchNow, model.Mine("MK"), benchBusy)
		if err != nil {
			b.Fatal(err)
		}
		kept.Replace(p, c.Rules, benchNow)
	}
}
