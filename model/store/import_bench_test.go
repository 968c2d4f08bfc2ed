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
// an empty database the way jobspor import jobs does (ImportJobsCSV: each
// opening stored as it is read; one import per iteration, each into a fresh
// database). The process's peak memory is read with /usr/bin/time -v
// around one size at a time (README).
func BenchmarkImportJobs(b *testing.B) {
	added := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			data := importJobsFile(n)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := Open(filepath.Join(b.TempDir(), "j.db"))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := s.ImportJobsCSV(data, added, false)
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

// TestImportJobsCSVStoresEachOpeningAsItIsRead: the rows before a bad
// one reach the database's transaction before the bad one is read (nothing
// holds the whole file as openings), and the bad row leaves nothing added;
// a row twice in the file is added once; a dry run adds nothing.
func TestImportJobsCSVStoresEachOpeningAsItIsRead(t *testing.T) {
	s := newTestStore(t)
	added := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	good := string(importJobsFile(3))
	seen := 0
	err := model.EachJob([]byte(good+"Ulovlig;941210;X;Y;31-02-2026;;;;nej\n"), added, func(model.Job) error {
		seen++
		return nil
	})
	if err == nil || seen != 3 {
		t.Fatalf("a bad fourth row: %d openings handed on before it, error %v; want 3 and an error", seen, err)
	}
	if _, err := s.ImportJobsCSV([]byte(good+"Ulovlig;941210;X;Y;31-02-2026;;;;nej\n"), added, false); err == nil {
		t.Fatal("a file with a bad row was imported")
	}
	if n := countJobs(t, s); n != 0 {
		t.Fatalf("a refused file left %d openings", n)
	}
	twice := good + strings.SplitAfter(good, "\n")[2]
	if res, err := s.ImportJobsCSV([]byte(twice), added, true); err != nil || res.Added != 3 || res.Unchanged != 1 {
		t.Fatalf("dry run: %+v %v", res, err)
	}
	if n := countJobs(t, s); n != 0 {
		t.Fatalf("a dry run left %d openings", n)
	}
	if res, err := s.ImportJobsCSV([]byte(twice), added, false); err != nil || res.Added != 3 || res.Unchanged != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if n := countJobs(t, s); n != 3 {
		t.Fatalf("the import holds %d openings; want 3", n)
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

func countJobs(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	must(t, s.db.QueryRow(`SELECT count(*) FROM jobs`).Scan(&n))
	return n
}
