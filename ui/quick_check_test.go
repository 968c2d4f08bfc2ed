package ui

import (
	"sync/atomic"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
)

// damagedStore answers the quick check with a problem, counting the checks.
type damagedStore struct {
	*store.Store
	quick, full int
}

func (d *damagedStore) QuickCheck() ([]model.Message, error) {
	d.quick++
	return []model.Message{{Key: "check.integrity", Args: []any{"row 7 missing from index citizens_name"}}}, nil
}

func (d *damagedStore) Check() ([]model.Message, error) {
	d.full++
	return nil, nil
}

// soundStore tells when its quick check has answered.
type soundStore struct {
	*store.Store
	done atomic.Bool
}

func (s *soundStore) QuickCheck() ([]model.Message, error) {
	defer s.done.Store(true)
	return s.Store.QuickCheck()
}

// TestWindowQuickCheckSaysWhatItFound: the window's own check (the quick
// one, in the background, never the full one) shows a dialog when it finds
// a problem; a sound database shows none.
func TestWindowQuickCheckSaysWhatItFound(t *testing.T) {
	u, st := newTestUI(t)
	sound := &soundStore{Store: st}
	u.store = sound
	u.quickCheckInBackground()
	waitFor(t, "the sound database's quick check", func() bool { return sound.done.Load() })
	for i := 0; i < 20; i++ { // its answer reaches the window
		runWindow()
		time.Sleep(5 * time.Millisecond)
	}
	if u.topDialog() != nil {
		t.Fatal("a sound database's quick check showed a dialog")
	}
	d := &damagedStore{Store: st}
	u.store = d
	u.quickCheckInBackground()
	waitFor(t, "the quick check's dialog", func() bool { return u.topDialog() != nil })
	if d.quick != 1 || d.full != 0 {
		t.Errorf("%d quick checks and %d full ones, want one quick", d.quick, d.full)
	}
}
