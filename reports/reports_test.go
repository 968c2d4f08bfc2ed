package reports

import (
	"bytes"
	"image"
	"image/color"
	pngenc "image/png"
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

func benefitMeeting(t *testing.T, name string, meeting time.Time) *Document {
	t.Helper()
	doc, err := BenefitMeeting(BenefitMeetingData{Office: testOffice, CitizenName: name, MeetingAt: meeting,
		MeetingPlace: testOffice.BenefitPlace, Printed: fixed}, Options{Fixed: fixed})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestBenefitMeetingChecklistPrintsWhatTheCitizenNeeds(t *testing.T) {
	meeting := time.Date(2026, 12, 7, 10, 30, 0, 0, time.Local)
	text := pdfText(t, benefitMeeting(t, "Søren Ærøskøbing Åkjær", meeting))
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Søren Ærøskøbing Åkjær", "Jobcenter Ærøskøbing", "Tlf. 62 52 10 00",
		"Kontoudtog og kontooversigt fra din bank",
		"Dokumentation for udgifter til husleje, el og varme",
		"Engagementsoversigt fra din bank",
		"Lønsedler",
		"Den skriftlige opsigelse – fra din arbejdsgiver, eller din egen, hvis du selv har sagt op",
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

func TestBenefitMeetingWithoutDateLeavesALineToWriteOn(t *testing.T) {
	flat := strings.Join(strings.Fields(pdfText(t, benefitMeeting(t, "Mette Kjær", time.Time{}))), " ")
	if !strings.Contains(flat, "Dato: ____") {
		t.Errorf("no blank to write the date on: %s", flat)
	}
}

func TestLongNameWrapsWithoutClipping(t *testing.T) {
	name := "Anne-Sofie Kirstine Østergaard Bækgaard-Frølund Søndergaard Ærenlund Mølgaard Hansen" // 80+ characters
	flat := strings.Join(strings.Fields(pdfText(t, benefitMeeting(t, name, time.Time{}))), " ")
	if !strings.Contains(flat, name) {
		t.Errorf("the 80-character name is not printed whole:\n%s", flat)
	}
}

func TestSameInputGivesTheSameBytes(t *testing.T) {
	var a, b bytes.Buffer
	benefitMeeting(t, "Åse Lund", fixed).Write(&a)
	benefitMeeting(t, "Åse Lund", fixed).Write(&b)
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

func BenchmarkBenefitMeeting(b *testing.B) {
	d := BenefitMeetingData{Office: testOffice, CitizenName: "Søren Ærø", MeetingAt: fixed, MeetingPlace: "Ydelseskontoret", Printed: fixed}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		doc, err := BenefitMeeting(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := doc.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func sampleStats() *model.AttendanceStats {
	st := &model.AttendanceStats{From: time.Date(2026, 5, 23, 0, 0, 0, 0, time.Local), To: time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)}
	st.All = model.Bucket{Total: 400, Missed: 52}
	for h := 8; h <= 15; h++ {
		st.ByHour[h] = model.Bucket{Total: 30 + 5*(h%3), Missed: h % 4}
	}
	for wd := 1; wd <= 5; wd++ {
		st.ByWeekday[wd] = model.Bucket{Total: 100 - 10*wd, Missed: 6 + wd}
	}
	for d := 0; d < 31; d++ {
		st.ByDay[d] = model.Bucket{Total: 20 - d/3, Missed: d % 5}
	}
	for i := range st.NextWeek {
		st.NextWeek[i] = model.DayLoad{Day: time.Date(2026, 11, 23+i, 0, 0, 0, 0, time.Local), Expected: 14.2, Attending: 12.3, Planned: 9 + i}
	}
	return st
}

func TestAttendanceReportFitsOnePage(t *testing.T) {
	doc, err := Attendance(AttendanceData{Office: testOffice, Stats: sampleStats(), Printed: fixed}, Options{Fixed: fixed})
	if err != nil {
		t.Fatal(err)
	}
	if n := doc.pdf.PageCount(); n != 1 {
		t.Errorf("the capacity report runs to %d pages, want one", n)
	}
	flat := strings.Join(strings.Fields(pdfText(t, doc)), " ")
	for _, want := range []string{"Fremmøde og kapacitet", "400 i alt, heraf 52 udeblevet", "Efter klokkeslæt", "Efter ugedag",
		"Efter dag i måneden", "mandag den 23. november 2026 ca. 14 ca. 12 9", "fredag den 27. november 2026 ca. 14 ca. 12 13"} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q\n%s", want, flat)
		}
	}
}

// The office's pattern printed from the window says whose it is and still
// fits on one page.
func TestAttendanceReportOfTheOfficeSaysWhose(t *testing.T) {
	whose := "Hele kontorets fremmøde, lagt sammen af kontoret ud fra hver sagsbehandlers egne tal."
	doc, err := Attendance(AttendanceData{Office: testOffice, Stats: sampleStats(), Whose: whose, Printed: fixed}, Options{Fixed: fixed})
	if err != nil {
		t.Fatal(err)
	}
	if n := doc.pdf.PageCount(); n != 1 {
		t.Errorf("the office's capacity report runs to %d pages, want one", n)
	}
	if flat := strings.Join(strings.Fields(pdfText(t, doc)), " "); !strings.Contains(flat, whose) {
		t.Errorf("the office's report does not say whose it is:\n%s", flat)
	}
}

func TestCallListNamesAndPhonesNoCPR(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 30, 0, 0, time.Local)
	calls := []model.TodayConversation{
		{Conversation: model.Conversation{Start: at, Attendance: model.AttendancePlanned}, Name: "Søren Ærø", Phone: "+45 20 30 40 50"},
		{Conversation: model.Conversation{Start: at.Add(time.Hour), Attendance: model.AttendanceCancelled}, Name: "Aflyst Person", Phone: "11"},
		{Conversation: model.Conversation{Start: at.Add(2 * time.Hour), Attendance: model.AttendancePlanned}, Name: "Åse Lund"},
	}
	doc, _ := CallList(CallListData{Office: testOffice, Day: at, Calls: calls, Printed: fixed}, Options{Fixed: fixed})
	flat := strings.Join(strings.Fields(pdfText(t, doc)), " ")
	for _, want := range []string{"Opkaldsliste tirsdag den 24. november 2026", "kl. 09.30 Søren Ærø – +45 20 30 40 50", "kl. 11.30 Åse Lund – intet telefonnummer"} {
		if !strings.Contains(flat, want) {
			t.Errorf("call list lacks %q\n%s", want, flat)
		}
	}
	if strings.Contains(flat, "Aflyst Person") {
		t.Error("a cancelled appointment is on the call list")
	}
}

func TestLogoIsPrintedAtTheTop(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 60, 30))
	for x := 0; x < 60; x++ {
		for y := 0; y < 30; y++ {
			img.Set(x, y, color.RGBA{31, 95, 122, 255})
		}
	}
	var png bytes.Buffer
	pngenc.Encode(&png, img)
	office := testOffice
	office.Logo = png.Bytes()
	doc, err := BenefitMeeting(BenefitMeetingData{Office: office, CitizenName: "Åse Ø", Printed: fixed}, Options{Fixed: fixed})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := doc.Write(&out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Bytes(), []byte("/Subtype /Image")) {
		t.Error("the logo is not in the PDF")
	}
	path := filepath.Join(t.TempDir(), "logo.pdf")
	os.WriteFile(path, out.Bytes(), 0o600)
	if text := fileText(t, path); !strings.Contains(text, "Jobcenter Ærøskøbing") {
		t.Errorf("letterhead text lost next to the logo: %s", text)
	}
	office.Logo = []byte("not an image")
	broken, err := BenefitMeeting(BenefitMeetingData{Office: office, CitizenName: "Åse Ø", Printed: fixed}, Options{Fixed: fixed})
	if err == nil {
		err = broken.Write(io.Discard)
	}
	if err != nil {
		t.Errorf("a broken logo stopped the handout instead of being left out: %v", err)
	}
}
