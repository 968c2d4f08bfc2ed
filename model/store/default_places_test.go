package store

import (
	"testing"

	"jobspor/assets"
	"jobspor/model"
)

// TestShippedPostcodeListParses: a list placed in assets/places is read as
// PostNord's format, or the program would fail at every open.
func TestShippedPostcodeListParses(t *testing.T) {
	data := assets.DefaultPostcodesCSV()
	if data == nil {
		t.Skip("no postcode list is shipped (assets/places/README.md)")
	}
	if _, err := model.ParsePostcodes(data); err != nil {
		t.Fatalf("the shipped postcode list: %v", err)
	}
}

// TestFreshDatabaseLoadsTheDefaultPostcodes: a database without postcodes
// takes the shipped list at open (here PostNord's file, as a list placed in
// assets/places would be), so it knows 8000 Aarhus C in Region Midtjylland;
// an opening in 8000 is then not "sted ukendt" for a citizen in 8000, and
// an opening in Aalborg is no longer offered within the citizen's region.
// A database with a list of its own (a newer import) keeps it.
func TestFreshDatabaseLoadsTheDefaultPostcodes(t *testing.T) {
	s := newTestStore(t)
	list := sharedFile(t, "postnumre.csv")
	if loaded, err := s.LoadDefaultPostcodes(list); err != nil || !loaded {
		t.Fatalf("a fresh database did not take the default list: %v, %v", loaded, err)
	}
	ps, err := s.Postcodes("8000")
	if err != nil || len(ps) != 1 || ps[0].Town != "Aarhus C" || ps[0].RegionName != "Region Midtjylland" {
		t.Fatalf("8000: %+v, %v; want Aarhus C in Region Midtjylland", ps, err)
	}
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Postcode = "8000" })
	if err := s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Lagermedarbejder", Code: "932100", Horizon: model.HorizonShort}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ place, code string }{{"Aarhus C", "8000"}, {"Aalborg", "9000"}} {
		j := &model.Job{Title: "Lagermedarbejder", Code: "932100", Employer: "Nordlys Logistik", Place: p.place, Postcode: p.code, Deadline: day("2026-12-20")}
		if err := s.SaveJob(j); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := s.MatchCitizen(c.ID, day("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Place != "Aarhus C" || ms[0].Near != model.NearMunicipality {
		t.Fatalf("openings within the region of a citizen in 8000: %+v; want only Aarhus C, in the same municipality", ms)
	}

	newer := "\xef\xbb\xbfAMTS_NR;ADRESSERINGSNAVN;KOMMUNE_NR;ADRESSERINGSNAVN_1;POSTNR;BYNAVN\r\n" +
		"1082;Region Midtjylland;751;Aarhus Kommune;8000;Aarhus C\r\n"
	rows, err := model.ParsePostcodes([]byte(newer))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportPostcodes(rows, false); err != nil {
		t.Fatal(err)
	}
	if loaded, err := s.LoadDefaultPostcodes(list); err != nil || loaded {
		t.Fatalf("the default list replaced an imported one: %v, %v", loaded, err)
	}
	if n, _ := s.PostcodeCounts(); n.Rows != 1 {
		t.Fatalf("after reopening, the imported list has %d rows, want 1", n.Rows)
	}
	if loaded, err := newTestStore(t).LoadDefaultPostcodes(nil); err != nil || loaded {
		t.Fatalf("no shipped list: %v, %v", loaded, err)
	}
}
