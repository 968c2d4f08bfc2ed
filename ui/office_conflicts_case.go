package ui

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// The conflict screen's card for a case whose citizen the office already
// has (the same CPR number, with a colleague): the office refused the
// citizen and so each of her records, and the caseworker is asked once.
// The case stays on this laptop; what she can do is keep it here for now,
// or hand her texts to the colleague (all shown, copied at one tap), and
// close the question when done: one choice, audited, that closes every
// refusal of the case here and at the office.

// caseBody is the one question for a refused case: what was not sent,
// what she can do (the buttons at once, not below a long text), and every
// note of the case. The records' other fields are on the case, still here.
func (s *conflictsScreen) caseBody(c model.OfficeConflict, k *conflictCard) (fyne.CanvasObject, []fyne.CanvasObject) {
	notes := caseNotes(c)
	k.copy = widget.NewButtonWithIcon(lang.L("conflicts.case.copy"), theme.ContentCopyIcon(), func() { s.onCopy(notes) })
	k.seen = s.button("conflicts.case.done", theme.ConfirmIcon(), c, "dismissed")
	k.open = s.openButton(c)
	if notes == "" {
		k.copy.Disable()
		notes = lang.L("conflicts.case.nonotes")
	}
	explain := wrapped(fmt.Sprintf(lang.L("conflicts.case.explain"), caseName(c), caseContents(c)))
	explain.TextStyle.Bold = true
	return container.NewVBox(explain, wrapped(lang.L("conflicts.case.choices")), container.NewHBox(k.copy, k.open, k.seen),
		side(lang.L("conflicts.case.texts"), notes, "")), nil // a history sent at the join: its time is the join's
}

// caseName is the citizen's name (never her CPR number).
func caseName(c model.OfficeConflict) string {
	if c.CitizenName != "" {
		return c.CitizenName
	}
	if n := refusedName(c); n != "" {
		return n
	}
	return lang.L("conflicts.colleague.citizen")
}

// caseContents says what the case holds that was not sent: "12 samtaler
// og 30 noter" (the citizen's own record is not counted).
func caseContents(c model.OfficeConflict) string {
	conversations, other, notes := c.CaseCounts()
	var parts []string
	for _, p := range []struct {
		n   int
		key string
	}{{conversations, "conflicts.case.conversations"}, {other, "conflicts.case.records"}, {notes, "conflicts.case.notes"}} {
		switch {
		case p.n == 1:
			parts = append(parts, lang.L(p.key+".one"))
		case p.n > 1:
			parts = append(parts, fmt.Sprintf(lang.L(p.key), p.n))
		}
	}
	switch len(parts) {
	case 0:
		return lang.L("conflicts.case.nothing")
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + lang.L("conflicts.case.and") + " " + parts[len(parts)-1]
}

// caseNotes are the free texts of the case's refused records, each under
// what it was ("En samtale 23-11-2026 – Aftaler"): what the caseworker
// hands to her colleague ("" none).
func caseNotes(c model.OfficeConflict) string {
	blocks := make([]string, 0, len(c.Members))
	for _, m := range c.Members {
		var labels []string
		for _, f := range strings.Split(m.Field, ", ") {
			if name, ok := strings.CutPrefix(f, "note:"); ok {
				labels = append(labels, fieldLabel(m.Table, name))
			}
		}
		text := memberNotes(m)
		if len(labels) == 0 || text == "" {
			continue
		}
		blocks = append(blocks, recordLabel(m)+" – "+strings.Join(labels, ", ")+":\n"+text)
	}
	return strings.Join(blocks, "\n\n")
}

// memberNotes is the notes' text of one refusal: all of it for a refused
// note, what follows the record's fields for a refused record.
func memberNotes(m model.OfficeConflict) string {
	if strings.HasPrefix(m.Field, "note:") {
		return strings.TrimSpace(m.Mine)
	}
	var fields map[string]any
	dec := json.NewDecoder(strings.NewReader(m.Mine))
	if dec.Decode(&fields) != nil {
		return ""
	}
	return strings.TrimSpace(m.Mine[dec.InputOffset():])
}

// recordLabel names a refused record, with its date when it has one.
func recordLabel(m model.OfficeConflict) string {
	label := upperFirst(tableLabel(m.Table))
	var fields map[string]any
	json.NewDecoder(strings.NewReader(m.Mine)).Decode(&fields)
	for _, k := range []string{"start", "date", "decided_on", "done_on"} {
		if v, _ := fields[k].(string); len(v) >= 10 {
			if d, err := time.Parse(model.DateLayout, v[:10]); err == nil {
				return label + " " + d.Format("02-01-2006")
			}
		}
	}
	return label
}

// upperFirst is s with its first letter a capital.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
