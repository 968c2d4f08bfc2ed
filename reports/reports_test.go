package reports

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
)

var fixed = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

var testOffice = model.Office{Name: "Jobcenter Ærøskøbing", Address: "Vestergade 1, 5970 Ærøskøbing",
	Phone: "62 52 10 00", Email: "jobcenter@aeroe.dk", Hours: "man–fre 9–15", BenefitPlace: "Ydelseskontoret, Vestergade 1"}

// pdfText writes doc to a file and extracts its text with pdftotext.
func pdfText(t *testing.T, doc *Document) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; `make test` installs it")
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o600)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func ydelse(t *testing.T, name string, talk time.Time) *Document {
	t.Helper()
	doc, err := Ydelse(YdelseData{Office: testOffice, CitizenName: name, TalkDate: talk,
		TalkPlace: testOffice.BenefitPlace, Printed: fixed}, Options{Fixed: fixed})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestYdelseChecklistPrintsWhatTheCitizenNeeds(t *testing.T) {
	talk := time.Date(2026, 12, 7, 10, 30, 0, 0, time.Local)
	text := pdfText(t, ydelse(t, "Søren Ærøskøbing Åkjær", talk))
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Søren Ærøskøbing Åkjær", "Jobcenter Ærøskøbing", "Tlf. 62 52 10 00",
		"Kontoudtog og kontooversigt fra din bank",
		"Dokumentation for udgifter til husleje, el og varme",
		"Engagementsoversigt fra din bank",
		"Lønsedler",
		"Din skriftlige opsigelse, hvis du er blevet sagt op",
		"Dokumentation for afmelding af din virksomhed, hvis du har været selvstændig",
		"mandag den 7. december 2026 kl. 10.30", "Ydelseskontoret, Vestergade 1",
		"Udleveret mandag den 23. november 2026",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the checklist lacks %q\n%s", want, flat)
		}
	}
	if strings.Contains(flat, "Side 1") {
		t.Error("a one-page handout is numbered")
	}
}

func TestYdelseWithoutDateLeavesALineToWriteOn(t *testing.T) {
	flat := strings.Join(strings.Fields(pdfText(t, ydelse(t, "Mette Kjær", time.Time{}))), " ")
	if !strings.Contains(flat, "Dato: ____") {
		t.Errorf("no blank to write the date on: %s", flat)
	}
}

func TestLongNameWrapsWithoutClipping(t *testing.T) {
	name := "Anne-Sofie Kirstine Østergaard Bækgaard-Frølund Søndergaard Ærenlund Mølgaard Hansen" // 80+ characters
	flat := strings.Join(strings.Fields(pdfText(t, ydelse(t, name, time.Time{}))), " ")
	if !strings.Contains(flat, name) {
		t.Errorf("the 80-character name is not printed whole:\n%s", flat)
	}
}

func TestSameInputGivesTheSameBytes(t *testing.T) {
	var a, b bytes.Buffer
	ydelse(t, "Åse Lund", fixed).Write(&a)
	ydelse(t, "Åse Lund", fixed).Write(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two builds with a fixed date differ")
	}
}

func TestDanishDate(t *testing.T) {
	cases := map[string]string{
		"2026-12-07": "mandag den 7. december 2026",
		"2027-01-01": "fredag den 1. januar 2027",
		"2026-05-16": "lørdag den 16. maj 2026",
		"2026-03-22": "søndag den 22. marts 2026",
	}
	for in, want := range cases {
		d, _ := time.Parse("2006-01-02", in)
		if got := DanishDate(d); got != want {
			t.Errorf("DanishDate(%s) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkYdelse(b *testing.B) {
	d := YdelseData{Office: testOffice, CitizenName: "Søren Ærø", TalkDate: fixed, TalkPlace: "Ydelseskontoret", Printed: fixed}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		doc, err := Ydelse(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := doc.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
