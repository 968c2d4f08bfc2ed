package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"jobspor/assets"
)

// Fuzz tests for the import files: whatever the bytes, reading never
// panics and ends either in a Danish refusal that names its line (or the
// whole file), or in rows whose fields are UTF-8 without control characters
// (a tab aside) and within their length limits. Seeds: the real files beside
// the project (as published, as Windows-1252, CR-only), the test files and
// small hand-made cases; found inputs are kept in testdata/fuzz.
// `make fuzz-short` runs each for a few seconds.

// addImportSeeds adds the shared seeds and the given files. The real files
// are cut to their first 12 lines: the fuzzer minimizes every input that
// finds new code, in time that grows with the square of its length (a whole
// 90 KB file stalls it; the whole files are read in
// TestRealFilesReadInEveryEncoding).
func addImportSeeds(f *testing.F, files ...string) {
	for _, name := range []string{"disco08.csv", "postnumre.csv"} {
		if data, err := os.ReadFile(sharedPath(name)); err == nil {
			head := firstLines(string(data), 12)
			plain := strings.TrimPrefix(head, "\xef\xbb\xbf")
			f.Add([]byte(head))
			f.Add([]byte(strings.ReplaceAll(plain, "\r\n", "\r")))
			f.Add(encode1252(f, plain))
		}
	}
	small := []string{
		"", "\xef\xbb\xbf", "titel\r\n", "titel;titel\r\nx;y\r\n", "titel\r\n\"x\r\n", "titel;a\r\n\"x\"y;b\r\n",
		"titel\r\nK\x00k\r\n", "titel\rKok\rTjener\r", "titel,kilde\n\"a\nb\",\"c\nd\"\n", "titel\r\nK\xf8k\r\n",
		"\xef\xbb\xbftitel\r\nK\xf8k\r\n", "\xff\xfet\x00i\x00", "PK\x03\x04", "titel;x\r\n;\r\n\tKok\t;\a\r\n",
	}
	for _, s := range append(small, files...) {
		f.Add([]byte(s))
	}
}

// firstLines is the text up to and with its n-th line end.
func firstLines(s string, n int) string {
	end := 0
	for i := 0; i < n && end < len(s); i++ {
		next := strings.IndexByte(s[end:], '\n')
		if next < 0 {
			return s
		}
		end += next + 1
	}
	return s[:end]
}

func FuzzReadCSV(f *testing.F) {
	addImportSeeds(f, prospectsSeed, jobsHead+"Kok;512000;Kroen;Ærø;;Ring;;Jobnet;nej\r\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := readCSV(data, []string{"titel"})
		if err != nil {
			checkRefusal(t, data, err)
		}
		for _, r := range rows {
			checkText(t, r.Line, "titel", r.Fields["titel"], maxFieldName)
		}
		checkQuoteScanAgrees(t, data)
	})
}

func FuzzParseDisco(f *testing.F) {
	addImportSeeds(f, "SEKVENS;KODE;NIVEAU;TITEL\r\n1;\"1\";1;Ledelse\r\n2;\"11\";2;Øverste\r\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		groups, err := ParseDisco(data)
		if err != nil {
			checkRefusal(t, data, err)
		}
		for _, g := range groups {
			if discoCodeLen[g.Level] == 0 || len(g.Code) != discoCodeLen[g.Level] || !AllDigits(g.Code) || g.Title == "" {
				t.Errorf("group %+v", g)
			}
			checkText(t, 0, "titel", g.Title, maxFieldName)
		}
	})
}

func FuzzParseCatalogue(f *testing.F) {
	addImportSeeds(f, string(assets.JobTitlesCSV))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCatalogue(data)
		if err != nil {
			checkRefusal(t, data, err)
			return
		}
		for _, x := range c.Titles {
			checkText(t, 0, "titel", x.Title, maxFieldName)
		}
	})
}

func FuzzParseProspects(f *testing.F) {
	addImportSeeds(f, prospectsSeed, "udgave,region,titel,disco,vurdering\n2026-01,Fyn,Kok,512000,rigtig gode\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		_, ps, err := ParseProspects(data)
		if err != nil {
			checkRefusal(t, data, err)
		}
		for _, p := range ps {
			if !slices.Contains(Regions, p.Region) || p.Rating < RatingPoor || p.Rating > RatingSevere {
				t.Errorf("prospect %+v", p)
			}
			checkText(t, 0, "titel", p.Title, maxFieldName)
		}
	})
}

func FuzzParseJobs(f *testing.F) {
	addImportSeeds(f, jobsHead+"Køkkenmedhjælper;941210;Kantinen;Aarhus;2026-12-01;Ring til Bo;bo@kantine.dk;Jobnet;ja\r\n",
		jobsHead+"Opvasker;941220;Café Ærø;Ærøskøbing;31-02-2026;Mød op;;Avis;nej\r\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		jobs, err := ParseJobs(data, time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local))
		if err != nil {
			checkRefusal(t, data, err)
		}
		for _, j := range jobs {
			checkText(t, 0, "titel", j.Title, maxFieldName)
			checkText(t, 0, "arbejdsgiver", j.Employer, maxFieldName)
			for _, s := range []string{j.Code, j.Place, j.HowToApply, j.Contact, j.Source} {
				checkText(t, 0, "felt", s, maxFieldText)
			}
		}
	})
}

const prospectsSeed = "\xef\xbb\xbfudgave;region;titel;disco;vurdering\r\n" +
	"2026-07;Hovedstaden;Campingmedhjælper;941220;mindre gode\r\n" +
	"2026-07;Fyn;Køkkenmedhjælper;941210;omfattende mangel\r\n"

// wholeFile are the refusals that concern the whole file, not one line.
var wholeFile = map[string]bool{"error.import.empty": true, "error.import.utf16": true, "error.import.workbook": true, "error.import.mac": true}

// checkRefusal: a Danish user error naming a line of the file (or the
// whole file), never the fallbacks for what the checks should have named.
func checkRefusal(t *testing.T, data []byte, err error) {
	t.Helper()
	var u *UserError
	if !errors.As(err, &u) || !(strings.HasPrefix(u.Msg.Key, "error.import") || strings.HasPrefix(u.Msg.Key, "import.")) {
		t.Fatalf("not an import refusal: %v", err)
	}
	if wholeFile[u.Msg.Key] {
		return
	}
	lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 2
	line, ok := u.Msg.Args[0].(int)
	text := u.Msg.Text()
	if !ok || line < 1 || line > lines || !strings.HasPrefix(text, "Linje ") {
		t.Fatalf("refusal without a line of the file: %q", text)
	}
	if strings.Contains(text, "anførselstegn er ikke lukket korrekt") || strings.Contains(text, "kan ikke læses som CSV") {
		t.Fatalf("encoding/csv refused what the checks did not find: %q", text)
	}
}

// checkText: UTF-8, trimmed, no control character but a tab, within max.
func checkText(t *testing.T, line int, name, s string, max int) {
	t.Helper()
	if !utf8.ValidString(s) || s != strings.TrimSpace(s) || utf8.RuneCountInString(s) > max {
		t.Fatalf("line %d, %s: %q (%d characters, max %d)", line, name, s, utf8.RuneCountInString(s), max)
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }); i >= 0 {
		t.Fatalf("line %d, %s: control character in %q", line, name, s)
	}
}

// checkQuoteScanAgrees: quoteProblem finds a quoting problem exactly when
// encoding/csv does, on or after the line its record starts and on or
// before the line encoding/csv notices it.
func checkQuoteScanAgrees(t *testing.T, data []byte) {
	t.Helper()
	text, err := decodeCSV(data)
	if err != nil {
		return
	}
	comma := delimiter(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord = comma, -1
	var pe *csv.ParseError
	for err == nil {
		_, err = r.Read()
	}
	spot, found := quoteProblem(text, byte(comma))
	csvFound := errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote))
	if !errors.Is(err, io.EOF) && !csvFound {
		t.Fatalf("encoding/csv: %v", err)
	}
	if found != csvFound || found && (spot.line < pe.StartLine || spot.line > pe.Line || spot.bare != errors.Is(pe.Err, csv.ErrBareQuote)) {
		t.Fatalf("quote scan %+v %v, encoding/csv %v", spot, found, err)
	}
}
