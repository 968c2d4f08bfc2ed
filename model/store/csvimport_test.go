package store

import (
	"testing"

	"jobspor/model"
)

// A jobs file saved by Danish Excel as "CSV (semikolonsepareret)" —
// Windows-1252, CRLF, no byte-order mark — is stored with æ, ø, å intact.
func TestWindows1252JobsFileStored(t *testing.T) {
	file := "titel;disco;arbejdsgiver;sted;frist;ans\xf8gning;kontakt;kilde;hot\r\n" +
		"K\xf8kkenmedhj\xe6lper;941210;Caf\xe9 \xc6r\xf8;\xc6r\xf8sk\xf8bing;01-12-2026;Ring til \xc5se \x96 12 \x80;;Jobnet;ja\r\n"
	jobs, err := model.ParseJobs([]byte(file), day("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	s := newTestStore(t)
	if _, err := s.ImportJobs(jobs, false); err != nil {
		t.Fatal(err)
	}
	open, err := s.OpenJobs(day("2026-11-23"))
	if err != nil || len(open) != 1 {
		t.Fatalf("open jobs: %+v, %v", open, err)
	}
	j := open[0]
	if j.Title != "Køkkenmedhjælper" || j.Employer != "Café Ærø" || j.Place != "Ærøskøbing" || j.HowToApply != "Ring til Åse – 12 €" {
		t.Errorf("stored: %+v", j)
	}
}
