package ui

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
)

func BenchmarkTmpHeap(b *testing.B) {
	u, _ := benchWindow(b)
	u.caseload.load()
	u.onFind()
	for i := 0; i < 20; i++ {
		u.onOpenCitizen(u.caseload.rows[i].ID)
		u.back()
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.Logf("heap in use %d MB, objects %d", m.HeapInuse>>20, m.HeapObjects)
	f, _ := os.Create("/tmp/speed/heap.prof")
	pprof.WriteHeapProfile(f)
	f.Close()
}
