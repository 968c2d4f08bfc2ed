package model

import (
	"fmt"
	"strings"
	"testing"
)

// TestAGroupTheLawChangedIsTwoLinesToldApart: a dagpenge citizen unemployed
// before 1 July 2026 still counts under the 100 % rule and one unemployed
// after under the 75 % rule; Today then shows "Dagpengemodtagere" twice,
// which a caseworker cannot tell apart unless each line says whose it is.
func TestAGroupTheLawChangedIsTwoLinesToldApart(t *testing.T) {
	r := loadContent(t).Rules
	dagpenge := func(since, passed string, held ...string) Case {
		return Case{Citizen: Citizen{Benefit: BenefitDagpenge, UnemployedSince: day(since), FirstContact: day(passed), TransferredOn: day(passed)},
			Held: helds(held...)}
	}
	a := day("2026-03-02") // unemployed before 1 July 2026: the 100 % rule
	cases := []Case{
		{Citizen: Citizen{Benefit: BenefitDagpenge, UnemployedSince: a, FirstContact: a.AddDate(0, 3, 0), TransferredOn: a.AddDate(0, 3, 0)},
			Held: helds("2026-03-09", "2026-04-02", "2026-05-02", "2026-06-09", "2026-07-02")},
		dagpenge("2026-08-03", "2026-11-03", "2026-11-10", "2026-12-01"), // after: the 75 % rule
		{Citizen: Citizen{Benefit: BenefitKontanthjaelp, UnemployedSince: day("2026-07-06"), FirstContact: day("2026-07-06")},
			Held: helds("2026-07-08", "2026-08-05", "2026-09-02", "2026-10-07")},
	}
	c := r.Tally(OfficeJobcenter, cases, day("2026-12-07"))
	lines, _ := c.GroupLines()
	var got []string
	for _, m := range lines {
		got = append(got, m.Key+" "+fmt.Sprint(m.Args[:2]...))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"today.figure.group.before Dagpengemodtagere01-07-2026",
		"today.figure.group.from Dagpengemodtagere01-07-2026",
		"today.figure.group Jobparate kontanthjælps- og ledighedsydelsesmodtagere",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the group lines lack %q:\n%s", want, all)
		}
	}
}
