package cli

import (
	"strings"
	"testing"
)

// rawFlagEnglish is what Go's flag package says; none of it reaches a user.
var rawFlagEnglish = []string{"flag: help", "help requested", "provided but not defined", "invalid value", "needs an argument",
	"bad flag syntax", "parse error", "invalid syntax", "kommandoen kan ikke læses: flag"}

// -h and --help show the command's own usage in Danish on stdout and exit
// 0, for every command, also one whose first argument is a word (office
// conflicts, handout, restore); "help office" does the same.
func TestHelpShowsTheCommandsOwnUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"office", "conflicts", "--help"}, "jobspor office conflicts [resolve ID"},
		{[]string{"office", "conflicts", "-h"}, "jobspor office conflicts [resolve ID"},
		{[]string{"office", "join", "--help"}, "jobspor office join --server URL --initials I"},
		{[]string{"office", "--help"}, "jobspor office (init --server URL"},
		{[]string{"caseworker", "list", "-h"}, "jobspor caseworker (list | add"},
		{[]string{"list", "--help"}, "jobspor list [--db FIL]"},
		{[]string{"demo", "-h"}, "jobspor demo [--db FIL] [--citizens N]"},
		{[]string{"handout", "--help"}, "jobspor handout (folder|plan"},
		{[]string{"restore", "-h"}, "jobspor restore FIL"},
		{[]string{"import", "jobs", "--help"}, "jobspor import (occupations"},
		{[]string{"help", "office", "conflicts"}, "jobspor office conflicts [resolve ID"},
	} {
		code, out, errs := run(t, nil, c.args...)
		if code != 0 || errs != "" {
			t.Errorf("%v: exit %d, stderr %q; want exit 0 and nothing on stderr", c.args, code, errs)
		}
		if !strings.HasPrefix(out, "Brug:\n") || !strings.Contains(out, c.want) {
			t.Errorf("%v prints %q; want its own usage with %q", c.args, out, c.want)
		}
		if strings.Count(out, "jobspor ") > 3 && c.args[0] != "office" {
			t.Errorf("%v prints every command's usage, not its own:\n%s", c.args, out)
		}
		for _, w := range rawFlagEnglish {
			if strings.Contains(out+errs, w) {
				t.Errorf("%v says %q to the user:\n%s%s", c.args, w, out, errs)
			}
		}
	}
	if code, out, _ := run(t, nil, "--help"); code != 0 || !strings.Contains(out, "jobspor office (") || !strings.Contains(out, "jobspor demo") {
		t.Errorf("jobspor --help = %d %q; want every command's usage", code, out)
	}
}

// Any other flag mistake is said in Danish with the flag's name, exits 2,
// and shows the command's own usage, with no English from Go's flag package.
func TestFlagMistakesAreSaidInDanish(t *testing.T) {
	db, _ := dbWith(t, "Mette")
	for _, c := range []struct {
		args []string
		say  string
	}{
		{[]string{"office", "conflicts", "-x", "--db", db}, "ukendt flag --x"},
		{[]string{"office", "conflicts", "--keep"}, "--keep mangler en værdi"},
		{[]string{"caseworker", "list", "--hemmelig", "--db", db}, "ukendt flag --hemmelig"},
		{[]string{"demo", "--db", db, "--citizens", "mange"}, `ugyldig værdi "mange" for --citizens`},
		{[]string{"purge", "--db", db, "--dry-run=måske"}, `ugyldig værdi "måske" for --dry-run`},
		{[]string{"list", "---db", db}, "forkert skrevet flag: ---db"},
	} {
		code, out, errs := run(t, nil, c.args...)
		if code != 2 || !strings.Contains(errs, c.say) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 saying %q", c.args, code, errs, c.say)
		}
		if !strings.Contains(errs, "Brug:\n  jobspor "+c.args[0]) {
			t.Errorf("%v: the mistake is not shown with the command's usage: %q", c.args, errs)
		}
		for _, w := range rawFlagEnglish {
			if strings.Contains(out+errs, w) {
				t.Errorf("%v says %q to the user:\n%s%s", c.args, w, out, errs)
			}
		}
	}
}
