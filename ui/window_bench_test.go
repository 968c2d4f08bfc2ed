package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
)

// The window's timings as the caseworker meets them, in the test driver at
// 10,000 demo citizens: going back to Today (Escape, Tilbage), with nothing
// changed and after a change, and the caseload's first open after start.

// benchWindow opens a window on the benchmark database without reading
// the caseload.
func benchWindow(b *testing.B) (*UI, *store.Store) {
	b.Helper()
	benchOnce.Do(func() { benchErr = buildBenchDB() })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	a := test.NewTempApp(b)
	st, err := store.Open(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	content, _ := model.LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	w := a.NewWindow("Jobspor")
	w.Resize(fyne.NewSize(1366, 768))
	u := New(a, w, st, content, &fakeHandouts{}, model.NewFixedClock(benchNow))
	closeAtEnd(b, u)
	u.today.load()
	return u, st
}

// BenchmarkBackToToday10k: Escape from the caseload to Today, nothing changed.
func BenchmarkBackToToday10k(b *testing.B) {
	u, _ := benchWindow(b)
	u.onCaseload()
	u.back()
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		u.onCaseload()
		b.StartTimer()
		u.back()
	}
}

// BenchmarkBackToTodayAfterChange10k: Escape to Today after a change it may
// show (the catch-up session recorded): Today is read again, in place here
// (in the window that read runs in the background).
func BenchmarkBackToTodayAfterChange10k(b *testing.B) {
	u, st := benchWindow(b)
	u.onCaseload()
	u.back()
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		u.onCaseload()
		if err := st.SaveCatchUp(benchNow.Add(-time.Duration(i) * time.Second)); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		u.back()
	}
}

// BenchmarkBackToTodayAfterOneCitizen10k: Escape to Today after one of
// today's conversations was marked (Udeblevet, then Planlagt again): that
// citizen is re-read and their line and case put in place.
func BenchmarkBackToTodayAfterOneCitizen10k(b *testing.B) {
	u, st := benchWindow(b)
	if len(u.today.view.Conversations) == 0 {
		b.Fatal("no conversation today")
	}
	conv := u.today.view.Conversations[0].ID
	u.onCaseload()
	u.back()
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		u.onCaseload()
		a := model.AttendanceNoShow
		if i%2 == 1 {
			a = model.AttendancePlanned
		}
		if err := st.SetAttendance(conv, a); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		u.back()
	}
}

// BenchmarkCaseloadFirstOpen10k: the first Ctrl+F after start (the window
// reads the caseload behind Today; preload stands in for that read).
func BenchmarkCaseloadFirstOpen10k(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		u, st := benchWindow(b)
		preload(b, u, st)
		b.StartTimer()
		u.onFind()
		b.StopTimer()
		if len(u.caseload.all) != 10000 {
			b.Fatalf("caseload holds %d citizens", len(u.caseload.all))
		}
		st.Close()
		b.StartTimer()
	}
}

// preload reads the caseload as the window does behind Today after start.
func preload(b *testing.B, u *UI, st *store.Store) {
	rows, err := st.Caseload(u.guide, u.now())
	if err != nil {
		b.Fatal(err)
	}
	u.caseload.keep(rows)
}

// BenchmarkTypeInCaseloadSearch10k: one key typed into the caseload's search
// field (Ctrl+F), as bench-typing types them: "hansen", then BackSpace to
// empty, over and over. The table on screen is filled again on each key.
func BenchmarkTypeInCaseloadSearch10k(b *testing.B) {
	u, _ := benchWindow(b)
	u.onFind()
	e := u.caseload.search
	text := []rune("hansen")
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if k := i % (2 * len(text)); k < len(text) {
			e.TypedRune(text[k])
		} else {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
	}
}
