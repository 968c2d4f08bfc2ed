package store

import (
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

// TestTodayShowsTheVariantsSteps: on Monday 9 November 2026 a citizen
// first seen Monday 2 November and chosen as not using self-service has the
// fixed conversations of working days 3 and 5 (4 and 6 November) overdue,
// not the self-service days; an office's own plan saved without variants
// still offers the variants that fit it.
func TestTodayShowsTheVariantsSteps(t *testing.T) {
	s := newTestStore(t)
	content := testutil.Content(t)
	now := time.Date(2026, 11, 9, 12, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Uden selvbetjening", day("2026-11-02") })
	must(t, s.SetReceptionVariant(content.Reception, c, "no_selfservice"))
	v, err := s.Today(content, now)
	must(t, err)
	var titles []string
	for _, row := range v.OverdueSteps {
		for _, st := range row.Steps {
			titles = append(titles, st.ID+" "+st.ToDate.Format(model.DateLayout))
		}
	}
	if got := strings.Join(titles, "; "); got != "assisted_reception 2026-11-02; first_conversation 2026-11-03; fixed_conversation_1 2026-11-04; fixed_conversation_2 2026-11-06" {
		t.Errorf("overdue steps: %s", got)
	}
	own := &model.ReceptionPlan{Version: "eget", Steps: content.Reception.Steps}
	must(t, s.SaveReceptionPlan(own))
	p, err := s.ReceptionPlan(content.Reception)
	must(t, err)
	if len(p.Variants) != 3 {
		t.Errorf("the office's own plan offers %d variants, want 3", len(p.Variants))
	}
}

// TestExemptedCitizenLeavesTheDeadlineList: a kontanthjælp citizen first
// seen 1 September 2026 has four conversations due by 28 February 2027;
// on 20 February it is listed, once exempted it is not, undone it is again.
func TestExemptedCitizenLeavesTheDeadlineList(t *testing.T) {
	s := newTestStore(t)
	content := testutil.Content(t)
	now := time.Date(2027, 2, 20, 12, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	c := makeCitizen(t, s, func(c *model.Citizen) {
		c.Benefit, c.FirstContact, c.UnemployedSince = model.BenefitKontanthjaelp, day("2026-09-01"), day("2026-09-01")
	})
	count := func() int {
		v, err := s.Today(content, now)
		must(t, err)
		return len(v.Due)
	}
	if n := count(); n != 1 {
		t.Fatalf("%d deadlines before the exemption, want 1", n)
	}
	must(t, s.Exempt(&model.Exemption{CitizenID: c.ID, Reason: "Selvhjulpen", DecidedOn: day("2027-01-05")}))
	if n := count(); n != 0 {
		t.Errorf("%d deadlines for an exempted citizen, want 0", n)
	}
	must(t, s.UndoExemption(c.ID))
	if n := count(); n != 1 {
		t.Errorf("%d deadlines after undoing, want 1", n)
	}
	if err := s.UndoExemption(c.ID); err == nil {
		t.Error("undoing twice was accepted")
	}
	var actions int
	must(t, s.db.QueryRow(`SELECT count(*) FROM audit WHERE action = ? AND citizen_id = ?`, model.AuditExemption, c.ID).Scan(&actions))
	if actions != 2 {
		t.Errorf("%d audit rows about the exemption, want 2 (exempt, undo)", actions)
	}
}
