package store

import (
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

func TestTickedStepsAndOverdue(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s, func(c *model.Citizen) { c.FirstContact = day("2026-11-20") })
	plan := testutil.Content(t).Reception
	cal := model.NewWorkCalendar(model.Closures{})
	if err := s.TickReception(c.ID, "reception", true); err != nil {
		t.Fatal(err)
	}
	steps, _ := s.Reception(plan, cal, c)
	today := day("2026-11-24")
	var overdue []string
	for _, st := range steps {
		if st.Overdue(today) {
			overdue = append(overdue, st.ID)
		}
	}
	if !steps[0].Done || steps[0].By != s.User || strings.Join(overdue, ",") != "first_conversation" {
		t.Fatalf("reception ticked %v, overdue on 24 Nov %v", steps[0].Done, overdue)
	}
}

func TestAnOfficeCanAdaptThePlan(t *testing.T) {
	s := newTestStore(t)
	def := testutil.Content(t).Reception
	own := &model.ReceptionPlan{Version: "kontor-1", Steps: []model.ReceptionStep{{ID: "a", From: 1, To: 3, Title: "Jobværksted"}}}
	if err := s.SaveReceptionPlan(own); err != nil {
		t.Fatal(err)
	}
	got, err := s.ReceptionPlan(def)
	if err != nil || len(got.Steps) != 1 || got.Steps[0].Title != "Jobværksted" {
		t.Fatalf("office plan = %+v, %v", got, err)
	}
	bad := &model.ReceptionPlan{Steps: []model.ReceptionStep{{ID: "b", From: 5, To: 2, Title: "Baglæns"}}}
	if err := s.SaveReceptionPlan(bad); err == nil || !strings.Contains(err.Error(), "Baglæns") {
		t.Fatalf("a step ending before it starts was saved: %v", err)
	}
}

func TestDueConversationsCountHeldJobConversations(t *testing.T) {
	s := newTestStore(t)
	r := testutil.Content(t).Rules
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Benefit, c.FirstContact = model.BenefitKontanthjaelp, day("2026-07-06") })
	for i, att := range []model.Attendance{model.AttendanceHeld, model.AttendanceNoShow, model.AttendanceHeld} {
		start := time.Date(2026, 7, 7+14*i, 10, 0, 0, 0, time.Local)
		cv := testutil.Conversation(c.ID, start, 60, testutil.Phone, func(c *model.Conversation) { c.Attendance = att })
		if err := s.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
	}
	due, err := s.DueConversations(r, c)
	if err != nil || len(due) != 2 {
		t.Fatalf("due = %+v, %v", due, err)
	}
	if !due[0].Met || due[1].Met || due[1].Had != 2 || due[1].By.Format(model.DateLayout) != "2027-01-05" {
		t.Fatalf("first %+v; six months: had %d met %v by %s", due[0], due[1].Had, due[1].Met, due[1].By.Format(model.DateLayout))
	}
}
