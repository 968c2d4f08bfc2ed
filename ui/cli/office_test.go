package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Without an office the laptop says so; an office command needs one joined.
func TestOfficeStatusWithoutAnOffice(t *testing.T) {
	db, _ := dbWith(t, "Åse Ærø")
	t.Setenv("JOBSPOR_OFFICE_IDENTITY", filepath.Join(t.TempDir(), "id.txt"))
	code, out, _ := run(t, nil, "office", "status", "--db", db)
	if code != 0 || !strings.Contains(out, "ikke med i et kontor") {
		t.Fatalf("status = %d %q", code, out)
	}
	code, _, errs := run(t, nil, "office", "sync", "--db", db)
	if code != 1 || !strings.Contains(errs, "office join") {
		t.Fatalf("sync without an office = %d %q", code, errs)
	}
	code, _, errs = run(t, nil, "office", "cover", "--db", db, "--to", "AB", "--citizen", "1")
	if code != 2 || !strings.Contains(errs, "--until") {
		t.Fatalf("cover without --until = %d %q", code, errs)
	}
}
