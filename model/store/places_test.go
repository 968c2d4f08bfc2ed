package store

import (
	"os"
	"strings"
	"testing"

	"jobspor/model"
)

// sharedFile reads a real file published by others, kept beside the project.
func sharedFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../../shared/data/" + name)
	if err != nil {
		t.Skipf("%s is not beside the project: %v", name, err)
	}
	return data
}

// importPostNord imports PostNord's postcode file as published.
func importPostNord(t *testing.T, s *Store) {
	t.Helper()
	rows, err := model.ParsePostcodes(sharedFile(t, "postnumre.csv"))
	if err != nil {
		t.Fatalf("PostNord's file as published: %v", err)
	}
	if _, err := s.ImportPostcodes(rows, false); err != nil {
		t.Fatal(err)
	}
}

// TestImportPostNordPostcodes reads the file as PostNord publishes it (BOM,
// `;`, CRLF) and knows each postcode's municipality and region, a postcode
// in two municipalities and a company's own postcode included.
func TestImportPostNordPostcodes(t *testing.T) {
	s := newTestStore(t)
	rows, err := model.ParsePostcodes(sharedFile(t, "postnumre.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := s.ImportPostcodes(rows, true); err != nil || res.Added != 1434 {
		t.Fatalf("dry run: %+v, %v; want 1,434 rows to add", res, err)
	}
	importPostNord(t, s)
	n, err := s.PostcodeCounts()
	if err != nil || n != (model.PostcodeCounts{Rows: 1434, Postcodes: 1121, Municipalities: 99, Regions: 5}) {
		t.Fatalf("counts %+v, %v; want 1,434 rows, 1,121 postcodes, 99 municipalities (Christiansø too), 5 regions", n, err)
	}
	if res, _ := s.ImportPostcodes(rows, false); res.Unchanged != 1434 {
		t.Errorf("a second import of the same file: %+v, want all unchanged", res)
	}
	checkPostcode(t, s, "2300", "Københavns Kommune,Tårnby Kommune", "Region Hovedstaden")
	checkPostcode(t, s, "0783", "Københavns Kommune", "Region Hovedstaden") // Facility: a company postcode
	checkPostcode(t, s, "9000", "Aalborg Kommune", "Region Nordjylland")
}

func checkPostcode(t *testing.T, s *Store, code, munis, region string) {
	t.Helper()
	ps, err := s.Postcodes(code)
	var names []string
	for _, p := range ps {
		names = append(names, p.MunicipName)
		if p.RegionName != region {
			t.Errorf("%s lies in %s, want %s", code, p.RegionName, region)
		}
	}
	if got := strings.Join(names, ","); err != nil || got != munis {
		t.Errorf("%s: %q, %v; want %s", code, got, err, munis)
	}
}

func TestPostcodeFileErrorsNameTheLine(t *testing.T) {
	bad := "\xef\xbb\xbfAMTS_NR;ADRESSERINGSNAVN;KOMMUNE_NR;ADRESSERINGSNAVN_1;POSTNR;BYNAVN\r\n" +
		"1084;Region Hovedstaden;101;Københavns Kommune;2300;København S\r\n" +
		"1084;Region Hovedstaden;101;Københavns Kommune;23OO;København S\r\n"
	if _, err := model.ParsePostcodes([]byte(bad)); err == nil || !strings.Contains(err.Error(), "Linje 3") {
		t.Fatalf("a letter O in a postcode: %v", err)
	}
}

// placesFixture: PostNord's file, a citizen in 2300 København S with a
// kitchen goal, and openings in Copenhagen, Tårnby (2300 spans both), Hillerød
// (same region) and Aalborg.
func placesFixture(t *testing.T) (*Store, *model.Citizen, map[string]int64) {
	s := newTestStore(t)
	importPostNord(t, s)
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Postcode, c.Reach = "2300", model.ReachCountry })
	if err := s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Køkkenmedhjælper", Code: "941210", Horizon: model.HorizonShort}); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, p := range []struct{ place, code, deadline string }{
		{"Aalborg", "9000", "2026-11-25"}, {"Hillerød", "3400", "2026-11-26"}, {"København V", "1650", "2026-12-20"}, {"Kastrup", "2770", "2026-12-01"}} {
		j := &model.Job{Title: "Køkkenmedhjælper", Code: "941210", Employer: "Kantinen", Place: p.place, Postcode: p.code, Deadline: day(p.deadline)}
		if err := s.SaveJob(j); err != nil {
			t.Fatal(err)
		}
		ids[p.place] = j.ID
	}
	return s, c, ids
}

func matchPlaces(t *testing.T, s *Store, citizen int64) string {
	t.Helper()
	ms, err := s.MatchCitizen(citizen, day("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, m.Place)
	}
	return strings.Join(out, ",")
}

// TestMatchingNearestFirstWithinReach: a citizen in 2300 København S sees
// Copenhagen openings (Københavns and Tårnby Kommune, which 2300 spans)
// before Hillerød in the region and Aalborg last; reach "kommune" drops the
// rest, and the default reach (the region) drops Aalborg.
func TestMatchingNearestFirstWithinReach(t *testing.T) {
	s, c, ids := placesFixture(t)
	if got := matchPlaces(t, s, c.ID); got != "Kastrup,København V,Hillerød,Aalborg" {
		t.Fatalf("hele landet: %s; want the municipality (soonest deadline first), then the region, then Aalborg", got)
	}
	if err := s.SaveReach(c.ID, model.ReachMunicipality); err != nil {
		t.Fatal(err)
	}
	if got := matchPlaces(t, s, c.ID); got != "Kastrup,København V" {
		t.Fatalf("kommune: %s; want Aalborg and Hillerød gone", got)
	}
	s.SaveReach(c.ID, "")
	if got := matchPlaces(t, s, c.ID); got != "Kastrup,København V,Hillerød" {
		t.Fatalf("default (region): %s", got)
	}
	far := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.Postcode = "Aalborgenser", "9000" })
	s.AddJobGoal(&model.JobGoal{CitizenID: far.ID, Title: "Opvasker", Code: "941220", Horizon: model.HorizonShort})
	who, err := s.MatchJob(ids["Aalborg"])
	if err != nil || len(who) != 1 || who[0].Name != "Aalborgenser" || who[0].Near != model.NearMunicipality {
		t.Fatalf("Hvem? for the Aalborg job: %+v, %v; want only the citizen in Aalborg", who, err)
	}
	who, _ = s.MatchJob(ids["Hillerød"])
	if len(who) != 1 || who[0].CitizenID != c.ID || who[0].Near != model.NearRegion {
		t.Fatalf("Hvem? for the Hillerød job: %+v", who)
	}
}

// TestLongTermTrackPrefersGoodProspects: on the long-term track an opening
// in an occupation with good prospects comes before a better-fitting one
// with poor prospects; on other tracks the fit decides.
func TestLongTermTrackPrefersGoodProspects(t *testing.T) {
	s := newTestStore(t)
	edition := "udgave;region;titel;disco;vurdering\n" +
		"2026-07;Hovedstaden;Køkkenmedhjælper;941210;Mindre gode jobmuligheder\n" +
		"2026-07;Hovedstaden;Opvasker;941220;Mangel på arbejdskraft\n"
	pub, ps, err := model.ParseProspects([]byte(edition))
	if err != nil {
		t.Fatal(err)
	}
	s.ImportProspects(pub, ps, "test", false)
	c := makeCitizen(t, s)
	s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Køkkenmedhjælper", Code: "941210", Horizon: model.HorizonShort})
	for _, title := range []string{"Køkkenmedhjælper", "Opvasker"} {
		code := map[string]string{"Køkkenmedhjælper": "941210", "Opvasker": "941220"}[title]
		if err := s.SaveJob(&model.Job{Title: title, Code: code, Employer: "Kantinen", Place: title}); err != nil {
			t.Fatal(err)
		}
	}
	if got := matchPlaces(t, s, c.ID); got != "Køkkenmedhjælper,Opvasker" {
		t.Fatalf("intensive search: %s; want the same title first", got)
	}
	c.Track = model.TrackLongterm
	if err := s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	if got := matchPlaces(t, s, c.ID); got != "Opvasker,Køkkenmedhjælper" {
		t.Fatalf("long-term track: %s; want the occupation with good prospects first", got)
	}
}
