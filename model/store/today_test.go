package store

import (
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

func TestTodayGathersTheDay(t *testing.T) {
	s := newTestStore(t)
	content := testutil.Content(t)
	now := time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	young := makeCitizen(t, s, func(c *model.Citizen) { // 22, unskilled: flagged at creation
		c.Name, c.CPR, c.Education, c.FirstContact = "Lærke Ø", "150604-4123", model.EducationUnskilled, day("2026-11-24")
	})
	late := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Bjørn Å", day("2026-11-16") })
	planAt := func(id int64, start string, att model.Attendance) {
		c := testutil.Conversation(id, at(start), 45, testutil.Phone, func(c *model.Conversation) { c.Attendance = att })
		if err := s.PlanConversation(c); err != nil {
			t.Fatal(err)
		}
	}
	planAt(young.ID, "2026-11-24T13:00", model.AttendancePlanned)
	planAt(late.ID, "2026-11-24T09:30", model.AttendancePlanned)
	planAt(late.ID, "2026-11-20T10:00", model.AttendanceNoShow)
	if err := s.SaveBenefitCase(&model.BenefitCase{CitizenID: late.ID, IntendsOn: day("2026-11-16")}, 6); err != nil {
		t.Fatal(err)
	}
	v, err := s.Today(content, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Conversations) != 2 || v.Conversations[0].Name != "Bjørn Å" || v.Conversations[1].Name != "Lærke Ø" {
		t.Errorf("today's conversations not in time order: %+v", v.Conversations)
	}
	if len(v.CatchUp) != 1 || v.CatchUp[0].CitizenID != late.ID {
		t.Errorf("catch-up list = %+v", v.CatchUp)
	}
	if len(v.Youth) != 1 || v.Youth[0].Age != 22 || v.Youth[0].FlaggedOn.Format(model.DateLayout) != "2026-11-24" {
		t.Errorf("youth = %+v", v.Youth)
	}
	if len(v.Notices) != 1 || v.Notices[0].Direction != "to_benefit" {
		t.Errorf("notices = %+v", v.Notices)
	}
	overdue := map[string]bool{}
	for _, row := range v.OverdueSteps {
		for _, st := range row.Steps {
			if row.CitizenID == late.ID {
				overdue[st.ID] = true
			}
		}
	}
	if !overdue["reception"] || !overdue["joint_followup"] || overdue["benefit_clarification"] {
		t.Errorf("overdue steps for a citizen on working day 7: %v", overdue)
	}
	// The catch-up session is held: the list empties.
	if err := s.SaveCatchUp(now); err != nil {
		t.Fatal(err)
	}
	if v, _ = s.Today(content, now.Add(time.Hour)); len(v.CatchUp) != 0 {
		t.Errorf("after the catch-up session the list still has %d", len(v.CatchUp))
	}
	if err := s.AcknowledgeNotice(v.Notices[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.OpenNotices(); len(n) != 0 {
		t.Error("an acknowledged notice is still open")
	}
}

func TestComplianceFigure(t *testing.T) {
	s := newTestStore(t)
	r := testutil.Content(t).Rules
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.Local)
	onCourse := makeCitizen(t, s, func(c *model.Citizen) { c.Benefit, c.FirstContact = model.BenefitKontanthjaelp, day("2026-08-24") })
	makeCitizen(t, s, func(c *model.Citizen) { c.Benefit, c.FirstContact = model.BenefitKontanthjaelp, day("2026-08-24") })
	makeCitizen(t, s, func(c *model.Citizen) { c.FirstContact = day("2026-01-05") }) // past six months: not counted
	for _, d := range []string{"2026-08-25T10:00", "2026-09-20T10:00"} {
		must(t, s.PlanConversation(testutil.Conversation(onCourse.ID, at(d), 60, testutil.Phone, testutil.Held)))
	}
	got, err := s.Compliance(r, now)
	want := model.Figure{OnCourse: 1, Total: 2, TargetPercent: 75}
	if err != nil || got.OnTime != want || got.First != (model.Figure{OnCourse: 1, Total: 2, TargetPercent: 100}) {
		t.Fatalf("compliance = %+v, %v; want 1 of 2 on course in both figures", got, err)
	}
}
