package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

// atNoon fixes the store's clock at noon on the given day.
func atNoon(s *Store, d string) {
	t := day(d).Add(12 * time.Hour)
	s.Now = func() time.Time { return t }
}

func plan(t testing.TB, s *Store, citizen int64, start string) *model.Conversation {
	t.Helper()
	at, err := time.ParseInLocation(model.WallLayout, start, time.Local)
	must(t, err)
	c := &model.Conversation{CitizenID: citizen, Start: at, End: at.Add(30 * time.Minute),
		Kind: model.KindJob, Form: model.FormInPerson, Attendance: model.AttendancePlanned}
	must(t, s.PlanConversation(c))
	return c
}

// TestClosingWithAJobEndsTheCase: the planned conversations from the
// closing day on are cancelled by the office (earlier held ones stay), open
// notices are closed, the citizen leaves the day's list and the calendar;
// reopening brings the case back and the audit tells both.
func TestClosingWithAJobEndsTheCase(t *testing.T) {
	s := newTestStore(t)
	atNoon(s, "2026-11-23")
	c := makeCitizen(t, s)
	held := plan(t, s, c.ID, "2026-11-10T09:00")
	held.Attendance = model.AttendanceHeld
	must(t, s.SaveConversation(held))
	next := plan(t, s, c.ID, "2026-11-30T10:00")
	must(t, s.AddNotice(c.ID, "to_benefit", "Borgeren er startet i job"))

	preview, err := s.ClosePreview(nil, c.ID, day("2026-11-23"))
	must(t, err)
	if len(preview.Conversations) != 1 || preview.Conversations[0].ID != next.ID || preview.Notices != 1 {
		t.Fatalf("preview = %+v, want the 30 November conversation and 1 notice", preview)
	}
	must(t, s.CloseCase(&model.CaseClosing{CitizenID: c.ID, Date: day("2026-11-23"), Reason: model.CloseJob,
		Employer: "Netto Ringsted", JobStart: day("2026-12-01"), Hours: 37}))

	if got, _ := s.Conversation(next.ID); got.Attendance != model.AttendanceOfficeCancelled {
		t.Errorf("the planned conversation is %q, want cancelled by the office", got.Attendance)
	}
	if got, _ := s.Conversation(held.ID); got.Attendance != model.AttendanceHeld {
		t.Errorf("the held conversation became %q", got.Attendance)
	}
	if open, _ := s.OpenNotices(); len(open) != 0 {
		t.Errorf("%d notices still open", len(open))
	}
	if got, _ := s.Citizen(c.ID); got.Status != model.StatusInJob {
		t.Errorf("status = %q, want in_job", got.Status)
	}
	if day, _ := s.ConversationsFrom(time.Date(2026, 11, 30, 0, 0, 0, 0, time.Local), 1); len(day) != 0 {
		t.Errorf("30 November still lists %d conversations of the closed case", len(day))
	}
	cl, err := s.Closing(c.ID)
	if err != nil || cl.Employer != "Netto Ringsted" || cl.Hours != 37 || !cl.JobStart.Equal(day("2026-12-01")) {
		t.Fatalf("closing = %+v, %v", cl, err)
	}
	if err := s.CloseCase(&model.CaseClosing{CitizenID: c.ID, Date: day("2026-11-23"), Reason: model.CloseOther}); err == nil {
		t.Error("a closed case was closed again")
	}

	must(t, s.ReopenCase(c.ID))
	if got, _ := s.Citizen(c.ID); got.Status != model.StatusActive {
		t.Errorf("after reopening status = %q", got.Status)
	}
	if _, err := s.Closing(c.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the closing is still there after reopening: %v", err)
	}
	assertAudited(t, s, c.ID, model.AuditClose, model.AuditReopen)
}

func assertAudited(t *testing.T, s *Store, citizen int64, actions ...string) {
	t.Helper()
	entries, err := s.AuditFor(citizen)
	must(t, err)
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Action] = true
	}
	for _, a := range actions {
		if !seen[a] {
			t.Errorf("no %q in the audit of citizen %d", a, citizen)
		}
	}
}

func TestAClosingIsChecked(t *testing.T) {
	s := newTestStore(t)
	atNoon(s, "2026-11-23")
	c := makeCitizen(t, s)
	err := s.CloseCase(&model.CaseClosing{CitizenID: c.ID, Date: day("2026-12-24"), Reason: model.CloseJob})
	var v *model.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("err = %v, want problems", err)
	}
	for _, f := range []string{"date", "employer", "job_start"} {
		if _, ok := v.Problem(f); !ok {
			t.Errorf("no problem named for %s", f)
		}
	}
	if got, _ := s.Citizen(c.ID); got.Status != model.StatusActive {
		t.Error("a refused closing changed the status")
	}
}

// TestOfficeCancellationIsNoNoShow: a meeting the office called off is kept
// out of the attendance figures; the citizen's own cancellation counts.
func TestOfficeCancellationIsNoNoShow(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	for i, a := range []model.Attendance{model.AttendanceHeld, model.AttendanceOfficeCancelled, model.AttendanceOfficeCancelled, model.AttendanceCancelled} {
		cv := plan(t, s, c.ID, time.Date(2026, 11, 2+i, 9, 0, 0, 0, time.Local).Format(model.WallLayout))
		must(t, s.SetAttendance(cv.ID, a))
	}
	st, err := s.Attendance(day("2026-11-01"), day("2026-11-30"))
	must(t, err)
	if st.All.Total != 2 || st.All.Missed != 1 {
		t.Errorf("attendance counts %d marked, %d missed; want 2 and 1 (office cancellations left out)", st.All.Total, st.All.Missed)
	}
}

// TestDeletesLeaveNoText: each delete audits its kind (not its values) and
// the deleted text is in neither the database nor its -wal.
func TestDeletesLeaveNoText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	atNoon(s, "2026-11-23")
	c := makeCitizen(t, s)
	cv := plan(t, s, c.ID, "2026-11-20T09:00")
	cv.Attendance, cv.Notes = model.AttendanceHeld, "SAMTALENOTEHEMMELIG"
	must(t, s.SaveConversation(cv))
	app := &model.Application{CitizenID: c.ID, Text: "ANSOEGNINGHEMMELIG", Status: model.AppApplied, AppliedOn: day("2026-11-21")}
	must(t, s.SaveApplication(app))
	job := &model.Job{Title: "STILLINGHEMMELIG", Employer: "Firma", Deadline: day("2026-12-20")}
	must(t, s.SaveJob(job))
	mistake := makeCitizen(t, s, func(m *model.Citizen) { m.Name = "FEJLOPRETTETNAVN"; m.CPR = "0101901234" })

	must(t, s.DeleteConversation(cv.ID))
	must(t, s.DeleteApplication(app.ID))
	must(t, s.DeleteJob(job.ID))
	must(t, s.DeleteCitizen(mistake.ID))
	for _, secret := range []string{"SAMTALENOTEHEMMELIG", "ANSOEGNINGHEMMELIG", "STILLINGHEMMELIG", "FEJLOPRETTETNAVN", "0101901234"} {
		assertNotInFiles(t, path, secret)
	}
	entries, _ := s.AuditFor(c.ID)
	deletes := 0
	for _, e := range entries {
		if e.Action == model.AuditDelete {
			deletes++
			if bytes.Contains([]byte(e.Detail), []byte("HEMMELIG")) {
				t.Errorf("audit detail %q holds the deleted text", e.Detail)
			}
		}
	}
	if deletes != 2 {
		t.Errorf("%d delete rows for the citizen, want 2 (conversation, job-log line)", deletes)
	}
	assertAudited(t, s, mistake.ID, model.AuditDelete)
	if err := s.DeleteConversation(cv.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleting twice: %v, want not found", err)
	}
}

func assertNotInFiles(t *testing.T, path, secret string) {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		data, _ := os.ReadFile(p)
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("%s still holds %q", filepath.Base(p), secret)
		}
	}
}

func TestAnApplicationCannotBeDatedAhead(t *testing.T) {
	s := newTestStore(t)
	atNoon(s, "2026-11-23")
	c := makeCitizen(t, s)
	app := &model.Application{CitizenID: c.ID, Text: "Kok, Kantinen", Status: model.AppApplied, AppliedOn: day("2030-01-02")}
	var v *model.ValidationError
	if err := s.SaveApplication(app); !errors.As(err, &v) {
		t.Fatalf("an application dated 2030 was saved (%v)", err)
	}
	app.AppliedOn = day("2026-11-23")
	must(t, s.SaveApplication(app))
	app.Text, app.Status = "Kok, Kantinen på Havnen", model.AppInterview
	must(t, s.SaveApplication(app))
	got, _ := s.Applications(c.ID)
	if len(got) != 1 || got[0].Text != "Kok, Kantinen på Havnen" || got[0].Status != model.AppInterview {
		t.Errorf("edited job log = %+v", got)
	}
}

// TestCaseloadForOneCaseworkerIsTheirRows: the SQL-narrowed caseload holds
// exactly the caseworker's rows of the whole caseload, with the same counts.
func TestCaseloadForOneCaseworkerIsTheirRows(t *testing.T) {
	s := newTestStore(t)
	c := testutil.Content(t)
	_, err := s.SeedDemo(c.Guide, model.DemoOptions{Citizens: 300, Seed: 9, Today: day("2026-11-23"), Reception: c.Reception, Caseworkers: 4})
	must(t, err)
	now := day("2026-11-23").Add(12 * time.Hour)
	all, err := s.Caseload(c.Guide, now)
	must(t, err)
	mine, err := s.CaseloadFor(c.Guide, now, model.Mine("JH"))
	must(t, err)
	want := model.FilterCaseload(all, model.CaseFilter{AnyTrack: true, Scope: model.Mine("JH")})
	if len(mine) == 0 || len(mine) != len(want) {
		t.Fatalf("JH's caseload has %d rows, the whole caseload filtered %d", len(mine), len(want))
	}
	for i := range want {
		if mine[i] != want[i] {
			t.Fatalf("row %d differs:\n%+v\n%+v", i, mine[i], want[i])
		}
	}
}
