package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"jobspor/model"
)

// msg translates a model message (every key is in both translation files).
func msg(m model.Message) string {
	s := lang.L(m.Key)
	if len(m.Args) == 0 {
		return s
	}
	return fmt.Sprintf(s, m.Args...)
}

// errText turns any error into text for the caseworker: validation problems
// one per line, user errors translated, anything else under a general heading.
func errText(err error) string {
	var v *model.ValidationError
	if errors.As(err, &v) {
		lines := make([]string, len(v.Problems))
		for i, p := range v.Problems {
			lines[i] = msg(p.Msg)
		}
		return strings.Join(lines, "\n")
	}
	var u *model.UserError
	if errors.As(err, &u) {
		return msg(u.Msg)
	}
	if errors.Is(err, model.ErrNotFound) {
		return lang.L("error.notfound")
	}
	if m, ok := model.DatabaseProblem(err); ok {
		return msg(m)
	}
	return lang.L("error.unexpected") + "\n" + err.Error()
}

// Option labels for the model's enumerations.
func benefitLabel(b model.Benefit) string     { return lang.L("benefit." + string(b)) }
func educationLabel(e model.Education) string { return lang.L("education." + string(e)) }
func statusLabel(s model.Status) string       { return lang.L("status." + string(s)) }

func trackLabel(t model.TrackID) string {
	if t == model.TrackNone {
		return lang.L("track.none")
	}
	return lang.L("track." + string(t))
}

// choice maps between an enumeration's values and their translated labels.
type choice[T comparable] struct {
	values []T
	labels []string
}

func newChoice[T comparable](values []T, label func(T) string) choice[T] {
	c := choice[T]{values: values}
	for _, v := range values {
		c.labels = append(c.labels, label(v))
	}
	return c
}

func (c choice[T]) label(v T) string {
	for i, x := range c.values {
		if x == v {
			return c.labels[i]
		}
	}
	return ""
}

func (c choice[T]) value(label string) (T, bool) {
	for i, l := range c.labels {
		if l == label {
			return c.values[i], true
		}
	}
	var zero T
	return zero, false
}

// shortDate shows a date as the caseworker types it: 22-11-2026.
func shortDate(t time.Time) string { return t.Format("02-01-2006") }
