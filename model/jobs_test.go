package model

import (
	"strings"
	"testing"
)

func TestProspectFilesAreChecked(t *testing.T) {
	head := "udgave,region,titel,disco,vurdering\n"
	cases := map[string]string{
		head + "2026-03,Fyn,Kok,512000,gode\n":                                 "Linje 2: udgaven",
		head + "2026-07,Mars,Kok,512000,gode\n":                                "Linje 2: ukendt region",
		head + "2026-07,Fyn,Kok,512000,fremragende\n":                          "Linje 2: ukendt vurdering",
		head + "2026-07,Fyn,Kok,512000,gode\n2026-01,Fyn,Tjener,513100,gode\n": "Linje 3: filen blander udgaverne",
	}
	for data, want := range cases {
		_, _, err := ParseProspects([]byte(data))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", data, err, want)
		}
	}
	// The older scheme's words are accepted.
	_, ps, err := ParseProspects([]byte(head + "2026-01,Fyn,Kok,512000,rigtig gode\n"))
	if err != nil || ps[0].Rating != RatingShortage {
		t.Errorf("older scheme: %+v %v", ps, err)
	}
}
