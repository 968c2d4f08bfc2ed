package storetest

import (
	"time"

	"jobspor/model"
	"jobspor/model/store"
)

// ProbeReads reads from s every millisecond, as the window would while a
// sync runs, until stop is called; longest is the longest one read waited
// (the store has one connection: a transaction a sync holds makes it wait).
// For benchmarks only: it reads the wall clock through model.Now.
func ProbeReads(s *store.Store, longest *time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-done:
				return
			default:
			}
			t0 := model.Now()
			s.OfficeStatus()
			*longest = max(*longest, model.Now().Sub(t0))
			time.Sleep(time.Millisecond)
		}
	}()
	return func() { close(done); <-finished }
}
