package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

const testProspects = "udgave;region;titel;disco;vurdering\n" +
	"2026-07;Hovedstaden;Campingmedhjælper;941220;mindre gode\n" +
	"2026-07;Hovedstaden;Køkkenmedhjælper;941210;mangel\n" +
	"2026-07;Hovedstaden;Opvasker;941220;gode\n"

// TestPickGoalSeeProspectsAndTakeAnAlternative: the picker links a goal to
// the catalogue, its prospects show, and a poor goal offers better ones.
func TestPickGoalSeeProspectsAndTakeAnAlternative(t *testing.T) {
	u, store := newTestUI(t)
	published, ps, err := model.ParseProspects([]byte(testProspects))
	if err != nil {
		t.Fatal(err)
	}
	store.ImportProspects(published, ps, "test", false)
	c := &model.Citizen{Name: "Åse Ø", Benefit: model.BenefitDagpenge, Education: model.EducationUnskilled,
		Status: model.StatusActive, FirstContact: u.now()}
	store.CreateCitizen(c)
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionOpening)
	o := u.citizen.opening
	test.Type(o.goalTitle.entry, "campingm")
	if len(o.goalTitle.suggestions.Objects) != 1 {
		t.Fatalf("%d suggestions for 'campingm', want 1", len(o.goalTitle.suggestions.Objects))
	}
	test.Tap(o.goalTitle.suggestions.Objects[0].(*widget.Button))
	test.Tap(o.goalAdd)
	goals, _ := store.JobGoals(c.ID)
	if len(goals) != 1 || goals[0].Title != "Campingmedhjælper" || goals[0].Code != "941220" {
		t.Fatalf("goal from the picker: %+v", goals)
	}
	o = u.citizen.opening
	if len(o.altButtons) != 6 || !strings.HasPrefix(o.altReasons[0], "Samme faggruppe (DISCO 9412") {
		t.Fatalf("%d alternatives offered for a poor goal (%q), want Køkkenmedhjælper and Opvasker from the group, "+
			"then the four titles the office links to campingmedhjælper", len(o.altButtons), o.altReasons)
	}
	if why := o.altReasons[2]; !strings.HasPrefix(why, "Kontoret har koblet jobbene: Rengøring") {
		t.Errorf("rengøringsassistent is offered without its reason: %q", why)
	}
	test.Tap(o.altButtons[0])
	goals, _ = store.JobGoals(c.ID)
	if len(goals) != 2 || goals[1].Title != "Køkkenmedhjælper" || goals[1].Code != "941210" {
		t.Fatalf("after one click on the first alternative: %+v", goals)
	}
	if len(o.altButtons) != 5 || strings.Contains(strings.Join(o.altReasons, "\n"), "Køkkenmedhjælper") {
		t.Fatalf("Køkkenmedhjælper, now a goal, is still offered: %d alternatives %q", len(o.altButtons), o.altReasons)
	}
}

// TestThreeJobsInAConversationLandInPlanAndJobLog.
func TestThreeJobsInAConversationLandInPlanAndJobLog(t *testing.T) {
	u, store := newTestUI(t)
	store.Now = u.now
	c := storetest.AddCitizen(t, store, func(c *model.Citizen) {
		c.Name, c.Phone, c.Email, c.FirstContact = "Bo Bæk", "", "", u.now().AddDate(0, 0, -20)
	})
	if err := store.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Køkkenmedhjælper", Code: "941210", Horizon: model.HorizonShort}); err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Køkkenmedhjælper", "Opvasker", "Pizzabager", "Lagermedarbejder"} {
		code := map[string]string{"Køkkenmedhjælper": "941210", "Opvasker": "941220", "Pizzabager": "941100", "Lagermedarbejder": "933410"}[title]
		storetest.AddJob(t, store, title, u.now().AddDate(0, 0, 10+i), func(j *model.Job) { j.Code, j.Employer = code, "Kantinen "+string(rune('A'+i)) })
	}
	conv := storetest.Plan(t, store, c.ID, u.now().Add(time.Hour), 45)
	u.onOpenCitizen(c.ID)
	u.citizen.onOpenConversation(conv.ID)
	jobs := u.conversation.jobs
	if len(jobs.show) != 3 {
		t.Fatalf("%d openings suggested, want the 3 in the goal's group (not the warehouse job)", len(jobs.show))
	}
	for _, m := range jobs.suggested {
		test.Tap(jobs.show[m.ID])
	}
	if len(jobs.presented) != 3 {
		t.Fatalf("%d presented", len(jobs.presented))
	}
	test.Tap(jobs.agree[jobs.presented[0].ID])
	test.Tap(jobs.agree[jobs.presented[1].ID])

	plan, _ := store.Plan(u.guide, c.ID)
	if len(plan.Applications) != 2 || !strings.Contains(plan.Applications[0].Text, "Kantinen") {
		t.Fatalf("plan shows %+v, want the 2 agreed jobs", plan.Applications)
	}
	u.back()
	u.citizen.nav.Select(sectionJobLog)
	log := u.citizen.joblog
	if len(log.apps) != 2 || log.apps[0].Done() {
		t.Fatalf("job log = %+v", log.apps)
	}
	sel := log.rows[log.apps[0].ID]
	sel.SetSelected(appStatusLabel(model.AppApplied))
	apps, _ := store.Applications(c.ID)
	sent := 0
	for _, a := range apps {
		if a.Done() {
			sent++
			if a.AppliedOn.Format("02-01-2006") != "23-11-2026" {
				t.Errorf("sent on %v, want today", a.AppliedOn)
			}
		}
	}
	if sent != 1 {
		t.Fatalf("%d sent after marking one", sent)
	}
}

// TestImportPreviewWritesNothingUntilConfirmed: the preview is a dry run;
// only confirming stores the openings, and a bad file names its line.
func TestImportPreviewWritesNothingUntilConfirmed(t *testing.T) {
	u, store := newTestUI(t)
	refreshed := false
	im := &importer{shell: u, after: func() { refreshed = true },
		run: func(data []byte, _ string, dry bool) (model.ImportResult, error) {
			jobs, err := model.ParseJobs(data, u.now())
			if err != nil {
				return model.ImportResult{}, err
			}
			return store.ImportJobs(jobs, dry)
		}}
	good := []byte("titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\nOpvasker;941220;Café Ærø;Ærøskøbing;2026-12-01;Mød op;;Avis;nej\n")
	if err := im.preview(good, "job.csv"); err != nil {
		t.Fatal(err)
	}
	if jobs, _ := store.OpenJobs(u.now()); len(jobs) != 0 {
		t.Fatal("the preview stored jobs")
	}
	im.onConfirm(true, good, "job.csv")
	if jobs, _ := store.OpenJobs(u.now()); len(jobs) != 1 || !refreshed {
		t.Fatalf("after confirming: %d jobs, list refreshed %v", len(jobs), refreshed)
	}
	bad := []byte("titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\nKok;512000;;;;;;;nej\n")
	if err := im.preview(bad, "bad.csv"); err == nil || !strings.Contains(errText(err), "Linje 2") {
		t.Fatalf("bad file: %v", err)
	}
}

// TestAGoalWithoutARatingReadsOnOneLine: "Ingen vurdering" beside a goal
// stays one line (a wrapping label in a row used to stand one letter per line).
func TestAGoalWithoutARatingReadsOnOneLine(t *testing.T) {
	applyTheme(test.NewTempApp(t))
	badge := prospectBadge(model.Prospect{})
	if h, w := badge.MinSize().Height, badge.MinSize().Width; h > 60 || w < 80 {
		t.Fatalf("the unrated badge is %.0f × %.0f; want one line of text", w, h)
	}
}

// TestDeletingAGoalAsksFirst: the bin beside a goal asks; until the
// caseworker answers, the goal is still there.
func TestDeletingAGoalAsksFirst(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st)
	g := &model.JobGoal{CitizenID: c.ID, Title: "Køkkenmedhjælper", Horizon: model.HorizonShort}
	if err := st.AddJobGoal(g); err != nil {
		t.Fatal(err)
	}
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionOpening)
	u.citizen.opening.onAskDeleteGoal(*g)
	if goals, _ := st.JobGoals(c.ID); len(goals) != 1 || len(u.win.Canvas().Overlays().List()) == 0 {
		t.Fatalf("after the bin: %d goals, %d dialogs; want the goal kept and a question", len(goals), len(u.win.Canvas().Overlays().List()))
	}
}
