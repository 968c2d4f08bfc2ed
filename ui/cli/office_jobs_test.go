package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// company-contact says in Danish what it needs, and an office that cannot
// be reached is reported in Danish, not as the driver's text.
func TestCompanyContactNeedsItsArguments(t *testing.T) {
	db, _ := dbWith(t, "Åse Ærø")
	t.Setenv("JOBSPOR_OFFICE_IDENTITY", filepath.Join(t.TempDir(), "id.txt"))
	code, _, errs := run(t, nil, "office", "company-contact", "AB", "--db", db, "--server", "postgres://x")
	if code != 2 || !strings.Contains(errs, "INITIALER ja|nej") {
		t.Fatalf("company-contact without ja|nej = %d %q", code, errs)
	}
	code, _, errs = run(t, nil, "office", "company-contact", "AB", "ja", "--db", db)
	if code != 2 || !strings.Contains(errs, "--server") {
		t.Fatalf("company-contact without --server = %d %q", code, errs)
	}
}
