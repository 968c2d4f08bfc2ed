package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

func TestServiceWritesAuditsAndLeavesNothingHalfWritten(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "svc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := &model.Citizen{Name: "Søren Ærø", CPR: "120385-4321", Phone: "20 30 40 50", Benefit: model.BenefitDagpenge,
		Education: model.EducationSkilled, Status: model.StatusActive, FirstContact: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)}
	if err := s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	conv := &model.Conversation{CitizenID: c.ID, Start: start, End: start.Add(45 * time.Minute), Kind: model.KindJob, Form: model.FormPhone}
	if err := s.PlanConversation(conv); err != nil {
		t.Fatal(err)
	}
	svc := NewService(s, testContent(t))
	svc.Opts = Options{Fixed: fixed}
	pdf, err := svc.BenefitMeeting(c.ID, time.Time{}, "Ydelseskontoret")
	if err != nil {
		t.Fatal(err)
	}
	ics, err := svc.CalendarOne(conv.ID)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(ics)
	if !strings.Contains(string(raw), "SUMMARY:Jobsamtale: Søren Ærø\r\n") || !strings.Contains(string(raw), "DTSTART;TZID=Europe/Copenhagen:20261124T100000") {
		t.Errorf("calendar file:\n%s", raw)
	}
	if data, _ := os.ReadFile(pdf); !strings.HasPrefix(string(data), "%PDF") || strings.Contains(string(data), "4321") {
		t.Error("the checklist is not a PDF, or it carries the CPR number")
	}
	audit, _ := s.AuditFor(c.ID)
	var kinds []string
	for _, a := range audit {
		kinds = append(kinds, a.Action+":"+a.Detail)
	}
	if got := strings.Join(kinds, ","); !strings.Contains(got, "print:ydelse") || !strings.Contains(got, "export:calendar") {
		t.Errorf("audit = %s", got)
	}
	if err := svc.BenefitMeetingTo(filepath.Join(dir, "findes-ikke", "\x00.pdf"), c.ID, time.Time{}, ""); err == nil {
		t.Error("writing to an impossible path succeeded")
	}
	left, _ := filepath.Glob(filepath.Join(svc.OutDir, ".jobspor-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func testContent(t *testing.T) *model.Content { return testContentTB(t) }

func testContentTB(t testing.TB) *model.Content {
	t.Helper()
	c, err := model.LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// failingAudit is a database whose audit cannot be written (disk full).
type failingAudit struct{ Source }

func (failingAudit) LogAuditMany(string, []int64, string) error {
	return model.NewUserError("error.db.full", nil)
}

// TestAPrintExistsExactlyWhenItsAuditRowDoes: a handout whose audit fails
// is removed again; one that cannot be put in place writes no audit row;
// files are private; a killed run's temp files are swept at the next start.
func TestAPrintExistsExactlyWhenItsAuditRowDoes(t *testing.T) {
	s := storetest.Open(t)
	c := storetest.AddCitizen(t, s)
	dir := t.TempDir()
	stale := filepath.Join(filepath.Dir(s.Path()), "udskrifter", ".jobspor-123456")
	if err := os.MkdirAll(filepath.Dir(stale), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("%PDF halv"), 0o600); err != nil {
		t.Fatal(err)
	}
	svc := NewService(failingAudit{s}, testContent(t))
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a killed run's temp file was not swept at start")
	}
	out := filepath.Join(dir, "tjekliste.pdf")
	if err := svc.BenefitMeetingTo(out, c.ID, time.Time{}, ""); err == nil || !strings.Contains(err.Error(), "Disken er fuld") {
		t.Fatalf("print with a failing audit: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a handout whose print was not audited is still there")
	}
	svc = NewService(s, testContent(t))
	before, _ := s.AuditFor(c.ID)
	if err := os.Mkdir(filepath.Join(dir, "mappe.pdf"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := svc.BenefitMeetingTo(filepath.Join(dir, "mappe.pdf"), c.ID, time.Time{}, ""); err == nil || !strings.Contains(err.Error(), "kunne ikke gemmes") {
		t.Fatalf("print onto a folder: %v", err)
	}
	if after, _ := s.AuditFor(c.ID); len(after) != len(before) {
		t.Fatal("a print that was not saved was audited")
	}
	must := svc.BenefitMeetingTo(out, c.ID, time.Time{}, "")
	if fi, err := os.Stat(out); must != nil || err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("a saved handout: %v, %v, mode %v; want it private", must, err, fi.Mode())
	}
}

// TestAnEmojiInANameAndATitleStillPrints: a character outside the font
// stands as □, the rest of the text prints, and the caller is told where.
func TestAnEmojiInANameAndATitleStillPrints(t *testing.T) {
	s := storetest.Open(t)
	c := storetest.AddCitizen(t, s, func(c *model.Citizen) { c.Name = "Søren 👩 Ærø" })
	j := storetest.AddJob(t, s, "Kok 🍳 på Ærø", model.Now().AddDate(0, 0, 10))
	svc := NewService(s, testContent(t))
	svc.OutDir = t.TempDir()
	path, err := svc.Handout(model.HandoutFolder, c.ID)
	w, warned := model.AsPrintWarning(err)
	if !warned || path == "" || !strings.Contains(strings.Join(w.Texts, " "), "Søren □ Ærø") {
		t.Fatalf("folder for a name with an emoji: %q, %v", path, err)
	}
	if text := fileText(t, path); !strings.Contains(text, "Søren □ Ærø") {
		t.Fatalf("the folder reads %q", text)
	}
	list, err := svc.Handout(model.HandoutJobList, 0)
	if _, warned := model.AsPrintWarning(err); !warned || !strings.Contains(fileText(t, list), "Kok □ på Ærø") {
		t.Fatalf("job list with %q: %v", j.Title, err)
	}
	if !strings.Contains(w.Error(), "vist som □") {
		t.Fatalf("the warning reads %q", w.Error())
	}
}

// seeingAudit notes, when the print is audited, whether the handout is
// already visible at its path.
type seeingAudit struct {
	Source
	path    string
	visible bool
}

func (a *seeingAudit) LogAuditMany(action string, ids []int64, detail string) error {
	if _, err := os.Stat(a.path); err == nil {
		a.visible = true
	}
	return a.Source.LogAuditMany(action, ids, detail)
}

// TestAPrintIsAuditedBeforeItIsVisible: a run killed anywhere never leaves
// a handout without its print row, because the row is written before the
// file appears (the old order — rename, sync, audit — left a PDF and no row
// when killed at the folder's sync).
func TestAPrintIsAuditedBeforeItIsVisible(t *testing.T) {
	s := storetest.Open(t)
	c := storetest.AddCitizen(t, s)
	out := filepath.Join(t.TempDir(), "tjekliste.pdf")
	a := &seeingAudit{Source: s, path: out}
	svc := NewService(a, testContent(t))
	if err := svc.BenefitMeetingTo(out, c.ID, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	if a.visible {
		t.Fatal("the handout was visible before its print was audited")
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("the handout is not there after the print: %v", err)
	}
}
