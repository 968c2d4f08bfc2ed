package model

import (
	"testing"

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

// TestRulesCarryTheTargetAndPeriod holds the 75 % target and the six-month
// period to the rules file: a file without them is refused.
func TestRulesCarryTheTargetAndPeriod(t *testing.T) {
	c := loadContent(t)
	if c.Rules.TargetPercent != 75 || c.Rules.PeriodMonths != 6 {
		t.Fatalf("target %d %%, period %d months; want 75 %% over 6 months from the rules file", c.Rules.TargetPercent, c.Rules.PeriodMonths)
	}
	if _, err := ParseRules([]byte(`{"version": "x", "rules": []}`)); err == nil {
		t.Fatal("rules without target_percent and period_months were accepted")
	}
}
