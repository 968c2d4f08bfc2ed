package store

import (
	"strings"
	"testing"

	"jobspor/model"
	"jobspor/model/testutil"
)

// publishedEdition names all five of today's categories, in the long names
// Arbejdsmarkedsbalancen publishes and in the short ones, and a RAR prefix.
const publishedEdition = "\xef\xbb\xbfudgave;region;titel;disco;vurdering\r\n" +
	"2026-07;Hovedstaden;Social- og sundhedshjælper;532200;Omfattende mangel på arbejdskraft\r\n" +
	"2026-07;Hovedstaden;Køkkenmedhjælper;941210;Mangel på arbejdskraft\r\n" +
	"2026-07;RAR Hovedstaden;Køkkenassistent;941210;Gode jobmuligheder\r\n" +
	"2026-07;Hovedstaden;Lagermedarbejder;933410;Paradoksproblemer\r\n" +
	"2026-07;Hovedstaden;Campingmedhjælper;941220;Mindre gode jobmuligheder\r\n" +
	"2026-07;Hovedstaden;Opvasker;941220;gode\r\n" +
	"2026-07;Hovedstaden;Rengøringsassistent;911210;paradoks\r\n" +
	"2026-07;Hovedstaden;Kontorassistent;411000;mindre gode\r\n" +
	"2026-07;Fyn;Køkkenassistent;941210;omfattende mangel\r\n"

func importEdition(t *testing.T, s *Store, csv string) {
	t.Helper()
	pub, ps, err := model.ParseProspects([]byte(csv))
	if err != nil {
		t.Fatalf("the edition as published: %v", err)
	}
	if _, err := s.ImportProspects(pub, ps, "amb.csv", false); err != nil {
		t.Fatal(err)
	}
}

// TestEditionAsPublished: every category is read, each keeps its own word
// and sits on the four-colour scale; the edition's titles join the catalogue.
func TestEditionAsPublished(t *testing.T) {
	testutil.Content(t)
	s := newTestStore(t)
	importEdition(t, s, publishedEdition)
	want := map[string]struct {
		cat    model.Category
		rating model.Rating
		word   string
	}{
		"Social- og sundhedshjælper": {model.CategorySevere, model.RatingSevere, "omfattende mangel på arbejdskraft"},
		"Køkkenmedhjælper":           {model.CategoryShortage, model.RatingShortage, "mangel på arbejdskraft"},
		"køkkenassistent":            {model.CategoryGood, model.RatingGood, "gode jobmuligheder"},
		"Lagermedarbejder":           {model.CategoryParadox, model.RatingGood, "paradoksproblemer"},
		"Campingmedhjælper":          {model.CategoryPoor, model.RatingPoor, "mindre gode jobmuligheder"},
	}
	for title, w := range want {
		p, err := s.ProspectFor("Hovedstaden", title, "")
		if err != nil || p.Category != w.cat || p.Rating != w.rating || !strings.HasPrefix(p.Word(), w.word) {
			t.Errorf("%s: %+v %q, %v; want %s (%d) %q", title, p, p.Word(), err, w.cat, w.rating, w.word)
		}
	}
	titles, err := s.CatalogueTitles()
	c := testutil.Content(t).Catalogue
	if _, ok := c.Lookup("køkkenassistent"); ok {
		t.Fatal("the default catalogue already has køkkenassistent: the test proves nothing")
	}
	if added := c.Add(titles); err != nil || added == 0 {
		t.Fatalf("catalogue titles %v, %v", titles, err)
	}
	if k, ok := c.Lookup("køkkenassistent"); !ok || k.Code != "941210" {
		t.Errorf("køkkenassistent not in the catalogue after the import: %+v", k)
	}
}

func TestUnknownCategoryNamesTheWords(t *testing.T) {
	testutil.Content(t)
	bad := "udgave;region;titel;disco;vurdering\n2026-07;Fyn;Kok;512000;Fremragende\n"
	_, _, err := model.ParseProspects([]byte(bad))
	if err == nil || !strings.Contains(err.Error(), "Linje 2") || !strings.Contains(err.Error(), "Paradoksproblemer") {
		t.Fatalf("an unknown category: %v", err)
	}
}

// TestProspectListByRatingAndGroup: the seed's searches — every title with
// shortage, and a narrow list in one occupational group.
func TestProspectListByRatingAndGroup(t *testing.T) {
	s := newTestStore(t)
	importEdition(t, s, publishedEdition)
	ps, err := s.ProspectList("Hovedstaden", []model.Category{model.CategorySevere, model.CategoryShortage}, "")
	if err != nil || len(ps) != 2 || ps[0].Title != "Social- og sundhedshjælper" {
		t.Fatalf("shortage list: %+v, %v", ps, err)
	}
	ps, _ = s.ProspectList("Hovedstaden", nil, "94")
	var names []string
	for _, p := range ps {
		names = append(names, p.Title)
	}
	if got := strings.Join(names, ","); got != "Køkkenmedhjælper,Køkkenassistent,Opvasker,Campingmedhjælper" {
		t.Errorf("group 94: %s; want best first", got)
	}
}

// TestCampingGetsRelatedTitlesWithReasons: the seed's Jobvejviser example —
// campingmedhjælper gets rengøringsassistent, another DISCO group, because
// the office links them, and each alternative says why.
func TestCampingGetsRelatedTitlesWithReasons(t *testing.T) {
	content := testutil.Content(t)
	s := newTestStore(t)
	importEdition(t, s, publishedEdition)
	rel, err := s.Relations(content.Related)
	if err != nil {
		t.Fatal(err)
	}
	goal := model.JobGoal{Title: "Campingmedhjælper", Code: "941220"}
	alts, err := s.Alternatives("Hovedstaden", goal, model.RatingPoor, rel, 12)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Alternative{}
	var order []string
	for _, a := range alts {
		got[a.Title] = a
		order = append(order, a.Title+"/"+string(a.Reason))
	}
	if a := got["Rengøringsassistent"]; a.Reason != model.AltRelated || a.Note == "" || a.Category != model.CategoryParadox {
		t.Errorf("rengøringsassistent: %+v; want offered as related, with the office's reason and its rating", a)
	}
	if a := got["Opvasker"]; a.Reason != model.AltSameGroup || a.Group != "9412" {
		t.Errorf("opvasker: %+v; want the same 4-digit group first", a)
	}
	if !strings.HasPrefix(strings.Join(order, ","), "Køkkenmedhjælper/samegroup,Køkkenassistent/samegroup,Opvasker/samegroup,Rengøringsassistent/related") {
		t.Errorf("order %v: the same group comes first, the best rated first", order)
	}
	if _, ok := got["Campingmedhjælper"]; ok {
		t.Error("the goal itself is offered as its own alternative")
	}
}

func TestOfficeRelationsReplaceTheDefault(t *testing.T) {
	content := testutil.Content(t)
	s := newTestStore(t)
	if n, err := s.SaveRelations("titel;beslægtet;begrundelse\nKontorassistent;Butiksassistent;Butik er en vej ind\n"); err != nil || n != 1 {
		t.Fatalf("save: %d, %v", n, err)
	}
	rel, _ := s.Relations(content.Related)
	if rel.Len() != 1 || rel.For("kontorassistent")[0].Title != "Butiksassistent" {
		t.Fatalf("the office's own list: %d links", rel.Len())
	}
	if _, err := s.SaveRelations("titel;beslægtet;begrundelse\n;Butik;\n"); err == nil {
		t.Error("a link without a title was saved")
	}
	s.SaveRelations("")
	if rel, _ := s.Relations(content.Related); rel != content.Related {
		t.Error("empty text does not go back to the default")
	}
}
