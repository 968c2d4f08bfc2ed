package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// TestReachInTheConversation: a citizen in 2300 København S sees the
// Copenhagen opening before Aalborg's with "hele landet", and choosing
// "kommunen" in the conversation drops Aalborg at once and is saved.
func TestReachInTheConversation(t *testing.T) {
	data, err := os.ReadFile("../../shared/data/postnumre.csv")
	if err != nil {
		t.Skipf("PostNord's file is not beside the project: %v", err)
	}
	u, store := newTestUI(t)
	rows, err := model.ParsePostcodes(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.ImportPostcodes(rows, false); err != nil {
		t.Fatal(err)
	}
	c := storetest.AddCitizen(t, store, func(c *model.Citizen) { c.Postcode, c.Reach = "2300", model.ReachCountry })
	if err := store.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Opvasker", Code: "941220", Horizon: model.HorizonShort}); err != nil {
		t.Fatal(err)
	}
	for _, p := range [][2]string{{"Aalborg", "9000"}, {"København S", "2300"}} {
		storetest.AddJob(t, store, "Opvasker", u.now().AddDate(0, 0, 10), func(j *model.Job) { j.Code, j.Place, j.Postcode = "941220", p[0], p[1] })
	}
	conv := storetest.Plan(t, store, c.ID, u.now().Add(time.Hour), 45)
	u.onOpenCitizen(c.ID)
	u.citizen.onOpenConversation(conv.ID)
	jobs := u.conversation.jobs
	if len(jobs.suggested) != 2 || jobs.suggested[0].Place != "København S" || jobs.suggested[0].Near != model.NearMunicipality {
		t.Fatalf("suggested %+v; want Copenhagen first, then Aalborg", jobs.suggested)
	}
	jobs.reach.radio.SetSelected(reachLabel(model.ReachMunicipality))
	if len(u.conversation.jobs.suggested) != 1 {
		t.Fatalf("with reach kommune: %d suggested, want the Aalborg job gone", len(u.conversation.jobs.suggested))
	}
	if saved, _ := store.Citizen(c.ID); saved.Reach != model.ReachMunicipality {
		t.Errorf("reach not saved: %q", saved.Reach)
	}
	test.Tap(jobs.show[jobs.suggested[0].ID])
	checkSummary(t, u.conversation.summary())
}

// checkSummary: Kopiér resumé carries the goals, the jobs shown and the
// next conversation for Min Plan.
func checkSummary(t *testing.T, text string) {
	t.Helper()
	for _, want := range []string{"Jobmål:\n- Opvasker (kort sigt)", "Job vist:\n- Opvasker, Kantinen på Havnen", "Næste samtale: ingen planlagt"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Min Plan summary lacks %q:\n%s", want, text)
		}
	}
}

// TestProspectsScreenByRatingAndGroup: the seed's searches in the window.
func TestProspectsScreenByRatingAndGroup(t *testing.T) {
	u, store := newTestUI(t)
	edition := "udgave;region;titel;disco;vurdering\n" +
		"2026-07;Hovedstaden;Køkkenassistent;941210;Gode jobmuligheder\n" +
		"2026-07;Hovedstaden;Lagermedarbejder;933410;Paradoksproblemer\n" +
		"2026-07;Hovedstaden;Kontorassistent;411000;Mindre gode jobmuligheder\n"
	pub, ps, err := model.ParseProspects([]byte(edition))
	if err != nil {
		t.Fatal(err)
	}
	store.ImportProspects(pub, ps, "amb.csv", false)
	u.mergeCatalogue()
	if _, ok := u.content.Catalogue.Lookup("køkkenassistent"); !ok {
		t.Error("the edition's køkkenassistent is not in the catalogue")
	}
	u.onProspects()
	s := u.stack[len(u.stack)-1].(*prospectsScreen)
	if len(s.shown) != 3 {
		t.Fatalf("%d titles, want all 3", len(s.shown))
	}
	s.cats.SetSelected([]string{categoryLabel(model.CategoryGood), categoryLabel(model.CategoryParadox)})
	if len(s.shown) != 2 {
		t.Fatalf("good and paradox: %d titles, want 2", len(s.shown))
	}
	s.group.SetSelected(s.group.Options[2]) // "94"
	if len(s.shown) != 1 || s.shown[0].Title != "Køkkenassistent" {
		t.Fatalf("group 94: %+v", s.shown)
	}
}
