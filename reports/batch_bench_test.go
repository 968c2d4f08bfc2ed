package reports

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"jobspor/model"
)

// batchBench is 1,000 active demo citizens, each with an appointment on
// the same day (a closed case's conversations are not on the day's list).
func batchBench(b *testing.B) (*Service, time.Time) {
	svc, s := demoService(b, 2000)
	day := time.Date(2027, 5, 3, 0, 0, 0, 0, time.Local) // far from the demo's own conversations
	rows, _ := s.ListCitizens(model.CitizenFilter{AnyTrack: true, Status: model.StatusActive})
	if len(rows) < 1000 {
		b.Fatalf("%d active demo citizens", len(rows))
	}
	for i, r := range rows[:1000] {
		start := day.Add(time.Duration(8*60+i%400) * time.Minute)
		c := &model.Conversation{CitizenID: r.ID, Start: start, End: start.Add(30 * time.Minute), Kind: model.KindJob, Form: model.FormPhone}
		if err := s.PlanConversation(c); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	return svc, day
}

// heapAfter reports the live heap after a garbage collection.
func heapAfter(b *testing.B) {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "MiB-heap-after")
}

func BenchmarkFolders1000OnePDF(b *testing.B) {
	svc, day := batchBench(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), "alle.pdf")
		n := 0
		if _, err := svc.Batch("folder", day, true, out, func(d, _ int) { n = d }, nil); err != nil || n != 1000 {
			b.Fatalf("%d folders, %v", n, err)
		}
	}
	heapAfter(b)
}

func BenchmarkFolders1000Files(b *testing.B) {
	svc, day := batchBench(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		paths, err := svc.Batch("folder", day, false, dir, func(int, int) {}, nil)
		if err != nil || len(paths) != 1000 {
			b.Fatal(fmt.Sprint(len(paths), err))
		}
	}
	heapAfter(b)
}
