package ui

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/model/store/storetest"
)

// officeOf1000 is an office whose caseworker AL owns 1,000 citizens (made
// on the lead's laptop before it joined, sent in bulk, handed to AL), and
// the identity AL's laptops join with.
func officeOf1000(b *testing.B) (server, identity string) {
	b.Helper()
	server = officeServer(b)
	identity = filepath.Join(b.TempDir(), "al.txt")
	al := &office.Service{IdentityPath: identity}
	key, err := al.Recipient()
	if err != nil {
		b.Fatal(err)
	}
	s, err := store.Open(filepath.Join(b.TempDir(), "le.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	le := &office.Service{Store: s, IdentityPath: filepath.Join(b.TempDir(), "le.txt"), ConnectTimeout: 5 * time.Second}
	if _, err := le.Init(server, "LE", "Lene Eriksen"); err != nil {
		b.Fatal(err)
	}
	if _, err := le.AddCaseworker(server, "AL", "Anna Larsen", false, key); err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, 1000)
	for i := range ids {
		ids[i] = storetest.AddCitizen(b, s, func(c *model.Citizen) { c.Name = fmt.Sprintf("Borger %04d", i) }).ID
	}
	if _, err := le.Join(server, "LE"); err != nil {
		b.Fatal(err)
	}
	if err := le.Move(ids, "AL"); err != nil {
		b.Fatal(err)
	}
	return server, identity
}

// BenchmarkFirstJoinOf1000FromKontor: an empty laptop joins from Kontor
// (typed, Forbind tapped) and pulls its caseworker's 1,000 citizens, the
// window's queue run as the window's goroutine would run it meanwhile.
// longest-window-ms is the longest the window's goroutine was busy with
// one batch of the join's work (progress, the result): the join itself
// never runs there.
func BenchmarkFirstJoinOf1000FromKontor(b *testing.B) {
	server, identity := officeOf1000(b)
	restore := officeAfter
	officeAfter = func(d time.Duration, f func()) restartable { return &officeTimer{d: d, fn: f} }
	defer func() { officeAfter = restore }()
	var longest, wait time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		u, s := newTestUI(b)
		u.SetOffice(&office.Service{Store: s, IdentityPath: identity, ConnectTimeout: 5 * time.Second})
		u.onSettings()
		k := u.officeBar.kontor
		test.Type(k.server, server)
		test.Type(k.initials, "AL")
		b.StartTimer()
		test.Tap(k.connect)
		stop := storetest.ProbeReads(s, &wait)
		for k.cancel != nil {
			t0 := model.Now() // the wall clock (no JOBSPOR_CLOCK in benchmarks)
			runWindow()
			longest = max(longest, model.Now().Sub(t0))
			time.Sleep(time.Millisecond)
		}
		stop()
		b.StopTimer()
		if st, _ := s.OfficeStatus(); st.Citizens != 1000 {
			b.Fatalf("the join brought %d citizens, want 1,000 (%s)", st.Citizens, k.message.Text)
		}
		u.win.Close()
		runWindow()
		b.StartTimer()
	}
	b.ReportMetric(float64(longest.Microseconds())/1000, "longest-window-ms")
	b.ReportMetric(float64(wait.Microseconds())/1000, "longest-db-wait-ms")
}
