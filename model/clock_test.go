package model

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestOneClock: nothing in Jobspor's own code reads the system clock but
// clock.go, so which day is "today" is always the one clock's answer (the
// benchmark tools in .ci measure wall time on purpose; the vendored copies
// are upstream code).
func TestOneClock(t *testing.T) {
	root := filepath.Join("..")
	skip := map[string]bool{".git": true, ".ci": true, "reports/internal/gofpdf": true}
	var found []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if skip[rel] || skip[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || rel == filepath.Join("model", "clock.go") || rel == filepath.Join("model", "clock_test.go") {
			return nil
		}
		found = append(found, clockReads(t, path, rel)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("%s reads the system clock; ask the clock that was passed in (model.Clock)", f)
	}
}

func clockReads(t *testing.T, path, rel string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.Contains(line, "time.Now()") || strings.Contains(line, "time.Now,") || strings.Contains(line, "time.Now}") ||
			strings.Contains(line, "time.Since(") || strings.Contains(line, "time.Until(") {
			out = append(out, rel+":"+strconv.Itoa(n))
		}
	}
	return out
}

// TestSystemClockFromEnv: JOBSPOR_CLOCK moves the system clock to a chosen
// start, time runs on from there, and a value that is no time is refused.
func TestSystemClockFromEnv(t *testing.T) {
	t.Setenv(ClockEnv, "2031-01-01 00:30")
	c, err := SystemClock()
	if err != nil {
		t.Fatal(err)
	}
	got := c.Now()
	want := time.Date(2031, 1, 1, 0, 30, 0, 0, time.Local)
	if got.Before(want) || got.Sub(want) > time.Hour {
		t.Errorf("the clock says %v; want just after %v", got, want)
	}
	t.Setenv(ClockEnv, "i morgen")
	if _, err := SystemClock(); err == nil || !strings.Contains(err.Error(), "ikke et tidspunkt") {
		t.Errorf("a clock of %q gave %v; want a refusal in Danish", "i morgen", err)
	}
}

// TestFixedClockMoves: a test's clock stands still until moved.
func TestFixedClockMoves(t *testing.T) {
	c := NewFixedClock(time.Date(2027, 6, 30, 9, 0, 0, 0, time.Local))
	c.Add(90 * time.Minute)
	if got := c.Now(); got.Hour() != 10 || got.Minute() != 30 {
		t.Errorf("moved 90 minutes from 09:00 the clock says %v", got.Format("15:04"))
	}
}
