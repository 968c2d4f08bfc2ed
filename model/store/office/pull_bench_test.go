package office

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

// BenchmarkFirstPullOf1000Demo: a second, empty laptop of AB joins the
// office after AB's first laptop sent its 1,000 demo citizens (about
// 21,000 records): the first pull brings all of them. longest-db-wait-ms
// is the longest a read of the laptop's own store (as the window makes
// when a caseworker opens a citizen) waited meanwhile; longest-apply-tx-ms
// the longest of the pull's local transactions (with the probe's reads
// between them, as the window's would be).
func BenchmarkFirstPullOf1000Demo(b *testing.B) {
	benchSetup(b)
	_, db := joined(b)
	var wait, longestTx time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := store.Open(filepath.Join(simDir(b), "second.db"))
		if err != nil {
			b.Fatal(err)
		}
		at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return at }
		if err := s.JoinOffice(db, "AB", "e"); err != nil {
			b.Fatal(err)
		}
		cl := &Client{Store: s, Conn: login(b, db, "AB"), Key: testKey}
		// the local transactions of the pull's apply: from the end of the
		// office's read to each point between two of them, and to the end
		var last time.Time
		cl.Fault = func(p string) error {
			if p == "between pull and local apply" || p == "between two batches of a pull's local apply" {
				now := model.Now()
				if p != "between pull and local apply" {
					longestTx = max(longestTx, now.Sub(last))
				}
				last = now
			}
			return nil
		}
		b.StartTimer()
		stop := storetest.ProbeReads(s, &wait)
		if err := cl.Sync(context.Background()); err != nil {
			b.Fatal(err)
		}
		longestTx = max(longestTx, model.Now().Sub(last))
		stop()
		b.StopTimer()
		if st, _ := s.OfficeStatus(); st.Citizens != 1000 {
			b.Fatalf("the pull brought %d citizens, want 1,000", st.Citizens)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(wait.Microseconds())/1000, "longest-db-wait-ms")
	b.ReportMetric(float64(longestTx.Microseconds())/1000, "longest-apply-tx-ms")
}
