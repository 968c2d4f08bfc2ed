package model

import (
	"strings"
	"testing"
	"time"

	"jobspor/assets"
)

func loadContent(t testing.TB) *Content {
	t.Helper()
	c, err := LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReceptionPlanStartedOnAFriday(t *testing.T) {
	plan := loadContent(t).Reception
	steps := plan.Dated(day("2026-11-20"), NewWorkCalendar(Closures{}))
	want := map[string][2]string{
		"reception":             {"2026-11-20", "2026-11-20"},
		"first_conversation":    {"2026-11-20", "2026-11-23"},
		"active_search":         {"2026-11-23", "2026-11-27"},
		"joint_followup":        {"2026-11-27", "2026-11-27"},
		"benefit_clarification": {"2026-11-30", "2026-12-03"},
		"activation":            {"2026-12-03", "2026-12-03"},
	}
	if len(steps) != len(want) {
		t.Fatalf("%d steps, want the 10 råd example's %d", len(steps), len(want))
	}
	for _, s := range steps {
		w := want[s.ID]
		if got := [2]string{s.FromDate.Format(DateLayout), s.ToDate.Format(DateLayout)}; got != w {
			t.Errorf("%s: %v, want %v", s.ID, got, w)
		}
	}
}

func TestReceptionAcrossEaster2026WithOfficeClosures(t *testing.T) {
	plan := loadContent(t).Reception
	steps := plan.Dated(day("2026-03-31"), NewWorkCalendar(Closures{}))
	last := steps[len(steps)-1]
	// 31 Mar d1, 1 Apr d2, 7–10 Apr d3–d6, 13–16 Apr d7–d10 (2, 3, 6 Apr closed)
	if got := last.ToDate.Format(DateLayout); got != "2026-04-16" {
		t.Errorf("activation after Easter 2026 = %s, want 2026-04-16", got)
	}
}

func TestTickedStepsAndOverdue(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s, func(c *Citizen) { c.FirstContact = day("2026-11-20") })
	plan := loadContent(t).Reception
	cal := NewWorkCalendar(Closures{})
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
	def := loadContent(t).Reception
	own := &ReceptionPlan{Version: "kontor-1", Steps: []ReceptionStep{{ID: "a", From: 1, To: 3, Title: "Jobværksted"}}}
	if err := s.SaveReceptionPlan(own); err != nil {
		t.Fatal(err)
	}
	got, err := s.ReceptionPlan(def)
	if err != nil || len(got.Steps) != 1 || got.Steps[0].Title != "Jobværksted" {
		t.Fatalf("office plan = %+v, %v", got, err)
	}
	bad := &ReceptionPlan{Steps: []ReceptionStep{{ID: "b", From: 5, To: 2, Title: "Baglæns"}}}
	if err := s.SaveReceptionPlan(bad); err == nil || !strings.Contains(err.Error(), "Baglæns") {
		t.Fatalf("a step ending before it starts was saved: %v", err)
	}
}

// TestRuleSwitchOnFirstJuly2026: a dagpenge citizen who started before the
// reform keeps the old minimum; one who started after gets the new one.
func TestRuleSwitchOnFirstJuly2026(t *testing.T) {
	r := loadContent(t).Rules
	before := r.For(OfficeJobcenter, BenefitDagpenge, day("2026-06-30"))
	after := r.For(OfficeJobcenter, BenefitDagpenge, day("2026-07-01"))
	if before == nil || after == nil || before.ID != "jc-2020-dagpenge" || after.ID != "jc-2026-dagpenge" {
		t.Fatalf("before %v, after %v", before, after)
	}
	if len(after.Requirements) != 3 || after.Requirements[2].WithinMonths != 16 {
		t.Errorf("the new dagpenge rule lacks the 16-month conversation: %+v", after.Requirements)
	}
	if k := r.For(OfficeJobcenter, BenefitKontanthjaelp, day("2026-08-01")); k == nil || k.Requirements[1].Count != 4 {
		t.Errorf("job-ready kontanthjælp after the reform: %+v, want 4 in 6 months", k)
	}
	if a := r.For(OfficeAkasse, BenefitDagpenge, day("2026-08-01")); a == nil || a.Requirements[0].Count != 2 || a.Requirements[0].WithinMonths != 3 {
		t.Errorf("a-kasse after the reform: %+v, want 2 in 3 months", a)
	}
	for _, rule := range r.Rules {
		if rule.Source == "" {
			t.Errorf("rule %s has no source line", rule.ID)
		}
	}
}

func TestDueConversationsCountHeldJobConversations(t *testing.T) {
	s := newTestStore(t)
	r := loadContent(t).Rules
	c := makeCitizen(t, s, func(c *Citizen) { c.Benefit, c.FirstContact = BenefitKontanthjaelp, day("2026-07-06") })
	for i, att := range []Attendance{AttendanceHeld, AttendanceNoShow, AttendanceHeld} {
		start := time.Date(2026, 7, 7+14*i, 10, 0, 0, 0, time.Local)
		cv := &Conversation{CitizenID: c.ID, Start: start, End: start.Add(time.Hour), Kind: KindJob, Form: FormPhone, Attendance: att}
		if err := s.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
	}
	due, err := s.DueConversations(r, c)
	if err != nil || len(due) != 2 {
		t.Fatalf("due = %+v, %v", due, err)
	}
	if !due[0].Met || due[1].Met || due[1].Had != 2 || due[1].By.Format(DateLayout) != "2027-01-06" {
		t.Fatalf("first %+v; six months: had %d met %v by %s", due[0], due[1].Had, due[1].Met, due[1].By.Format(DateLayout))
	}
	if got := due[1].Expected(day("2026-10-06")); got != 2 {
		t.Errorf("expected by month 3 of 6 = %d, want 2 (pro rata of 4)", got)
	}
}
