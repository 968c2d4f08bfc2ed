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
	pdf, err := svc.Ydelse(c.ID, time.Time{}, "Ydelseskontoret")
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
	if err := svc.YdelseTo(filepath.Join(dir, "findes-ikke", "\x00.pdf"), c.ID, time.Time{}, ""); err == nil {
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
