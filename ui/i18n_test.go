package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"jobspor/assets"
)

func translations(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return m
}

// TestEveryStringIsTranslated holds the screens to their translations: each
// key used in the code is in da.json and en.json, and the two have the same keys.
func TestEveryStringIsTranslated(t *testing.T) {
	da, en := translations(t, "da"), translations(t, "en")
	files, _ := filepath.Glob("*.go")
	used := regexp.MustCompile(`lang\.L\("([^"]+)"\)`)
	for _, f := range files {
		src, _ := os.ReadFile(f)
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			if da[m[1]] == nil || en[m[1]] == nil {
				t.Errorf("%s: key %q missing in da.json or en.json", f, m[1])
			}
		}
	}
	var onlyOne []string
	for k := range da {
		if en[k] == nil {
			onlyOne = append(onlyOne, "da:"+k)
		}
	}
	for k := range en {
		if da[k] == nil {
			onlyOne = append(onlyOne, "en:"+k)
		}
	}
	sort.Strings(onlyOne)
	if len(onlyOne) > 0 {
		t.Errorf("keys in one language only: %v", onlyOne)
	}
}

func TestTheWindowSpeaksDanishByDefault(t *testing.T) {
	if got := trackLabel("education"); got != "Uddannelsesløft" {
		t.Errorf("track label = %q, want Danish", got)
	}
	if got := (&UI{}).countText(1); got != "1 borger" {
		t.Errorf("count = %q", got)
	}
}
