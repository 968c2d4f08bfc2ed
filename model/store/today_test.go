package store

import (
	"reflect"
	"slices"
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

// TestComplianceFigure: on 24 November 2026 the minimum counts a citizen
// once the window is decided, with no share expected inside it (the old
// pro rata "2 of 4 by month 3" has no source, LAB § 31 counts the 6 months
// as a whole). One kontanthjælp citizen (contact 24 August, window to 23
// February) already had 4: counted, met; the other had 2: still open, not
// counted. A dagpenge citizen unemployed 5 January (2024 rule, the
// jobcentre's 3 due 5 April - 4 July) had none: counted, not met, against
// 100 %. First conversation: one of the two kontanthjælp citizens had it
// within the week.
func TestComplianceFigure(t *testing.T) {
	s := newTestStore(t)
	r := testutil.Content(t).Rules
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.Local)
	onCourse := makeCitizen(t, s, func(c *model.Citizen) { c.Benefit, c.FirstContact = model.BenefitKontanthjaelp, day("2026-08-24") })
	open := makeCitizen(t, s, func(c *model.Citizen) { c.Benefit, c.FirstContact = model.BenefitKontanthjaelp, day("2026-08-24") })
	makeCitizen(t, s, func(c *model.Citizen) { c.FirstContact = day("2026-01-05") })
	for _, d := range []string{"2026-08-25T10:00", "2026-09-20T10:00", "2026-10-20T10:00", "2026-11-20T10:00"} {
		must(t, s.PlanConversation(testutil.Conversation(onCourse.ID, at(d), 60, testutil.Phone, testutil.Held)))
	}
	for _, d := range []string{"2026-09-02T10:00", "2026-10-02T10:00"} {
		must(t, s.PlanConversation(testutil.Conversation(open.ID, at(d), 60, testutil.Phone, testutil.Held)))
	}
	got, err := s.Compliance(r, now)
	want := []model.GroupFigure{{Group: "Dagpengemodtagere", From: "2024-01-01", Figure: model.Figure{Total: 1, TargetPercent: 100}},
		{Group: "Jobparate kontanthjælps- og ledighedsydelsesmodtagere", From: "2026-07-01", Figure: model.Figure{OnCourse: 1, Total: 1, TargetPercent: 75}}}
	if err != nil || !reflect.DeepEqual(got.Groups, want) || got.OnTime != (model.Figure{OnCourse: 1, Total: 2, TargetPercent: 100}) ||
		got.First != (model.Figure{OnCourse: 1, Total: 2, TargetPercent: 100}) {
		t.Fatalf("compliance = %+v, %v; want groups %+v", got, err, want)
	}
}

// TestTodayForOneCaseworker: Today narrowed in SQL to one caseworker's
// citizens is the office's Today filtered to them, part by part; the
// compliance figure read as one row per citizen matches one built from
// each citizen's conversations.
func TestTodayForOneCaseworker(t *testing.T) {
	s := newTestStore(t)
	c := testutil.Content(t)
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local)
	if _, err := s.SeedDemo(loadGuide(t), model.DemoOptions{Citizens: 400, Seed: 5, Today: now, Reception: c.Reception, Caseworkers: 4}); err != nil {
		t.Fatal(err)
	}
	all, err := s.Today(c, now)
	must(t, err)
	if len(all.Conversations) == 0 || len(all.Due) == 0 {
		t.Fatalf("the demo's day is empty: %d conversations, %d deadlines", len(all.Conversations), len(all.Due))
	}
	for _, who := range []string{"AL", "MK"} {
		mine, err := s.CitizensOf(who)
		must(t, err)
		want := all.Only(mine)
		got, err := s.TodayFor(c, now, model.Mine(who))
		must(t, err)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("TodayFor(%s) differs from Today().Only:\n got %+v\nwant %+v", who, got, want)
		}
	}
	fig, err := s.Compliance(c.Rules, now)
	must(t, err)
	kind, _ := s.OfficeKind()
	var cases []model.Case
	rows, _ := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	from, to := model.DateOnly(now).AddDate(0, -2*c.Rules.PeriodMonths, 0), model.DateOnly(now)
	in := func(d time.Time) bool { return !d.Before(from) && !d.After(to) }
	for _, r := range rows {
		z, err := s.Citizen(r.ID)
		must(t, err)
		if z.Status != model.StatusActive || !in(z.UnemployedSince) && !in(z.FirstContact) {
			continue
		}
		convs, err := s.Conversations(z.ID)
		must(t, err)
		cs := model.Case{Citizen: *z}
		for _, h := range model.HeldOf(convs) {
			if slices.Contains(model.JobConversationKinds, h.Kind) {
				cs.Held = append(cs.Held, h)
			}
		}
		cases = append(cases, cs)
	}
	if want := c.Rules.Tally(kind, cases, now); !reflect.DeepEqual(fig, want) {
		t.Errorf("compliance = %+v, want %+v", fig, want)
	}
}

// TestHeldDaysKeptByTriggers: citizens.held_days lists the days of the held
// job conversations (the kinds of model.JobConversationKinds, as 0010's
// triggers name them) through planning, marking, changing and deleting.
func TestHeldDaysKeptByTriggers(t *testing.T) {
	s := newTestStore(t)
	z := makeCitizen(t, s)
	held := func() []time.Time {
		t.Helper()
		var b []byte
		must(t, s.db.QueryRow(`SELECT held_days FROM citizens WHERE id = ?`, z.ID).Scan(&b))
		held, err := heldDays(b)
		must(t, err)
		var days []time.Time
		for _, h := range held {
			days = append(days, h.Day)
		}
		slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
		return days
	}
	var ids []int64
	start := time.Date(2026, 10, 5, 9, 0, 0, 0, time.Local)
	for i, kind := range model.ConversationKinds {
		c := &model.Conversation{CitizenID: z.ID, Start: start.AddDate(0, 0, i), Kind: kind, Form: model.FormInPerson, Attendance: model.AttendanceHeld}
		c.End = c.Start.Add(30 * time.Minute)
		must(t, s.PlanConversation(c))
		ids = append(ids, c.ID)
	}
	if got := held(); len(got) != len(model.JobConversationKinds) {
		t.Fatalf("held days %v for %d held conversations of kinds %v; job kinds are %v", got, len(ids), model.ConversationKinds, model.JobConversationKinds)
	}
	must(t, s.SetAttendance(ids[0], model.AttendanceNoShow))
	if got := held(); len(got) != len(model.JobConversationKinds)-1 || got[0].Day() != 6 {
		t.Errorf("after a no-show: %v", got)
	}
	c, err := s.Conversation(ids[1])
	must(t, err)
	c.Start, c.End = c.Start.AddDate(0, 0, 10), c.End.AddDate(0, 0, 10)
	must(t, s.SaveConversation(c))
	if got := held(); got[len(got)-1].Day() != 16 {
		t.Errorf("after moving a conversation to the 16th: %v", got)
	}
	for _, id := range ids {
		must(t, s.DeleteConversation(id))
	}
	if got := held(); len(got) != 0 {
		t.Errorf("after deleting every conversation: %v", got)
	}
}
