package ui

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
)

var (
	benchOnce sync.Once
	benchPath string
	benchBusy int64
	benchErr  error
	benchNow  = time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local)
)

// benchUI opens a window on 10,000 demo citizens, one with 200 conversations.
func benchUI(b *testing.B) (*UI, *store.Store) {
	b.Helper()
	benchOnce.Do(func() { benchErr = buildBenchDB() })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	a := test.NewTempApp(b)
	store, err := store.Open(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	content, _ := model.LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	w := a.NewWindow("Jobspor")
	w.Resize(fyne.NewSize(1280, 800))
	u := New(a, w, store, content, &fakeHandouts{}, model.NewFixedClock(benchNow))
	closeAtEnd(b, u)
	u.caseload.load()
	if len(u.caseload.all) != 10000 {
		b.Fatalf("caseload holds %d citizens", len(u.caseload.all))
	}
	b.ResetTimer()
	return u, store
}

func buildBenchDB() error {
	dir, err := os.MkdirTemp("", "jobspor-uibench")
	if err != nil {
		return err
	}
	benchPath = filepath.Join(dir, "bench.db")
	s, err := store.Open(benchPath)
	if err != nil {
		return err
	}
	defer s.Close()
	g, _ := model.ParseGuide(assets.GuideJSON)
	if _, err := s.SeedDemo(g, model.DemoOptions{Citizens: 10000, Seed: 42, Today: benchNow}); err != nil {
		return err
	}
	rows, _ := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	benchBusy = rows[len(rows)/2].ID
	busy, err := s.Citizen(benchBusy)
	if err != nil {
		return err
	}
	busy.Notes = longNote(model.MaxNotesLen)
	if err := s.UpdateCitizen(busy); err != nil {
		return err
	}
	for i := 0; i < 200; i++ {
		start := benchNow.AddDate(0, 0, -7*(200-i))
		c := &model.Conversation{CitizenID: benchBusy, Start: start, End: start.Add(45 * time.Minute),
			Kind: model.KindJob, Form: model.FormInPerson, Attendance: model.AttendanceHeld}
		if err := s.PlanConversation(c); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkOpenCitizen200: open the busy citizen (header and overview with
// its 5,000-character note).
func BenchmarkOpenCitizen200(b *testing.B) {
	u, _ := benchUI(b)
	for i := 0; i < b.N; i++ {
		u.onOpenCitizen(benchBusy)
	}
}

// BenchmarkShowSections200: switch to the track's checklists, then to the
// list of 200 conversations, then to the plan.
func BenchmarkShowSections200(b *testing.B) {
	u, _ := benchUI(b)
	u.onOpenCitizen(benchBusy)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.citizen.nav.Select(sectionTrack)
		u.citizen.nav.Select(sectionConversations)
		u.citizen.nav.Select(sectionPlan)
	}
}

func BenchmarkTickActionInWindow(b *testing.B) {
	u, _ := benchUI(b)
	u.onOpenCitizen(benchBusy)
	u.citizen.nav.Select(sectionOpening)
	check := u.citizen.phases[0].rows[0].check
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		test.Tap(check)
	}
}

func BenchmarkFilterCaseloadInWindow10k(b *testing.B) {
	u, _ := benchUI(b)
	queries := []string{"sør", "ø", "120", "mette k", ""}
	for i := 0; i < b.N; i++ {
		u.caseload.search.SetText(queries[i%len(queries)])
	}
}

// BenchmarkEditCitizenLongNote: open the edit form of the busy citizen,
// whose note is 5,000 characters long.
func BenchmarkEditCitizenLongNote(b *testing.B) {
	u, _ := benchUI(b)
	u.onOpenCitizen(benchBusy)
	c := u.citizen.citizen
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.onEditCitizen(c)
		u.stack = u.stack[:len(u.stack)-1]
	}
}

// longNote is a caseworker's note of n characters: sentences in paragraphs.
func longNote(n int) string {
	words := strings.Fields("borgeren har været til samtale og fortæller at hun gerne vil arbejde i køkken eller på lager men har ondt i ryggen efter et langt forløb aftalt at søge fire job om ugen og følge op på cv næste gang ønsker kursus i truckcertifikat")
	var sb strings.Builder
	for i := 0; utf8.RuneCountInString(sb.String()) < n; i++ {
		sb.WriteString(words[(i*7)%len(words)])
		switch {
		case i%53 == 52:
			sb.WriteString(".\n\n")
		case i%11 == 10:
			sb.WriteString(". ")
		default:
			sb.WriteString(" ")
		}
	}
	return string([]rune(sb.String())[:n])
}
