// Package earlylocale runs before Fyne's lang package reads the locale at
// start: Go initialises the packages in order of their import path, and this
// module's path sorts before fyne.io. Under the POSIX "C" locale Fyne would
// print "Fyne error: Error parsing user locale C" on every command; Jobspor
// chooses its own language (JOBSPOR_LANG), so the bare C locale is replaced
// by a plain UTF-8 one here. It is a module of its own only for that order.
package earlylocale

import (
	"os"
	"strings"
)

func init() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" && !isPOSIX(v) {
			return // a real locale is set: leave it
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if isPOSIX(os.Getenv(k)) {
			os.Setenv(k, "en_US.UTF-8")
		}
	}
}

func isPOSIX(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX"
}
