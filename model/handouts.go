package model

import (
	"errors"
	"strings"
)

// HandoutKind names a printed handout; the same names are used on the
// command line (`jobspor handout KIND`), in the print menu and in batches.
type HandoutKind string

const (
	HandoutFolder         HandoutKind = "folder"  // jobsøgningsfolder
	HandoutPlan           HandoutKind = "plan"    // plan og aftaler
	HandoutJobs           HandoutKind = "jobs"    // job vist til borgeren
	HandoutJobList        HandoutKind = "joblist" // dagens jobliste i stor skrift
	HandoutBenefitMeeting HandoutKind = "ydelse"  // tjekliste til ydelseskontoret
)

// Handout is one kind of handout in the registry: every part of Jobspor
// that names handouts (the reports, the print menu, the day's batch, the
// command line) reads this list, so a kind is added in one place.
type Handout struct {
	Kind HandoutKind
	// File is the file name's stem ("jobsoegningsfolder-12-….pdf").
	File string
	// PerCitizen: made for one citizen (so a batch of the day's
	// conversations can print it); the day's job list is not.
	PerCitizen bool
	// Menu: offered in the citizen's print menu as it is; the benefit
	// checklist asks for the meeting first and has its own item.
	Menu bool
}

// Handouts is the registry, in menu order.
var Handouts = []Handout{
	{Kind: HandoutFolder, File: "jobsoegningsfolder", PerCitizen: true, Menu: true},
	{Kind: HandoutPlan, File: "plan", PerCitizen: true, Menu: true},
	{Kind: HandoutJobs, File: "job", PerCitizen: true, Menu: true},
	{Kind: HandoutJobList, File: "dagens-job"},
	{Kind: HandoutBenefitMeeting, File: "ydelsestjekliste", PerCitizen: true},
}

// HandoutKinds lists every handout in menu order.
var HandoutKinds = kindsWhere(func(Handout) bool { return true })

// CitizenHandouts are the handouts made for one citizen, and so the ones a
// batch of the day's appointments can print.
var CitizenHandouts = kindsWhere(func(h Handout) bool { return h.PerCitizen })

// MenuHandouts are the citizen's print menu's plain items.
var MenuHandouts = kindsWhere(func(h Handout) bool { return h.Menu })

func kindsWhere(ok func(Handout) bool) []HandoutKind {
	var out []HandoutKind
	for _, h := range Handouts {
		if ok(h) {
			out = append(out, h.Kind)
		}
	}
	return out
}

// HandoutOf is the registry's entry for a kind; ok is false for an unknown one.
func HandoutOf(kind HandoutKind) (Handout, bool) {
	for _, h := range Handouts {
		if h.Kind == kind {
			return h, true
		}
	}
	return Handout{}, false
}

// ParseHandoutKind reads a kind's name; ok is false for an unknown one.
func ParseHandoutKind(s string) (HandoutKind, bool) {
	h, ok := HandoutOf(HandoutKind(s))
	return h.Kind, ok
}

// UnknownHandout is the error for a kind the registry does not know.
func UnknownHandout(kind HandoutKind) error {
	names := make([]string, len(HandoutKinds))
	for i, k := range HandoutKinds {
		names[i] = string(k)
	}
	return NewUserError("error.handout.unknown", nil, string(kind), strings.Join(names, ", "))
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
