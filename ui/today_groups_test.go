package ui

import (
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// TestTodayShowsTheMinimumPerGroupWithExemptions: Today in the window names
// the target group's minimum with the citizens exempted, and warns in words
// when more than the law's 25 % are exempted (here one of two).
func TestTodayShowsTheMinimumPerGroupWithExemptions(t *testing.T) {
	u, st := newTestUI(t)
	testClock(u).Set(time.Date(2027, 1, 20, 10, 0, 0, 0, time.Local))
	day := func(s string) time.Time { d, _ := model.ParseDate(s); return d }
	var first int64
	for i, name := range []string{"Karin Kontant", "Kurt Kontant"} {
		c := storetest.AddCitizen(t, st, func(c *model.Citizen) {
			c.Name, c.Benefit, c.FirstContact, c.UnemployedSince = name, model.BenefitKontanthjaelp, day("01-09-2026"), day("01-09-2026")
		})
		if i == 0 {
			first = c.ID
		}
		for _, d := range []string{"03-09-2026", "01-10-2026", "05-11-2026", "10-01-2027"} {
			storetest.Plan(t, st, c.ID, day(d).Add(10*time.Hour), 45, testutil.Held)
		}
	}
	if err := st.Exempt(&model.Exemption{CitizenID: first, Reason: "Finder selv job", DecidedOn: day("01-12-2026")}); err != nil {
		t.Fatal(err)
	}
	u.today.load()
	text := u.today.groups.Text
	if !u.today.groups.Visible() || !strings.Contains(text, "fritaget 1") {
		t.Fatalf("Today's groups say %q; want the group with one exempted", text)
	}
	if !strings.Contains(text, "Advarsel: 1 af 2 er fritaget") {
		t.Errorf("one of two exempted is over 25 %%, but Today says %q", text)
	}
}
