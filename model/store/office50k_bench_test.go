package store

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"jobspor/model"
)

// An office of 50,000 citizens and 1,000,000 conversations in which MK
// keeps about as many citizens as at 10,000 (about 500): one caseworker's
// reads at both sizes show whether they are flat in the office's size.
// Building it takes minutes: JOBSPOR_BENCH50K names a database (and its
// -wal) built before to start from, not in use; JOBSPOR_KEEP_BENCH50K
// writes a compact copy of the one built (its pages laid out afresh, so
// figures on it are not those of a database grown by its writes).
var (
	big50kOnce  sync.Once
	big50kStore *Store
	big50kDir   string
	big50kErr   error
)

func office50k(b *testing.B) (*Store, *model.Guide) {
	b.Helper()
	g := loadGuide(b)
	big50kOnce.Do(func() {
		dir, err := os.MkdirTemp("", "jobspor-bench50k")
		if err != nil {
			big50kErr = err
			return
		}
		big50kDir = dir
		path := filepath.Join(dir, "bench.db")
		if from := os.Getenv("JOBSPOR_BENCH50K"); from != "" {
			// a copy of an office built before (a closed bench.db), to
			// measure code before and after a change on the same data
			// without building it again; Open brings it to this schema
			if big50kErr = copyFile(from, path); big50kErr != nil {
				return
			}
			if _, err := os.Stat(from + "-wal"); err == nil {
				if big50kErr = copyFile(from+"-wal", path+"-wal"); big50kErr != nil {
					return
				}
			}
			big50kStore, big50kErr = Open(path)
			return
		}
		if big50kStore, err = Open(path); err != nil {
			big50kErr = err
			return
		}
		if _, err := big50kStore.SeedDemo(g, model.DemoOptions{Citizens: 50000, Seed: 42, Today: benchNow, Reception: benchContent().Reception, Caseworkers: 20}); err != nil {
			big50kErr = err
			return
		}
		if _, err := big50kStore.db.Exec(`UPDATE citizens SET caseworker = 'JH' WHERE caseworker = 'MK' AND id % 5 <> 0`); err != nil {
			big50kErr = err
			return
		}
		if big50kErr = topUpConversations(big50kStore, 1000000); big50kErr != nil {
			return
		}
		if keep := os.Getenv("JOBSPOR_KEEP_BENCH50K"); keep != "" {
			_, big50kErr = big50kStore.db.Exec(`VACUUM INTO ?`, keep)
		}
	})
	if big50kErr != nil {
		b.Fatal(big50kErr)
	}
	b.ResetTimer()
	return big50kStore, g
}

// BenchmarkTodayOneCaseworker50k is BenchmarkTodayOneCaseworker in an
// office five times the size, MK's citizens as many.
func BenchmarkTodayOneCaseworker50k(b *testing.B) {
	s, _ := office50k(b)
	c := benchContent()
	b.ReportAllocs()
	defer perCitizen(b, s, "MK")()
	for i := 0; i < b.N; i++ {
		if _, err := s.TodayFor(c, benchNow, model.Mine("MK")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCaseloadOneCaseworker50k is BenchmarkCaseloadOneCaseworker in
// an office five times the size, MK's citizens as many.
func BenchmarkCaseloadOneCaseworker50k(b *testing.B) {
	s, g := office50k(b)
	b.ReportAllocs()
	defer perCitizen(b, s, "MK")()
	for i := 0; i < b.N; i++ {
		rows, err := s.CaseloadFor(g, benchNow, model.Mine("MK"))
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) < 300 || len(rows) > 700 {
			b.Fatalf("MK has %d citizens", len(rows))
		}
	}
}
