package model

import (
	"errors"
	"os"
	"strings"
	"testing"

	"jobspor/assets"
)

// The real file as DST publishes it, beside the project.
func discoFile(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../../shared/data/disco08.csv")
	if err != nil {
		t.Skipf("DST's DISCO-08 file is not beside the project: %v", err)
	}
	return data
}

func TestImportDSTDisco08(t *testing.T) {
	groups, err := ParseDisco(discoFile(t))
	if err != nil {
		t.Fatal(err)
	}
	s := newTestStore(t)
	res, err := s.ImportDisco(groups, false)
	if err != nil || res.Added != 1171 {
		t.Fatalf("first import: %+v, %v; want 1,171 added", res, err)
	}
	levels, _ := s.DiscoLevels()
	if levels != [6]int{0, 10, 42, 126, 429, 564} {
		t.Fatalf("levels = %v, want 10/42/126/429/564", levels[1:])
	}
	if got := s.DiscoTitle("941210"); got != "Medhjælp i køkken" {
		t.Errorf("941210 = %q", got)
	}
	if got := s.DiscoTitle("11"); !strings.HasPrefix(got, "Øverste ledelse") {
		t.Errorf("æ, ø, å not intact: %q", got)
	}
	again, err := s.ImportDisco(groups, false)
	if err != nil || again.Added != 0 || again.Changed != 0 || again.Unchanged != 1171 {
		t.Fatalf("second import changed something: %+v, %v", again, err)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	groups, _ := ParseDisco(discoFile(t))
	s := newTestStore(t)
	res, err := s.ImportDisco(groups, true)
	if err != nil || res.Added != 1171 {
		t.Fatalf("dry run: %+v %v", res, err)
	}
	if levels, _ := s.DiscoLevels(); levels != [6]int{} {
		t.Fatalf("a dry run wrote %v", levels)
	}
}

func TestMalformedImportsNameTheLine(t *testing.T) {
	head := "\xef\xbb\xbfSEKVENS;KODE;NIVEAU;TITEL\r\n1;\"1\";1;Ledelse\r\n"
	cases := map[string]struct{ data, want string }{
		"wrong column count": {head + "2;\"11\";2\r\n", "Linje 3: forkert antal kolonner"},
		"unknown code":       {head + "2;\"21\";2;Ingen forælder\r\n", "Linje 3: koden 21 har ingen overordnet gruppe 2"},
		"code and level":     {head + "2;\"111\";2;Forkert længde\r\n", "Linje 3: koden \"111\" passer ikke til niveau 2"},
		"broken quoting":     {head + "2;\"11;2;Åben\r\n", "anførselstegn"},
		"empty file":         {"", "Filen er tom"},
		"wrong encoding":     {head + "2;\"11\";2;\xd8verste ledelse\r\n", "Linje 3: filen er ikke gemt som UTF-8"},
		"missing column":     {"KODE;TITEL\r\n1;Ledelse\r\n", "Linje 1: kolonnen niveau mangler"},
	}
	for name, c := range cases {
		_, err := ParseDisco([]byte(c.data))
		var u *UserError
		if !errors.As(err, &u) || !strings.Contains(u.Msg.Text(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

func TestCatalogueSearchAndGroups(t *testing.T) {
	c, err := ParseCatalogue(assets.JobTitlesCSV)
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 200 {
		t.Errorf("catalogue has %d titles, want a few hundred", c.Len())
	}
	got := c.Search("køk", 5)
	if len(got) == 0 || got[0].Title != "Køkkenchef" && got[0].Title != "Køkkenmedhjælper" {
		t.Errorf("search køk = %v", got)
	}
	if t2, ok := c.Lookup("campingmedhjælper"); !ok || t2.Code != "941220" {
		t.Errorf("lookup campingmedhjælper = %+v %v", t2, ok)
	}
	same := c.InGroup("941220", 4)
	names := map[string]bool{}
	for _, x := range same {
		names[x.Title] = true
	}
	if !names["Køkkenmedhjælper"] || !names["Opvasker"] || names["Rengøringsassistent"] {
		t.Errorf("4-digit group of campingmedhjælper: %v", names)
	}
}
