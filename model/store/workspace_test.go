package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
)

func TestAssignTrackKeepsHistoryAndRefusesBadAssessments(t *testing.T) {
	s := newTestStore(t)
	s.Now = func() time.Time { return at("2026-11-23T12:00") }
	c := makeCitizen(t, s) // first contact 2026-11-02
	first := &model.TrackChange{CitizenID: c.ID, Track: model.TrackIntensive, On: day("2026-11-12"), Reason: "Klar til job"}
	second := &model.TrackChange{CitizenID: c.ID, Track: model.TrackLongterm, On: day("2026-11-20"), Reason: "Ingen fremdrift"}
	for _, tc := range []*model.TrackChange{first, second} {
		if err := s.AssignTrack(tc); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.Citizen(c.ID)
	hist, _ := s.TrackHistory(c.ID)
	if got.Track != model.TrackLongterm || len(hist) != 2 || hist[0].Track != model.TrackIntensive || hist[1].By != s.User {
		t.Fatalf("track %q, history %+v", got.Track, hist)
	}
	bad := []*model.TrackChange{
		{CitizenID: c.ID, Track: model.TrackNone, On: day("2026-11-20"), Reason: "x"},
		{CitizenID: c.ID, Track: model.TrackEducation, On: day("2026-10-01"), Reason: "før første kontakt"},
		{CitizenID: c.ID, Track: model.TrackEducation, On: day("2026-12-01"), Reason: "i fremtiden"},
		{CitizenID: c.ID, Track: model.TrackEducation, On: day("2026-11-20"), Reason: "  "},
	}
	for _, b := range bad {
		if err := s.AssignTrack(b); err == nil {
			t.Errorf("accepted %+v", b)
		}
	}
	if err := s.AssignTrack(&model.TrackChange{CitizenID: 999, Track: model.TrackEducation, On: day("2026-11-20"), Reason: "x"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("assessment of a missing citizen: %v", err)
	}
	if hist, _ := s.TrackHistory(c.ID); len(hist) != 2 || countRows(t, s, "track_changes") != 2 {
		t.Fatalf("refused assessments left rows: %d", countRows(t, s, "track_changes"))
	}
}

func TestRecordsRoundTripThroughARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "records.db")
	s, err := Open(path)
	must(t, err)
	c := makeCitizen(t, s)
	steps := []error{
		s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Køkkenmedhjælper", Horizon: model.HorizonShort}),
		s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Kok", Horizon: model.HorizonLong, Note: "Kræver EUV"}),
		s.SaveOpening(&model.Opening{CitizenID: c.ID, UpskillingNeed: "Hygiejnebevis", EUV: model.EUVYes}),
		s.SaveUpskilling(&model.Upskilling{CitizenID: c.ID, Kind: model.UpskillingCertificate, Title: "Hygiejnebevis",
			Status: model.UpskillingCompleted, Completed: day("2026-11-20"), GoalsUpdated: true}),
		s.SaveEducationPlan(&model.EducationPlan{CitizenID: c.ID, Chosen: "Ernæringsassistent", PriorLearning: "planned", Enrolled: true, Start: day("2027-01-10")}),
		s.SaveCompanyEffort(&model.CompanyEffort{CitizenID: c.ID, Kind: model.CompanyPraktik, Company: "Kantinen A/S",
			Start: day("2026-11-01"), End: day("2026-11-28"), Conditions: "20 timer om ugen bagefter", Outcome: "no_job"}),
		s.SaveTempAgency(&model.TempAgency{CitizenID: c.ID, Agency: "Vikarhuset", Registered: day("2026-11-15")}),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	s.Close()
	s, err = Open(path)
	must(t, err)
	defer s.Close()
	goals, _ := s.JobGoals(c.ID)
	o, _ := s.Opening(c.ID)
	u, _ := s.Upskillings(c.ID)
	e, _ := s.EducationPlan(c.ID)
	co, _ := s.CompanyEfforts(c.ID)
	ta, _ := s.TempAgencies(c.ID)
	if len(goals) != 2 || goals[0].Title != "Køkkenmedhjælper" || goals[1].Horizon != model.HorizonLong ||
		o.EUV != model.EUVYes || len(u) != 1 || !u[0].GoalsUpdated || u[0].CVUpdated ||
		e.Chosen != "Ernæringsassistent" || !e.Enrolled || len(co) != 1 || !co[0].NeedsJointMeeting() ||
		len(ta) != 1 || ta[0].Agency != "Vikarhuset" {
		t.Fatalf("after restart: goals %+v opening %+v upskilling %+v education %+v company %+v temp %+v", goals, o, u, e, co, ta)
	}
	co[0].JointMeeting = day("2026-11-30")
	if err := s.SaveCompanyEffort(&co[0]); err != nil {
		t.Fatal(err)
	}
	if co, _ = s.CompanyEfforts(c.ID); co[0].NeedsJointMeeting() || len(co) != 1 {
		t.Fatalf("after the joint meeting: %+v", co)
	}
}

func TestBadRecordsAreRefusedWithNothingWritten(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	errs := map[string]error{
		"empty goal":               s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: " ", Horizon: model.HorizonShort}),
		"completed without a date": s.SaveUpskilling(&model.Upskilling{CitizenID: c.ID, Kind: model.UpskillingFVU, Title: "Dansk", Status: model.UpskillingCompleted}),
		"end before start": s.SaveCompanyEffort(&model.CompanyEffort{CitizenID: c.ID, Kind: model.CompanyLoentilskud, Company: "Bæk ApS",
			Start: day("2026-11-20"), End: day("2026-11-01")}),
		"no company":        s.SaveCompanyEffort(&model.CompanyEffort{CitizenID: c.ID, Kind: model.CompanyPraktik, Start: day("2026-11-01"), End: day("2026-11-02")}),
		"100,000-char note": s.SaveTempAgency(&model.TempAgency{CitizenID: c.ID, Agency: "Vikar", Note: strings.Repeat("a", 100000)}),
	}
	for what, err := range errs {
		var v *model.ValidationError
		if !errors.As(err, &v) {
			t.Errorf("%s: %v, want a ValidationError", what, err)
		}
	}
	for _, table := range []string{"job_goals", "upskillings", "company_efforts", "temp_agencies"} {
		if n := countRows(t, s, table); n != 0 {
			t.Errorf("%d rows in %s from refused input", n, table)
		}
	}
}

func TestPlanGathersWhatIsAgreed(t *testing.T) {
	s := newTestStore(t)
	s.Now = func() time.Time { return at("2026-11-23T12:00") }
	g := loadGuide(t)
	c := makeCitizen(t, s)
	must(t, s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Lagermedarbejder", Horizon: model.HorizonShort}))
	must(t, s.AssignTrack(&model.TrackChange{CitizenID: c.ID, Track: model.TrackIntensive, On: day("2026-11-12"), Reason: "Klar"}))
	must(t, s.SaveProgress(&model.Progress{CitizenID: c.ID, ActionID: "intensive.concrete.3", Done: true, DoneOn: day("2026-11-20"), Note: "Tre job"}))
	held := conversationAt(c.ID, "2026-11-20T10:00", "2026-11-20T10:45")
	held.Attendance, held.Agreements = model.AttendanceHeld, "Søger lagerjob hos Dagrofa og Coop"
	next := conversationAt(c.ID, "2026-11-27T10:00", "2026-11-27T10:45")
	must(t, s.PlanConversation(held))
	must(t, s.PlanConversation(next))
	p, err := s.Plan(g, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, a := range p.AgreedActions {
		if a.Done {
			done++
		}
	}
	_, trackTotal := g.Track(model.TrackIntensive).Count(nil)
	if len(p.Goals) != 1 || len(p.Agreements) != 1 || p.Agreements[0].Text != held.Agreements ||
		p.Next == nil || p.Next.ID != next.ID || done != 1 || len(p.AgreedActions) != trackTotal {
		t.Fatalf("plan: goals %d, agreements %+v, next %+v, %d done of %d actions", len(p.Goals), p.Agreements, p.Next, done, len(p.AgreedActions))
	}
}
