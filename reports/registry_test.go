package reports

import (
	"errors"
	"os"
	"testing"

	"jobspor/model"
)

// TestEveryRegisteredHandoutPrintsAndAnUnknownOneIsRefused: each kind in
// the registry makes its own file; an unknown kind writes nothing and is
// refused (it once quietly printed the jobs sheet).
func TestEveryRegisteredHandoutPrintsAndAnUnknownOneIsRefused(t *testing.T) {
	svc, s := demoService(t, 20)
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil || len(rows) == 0 {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, k := range model.HandoutKinds {
		path, err := svc.Handout(k, rows[0].ID)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if seen[path] {
			t.Errorf("%s was written over another handout: %s", k, path)
		}
		seen[path] = true
	}
	path, err := svc.Handout("jobbs", rows[0].ID)
	var ue *model.UserError
	if !errors.As(err, &ue) || ue.Msg.Key != "error.handout.unknown" {
		t.Fatalf("an unknown kind gave %q, %v", path, err)
	}
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			t.Error("an unknown kind wrote a file")
		}
	}
	if err := svc.HandoutTo("jobbs", svc.OutDir+"/x.pdf", rows[0].ID); !errors.As(err, &ue) {
		t.Errorf("HandoutTo with an unknown kind: %v", err)
	}
}
