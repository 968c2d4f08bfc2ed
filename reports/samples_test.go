package reports

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"jobspor/model"
)

// TestWriteEveryKind writes every kind of handout, the call list, the
// attendance report and both kinds of batch into JOBSPOR_COMPARE (nothing
// otherwise): once with a fixed date (uncompressed, the same bytes every
// run) in "fixed/" and once as printed in the office (compressed) in
// "office/". compare_handouts.sh runs it on two trees and compares the
// text and the pages. It uses only the service's public API, so it runs
// unchanged on older code.
func TestWriteEveryKind(t *testing.T) {
	dir := os.Getenv("JOBSPOR_COMPARE")
	if dir == "" {
		t.Skip("set JOBSPOR_COMPARE=folder to write every handout")
	}
	svc, s := demoService(t, 200)
	s.SaveOffice(testOffice)
	c := recentCitizen(t, s)
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	conv := &model.Conversation{CitizenID: c.ID, Start: start, End: start.Add(time.Hour), Kind: model.KindJob, Form: model.FormInPerson, Attendance: model.AttendanceHeld}
	s.PlanConversation(conv)
	matches, _ := s.MatchCitizen(c.ID, start)
	for i, m := range matches[:min(3, len(matches))] {
		s.PresentJob(conv.ID, m.ID)
		if i < 2 {
			s.AgreeJob(conv.ID, m.ID, true)
		}
	}
	next, err := s.NextConversation(c.ID, svc.Now())
	if err != nil || next == nil {
		t.Fatalf("no next conversation: %v", err)
	}
	for sub, opts := range map[string]Options{"fixed": {Fixed: fixed}, "office": {}} {
		svc.Opts = opts
		svc.OutDir = filepath.Join(dir, sub)
		writeEveryKind(t, svc, c.ID, next.Start)
	}
	// An office with a logo (with transparency): the letterhead's image.
	if err := s.SaveLogo(benchLogo()); err != nil {
		t.Fatal(err)
	}
	svc.Opts = Options{Fixed: fixed}
	out := filepath.Join(dir, "logo")
	for _, kind := range []model.HandoutKind{model.HandoutBenefitMeeting, model.HandoutFolder} {
		if err := svc.HandoutTo(kind, filepath.Join(out, string(kind)+".pdf"), c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Batch(kind, next.Start, true, filepath.Join(out, "batch-"+string(kind)+".pdf"), func(int, int) {}, nil); err != nil {
			t.Fatal(err)
		}
	}
}

func writeEveryKind(t *testing.T, svc *Service, id int64, day time.Time) {
	out := svc.OutDir
	must := func(what string, err error) {
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	for _, kind := range Kinds {
		must(string(kind), svc.HandoutTo(kind, filepath.Join(out, string(kind)+".pdf"), id))
	}
	must("ydelse with date", svc.BenefitMeetingTo(filepath.Join(out, "ydelse-dato.pdf"), id, day, "Ydelseskontoret, Vestergade 1"))
	calls, err := svc.CallList(day)
	must("call list", err)
	must("call list", os.Rename(calls, filepath.Join(out, "opkaldsliste.pdf")))
	att, err := svc.Attendance(day.AddDate(0, -6, 0), day)
	must("attendance", err)
	must("attendance", os.Rename(att, filepath.Join(out, "fremmoede.pdf")))
	for _, kind := range []model.HandoutKind{"ydelse", "folder"} {
		_, err := svc.Batch(kind, day, true, filepath.Join(out, "batch-"+string(kind)+".pdf"), func(int, int) {}, nil)
		must("batch "+string(kind), err)
	}
	files := filepath.Join(out, "batch-filer")
	_, err = svc.Batch("plan", day, false, files, func(int, int) {}, nil)
	must("batch files", err)
}
