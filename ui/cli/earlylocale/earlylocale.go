// Package earlylocale runs before Fyne's packages read their environment
// at start: Go initialises the packages in order of their import path, and
// this module's path sorts before fyne.io. It is a module of its own only
// for that order. It sets two things, each only where the user has not:
//
//   - The locale. Under the POSIX "C" locale Fyne would print "Fyne error:
//     Error parsing user locale C" on every command; Jobspor chooses its own
//     language (JOBSPOR_LANG), so the bare C locale is replaced by a plain
//     UTF-8 one.
//   - How long Fyne keeps what it drew for a screen no longer shown
//     (FYNE_CACHE): 15 seconds, not Fyne's minute. A caseworker going
//     through citizens leaves a screen every few seconds; each one's
//     widgets and text images were kept a minute after (about 8 MB of 178
//     after 20 citizens opened at 10,000). What is on screen is kept alive
//     by Fyne while shown, also when idle (it walks the shown objects every
//     CacheDuration - 10 s: every 5 s here).
package earlylocale

import (
	"os"
	"strings"
)

// fyneCache is the FYNE_CACHE Jobspor sets.
const fyneCache = "15s"

func init() {
	setLocale()
	if os.Getenv("FYNE_CACHE") == "" {
		os.Setenv("FYNE_CACHE", fyneCache)
	}
}

func setLocale() {
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
