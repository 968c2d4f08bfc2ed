package ui

import (
	"sync/atomic"
	"testing"
	"time"

	"jobspor/model/store/storetest"
)

// TestMemoryIsHandedBackOnceTheCaseworkerSettles: moving through four
// screens in quick succession hands nothing back on the way; staying on the
// last one hands back once.
func TestMemoryIsHandedBackOnceTheCaseworkerSettles(t *testing.T) {
	u, store := newTestUI(t)
	c := storetest.AddCitizen(t, store)
	defer func(d time.Duration) { settleAfter = d }(settleAfter)
	settleAfter = 300 * time.Millisecond
	var released atomic.Int32
	u.release = func() { released.Add(1) }

	u.onCaseload()
	u.onOpenCitizen(c.ID)
	u.back()
	u.back()
	if n := released.Load(); n != 0 {
		t.Fatalf("memory handed back %d times while the caseworker was moving between screens", n)
	}
	deadline := time.Now().Add(5 * time.Second)
	for released.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(2 * settleAfter)
	if n := released.Load(); n != 1 {
		t.Fatalf("memory handed back %d times after the caseworker stayed on Today; want once", n)
	}
}
