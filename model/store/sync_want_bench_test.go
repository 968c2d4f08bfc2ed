package store

import "testing"

// BenchmarkPullWant1000: what the laptop holds before a pull, read on a
// laptop in an office with 1,000 citizens. Every sync in the window reads it
// twice (before and after), to tell whether a pull that moved no since
// took cases away or brought them whole.
func BenchmarkPullWant1000(b *testing.B) {
	s := seed(b, 1000, 1)
	if err := s.JoinOffice("postgres://kontor.lan/jobspor", "AL", s.NewGid()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w, err := s.PullWant()
		if err != nil || len(w.Local) != 1000 {
			b.Fatalf("%d held (%v)", len(w.Local), err)
		}
	}
}
