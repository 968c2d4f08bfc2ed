package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// buildOverview shows the citizen's details.
func (s *citizenScreen) buildOverview() fyne.CanvasObject {
	c := s.citizen
	s.cpr = widget.NewLabel(orDash(c.CPR.Masked()))
	s.revealed = false
	cprRow := fyne.CanvasObject(s.cpr)
	if c.CPR != "" {
		cprRow = container.NewHBox(s.cpr, widget.NewButton(lang.L("view.reveal"), s.onRevealCPR))
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.cpr"), cprRow),
		widget.NewFormItem(lang.L("field.age"), widget.NewLabel(s.age())),
		widget.NewFormItem(lang.L("field.phone"), widget.NewLabel(orDash(c.Phone))),
		widget.NewFormItem(lang.L("field.email"), widget.NewLabel(orDash(c.Email))),
		widget.NewFormItem(lang.L("field.benefit"), widget.NewLabel(benefitLabel(c.Benefit))),
		widget.NewFormItem(lang.L("field.education"), widget.NewLabel(educationLabel(c.Education))),
		widget.NewFormItem(lang.L("field.firstcontact"), widget.NewLabel(shortDate(c.FirstContact))),
		widget.NewFormItem(lang.L("field.unemployed"), widget.NewLabel(shortDate(c.RulesStart()))),
		widget.NewFormItem(lang.L("field.status"), widget.NewLabel(statusLabel(c.Status))),
		widget.NewFormItem(lang.L("field.caseworker"), widget.NewLabel(orDash(c.Caseworker))),
		widget.NewFormItem(lang.L("field.track"), widget.NewLabel(trackLabel(c.Track))),
	)
	if !c.TransferredOn.IsZero() {
		form.Append(lang.L("field.passed"), widget.NewLabel(shortDate(c.TransferredOn)))
	}
	if c.CPR == "" && !c.BirthDate.IsZero() {
		form.Append(lang.L("field.birthdate"), widget.NewLabel(shortDate(c.BirthDate)))
	}
	if c.Notes != "" {
		form.Append(lang.L("field.notes"), newNoteText(c.Notes))
	}
	return container.NewVScroll(container.NewVBox(form, s.buildTrackHistory()))
}

func (s *citizenScreen) age() string {
	a, ok := s.citizen.AgeOn(s.shell.now())
	if !ok {
		return "–"
	}
	return fmt.Sprintf(lang.L("view.years"), a)
}

// onRevealCPR shows the full number on request and audits that it was shown.
func (s *citizenScreen) onRevealCPR() {
	s.revealed = !s.revealed
	if !s.revealed {
		s.cpr.SetText(s.citizen.CPR.Masked())
		return
	}
	if err := s.store.LogAudit(model.AuditView, s.citizen.ID, "cpr revealed"); err != nil {
		s.shell.showError(err)
		return
	}
	s.cpr.SetText(s.citizen.CPR.Formatted())
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
