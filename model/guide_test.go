package model

import (
	"strings"
	"testing"

	"jobspor/assets"
)

func loadGuide(t testing.TB) *Guide {
	t.Helper()
	g, err := ParseGuide(assets.GuideJSON)
	if err != nil {
		t.Fatalf("the embedded guide does not parse: %v", err)
	}
	return g
}

// TestGuideIsComplete holds the content file to STAR's guide: the opening
// phase and three tracks, each core element with the guide's number of actions.
func TestGuideIsComplete(t *testing.T) {
	g := loadGuide(t)
	want := []struct {
		phase    string
		kind     string
		elements map[string]int
	}{
		{"opening", "opening", map[string]int{"opening.goals": 6, "opening.cv": 2}},
		{"intensive", "track", map[string]int{"intensive.strategy": 3, "intensive.concrete": 4, "intensive.sparring": 3, "intensive.upskilling": 3}},
		{"education", "track", map[string]int{"education.overview": 5, "education.start": 3}},
		{"longterm", "track", map[string]int{"longterm.retarget": 2, "longterm.placement": 3, "longterm.company": 4}},
	}
	if len(g.Phases) != len(want) {
		t.Fatalf("%d phases, want the opening phase and three tracks", len(g.Phases))
	}
	texts := map[string]bool{}
	for i, w := range want {
		p := g.Phases[i]
		if p.ID != w.phase || p.Kind != w.kind || p.Title == "" || p.Purpose == "" || p.Target == "" {
			t.Errorf("phase %d = %s/%s %q, want %s/%s with title, purpose and target", i, p.ID, p.Kind, p.Title, w.phase, w.kind)
		}
		if len(p.Elements) != len(w.elements) {
			t.Errorf("%s has %d core elements, want %d", p.ID, len(p.Elements), len(w.elements))
		}
		for _, e := range p.Elements {
			n, ok := w.elements[e.ID]
			if !ok || len(e.Actions) != n {
				t.Errorf("%s: %d actions, want %d", e.ID, len(e.Actions), n)
			}
			for _, a := range e.Actions {
				if !strings.HasPrefix(a.ID, e.ID+".") || strings.TrimSpace(a.Text) == "" || texts[a.Text] {
					t.Errorf("action %q: ID outside its element, empty or repeated text", a.ID)
				}
				texts[a.Text] = true
			}
		}
	}
	if g.Opening().Title != "Tidlig intensiv start" || g.Track(TrackEducation).Title != "Uddannelsesløft" {
		t.Error("the phases are not named as in the guide")
	}
}

func TestGuideAssessmentLeadsToTheThreeTracks(t *testing.T) {
	g := loadGuide(t)
	if len(g.Assessment) != 3 {
		t.Fatalf("%d assessment outcomes, want 3", len(g.Assessment))
	}
	for i, tr := range Tracks {
		if g.Assessment[i].Track != tr || g.Assessment[i].Label == "" {
			t.Errorf("outcome %d = %+v, want track %s with a label", i, g.Assessment[i], tr)
		}
	}
}

func TestParseGuideRefusesBrokenContent(t *testing.T) {
	repeated := strings.Replace(string(assets.GuideJSON), `"opening.goals.2"`, `"opening.goals.1"`, 1)
	if _, err := ParseGuide([]byte(repeated)); err == nil {
		t.Error("a repeated action ID was accepted")
	}
	noTrack := strings.Replace(string(assets.GuideJSON), `"id": "longterm"`, `"id": "langtid"`, 1)
	if _, err := ParseGuide([]byte(noTrack)); err == nil {
		t.Error("a guide without the longterm track was accepted")
	}
	if _, err := ParseGuide([]byte(`{"phases": [`)); err == nil {
		t.Error("broken JSON was accepted")
	}
}

func TestPhaseCountsDoneActions(t *testing.T) {
	g := loadGuide(t)
	p := map[string]Progress{
		"opening.goals.1": {Done: true}, "opening.cv.2": {Done: true},
		"opening.goals.2":      {Done: false, Note: "talt om, ikke afklaret"},
		"intensive.strategy.1": {Done: true},
	}
	if d, n := g.Opening().Count(p); d != 2 || n != 8 {
		t.Errorf("opening phase %d of %d, want 2 of 8", d, n)
	}
	if d, n := g.Opening().Elements[1].Count(p); d != 1 || n != 2 {
		t.Errorf("CV element %d of %d, want 1 of 2", d, n)
	}
}

// TestEducationTrackNamesItsResources: STAR's guide names, for the
// education track only, whom to work with and where to learn about
// education (an education ambassador, counsellors at the institutions,
// eVejledningen, voksenuddannelse.dk).
func TestEducationTrackNamesItsResources(t *testing.T) {
	g := loadContent(t).Guide
	if got := strings.Join(g.Track(TrackEducation).Resources, "; "); !strings.Contains(got, "Uddannelsesambassadør") ||
		!strings.Contains(got, "eVejledningen") || !strings.Contains(got, "voksenuddannelse.dk") {
		t.Errorf("education track resources: %s", got)
	}
	for _, tr := range []TrackID{TrackIntensive, TrackLongterm} {
		if n := len(g.Track(tr).Resources); n != 0 {
			t.Errorf("track %s has %d resources the guide does not name", tr, n)
		}
	}
}
