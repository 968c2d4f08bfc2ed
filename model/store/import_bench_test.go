package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
)

// importJobsFile is a job list of n distinct openings, as a CSV file.
func importJobsFile(n int) []byte {
	var b strings.Builder
	b.WriteString("titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Køkkenmedhjælper %d;941210;Kantinen på Ærø %d;Ærøskøbing;;Ring;;Jobnet;nej\n", i, i%97)
	}
	return []byte(b.String())
}

// BenchmarkImportJobs imports a job list of 10k, 100k and 1M openings into
// an empty database (parse and store; one import per iteration, each into
// a fresh database), then again over itself (every row already held).
func BenchmarkImportJobs(b *testing.B) {
	added := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		data := importJobsFile(n)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := Open(filepath.Join(b.TempDir(), "j.db"))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				jobs, err := model.ParseJobs(data, added)
				if err != nil {
					b.Fatal(err)
				}
				res, err := s.ImportJobs(jobs, false)
				if err != nil || res.Added != n {
					b.Fatalf("%+v %v", res, err)
				}
				b.StopTimer()
				s.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/row")
		})
	}
}

// TestImportJobsLooksUpEachRowInAnIndex: an import looks every opening up
// with a seek in an index, never a scan of the table (which made importing
// quadratic: 10k rows 8 s, 20k 44 s). BenchmarkImportJobs shows the time.
func TestImportJobsLooksUpEachRowInAnIndex(t *testing.T) {
	s := newTestStore(t)
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+jobHeldSQL, "a", "b", "c", "")
	must(t, err)
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		must(t, rows.Scan(&id, &parent, &unused, &detail))
		plan = append(plan, detail)
	}
	p := strings.Join(plan, "; ")
	if !strings.Contains(p, "SEARCH jobs USING COVERING INDEX jobs_key") {
		t.Fatalf("the look-up of an opening: %q; want a search in jobs_key", p)
	}
}
