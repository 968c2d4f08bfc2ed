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
	waitFor(t, "memory handed back", func() bool { return released.Load() != 0 })
	time.Sleep(2 * settleAfter)
	if n := released.Load(); n != 1 {
		t.Fatalf("memory handed back %d times after the caseworker stayed on Today; want once", n)
	}
}

// TestMemoryIsHandedBackAfterTheStartsReading: the caseload read behind
// Today at start is followed by a hand-back too, for a caseworker who stays
// on Today.
func TestMemoryIsHandedBackAfterTheStartsReading(t *testing.T) {
	u, store := newTestUI(t)
	storetest.AddCitizen(t, store)
	defer func(d time.Duration) { settleAfter = d }(settleAfter)
	settleAfter = 100 * time.Millisecond
	var released atomic.Int32
	u.release = func() { released.Add(1) }

	rows, err := store.Caseload(u.guide, u.now())
	if err != nil {
		t.Fatal(err)
	}
	u.caseload.keep(rows)
	waitFor(t, "memory handed back", func() bool { return released.Load() != 0 })
	if n := released.Load(); n != 1 {
		t.Fatalf("memory handed back %d times after the start's reading; want once", n)
	}
}
