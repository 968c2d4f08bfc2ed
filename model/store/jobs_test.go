package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

const prospectsCSV = "\xef\xbb\xbfudgave;region;titel;disco;vurdering\r\n" +
	"2026-07;Hovedstaden;Campingmedhjælper;941220;mindre gode\r\n" +
	"2026-07;Hovedstaden;Køkkenmedhjælper;941210;mangel\r\n" +
	"2026-07;Hovedstaden;Opvasker;941220;gode\r\n" +
	"2026-07;Hovedstaden;Fastfoodmedarbejder;941100;omfattende mangel\r\n" +
	"2026-07;Hovedstaden;Rengøringsassistent;911210;gode\r\n" +
	"2026-07;Fyn;Køkkenmedhjælper;941210;mindre gode\r\n"

// TestJobvejviserExample: a goal with poor prospects gets alternatives from
// its own group with better prospects, the same 4-digit group first.
func TestJobvejviserExample(t *testing.T) {
	s := newTestStore(t)
	published, ps, err := model.ParseProspects([]byte(prospectsCSV))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportProspects(published, ps, "test", false); err != nil {
		t.Fatal(err)
	}
	p, err := s.ProspectFor("Hovedstaden", "campingmedhjælper", "941220")
	if err != nil || p.Rating != model.RatingPoor {
		t.Fatalf("campingmedhjælper = %v, %v", p, err)
	}
	goal := model.JobGoal{Title: "Campingmedhjælper", Code: "941220"}
	alts, err := s.Alternatives("Hovedstaden", goal, p.Rating, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range alts {
		names = append(names, a.Title+"/"+string(a.Reason))
	}
	want := "Køkkenmedhjælper/samegroup,Opvasker/samegroup,Fastfoodmedarbejder/samegroup,Rengøringsassistent/majorgroup"
	if got := strings.Join(names, ","); got != want {
		t.Errorf("alternatives = %s; want the 4-digit group (best first), then the 3-digit group, then the major group, never worse ones", got)
	}
	if r, _ := s.ProspectFor("Fyn", "Køkkenmedhjælper", "941210"); r.Rating != model.RatingPoor {
		t.Errorf("regions are kept apart: Fyn = %v", r)
	}
}

func TestNoEditionLoadedSaysSo(t *testing.T) {
	s := newTestStore(t)
	if _, err := s.ProspectFor("Hovedstaden", "Kok", "512000"); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("with no edition: %v, want ErrNotFound (say so, do not guess)", err)
	}
}

func TestJobImportIsAllOrNothing(t *testing.T) {
	s := newTestStore(t)
	good := "titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\r\n" +
		"Køkkenmedhjælper;941210;Kantinen på Havnen;Aarhus;2026-12-01;Ring til Bo;bo@kantine.dk;Jobnet;ja\r\n"
	bad := good + "Opvasker;941220;Café Ærø;Ærøskøbing;31-02-2026;Mød op;;Avis;nej\r\n"
	if _, err := model.ParseJobs([]byte(bad), day("2026-11-23")); err == nil || !strings.Contains(err.Error(), "Linje 3: fristen") {
		t.Fatalf("bad deadline: %v", err)
	}
	jobs, err := model.ParseJobs([]byte(good), day("2026-11-23"))
	if err != nil || len(jobs) != 1 || !jobs[0].Hot || jobs[0].Deadline.Format(model.DateLayout) != "2026-12-01" {
		t.Fatalf("parsed %+v, %v", jobs, err)
	}
	if res, _ := s.ImportJobs(jobs, true); res.Added != 1 || countRows(t, s, "jobs") != 0 {
		t.Fatal("a dry run wrote jobs")
	}
	s.ImportJobs(jobs, false)
	if countRows(t, s, "jobs") != 1 {
		t.Fatal("import wrote nothing")
	}
}

func TestMatchingBothWaysAndDeadlines(t *testing.T) {
	s := newTestStore(t)
	today := day("2026-11-23")
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Name = "Åse Ø" })
	other := makeCitizen(t, s, func(c *model.Citizen) { c.Name = "Bo Bæk" })
	s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Køkkenmedhjælper", Code: "941210", Horizon: model.HorizonShort})
	s.AddJobGoal(&model.JobGoal{CitizenID: other.ID, Title: "Opvasker", Code: "941220", Horizon: model.HorizonShort})
	add := func(title, code, deadline string) int64 {
		j := &model.Job{Title: title, Code: code, Employer: "Firma", Deadline: day(deadline)}
		if err := s.SaveJob(j); err != nil {
			t.Fatal(err)
		}
		return j.ID
	}
	same := add("Køkkenmedhjælper", "941210", "2026-12-10")
	group4 := add("Opvasker", "941220", "2026-11-30")
	group3 := add("Pizzabager", "941100", "2026-11-25")
	add("Køkkenmedhjælper", "941210", "2026-11-20") // past its deadline
	add("Lagermedarbejder", "933410", "2026-12-01") // another group
	ms, err := s.MatchCitizen(c.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	if len(ids) != 3 || ids[0] != same || ids[1] != group4 || ids[2] != group3 {
		t.Fatalf("matches %v, want same title, then 4-digit, then 3-digit; none past the deadline", ids)
	}
	who, _ := s.MatchJob(group4)
	if len(who) != 2 || who[0].Name != "Bo Bæk" || who[0].Fit != 0 || who[1].Fit != 1 {
		t.Fatalf("who should hear about the opvasker job: %+v", who)
	}
	open, _ := s.OpenJobs(today)
	if len(open) != 4 {
		t.Errorf("%d open jobs, want 4 (the past one drops out)", len(open))
	}
}

func TestAgreedJobsLandInTheJobLog(t *testing.T) {
	s := newTestStore(t)
	atNoon(s, "2026-12-10") // the applications below are dated up to 8 December
	c := makeCitizen(t, s)
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	conv := testutil.Conversation(c.ID, start, 60)
	s.PlanConversation(conv)
	var jobs []int64
	for _, t2 := range []string{"Køkkenmedhjælper", "Opvasker", "Kok"} {
		j := &model.Job{Title: t2, Employer: "Kantinen", Deadline: day("2026-12-10")}
		s.SaveJob(j)
		jobs = append(jobs, j.ID)
		s.PresentJob(conv.ID, j.ID)
	}
	s.AgreeJob(conv.ID, jobs[0], true)
	s.AgreeJob(conv.ID, jobs[2], true)
	s.AgreeJob(conv.ID, jobs[2], false)
	presented, _ := s.PresentedJobs(conv.ID)
	apps, _ := s.Applications(c.ID)
	if len(presented) != 3 || !presented[0].Agreed || len(apps) != 1 || apps[0].Done() || apps[0].Text != "Køkkenmedhjælper, Kantinen" {
		t.Fatalf("presented %+v, job log %+v", presented, apps)
	}
	apps[0].Status, apps[0].AppliedOn = model.AppApplied, day("2026-11-25")
	if err := s.SaveApplication(&apps[0]); err != nil {
		t.Fatal(err)
	}
	s.SaveApplication(&model.Application{CitizenID: c.ID, Text: "Uopfordret til Bageriet", Status: model.AppApplied, AppliedOn: day("2026-12-08")})
	if err := s.SaveApplication(&model.Application{CitizenID: c.ID, Text: "Uden dato", Status: model.AppApplied}); err == nil {
		t.Error("an application marked sent without a date was saved")
	}
	apps, _ = s.Applications(c.ID)
	weeks := model.ApplicationsPerWeek(apps)
	if len(weeks) != 3 || weeks[0].Count != 1 || weeks[1].Count != 0 || weeks[2].Count != 1 {
		t.Fatalf("applications per week: %+v", weeks)
	}
}

func TestDemoHasTheJobvejviserExample(t *testing.T) {
	s := newTestStore(t)
	content := testutil.Content(t)
	if _, err := s.SeedDemo(content.Guide, model.DemoOptions{Citizens: 50, Seed: 1, Today: demoToday, Catalogue: content.Catalogue, Jobs: 60}); err != nil {
		t.Fatal(err)
	}
	r, err := s.ProspectFor("Hovedstaden", "Campingmedhjælper", "941220")
	alts, _ := s.Alternatives("Hovedstaden", model.JobGoal{Title: "Campingmedhjælper", Code: "941220"}, r.Rating, content.Related, 5)
	if err != nil || r.Rating != model.RatingPoor || len(alts) == 0 || alts[0].Title != "Køkkenmedhjælper" {
		t.Fatalf("demo Jobvejviser: %v %v %+v", r, err, alts)
	}
}

// TestTheSameJobsFileTwiceAddsNothing: an opening is the same when title,
// employer, place and deadline are; a second import of the file adds none.
func TestTheSameJobsFileTwiceAddsNothing(t *testing.T) {
	s := newTestStore(t)
	file := []byte("titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\n" +
		"Opvasker;941220;Kroen;Ærøskøbing;2026-12-10;Ring;;Jobnet;nej\n" +
		"Opvasker;941220;Kroen;Marstal;2026-12-10;Ring;;Jobnet;nej\n" +
		"Opvasker;941220;Kroen;Marstal;2026-12-10;Ring;;Jobnet;nej\n")
	jobs, err := model.ParseJobs(file, day("2026-11-23"))
	must(t, err)
	first, err := s.ImportJobs(jobs, false)
	must(t, err)
	jobs, _ = model.ParseJobs(file, day("2026-11-24"))
	dry, err := s.ImportJobs(jobs, true)
	must(t, err)
	second, err := s.ImportJobs(jobs, false)
	must(t, err)
	if first.Added != 2 || first.Unchanged != 1 || dry != second || second.Added != 0 || second.Unchanged != 3 {
		t.Fatalf("first %+v, dry run %+v, second %+v; want 2 added once, nothing the second time", first, dry, second)
	}
	if n := countRows(t, s, "jobs"); n != 2 {
		t.Fatalf("%d openings in the database; want 2", n)
	}
}
