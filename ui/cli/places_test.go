package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportPostNordFileAndRelated: `jobspor import postcodes` reads
// PostNord's file as published; `import related` replaces the office's
// related titles, and a bad file names its line.
func TestImportPostNordFileAndRelated(t *testing.T) {
	db, _ := dbWith(t, "Mette")
	file := "../../../shared/data/postnumre.csv"
	if _, err := os.Stat(file); err != nil {
		t.Skip("PostNord's file is not beside the project")
	}
	if code, out, errs := run(t, nil, "import", "postcodes", file, "--db", db); code != 0 || !strings.Contains(out, "1434 nye") {
		t.Fatalf("import postcodes: %d %q %q", code, out, errs)
	}
	rel := filepath.Join(t.TempDir(), "related.csv")
	os.WriteFile(rel, []byte("titel;beslægtet;begrundelse\nKontorassistent;Butiksassistent;Butik\n"), 0o600)
	if code, out, errs := run(t, nil, "import", "related", rel, "--db", db); code != 0 || !strings.Contains(out, "1 nye") {
		t.Fatalf("import related: %d %q %q", code, out, errs)
	}
	os.WriteFile(rel, []byte("titel;beslægtet;begrundelse\nKontorassistent;;\n"), 0o600)
	if code, _, errs := run(t, nil, "import", "related", rel, "--db", db); code != 1 || !strings.Contains(errs, "Linje 2") {
		t.Fatalf("a bad related file: %d %q", code, errs)
	}
}
