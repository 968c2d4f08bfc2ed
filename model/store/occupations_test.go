package store

import (
	"os"
	"strings"
	"testing"

	"jobspor/model"
)

// The real file as DST publishes it, beside the project.
func discoFile(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../../../shared/data/disco08.csv")
	if err != nil && os.Getenv("CI") != "" {
		t.Fatalf("DST's DISCO-08 file must be beside the project in CI: %v", err)
	}
	if err != nil {
		t.Skipf("DST's DISCO-08 file is not beside the project: %v", err)
	}
	return data
}

func TestImportDSTDisco08(t *testing.T) {
	groups, err := model.ParseDisco(discoFile(t))
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
	groups, _ := model.ParseDisco(discoFile(t))
	s := newTestStore(t)
	res, err := s.ImportDisco(groups, true)
	if err != nil || res.Added != 1171 {
		t.Fatalf("dry run: %+v %v", res, err)
	}
	if levels, _ := s.DiscoLevels(); levels != [6]int{} {
		t.Fatalf("a dry run wrote %v", levels)
	}
}
