package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryCitizenColumnIsDeclaredOnce: the citizens table's columns, as the
// migrations make them (pragma table_info), are exactly citizenTable's and
// the two the store keeps apart (held_days, gid); and no code of the store
// writes a citizen with a statement of its own: the insert is built from
// the table, so the demo fills every column a caseworker's save fills.
func TestEveryCitizenColumnIsDeclaredOnce(t *testing.T) {
	s := newTestStore(t)
	declared := map[string]bool{"held_days": true, "gid": true}
	for _, col := range citizenTable {
		if declared[col.name] {
			t.Errorf("citizenTable names %s twice", col.name)
		}
		declared[col.name] = true
	}
	for _, col := range columnsOf(t, s, "citizens") {
		if !declared[col] {
			t.Errorf("citizens.%s is not in citizenTable (citizen_columns.go): it is neither saved, read nor exported", col)
		}
		delete(declared, col)
	}
	for col := range declared {
		t.Errorf("citizenTable names %s, which the citizens table does not have", col)
	}
	files, err := filepath.Glob("*.go")
	must(t, err)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "citizen_columns.go" {
			continue
		}
		src, err := os.ReadFile(f)
		must(t, err)
		if strings.Contains(strings.ToUpper(string(src)), "INSERT INTO CITIZENS") {
			t.Errorf("%s writes citizens with a statement of its own: use insertCitizen", f)
		}
	}
}
