package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// A pull can take a case off this laptop while its screen is open: the
// case was handed to a colleague, or a cover ended. Its screens close with
// a Danish sentence saying why; what the caseworker had typed there and not
// saved is shown in that dialog with Kopiér, never dropped silently (it
// cannot be saved: the case is no longer here).

// goneCase is a case whose screens a pull closed.
type goneCase struct {
	name    string
	coverOf string   // the colleague whose case it was, when this caseworker covered it
	typed   []string // what was typed on its screens and not saved
}

// closeGoneCases closes the screens of cases no longer on this laptop and
// says so; it reports whether it closed any.
func (u *UI) closeGoneCases() bool {
	for i := 1; i < len(u.stack); i++ {
		c := citizenOnScreen(u.stack[i])
		if c == nil || !u.caseGone(c.ID) {
			continue
		}
		g := goneCase{name: c.Name}
		if cv, ok := u.covers.by[c.ID]; ok && u.covers.read {
			g.coverOf = cv.For
		}
		for _, s := range u.stack[i:] {
			if e, ok := s.(editable); ok && e.Dirty() {
				g.typed = append(g.typed, unsavedTexts(e)...)
			}
		}
		u.stack = u.stack[:i]
		u.track()
		u.showGone(g)
		return true
	}
	return false
}

// caseGone: the citizen is not in the laptop's store any more.
func (u *UI) caseGone(id int64) bool {
	_, err := u.store.Citizen(id)
	return errors.Is(err, model.ErrNotFound)
}

// citizenOnScreen is the citizen a screen is about (nil: none, or a new one).
func citizenOnScreen(s screen) *model.Citizen {
	switch x := s.(type) {
	case *citizenScreen:
		return x.citizen
	case *conversationScreen:
		return x.cs.citizen
	case *citizenForm:
		return x.orig
	}
	return nil
}

// goneText says why the case's screen closed.
func goneText(g goneCase) string {
	if g.coverOf != "" {
		return fmt.Sprintf(lang.L("office.gone.cover"), g.name, g.coverOf)
	}
	return fmt.Sprintf(lang.L("office.gone.handed"), g.name)
}

// showGone shows the screen now on top and, over it, why the case's
// screen closed, with what was typed there and not saved.
func (u *UI) showGone(g goneCase) {
	top := u.top()
	if r, ok := top.(interface{ reload() }); ok {
		r.reload()
	}
	u.show(top.content())
	body := container.NewVBox(wrapped(goneText(g)))
	buttons := []fyne.CanvasObject{}
	if len(g.typed) > 0 {
		text := strings.Join(g.typed, "\n\n")
		kept := widget.NewMultiLineEntry()
		kept.SetText(text)
		kept.Wrapping = fyne.TextWrapWord
		kept.SetMinRowsVisible(4)
		body.Add(wrapped(lang.L("office.gone.typed")))
		body.Add(kept)
		copyBtn := widget.NewButtonWithIcon(lang.L("conflicts.copy"), theme.ContentCopyIcon(), func() {
			u.copyText(text)
			u.notify(lang.L("conflicts.copied"))
		})
		buttons = append(buttons, copyBtn)
	}
	d := dialog.NewCustomWithoutButtons(lang.L("office.gone.title"), body, u.win)
	ok := widget.NewButton(lang.L("OK"), d.Hide)
	ok.Importance = widget.HighImportance
	d.SetButtons(append(buttons, ok))
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// unsavedTexts are the values typed into e and not saved, field by field.
func unsavedTexts(e editable) []string {
	switch x := e.(type) {
	case editables:
		var out []string
		for _, y := range x {
			if y.Dirty() {
				out = append(out, unsavedTexts(y)...)
			}
		}
		return out
	case *citizenScreen:
		return unsavedTexts(x.editables())
	case *conversationScreen:
		return unsavedTexts(x.forms())
	case *phaseSection:
		return unsavedTexts(x.notes())
	case *citizenForm:
		return x.state.changedValues()
	case formSaver:
		return x.state.changedValues()
	case pendingInput:
		return []string{x.typed()}
	case *noteEntry:
		return []string{x.Text}
	}
	return nil
}

// changedValues are the form's values that differ from those saved (the
// whole form when its shape changed), without empty ones and ticks.
func (t *saveState) changedValues() []string {
	now, was := strings.Split(t.read(), "\x00"), strings.Split(t.saved, "\x00")
	var out []string
	for i, v := range now {
		v = strings.TrimSpace(v)
		if v == "" || v == "0" || v == "1" || (len(now) == len(was) && v == strings.TrimSpace(was[i])) {
			continue
		}
		out = append(out, v)
	}
	return out
}
