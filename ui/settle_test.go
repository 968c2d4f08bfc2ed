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
	deadline := time.Now().Add(5 * time.Second)
	for released.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := released.Load(); n != 1 {
		t.Fatalf("memory handed back %d times after the start's reading; want once", n)
	}
}
