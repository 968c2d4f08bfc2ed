package store_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// TestManyReadsGiveWhatEachCitizensReadsGive: a batch of handouts reads
// many citizens at once (CitizensMany, BenefitCasesMany, PlannedForMany,
// ApplicationsMany, ReceptionMany); a checklist or folder in the batch must
// print what the same handout printed alone, so each of them must give,
// for every citizen, what the per-citizen read gives — whatever the order
// asked in, for citizens with everything and with nothing, and a step one
// citizen ticked must not show as ticked for another who started the same
// day.
func TestManyReadsGiveWhatEachCitizensReadsGive(t *testing.T) {
	content := testutil.Content(t)
	s := storetest.Open(t)
	now := testutil.At("2026-11-23T09:30")
	s.Now = func() time.Time { return now }

	full := storetest.AddCitizen(t, s, func(c *model.Citizen) { c.Name = "Søren Ærø" })
	empty := storetest.AddCitizen(t, s, func(c *model.Citizen) { c.Name = "Bo Bæk"; c.Phone = "" })
	sameDay := storetest.AddCitizen(t, s, func(c *model.Citizen) { c.Name = "Åse Øby" }) // first seen the day full was
	other := storetest.AddCitizen(t, s, func(c *model.Citizen) {
		c.Name = "Ida Holm"
		c.FirstContact = time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC)
	})

	// full: conversations past, held, later today and next week; a benefit
	// meeting; agreed and sent applications, one for an opening; a tick.
	storetest.Plan(t, s, full.ID, testutil.At("2026-11-20T10:00"), 30)                // planned, gone by
	storetest.Plan(t, s, full.ID, testutil.At("2026-11-21T10:00"), 30, testutil.Held) // held
	storetest.Plan(t, s, full.ID, testutil.At("2026-11-30T13:00"), 30, testutil.Phone)
	storetest.Plan(t, s, full.ID, testutil.At("2026-11-23T11:00"), 45)
	storetest.Plan(t, s, sameDay.ID, testutil.At("2026-11-24T08:00"), 30)
	job := storetest.AddJob(t, s, "Kok", time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC))
	for _, a := range []*model.Application{
		{CitizenID: full.ID, Text: "Opvasker, Hotel Ærø", Status: model.AppAgreed},
		{CitizenID: full.ID, JobID: job.ID, Status: model.AppAgreed},
		{CitizenID: full.ID, Text: "Køkkenhjælp", AppliedOn: time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC), Status: model.AppApplied},
		{CitizenID: other.ID, Text: "Lager", AppliedOn: time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC), Status: model.AppApplied},
	} {
		if err := s.SaveApplication(a); err != nil {
			t.Fatalf("application %q: %v", a.Text, err)
		}
	}
	meeting := testutil.At("2026-12-03T10:00")
	if err := s.SaveBenefitCase(&model.BenefitCase{CitizenID: full.ID, IntendsOn: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC),
		Documents: []int{0, 2}, MeetingAt: meeting, MeetingPlace: "Ydelseskontoret, Vestergade 1"}, 6); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBenefitCase(&model.BenefitCase{CitizenID: other.ID, IntendsOn: time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC)}, 6); err != nil {
		t.Fatal(err)
	}
	plan, err := s.ReceptionPlan(content.Reception)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.TickReception(full.ID, plan.Steps[0].ID, true); err != nil {
		t.Fatal(err)
	}
	cal, err := s.Calendar()
	if err != nil {
		t.Fatal(err)
	}

	ids := []int64{other.ID, empty.ID, full.ID, sameDay.ID} // not in ID order
	citizens, err := s.CitizensMany(ids)
	if err != nil || len(citizens) != len(ids) {
		t.Fatalf("CitizensMany: %d citizens, %v", len(citizens), err)
	}
	benefit, err := s.BenefitCasesMany(ids)
	if err != nil {
		t.Fatal(err)
	}
	planned, err := s.PlannedForMany(ids, now)
	if err != nil {
		t.Fatal(err)
	}
	apps, err := s.ApplicationsMany(ids)
	if err != nil {
		t.Fatal(err)
	}
	reception, err := s.ReceptionMany(plan, cal, citizens)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		c, err := s.Citizen(id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(citizens[i], c) {
			t.Errorf("citizen %d: many %+v, one %+v", id, citizens[i], c)
		}
		b, _ := s.BenefitCase(id)
		if !reflect.DeepEqual(benefit[id], b) {
			t.Errorf("benefit case of %s: many %+v, one %+v", c.Name, benefit[id], b)
		}
		p, _ := s.PlannedFor(id, now)
		if !reflect.DeepEqual(planned[id], p) {
			t.Errorf("planned for %s: many %+v, one %+v", c.Name, planned[id], p)
		}
		a, _ := s.Applications(id)
		if !reflect.DeepEqual(apps[id], a) {
			t.Errorf("applications of %s: many %+v, one %+v", c.Name, apps[id], a)
		}
		r, _ := s.Reception(plan, cal, c)
		if !reflect.DeepEqual(reception[id], r) {
			t.Errorf("reception of %s: many %+v, one %+v", c.Name, reception[id], r)
		}
	}

	// What was compared is not empty: full has it all, and sameDay's
	// first step stays open though full, who started that day, ticked his.
	if len(planned[full.ID]) != 2 || !planned[full.ID][0].Start.Equal(testutil.At("2026-11-23T11:00")) || planned[full.ID][0].Name != "Søren Ærø" {
		t.Errorf("full's planned conversations: %+v; want 11:00 today, then the 30th", planned[full.ID])
	}
	if len(apps[full.ID]) != 3 || apps[full.ID][1].Text != "Kok, Kantinen på Havnen" && apps[full.ID][0].Text != "Kok, Kantinen på Havnen" {
		t.Errorf("full's applications: %+v", apps[full.ID])
	}
	if !benefit[full.ID].MeetingAt.Equal(meeting) || benefit[empty.ID].CitizenID != empty.ID {
		t.Errorf("benefit cases: %+v", benefit)
	}
	if !reception[full.ID][0].Done || reception[sameDay.ID][0].Done {
		t.Errorf("first step ticked: full %v, same day %v; want only full's", reception[full.ID][0].Done, reception[sameDay.ID][0].Done)
	}

	// A citizen who is not there is an error, as for one.
	if _, err := s.CitizensMany([]int64{full.ID, 9999}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a missing citizen among many: %v", err)
	}
}

// TestManyReadsOfTheDemo compares the many reads with the single ones for
// every citizen of a demo database (varied plans, meetings, conversations).
func TestManyReadsOfTheDemo(t *testing.T) {
	content := testutil.Content(t)
	s := storetest.Open(t)
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	if _, err := s.SeedDemo(content.Guide, model.DemoOptions{Citizens: 80, Seed: 3, Today: today, Reception: content.Reception}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	now := testutil.At("2026-11-23T12:00")
	plan, _ := s.ReceptionPlan(content.Reception)
	cal, _ := s.Calendar()
	citizens, err := s.CitizensMany(ids)
	if err != nil {
		t.Fatal(err)
	}
	benefit, err1 := s.BenefitCasesMany(ids)
	planned, err2 := s.PlannedForMany(ids, now)
	reception, err3 := s.ReceptionMany(plan, cal, citizens)
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for i, id := range ids {
		one := oneCitizen(t, s, id, now, plan, cal)
		if !reflect.DeepEqual(citizens[i], one.citizen) || !reflect.DeepEqual(benefit[id], one.benefit) ||
			!reflect.DeepEqual(planned[id], one.planned) || !reflect.DeepEqual(reception[id], one.reception) {
			t.Fatalf("citizen %d read with others differs from read alone", id)
		}
		seen["benefit"] += boolInt(!one.benefit.IntendsOn.IsZero())
		seen["planned"] += min(1, len(one.planned))
		for _, st := range one.reception {
			seen["ticked"] += min(1, boolInt(st.Done))
		}
	}
	if seen["benefit"] == 0 || seen["planned"] == 0 || seen["ticked"] == 0 {
		t.Fatalf("the demo has too little to compare: %v", seen)
	}
}

type alone struct {
	citizen   *model.Citizen
	benefit   model.BenefitCase
	planned   []model.TodayConversation
	reception []model.DatedStep
}

func oneCitizen(t *testing.T, s *store.Store, id int64, now time.Time, plan *model.ReceptionPlan, cal *model.WorkCalendar) alone {
	t.Helper()
	var a alone
	var err error
	if a.citizen, err = s.Citizen(id); err != nil {
		t.Fatal(err)
	}
	a.benefit, _ = s.BenefitCase(id)
	a.planned, _ = s.PlannedFor(id, now)
	a.reception, _ = s.Reception(plan, cal, a.citizen)
	return a
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
