package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScreensUseTheirOwnStore: no screen reaches past the narrow store it
// declares to the window's whole store (".ui.store").
func TestScreensUseTheirOwnStore(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, ".ui.store") {
				t.Errorf("%s:%d reaches the window's whole store: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}
