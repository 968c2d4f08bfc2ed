package model

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// Clock tells Jobspor what time it is. There is one, made in main and
// passed to the window, the store, the reports and the command line; tests
// pass their own. This file is the only place that reads the system clock
// (TestOneClock fails on any other call).
type Clock interface {
	Now() time.Time
}

// ClockFunc is a function used as a Clock.
type ClockFunc func() time.Time

// Now calls f.
func (f ClockFunc) Now() time.Time { return f() }

// ClockEnv names the environment variable that sets the system clock's
// starting point (for a training session "on" another day, and for running
// the whole test suite on a chosen day): "2027-06-30", "2027-06-30 09:00" or
// "2027-06-30T09:00:00". Time runs on from there.
const ClockEnv = "JOBSPOR_CLOCK"

// systemClock is the real clock, moved by a fixed offset when ClockEnv is set.
type systemClock struct{ offset time.Duration }

func (c systemClock) Now() time.Time { return time.Now().Add(c.offset) }

// SystemClock is the clock of the machine, or the one ClockEnv sets.
// A value in ClockEnv that is not a date is an error, not ignored.
func SystemClock() (Clock, error) {
	v := strings.TrimSpace(os.Getenv(ClockEnv))
	if v == "" {
		return systemClock{}, nil
	}
	start, err := parseClockStart(v)
	if err != nil {
		return nil, err
	}
	return systemClock{offset: time.Until(start)}, nil
}

// Now is the system clock as a function: the default of every part of
// Jobspor that is not handed a clock (tests, and tools that are not the
// program). It honours ClockEnv, and falls back to the machine's clock when
// ClockEnv does not parse (main refuses that case before anything runs).
func Now() time.Time { return defaultClock.Now() }

var defaultClock = func() Clock {
	c, err := SystemClock()
	if err != nil {
		return systemClock{}
	}
	return c
}()

func parseClockStart(v string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, v, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%s=%q er ikke et tidspunkt (skriv fx 2027-06-30 eller 2027-06-30T09:00)", ClockEnv, v)
}

// FixedClock is a clock that stands still until moved: for tests, and for
// commands given --date.
// It is safe to read from several goroutines while a test moves it.
type FixedClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewFixedClock is a clock standing at t.
func NewFixedClock(t time.Time) *FixedClock { return &FixedClock{t: t} }

// Now is the time the clock stands at.
func (c *FixedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *FixedClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Add moves the clock on by d.
func (c *FixedClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}
