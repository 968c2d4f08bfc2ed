package model

import (
	"errors"
	"strings"
)

// HandoutKind names a printed handout; the same names are used on the
// command line (`jobspor handout KIND`), in the print menu and in batches.
type HandoutKind string

const (
	HandoutFolder  HandoutKind = "folder"  // jobsøgningsfolder
	HandoutPlan    HandoutKind = "plan"    // plan og aftaler
	HandoutJobs    HandoutKind = "jobs"    // job vist til borgeren
	HandoutJobList HandoutKind = "joblist" // dagens jobliste i stor skrift
	HandoutYdelse  HandoutKind = "ydelse"  // tjekliste til ydelseskontoret
)

// HandoutKinds lists every handout in menu order.
var HandoutKinds = []HandoutKind{HandoutFolder, HandoutPlan, HandoutJobs, HandoutJobList, HandoutYdelse}

// CitizenHandouts are the handouts made for one citizen, and so the ones a
// batch of the day's appointments can print.
var CitizenHandouts = []HandoutKind{HandoutFolder, HandoutPlan, HandoutJobs, HandoutYdelse}

// ParseHandoutKind reads a kind's name; ok is false for an unknown one.
func ParseHandoutKind(s string) (HandoutKind, bool) {
	for _, k := range HandoutKinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// PrintWarning says a handout was saved, but some characters in it could
// not be printed and stand as □ (an emoji in a name, a script the font
// lacks). It is returned as an error beside the path: the file is there.
type PrintWarning struct {
	Texts []string // the texts as printed, with □
}

// Message is the warning for the caseworker, naming the texts.
func (w *PrintWarning) Message() Message {
	return Message{Key: "print.replaced", Args: []any{strings.Join(w.Texts, "«, »")}}
}

func (w *PrintWarning) Error() string { return w.Message().Text() }

// AsPrintWarning tells whether err is only a print warning (the file is saved).
func AsPrintWarning(err error) (*PrintWarning, bool) {
	var w *PrintWarning
	ok := errors.As(err, &w)
	return w, ok
}
