package model

import (
	"os"
	"strings"
	"testing"
)

// TestREADMERulesTableIsTheRulesFile: README.md's rules table is the one
// RulesTable writes from assets/rules/conversations.json. Run with
// JOBSPOR_WRITE_README=1 to write it after changing the rules.
func TestREADMERulesTableIsTheRulesFile(t *testing.T) {
	const readme = "../README.md"
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	begin, end := strings.Index(text, RulesTableBegin), strings.Index(text, RulesTableEnd)
	if begin < 0 || end < begin {
		t.Fatalf("README.md has no rules table between %q and %q", RulesTableBegin, RulesTableEnd)
	}
	want := RulesTable(loadContent(t).Rules)
	got := text[begin+len(RulesTableBegin)+1 : end]
	if got == want {
		return
	}
	if os.Getenv("JOBSPOR_WRITE_README") == "1" {
		text = text[:begin+len(RulesTableBegin)+1] + want + text[end:]
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rules table differs from the rules file; run JOBSPOR_WRITE_README=1 go test ./model -run TestREADMERulesTable\n got:\n%s\nwant:\n%s", got, want)
}
