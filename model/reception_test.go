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

// TestEveryStepFallsOnItsCountedWorkingDay: for a plan of steps that start
// and end on working days 1 to 60, every first contact over two years
// (Easter, Christmas, weekends, an office's closing days) dates each step
// on the working day its numbers count to, as WorkingDay counts it.
func TestEveryStepFallsOnItsCountedWorkingDay(t *testing.T) {
	plan := &ReceptionPlan{Steps: append([]ReceptionStep{{ID: "lang", From: 3, To: 60}, {ID: "kort", From: 1, To: 1}},
		loadContent(t).Reception.Steps...)}
	cals := []*WorkCalendar{NewWorkCalendar(Closures{}),
		NewWorkCalendar(Closures{Grundlovsdag: true, ChristmasEve: true, NewYearsEve: true, Extra: []time.Time{day("2026-05-15")}})}
	for _, cal := range cals {
		for first := day("2026-01-01"); first.Before(day("2028-01-01")); first = first.AddDate(0, 0, 1) {
			for _, s := range plan.Dated(first, cal) {
				if from, to := cal.WorkingDay(first, s.From), cal.WorkingDay(first, s.To); !s.FromDate.Equal(from) || !s.ToDate.Equal(to) {
					t.Fatalf("first contact %s, step %s (days %d–%d): %s – %s, want %s – %s", first.Format(DateLayout), s.ID, s.From, s.To,
						s.FromDate.Format(DateLayout), s.ToDate.Format(DateLayout), from.Format(DateLayout), to.Format(DateLayout))
				}
			}
		}
	}
}

// TestRulesCarryTheTargetAndPeriod holds the targets, the exemption cap and
// the six-month period to the rules file: every rule before 1 July 2026
// requires its conversations of every citizen (100 %), those from then of
// 75 % with up to 25 % exempted; a file without them is refused.
func TestRulesCarryTheTargetAndPeriod(t *testing.T) {
	c := loadContent(t)
	if c.Rules.ExemptMaxPercent != 25 || c.Rules.PeriodMonths != 6 {
		t.Fatalf("exempt max %d %%, period %d months; want 25 %% over 6 months from the rules file", c.Rules.ExemptMaxPercent, c.Rules.PeriodMonths)
	}
	for _, r := range c.Rules.Rules {
		want := 100
		if r.From >= "2026-07-01" {
			want = 75
		}
		if r.TargetPercent != want {
			t.Errorf("rule %s from %s: target %d %%, want %d %%", r.ID, r.From, r.TargetPercent, want)
		}
	}
	if _, err := ParseRules([]byte(`{"version": "x", "rules": []}`)); err == nil {
		t.Fatal("rules without period_months, exempt_max_percent and no_rule were accepted")
	}
}

// stepDates is a dated plan as "id from..to" (dd-mm), in order.
func stepDates(steps []DatedStep) string {
	var out []string
	for _, s := range steps {
		out = append(out, s.ID+" "+s.FromDate.Format("02-01")+".."+s.ToDate.Format("02-01"))
	}
	return strings.Join(out, "; ")
}

// TestReceptionVariants: a 23-year-old first seen Monday 2 November 2026
// follows the youth route until a choice is made (10 råd #6-#8: straight
// into a tilbud on days 1-2, UU on days 2-5, the benefit handled alongside
// on days 1-10, no activation on day 10); a citizen chosen as not using
// self-service gets fixed conversations on working days 3, 5 and 8 instead
// of the self-service days; "standard" keeps the plan as it is.
func TestReceptionVariants(t *testing.T) {
	p := loadContent(t).Reception
	cal := NewWorkCalendar(Closures{})
	first := day("2026-11-02")
	young := &Citizen{FirstContact: first, BirthDate: day("2003-05-01")}
	if got, want := stepDates(p.For(young).Dated(first, cal)),
		"reception 02-11..02-11; first_conversation 02-11..03-11; youth_offer 02-11..03-11; benefit_clarification 02-11..13-11; "+
			"uu_guidance 03-11..06-11; active_search 03-11..09-11; joint_followup 09-11..09-11"; got != want {
		t.Errorf("youth route\n got %s\nwant %s", got, want)
	}
	young.ReceptionVariant = VariantStandard
	if got := stepDates(p.For(young).Dated(first, cal)); got != stepDates(p.Dated(first, cal)) {
		t.Errorf("standard chosen: %s", got)
	}
	adult := &Citizen{FirstContact: first, BirthDate: day("1980-05-01"), ReceptionVariant: "no_selfservice"}
	if got, want := stepDates(p.For(adult).Dated(first, cal)),
		"assisted_reception 02-11..02-11; first_conversation 02-11..03-11; fixed_conversation_1 04-11..04-11; "+
			"fixed_conversation_2 06-11..06-11; joint_followup 09-11..09-11; benefit_clarification 10-11..13-11; "+
			"fixed_conversation_3 11-11..11-11; activation 13-11..13-11"; got != want {
		t.Errorf("no self-service\n got %s\nwant %s", got, want)
	}
	if v := p.VariantFor(&Citizen{FirstContact: first, BirthDate: day("1980-05-01")}); v != nil {
		t.Errorf("an adult gets the variant %s without a choice", v.ID)
	}
	bad := *p
	bad.Variants = []ReceptionVariant{{ID: "x", Title: "X", Remove: []string{"nope"}}}
	if bad.Validate() == nil {
		t.Error("a variant removing a step that does not exist was accepted")
	}
}
