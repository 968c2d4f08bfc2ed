package reports

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

// foldedFileText reads a written PDF back with pdftotext, whitespace folded.
func foldedFileText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; `make test` installs it")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// benefitService is a store with one citizen whose benefit case is saved as
// given, and a service printing at the fixed time.
func benefitService(t *testing.T, b model.BenefitCase) (*store.Store, *Service, *model.Citizen) {
	t.Helper()
	s := storetest.Open(t)
	s.Now = func() time.Time { return fixed }
	c := storetest.AddCitizen(t, s, func(c *model.Citizen) { c.Name, c.CPR = "Søren Ærø", "120385-4321" })
	b.CitizenID = c.ID
	if err := s.SaveBenefitCase(&b, 6); err != nil {
		t.Fatalf("save benefit case: %v", err)
	}
	svc := NewService(s, testContent(t))
	svc.Opts, svc.Now, svc.OutDir = Options{Fixed: fixed}, func() time.Time { return fixed }, t.TempDir()
	return s, svc, c
}

// TestNoticePrintedAndRecordedAsSent: the notice to the benefit office
// prints on its own page with the citizen's name, its kind and the day it
// was sent, never the CPR number, and is recorded as sent.
func TestNoticePrintedAndRecordedAsSent(t *testing.T) {
	s, svc, _ := benefitService(t, model.BenefitCase{IntendsOn: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	open, err := s.OpenNotices()
	if err != nil || len(open) != 1 {
		t.Fatalf("open notices = %+v, %v", open, err)
	}
	path, err := svc.Notices([]int64{open[0].ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	text := foldedFileText(t, path)
	for _, want := range []string{"Besked til ydelseskontoret", "Borger: Søren Ærø", "Sendt: mandag den 23. november 2026",
		"Borgeren påtænker at søge ydelse (meldt 23-11-2026)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the notice lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "4321") {
		t.Error("the notice carries the CPR number")
	}
	after, err := s.Notices([]int64{open[0].ID})
	if err != nil || len(after) != 1 || after[0].SentHow != model.SentPrinted || !after[0].SentAt.Equal(fixed.UTC().Truncate(time.Second)) {
		t.Errorf("after printing: %+v, %v", after, err)
	}
}

// TestNoticeCopiedAsText: the same words as the page, recorded as copied.
func TestNoticeCopiedAsText(t *testing.T) {
	s, svc, _ := benefitService(t, model.BenefitCase{IntendsOn: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	open, err := s.OpenNotices()
	if err != nil || len(open) != 1 {
		t.Fatalf("open notices = %+v, %v", open, err)
	}
	text, err := svc.NoticesText([]int64{open[0].ID})
	if err != nil || !strings.Contains(text, "Besked til ydelseskontoret\n") || !strings.Contains(text, "Borger: Søren Ærø\n") {
		t.Fatalf("text = %q, %v", text, err)
	}
	if after, _ := s.Notices([]int64{open[0].ID}); len(after) != 1 || after[0].SentHow != model.SentCopied {
		t.Errorf("after copying: %+v", after)
	}
}

// TestBenefitMeetingFromStoredMeeting: the checklist prints the meeting stored with
// the citizen when none is typed.
func TestBenefitMeetingFromStoredMeeting(t *testing.T) {
	meeting := time.Date(2026, 12, 7, 10, 30, 0, 0, time.Local)
	_, svc, c := benefitService(t, model.BenefitCase{MeetingAt: meeting, MeetingPlace: "Ydelseskontoret, Torvet 2"})
	path := filepath.Join(t.TempDir(), "ydelse.pdf")
	if err := svc.BenefitMeetingTo(path, c.ID, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	text := foldedFileText(t, path)
	for _, want := range []string{"Til: Søren Ærø", "mandag den 7. december 2026 kl. 10.30", "Ydelseskontoret, Torvet 2",
		"eller din egen, hvis du selv har sagt op"} {
		if !strings.Contains(text, want) {
			t.Errorf("the checklist lacks %q:\n%s", want, text)
		}
	}
}

// TestBenefitMeetingHandoutUsesStoredMeeting: the plain "handout ydelse" (the CLI
// without --meeting-date, and the day's batch) prints the stored meeting too,
// and the job-search folder shows it.
func TestBenefitMeetingHandoutUsesStoredMeeting(t *testing.T) {
	meeting := time.Date(2026, 12, 8, 13, 15, 0, 0, time.Local)
	_, svc, c := benefitService(t, model.BenefitCase{MeetingAt: meeting, MeetingPlace: "Borgerservice, Torvet 2"})
	path := filepath.Join(t.TempDir(), "ydelse.pdf")
	if err := svc.HandoutTo(model.HandoutBenefitMeeting, path, c.ID); err != nil {
		t.Fatal(err)
	}
	text := foldedFileText(t, path)
	if !strings.Contains(text, "tirsdag den 8. december 2026 kl. 13.15") || !strings.Contains(text, "Borgerservice, Torvet 2") {
		t.Errorf("the checklist lacks the stored meeting:\n%s", text)
	}
	folder := filepath.Join(t.TempDir(), "mappe.pdf")
	if err := svc.HandoutTo(model.HandoutFolder, folder, c.ID); err != nil {
		t.Fatal(err)
	}
	if text := foldedFileText(t, folder); !strings.Contains(text, "Dit møde i ydelseskontoret tirsdag den 8. december 2026 kl. 13.15 – Borgerservice, Torvet 2") {
		t.Errorf("the folder lacks the benefit meeting:\n%s", text)
	}
}

// TestInsightShowsTheRulesDatesMeetingAndSentNotices: the right-of-access
// document holds the unemployment start, the stored benefit meeting and
// when a notice was sent.
func TestInsightShowsTheRulesDatesMeetingAndSentNotices(t *testing.T) {
	meeting := time.Date(2026, 12, 7, 10, 30, 0, 0, time.Local)
	s, svc, c := benefitService(t, model.BenefitCase{IntendsOn: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		MeetingAt: meeting, MeetingPlace: "Ydelseskontoret, Torvet 2"})
	open, err := s.OpenNotices()
	if err != nil || len(open) != 1 {
		t.Fatalf("open notices = %+v, %v", open, err)
	}
	if _, err := svc.NoticesText([]int64{open[0].ID}); err != nil {
		t.Fatal(err)
	}
	path, err := svc.Insight(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := foldedFileText(t, path)
	for _, want := range []string{"Ledig siden:", "Møde i ydelseskontoret: mandag den 7. december 2026 kl. 10.30 – Ydelseskontoret, Torvet 2",
		"kopieret til afsendelse"} {
		if !strings.Contains(text, want) {
			t.Errorf("the insight document lacks %q:\n%s", want, text)
		}
	}
}

// TestInsightReadsAsText: the citizen's copy names the guide's actions and
// the reception steps in words, not by their IDs, and shows the CPR number
// masked, never in full.
func TestInsightReadsAsText(t *testing.T) {
	svc, s := demoService(t, 200)
	c := recentCitizen(t, s)
	path, err := svc.Insight(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := foldedFileText(t, path)
	for _, id := range []string{"opening.goals.", "intensive.", "first_conversation"} {
		if strings.Contains(text, id) {
			t.Errorf("the insight document shows the ID %q instead of words", id)
		}
	}
	if c.CPR != "" && (strings.Contains(text, string(c.CPR[6:])) || !strings.Contains(text, c.CPR.Masked())) {
		t.Errorf("the CPR number is not masked in the insight document")
	}
	if !strings.Contains(text, "Det, vi har gjort sammen") {
		t.Errorf("the insight document lacks its parts:\n%s", text)
	}
	for _, who := range []string{"Mette Kristensen", "Jonas Holm", "Søren Østergaard", "Anne Lund"} {
		if strings.Contains(text, who+" oprettede dig i Jobspor") {
			return // the demo's caseworkers worked as themselves ("Jeg er")
		}
	}
	t.Errorf("the insight document does not name the caseworker who created the citizen:\n%s", text)
}
