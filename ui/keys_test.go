package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jobspor/model"
)

// keyUses finds the translation keys the code names: literal keys given to
// lang or to the model's messages, and the prefixes of keys built at run time.
var keyUses = []*regexp.Regexp{
	regexp.MustCompile(`lang\.[LX]N?\("([^"]+)"\s*[,)]`),
	regexp.MustCompile(`NewUserError\("([^"]+)"`),
	regexp.MustCompile(`\.add\([^,()]+, "([^"]+)"`),
	regexp.MustCompile(`(?:CheckChoice|CheckLen|RequireText)\([^\n]*"([a-z]+\.[^"]+)"\)`),
	regexp.MustCompile(`Key: "([^"]+)"`),
	regexp.MustCompile(`(?:importError|fieldErr|importFieldError)\([^"\n]*"([a-z]+\.[a-z.]+)"`),
	regexp.MustCompile(`return "(import\.[a-z]+)", `),
	regexp.MustCompile(`(?m)^\s+\d+:\s+"([a-z]+\.[a-z.]+)",`), // code -> key tables
}

var builtUses = []*regexp.Regexp{
	regexp.MustCompile(`lang\.L\("([a-z.]+\.)"\s*\+`),
	regexp.MustCompile(`lang\.L\(fmt\.Sprintf\("([a-z.]+\.)%d"`),
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// builtKeys lists the values each built key prefix is completed with; a new
// prefix in the code must be listed here, so its keys are checked too.
func builtKeys() map[string][]string {
	return map[string][]string{
		"benefit.":           strs(model.Benefits),
		"education.":         strs(model.Educations),
		"status.":            strs(model.Statuses),
		"track.":             append(strs(model.Tracks), "none"),
		"conversation.kind.": strs(model.ConversationKinds),
		"conversation.form.": strs(model.ConversationForms),
		"conversation.att.":  strs(model.Attendances),
		"case.reason.":       strs(model.CloseReasons),
		"app.":               strs(model.AppStatuses),
		"upskill.kind.":      strs(model.UpskillingKinds),
		"upskill.status.":    strs(model.UpskillingStatuses),
		"company.kind.":      strs(model.CompanyKinds),
		"company.outcome.":   {"none", "job", "no_job"},
		"officekind.":        strs([]model.OfficeKind{model.OfficeJobcenter, model.OfficeAkasse}),
		"horizon.":           strs([]model.Horizon{model.HorizonShort, model.HorizonLong}),
		"euv.":               strs([]model.EUV{model.EUVYes, model.EUVNo}), // unknown: its own key
		"print.":             strs(model.CitizenHandouts),
		"notice.":            {"to_benefit", "from_benefit"},
		"youth.kind.":        strs(model.YouthKinds),
		"notice.how.":        strs([]model.SentHow{model.SentPrinted, model.SentCopied}),
		"fit.":               {"0", "1", "2"}, // same code, 4-digit, 3-digit group
		"prospect.cat.":      strs(model.Categories),
		"reach.":             strs(model.Reaches),
		"near.":              {"0", "1", "2", "3"}, // model.Nearness
		"conflicts.settled.": {"theirs", "mine", "edited", "dismissed", "seen"},
		"kontor.join.table.": {"caseworkers", "prospect_editions", "prospects"}, // the lead's tables a join names
	}
}

// codeKeys walks the Go sources of ui, model (with store) and reports and
// returns every key they use, built ones completed with their values.
func codeKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	built := builtKeys()
	for _, dir := range []string{".", "../model", "../reports"} {
		walkGo(t, dir, func(path, src string) {
			for _, re := range keyUses {
				for _, m := range re.FindAllStringSubmatch(src, -1) {
					keys[m[1]] = path
				}
			}
			for _, re := range builtUses {
				for _, m := range re.FindAllStringSubmatch(src, -1) {
					values, ok := built[m[1]]
					if !ok {
						t.Errorf("%s: keys built from %q: list its values in builtKeys", path, m[1])
					}
					for _, v := range values {
						keys[m[1]+v] = path
					}
				}
			}
		})
	}
	return keys
}

func walkGo(t *testing.T, dir string, fn func(path, src string)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		fn(path, string(src))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestEveryKeyInTheCodeIsInBothLanguages walks model/, ui/ and reports/ for
// translation keys (literal and built) and fails on any key missing from
// da.json or en.json: the English window never shows a Danish fallback.
func TestEveryKeyInTheCodeIsInBothLanguages(t *testing.T) {
	da, en := translations(t, "da"), translations(t, "en")
	keys := codeKeys(t)
	if len(keys) < 300 {
		t.Fatalf("found only %d keys in the code: the walk is broken", len(keys))
	}
	for k, where := range keys {
		if da[k] == nil {
			t.Errorf("%s: key %q is missing in da.json", where, k)
		}
		if en[k] == nil {
			t.Errorf("%s: key %q is missing in en.json", where, k)
		}
	}
}
