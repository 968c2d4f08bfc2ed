package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// sharedPath is a real file in the data folder beside the project.
func sharedPath(name string) string { return filepath.Join("..", "..", "shared", "data", name) }

// sharedData reads a real file from the data folder beside the project.
func sharedData(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(sharedPath(name))
	if err != nil {
		t.Skipf("%s is not beside the project: %v", name, err)
	}
	return data
}

// encode1252 writes s as Danish Excel's "CSV (semikolonsepareret)" does.
func encode1252(t testing.TB, s string) []byte {
	t.Helper()
	var out []byte
	for _, r := range s {
		b, ok := byte1252(r)
		if !ok {
			t.Fatalf("%q is not in Windows-1252", r)
		}
		out = append(out, b)
	}
	return out
}

func byte1252(r rune) (byte, bool) {
	if r < 0x80 || r >= 0xa0 && r <= 0xff {
		return byte(r), true
	}
	for i, c := range windows1252 {
		if c == r && (c < 0x80 || c > 0x9f) {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// importRefusal runs readCSV and returns its Danish message ("" when read).
func importRefusal(t *testing.T, data []byte, required ...string) string {
	t.Helper()
	_, err := readCSV(data, required)
	if err == nil {
		return ""
	}
	var u *UserError
	if !errors.As(err, &u) {
		t.Fatalf("not a user error: %v", err)
	}
	return u.Msg.Text()
}

const jobsHead = "titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\r\n"

var jobColumnsCSV = []string{"titel", "disco", "arbejdsgiver", "sted", "frist", "ansøgning", "kontakt", "kilde", "hot"}

func TestCSVRefusalsNameLineAndColumn(t *testing.T) {
	row := "Kok;512000;Kroen;Ærø;;Ring;;Jobnet;nej\r\n"
	cases := map[string]struct{ data, want string }{
		"duplicate column": {"titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot; Titel \r\n" + strings.TrimSuffix(row, "\r\n") + ";x\r\n",
			`Linje 1, kolonne 10: kolonnen "Titel" står to gange (også i kolonne 1)`},
		"missing columns": {"titel;disco;sted\r\nKok;512000;Ærø\r\n", "Linje 1: kolonnerne arbejdsgiver, frist, ansøgning, kontakt, kilde, hot mangler"},
		"NUL byte":        {jobsHead + row + "Kok\x00ke;512000;Kroen;Ærø;;Ring;;Jobnet;nej\r\n", "Linje 3, kolonne 1 (titel): feltet indeholder et NUL-tegn (U+0000)"},
		"bell in a column not read": {"titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot;note\r\n" + strings.TrimSuffix(row, "\r\n") + ";ding\a\r\n",
			"Linje 2, kolonne 10 (note): feltet indeholder styretegnet U+0007"},
		"line break in a field read": {jobsHead + row + "\"Kok\nog tjener\";512000;Kroen;Ærø;;Ring;;Jobnet;nej\r\n",
			"Linje 3, kolonne 1 (titel): feltet indeholder et linjeskift; teksten i denne kolonne skal stå på én linje"},
		"NUL on a field's second line": {"titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot;note\r\n" + strings.TrimSuffix(row, "\r\n") + ";\"to\r\nlin\x00jer\"\r\n",
			"Linje 3, kolonne 10 (note): feltet indeholder et NUL-tegn (U+0000)"},
		"stray CR":          {jobsHead + "Kok;512000;Kroen;Ærø\r;;Ring;;Jobnet;nej\r\n", "Linje 2, kolonne 4 (sted): feltet indeholder en vognretur (CR, U+000D)"},
		"title too long":    {jobsHead + strings.Repeat("x", 1<<20) + ";512000;Kroen;Ærø;;Ring;;Jobnet;nej\r\n", "Linje 2, kolonne 1 (titel): feltet er 1.048.576 tegn; højst 200"},
		"employer too long": {jobsHead + "Kok;512000;" + strings.Repeat("æ", 201) + ";Ærø;;Ring;;Jobnet;nej\r\n", "Linje 2, kolonne 3 (arbejdsgiver): feltet er 201 tegn; højst 200"},
		"place too long":    {jobsHead + "Kok;512000;Kroen;" + strings.Repeat("ø", 501) + ";;Ring;;Jobnet;nej\r\n", "Linje 2, kolonne 4 (sted): feltet er 501 tegn; højst 500"},
		"too few fields":    {jobsHead + "Kok;512000;Kroen\r\n", "Linje 2, kolonne 4 (sted): forkert antal kolonner (linjen har 3, overskriften har 9"},
		"too many fields":   {jobsHead + strings.TrimSuffix(row, "\r\n") + ";x\r\n", "Linje 2, kolonne 10: forkert antal kolonner (linjen har 10, overskriften har 9"},
		"only a header":     {jobsHead + ";;;;;;;;\r\n", "Linje 2: filen har ingen rækker under overskriften"},
		"undefined in 1252": {string(encode1252(t, jobsHead)) + "K\x81k;512000;Kroen;\xc6r\xf8;;Ring;;Jobnet;nej\r\n", "Linje 2, kolonne 1 (titel): feltet indeholder styretegnet U+0081"},
	}
	for name, c := range cases {
		if got := importRefusal(t, []byte(c.data), jobColumnsCSV...); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q…", name, got, c.want)
		}
	}
}

// DST's own file with a second TITEL column: refused, not read from it.
func TestDuplicateColumnInDSTFileRefused(t *testing.T) {
	lines := strings.Split(string(sharedData(t, "disco08.csv")), "\r\n")
	for i := range lines {
		if lines[i] != "" {
			lines[i] += map[bool]string{true: ";TITEL", false: ";Andet"}[i == 0]
		}
	}
	_, err := ParseDisco([]byte(strings.Join(lines, "\r\n")))
	if err == nil || !strings.Contains(err.Error(), `Linje 1, kolonne 11: kolonnen "TITEL" står to gange (også i kolonne 4)`) {
		t.Fatalf("duplicate TITEL: %v", err)
	}
}

func TestUnbalancedQuoteNamedWhereItOpens(t *testing.T) {
	head := "\xef\xbb\xbfSEKVENS;KODE;NIVEAU;TITEL\r\n1;\"1\";1;Ledelse\r\n"
	later := strings.Repeat("9;9;2;Uden anførselstegn\r\n", 26)
	cases := map[string]struct{ data, want string }{
		"closed far later": {head + "2;\"11;2;Åben\r\n" + later + "3;\"12\";2;Lukket\r\n", "Linje 3, kolonne 2 (KODE): anførselstegnet, der åbner feltet her, bliver ikke lukket korrekt"},
		"never closed":     {head + "2;11;2;\"Åben\r\n" + later, "Linje 3, kolonne 4 (TITEL): anførselstegnet, der åbner feltet her"},
		"in the header":    {"SEKVENS;\"KODE;NIVEAU;TITEL\r\n" + later, "Linje 1, kolonne 2: anførselstegnet, der åbner feltet her"},
		"inside a field":   {head + later + "2;11;2;Et \"citat\"\r\n", "Linje 29, kolonne 4 (TITEL): anførselstegn midt i et felt"},
	}
	for name, c := range cases {
		if got := importRefusal(t, []byte(c.data), "kode", "niveau", "titel"); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q…", name, got, c.want)
		}
	}
}

func TestWholeFileRefusals(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range jobsHead {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	cases := map[string]struct {
		data []byte
		want string
	}{
		"UTF-16 with mark":    {utf16, "Filen er gemt som »Unicode-tekst« (UTF-16)"},
		"UTF-16 without mark": {utf16[2:], "Filen er gemt som »Unicode-tekst« (UTF-16)"},
		"workbook":            {[]byte("PK\x03\x04\x14\x00\x06\x00"), "Filen er en Excel-projektmappe"},
		"Mac Roman, CR only":  {[]byte("titel;sted\rKok;\xaer\xbf\r"), "Filen er gemt som »CSV (Macintosh)«"},
		"empty":               {[]byte("\xef\xbb\xbf \r\n"), "Filen er tom"},
	}
	for name, c := range cases {
		if got := importRefusal(t, c.data, "titel"); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q…", name, got, c.want)
		}
	}
}

// A jobs file saved by Danish Excel as "CSV (semikolonsepareret)":
// Windows-1252, CRLF, no byte-order mark (stored: store's
// TestWindows1252JobsFileStored).
func TestWindows1252JobsFileRead(t *testing.T) {
	file := jobsHead + "Køkkenmedhjælper;941210;Café Ærø;Ærøskøbing;01-12-2026;Ring til Åse – 12 € pr. time;bo@kantine.dk;“Jobnet”;ja\r\n"
	jobs, err := ParseJobs(encode1252(t, file), day("2026-11-23"))
	if err != nil || len(jobs) != 1 {
		t.Fatalf("Windows-1252 file: %+v, %v", jobs, err)
	}
	j := jobs[0]
	if j.Title != "Køkkenmedhjælper" || j.Employer != "Café Ærø" || j.Place != "Ærøskøbing" || j.HowToApply != "Ring til Åse – 12 € pr. time" || j.Source != "“Jobnet”" {
		t.Errorf("characters changed: %+v", j)
	}
}

// DST's and PostNord's files still read, as published, re-saved as
// Windows-1252, with old-Mac CR-only line ends and with line ends converted
// twice (CR CR LF).
func TestRealFilesReadInEveryEncoding(t *testing.T) {
	disco := sharedData(t, "disco08.csv")
	post := sharedData(t, "postnumre.csv")
	plain := strings.TrimPrefix(string(disco), "\xef\xbb\xbf")
	for name, data := range map[string][]byte{
		"as published": disco, "Windows-1252": encode1252(t, plain), "CR only": []byte(strings.ReplaceAll(plain, "\r\n", "\r")),
		"CR CR LF": []byte(strings.ReplaceAll(plain, "\r\n", "\r\r\n")),
	} {
		groups, err := ParseDisco(data)
		if err != nil || len(groups) != 1171 || groups[1].Title != "Øverste ledelse i lovgivende myndigheder, virksomheder og organisationer" {
			t.Errorf("DISCO-08 %s: %d groups, %v", name, len(groups), err)
		}
	}
	for name, data := range map[string][]byte{"as published": post, "Windows-1252": encode1252(t, strings.TrimPrefix(string(post), "\xef\xbb\xbf"))} {
		rows, err := readCSV(data, []string{"postnr", "bynavn", "adresseringsnavn_1"})
		if err != nil || len(rows) != 1434 || rows[3].Fields["bynavn"] != "Høje Taastrup" || rows[3].Line != 5 {
			t.Errorf("postcodes %s: %d rows, %v", name, len(rows), err)
		}
	}
}

func TestCROnlyFileNamesItsLines(t *testing.T) {
	file := "titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\r" +
		"Kok;512000;Kroen;Ærø;;Ring;;Jobnet;nej\r" +
		"Tjener;513100;Kroen;Ærø;32-13-2026;Ring;;Jobnet;nej\r"
	if _, err := ParseJobs([]byte(file), day("2026-11-23")); err == nil || !strings.Contains(err.Error(), "Linje 3: fristen") {
		t.Fatalf("CR-only file: %v", err)
	}
	jobs, err := ParseJobs([]byte(strings.Replace(file, "32-13-2026", "", 1)), day("2026-11-23"))
	if err != nil || len(jobs) != 2 || jobs[1].Title != "Tjener" || jobs[1].Place != "Ærø" {
		t.Fatalf("CR-only file: %+v, %v", jobs, err)
	}
}

func TestWhatIsAllowedStays(t *testing.T) {
	file := "titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot;note\r\n" +
		"\" Kok\tog tjener \";512000;\"Kroen \"\"Ærø\"\"\";Ærø;;Ring;;Jobnet;nej;\"to\r\nlinjer\"\r\n" +
		";;;;;;;;;\r\n" +
		strings.Repeat("x", 200) + ";512000;Kroen;Ærø;;Ring;;Jobnet;nej;\r\n"
	rows, err := readCSV([]byte(file), jobColumnsCSV)
	if err != nil || len(rows) != 2 {
		t.Fatalf("read %d rows, %v", len(rows), err)
	}
	if f := rows[0].Fields; f["titel"] != "Kok\tog tjener" || f["arbejdsgiver"] != `Kroen "Ærø"` {
		t.Errorf("fields: %q", f)
	}
	if rows[1].Line != 5 || utf8.RuneCountInString(rows[1].Fields["titel"]) != 200 {
		t.Errorf("row after a line break and a blank row: line %d", rows[1].Line)
	}
}

func TestDanishCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 1048576: "1.048.576", -1234: "-1.234"} {
		if got := danishCount(n); got != want {
			t.Errorf("%d = %q, want %q", n, got, want)
		}
	}
}
