package ui

import (
	"fmt"
	"strings"
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

// caseBody is the one question for a refused case, with every text of it.
func (s *conflictsScreen) caseBody(c model.OfficeConflict, k *conflictCard) (fyne.CanvasObject, []fyne.CanvasObject) {
	texts := caseTexts(c)
	k.copy = widget.NewButtonWithIcon(lang.L("conflicts.case.copy"), theme.ContentCopyIcon(), func() { s.onCopy(texts) })
	k.seen = s.button("conflicts.case.done", theme.ConfirmIcon(), c, "dismissed")
	k.open = s.openButton(c)
	explain := wrapped(fmt.Sprintf(lang.L("conflicts.case.explain"), caseName(c), caseContents(c)))
	explain.TextStyle.Bold = true
	parts := []fyne.CanvasObject{explain, wrapped(lang.L("conflicts.case.choices")),
		side(lang.L("conflicts.case.texts"), texts, s.mineWhen(c))}
	return container.NewVBox(parts...), []fyne.CanvasObject{k.copy, k.open, k.seen}
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
	conversations, notes, other := 0, 0, 0
	for _, m := range c.Members {
		switch m.Table {
		case "citizens":
		case "conversations":
			conversations++
		default:
			other++
		}
		for _, f := range strings.Split(m.Field, ", ") {
			if strings.HasPrefix(f, "note:") {
				notes++
			}
		}
	}
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

// caseTexts are every refused record's text, each under what it was:
// what the caseworker hands to her colleague, or finds here again.
func caseTexts(c model.OfficeConflict) string {
	blocks := make([]string, 0, len(c.Members))
	for _, m := range c.Members {
		blocks = append(blocks, upperFirst(tableLabel(m.Table))+":\n"+refusedText(m))
	}
	return strings.Join(blocks, "\n\n")
}

// upperFirst is s with its first letter a capital.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
