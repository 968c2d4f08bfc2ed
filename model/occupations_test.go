package model

import (
	"errors"
	"strings"
	"testing"

	"jobspor/assets"
)

func TestMalformedImportsNameTheLine(t *testing.T) {
	head := "\xef\xbb\xbfSEKVENS;KODE;NIVEAU;TITEL\r\n1;\"1\";1;Ledelse\r\n"
	cases := map[string]struct{ data, want string }{
		"wrong column count":  {head + "2;\"11\";2\r\n", "Linje 3, kolonne 4 (TITEL): forkert antal kolonner (linjen har 3, overskriften har 4"},
		"unknown code":        {head + "2;\"21\";2;Ingen forælder\r\n", "Linje 3: koden 21 har ingen overordnet gruppe 2"},
		"code and level":      {head + "2;\"111\";2;Forkert længde\r\n", "Linje 3: koden \"111\" passer ikke til niveau 2"},
		"broken quoting":      {head + "2;\"11;2;Åben\r\n", "anførselstegn"},
		"empty file":          {"", "Filen er tom"},
		"not UTF-8 after BOM": {head + "2;\"11\";2;\xd8verste ledelse\r\n", "Linje 3, kolonne 4 (TITEL): tegnet (byte 0xD8) er ikke UTF-8"},
		"missing column":      {"KODE;TITEL\r\n1;Ledelse\r\n", "Linje 1: kolonnen niveau mangler"},
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
