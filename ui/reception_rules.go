package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// rulesStore is what the rule's text, the exemption and the reception
// variant ask of the database (issue 23).
type rulesStore interface {
	SetReceptionVariant(p *model.ReceptionPlan, c *model.Citizen, variant string) error
	Exempt(e *model.Exemption) error
	UndoExemption(citizenID int64) error
	OpenExemption(citizenID int64) (*model.Exemption, error)
}

// ruleText is the rule for the citizen in plain Danish: what it asks, its
// paragraphs and how sure it is ("Bygger på STAR's vejledning").
func (f *receptionForm) ruleText() fyne.CanvasObject {
	e := f.shell.texts().Rules.Explain(f.shell.officeKind(), f.s.citizen)
	l := lowLabel(e.Plain())
	l.Wrapping = fyne.TextWrapWord
	return l
}

// exemptionBox shows the citizen's exemption from the minimum after a
// concrete assessment, with a way to record or undo it.
func (f *receptionForm) exemptionBox() fyne.CanvasObject {
	st := f.store
	box := container.NewVBox()
	var reason *formEntry // the reason being typed, while no exemption is open
	var draw func()
	exempt := func() error {
		x := &model.Exemption{CitizenID: f.s.citizen.ID, Reason: reason.Text, DecidedOn: model.Day(f.shell.now())}
		if err := st.Exempt(x); err != nil {
			return err
		}
		draw()
		return nil
	}
	f.s.addForm(pendingInput{typed: func() string {
		if reason == nil {
			return ""
		}
		return typedIn(reason)
	}, add: exempt, clear: func() {
		if reason != nil {
			reason.SetText("")
		}
	}})
	draw = func() {
		reason = nil
		box.Objects = nil
		open, err := st.OpenExemption(f.s.citizen.ID)
		switch {
		case err != nil:
			box.Add(lowLabel(errText(err)))
		case open != nil:
			l := widget.NewLabel(fmt.Sprintf(lang.L("exemption.open"), shortDate(open.DecidedOn), open.DecidedBy, open.Reason))
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
			box.Add(widget.NewButtonWithIcon(lang.L("exemption.undo"), theme.ContentUndoIcon(), func() {
				if err := st.UndoExemption(f.s.citizen.ID); err != nil {
					f.shell.showError(err)
				}
				draw()
			}))
		default:
			reason = newFormEntry()
			reason.SetPlaceHolder(lang.L("exemption.reason"))
			box.Add(lowLabel(lang.L("exemption.help")))
			box.Add(container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon(lang.L("exemption.do"), theme.ConfirmIcon(), func() {
				if err := exempt(); err != nil {
					f.shell.showError(err)
				}
			}), reason))
		}
		box.Refresh()
	}
	draw()
	return box
}

// variantPicker chooses the reception plan's variant at the first
// conversation (10 råd #5-#7); the plan is drawn again.
func (f *receptionForm) variantPicker(plan *model.ReceptionPlan) fyne.CanvasObject {
	st := f.store
	if len(plan.Variants) == 0 {
		return container.NewVBox()
	}
	ids := []string{model.VariantStandard}
	labels := []string{lang.L("reception.variant.standard")}
	for _, v := range plan.Variants {
		ids, labels = append(ids, v.ID), append(labels, v.Title)
	}
	current := model.VariantStandard
	if v := plan.VariantFor(f.s.citizen); v != nil {
		current = v.ID
	}
	pick := newSelect(labels, nil)
	for i, id := range ids {
		if id == current {
			pick.SetSelected(labels[i])
		}
	}
	pick.OnChanged = func(label string) {
		for i, l := range labels {
			if l == label && ids[i] != current {
				if err := st.SetReceptionVariant(plan, f.s.citizen, ids[i]); err != nil {
					f.shell.showError(err)
					return
				}
				f.showPlanAndYouth()
			}
		}
	}
	hint := lang.L("reception.variant.hint")
	if f.s.citizen.ReceptionVariant == "" && current != model.VariantStandard {
		hint = lang.L("reception.variant.suggested")
	}
	return container.NewVBox(widget.NewForm(widget.NewFormItem(lang.L("reception.variant"), pick)), lowLabel(hint))
}
