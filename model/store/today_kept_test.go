package store

import (
	"reflect"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

// TestTodayReadIsTodayAndTheFigures: the one read that feeds both the
// figures and "kræver snart" gives what Today and the two figures read
// apart give, for the office and for one caseworker.
func TestTodayReadIsTodayAndTheFigures(t *testing.T) {
	s, c, now := keptFixture(t)
	for _, scope := range []model.Scope{model.WholeOffice, model.Mine("AL")} {
		got, err := s.TodayRead(c, now, scope)
		must(t, err)
		view, err := s.TodayFor(c, now, scope)
		must(t, err)
		if !reflect.DeepEqual(got.View, view) {
			t.Errorf("%v: TodayRead's view differs from TodayFor:\n got %+v\nwant %+v", scope, got.View, view)
		}
		office, err := s.ComplianceFor(c.Rules, now, model.WholeOffice)
		must(t, err)
		if !reflect.DeepEqual(got.Office, office) {
			t.Errorf("%v: office figures %+v, want %+v", scope, got.Office, office)
		}
		if !scope.All() {
			mine, err := s.ComplianceFor(c.Rules, now, scope)
			must(t, err)
			if !reflect.DeepEqual(got.Mine, mine) {
				t.Errorf("%v: own figures %+v, want %+v", scope, got.Mine, mine)
			}
		}
	}
}

// TestTodayCitizenReplacesTheirLines: after changes to citizens (a
// conversation held, a citizen closed, a notice, a step, a new citizen),
// the kept Today with each changed citizen re-read alone equals Today read
// anew.
func TestTodayCitizenReplacesTheirLines(t *testing.T) {
	s, c, now := keptFixture(t)
	for n, scope := range []model.Scope{model.WholeOffice, model.Mine("AL")} {
		shown, err := s.TodayRead(c, now, scope)
		must(t, err)
		before := shown.Copy()
		kept := shown.Copy() // the window changes a copy while the read shows
		var changed []int64
		// a conversation of today held, and a due citizen's whole case closed
		if len(kept.View.Conversations) > 0 {
			tc := kept.View.Conversations[0]
			must(t, s.SetAttendance(tc.ID, model.AttendanceNoShow))
			changed = append(changed, tc.CitizenID)
		}
		if len(kept.View.Due) > 0 {
			id := kept.View.Due[len(kept.View.Due)-1].CitizenID
			z, err := s.Citizen(id)
			must(t, err)
			z.Status = model.StatusClosed
			must(t, s.UpdateCitizen(z))
			changed = append(changed, id)
		}
		// a new citizen unemployed a month ago, in the scope
		z := &model.Citizen{Name: "Ny Borger", CPR: model.CPR([]string{"0101901234", "0202901234"}[n]), FirstContact: now.AddDate(0, 0, -3), UnemployedSince: model.DateOnly(now).AddDate(0, -1, 0),
			Status: model.StatusActive, Benefit: model.BenefitDagpenge, Education: model.EducationSkilled, Caseworker: "AL"}
		must(t, s.CreateCitizen(z))
		changed = append(changed, z.ID)
		if len(changed) < 3 {
			t.Fatalf("%v: the demo's day has no conversation or no deadline to change", scope)
		}
		for _, id := range changed {
			p, err := s.TodayCitizen(c, now, scope, id)
			must(t, err)
			kept.Replace(p, c.Rules, now)
		}
		fresh, err := s.TodayRead(c, now, scope)
		must(t, err)
		if !reflect.DeepEqual(kept.View, fresh.View) {
			t.Errorf("%v: kept view after the changes differs from a fresh read:\n got %+v\nwant %+v", scope, kept.View, fresh.View)
		}
		if !reflect.DeepEqual(kept.Office, fresh.Office) || !reflect.DeepEqual(kept.Mine, fresh.Mine) {
			t.Errorf("%v: kept figures %+v / %+v, fresh %+v / %+v", scope, kept.Office, kept.Mine, fresh.Office, fresh.Mine)
		}
		// the figures worked out whole from the kept cases agree too
		worked := *kept
		worked.Figure(c.Rules, now)
		if !reflect.DeepEqual(worked.Office, fresh.Office) || !reflect.DeepEqual(worked.Mine, fresh.Mine) {
			t.Errorf("%v: figures from the kept cases %+v / %+v, fresh %+v / %+v", scope, worked.Office, worked.Mine, fresh.Office, fresh.Mine)
		}
		// and the read shown meanwhile is as it was
		if !reflect.DeepEqual(shown, before) {
			t.Errorf("%v: the read shown changed while its copy was updated", scope)
		}
	}
}

func keptFixture(t *testing.T) (*Store, *model.Content, time.Time) {
	s := newTestStore(t)
	c := testutil.Content(t)
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local)
	if _, err := s.SeedDemo(loadGuide(t), model.DemoOptions{Citizens: 400, Seed: 5, Today: now, Reception: c.Reception, Caseworkers: 4}); err != nil {
		t.Fatal(err)
	}
	return s, c, now
}
