package ui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// scopeStore is what "Mine / Hele kontoret" asks of the database.
type scopeStore interface {
	Me() (string, error)
}

var scopeKeys = []string{"scope.mine", "scope.office"}

// scopeChoice is the "Mine / Hele kontoret" switch on Today.
func (s *todayScreen) newScopeChoice() *widget.RadioGroup {
	r := widget.NewRadioGroup([]string{lang.L(scopeKeys[0]), lang.L(scopeKeys[1])}, nil)
	r.Horizontal = true
	r.Required = true
	return r
}

// buildScope shows the switch only when this account has a caseworker.
func (s *todayScreen) buildScope() {
	s.scope.OnChanged = nil
	if s.shell.caseworker() == "" {
		s.scope.Hide()
		return
	}
	s.scope.Show()
	s.scope.SetSelected(lang.L(scopeKeys[1]))
	if !s.shell.workScope().All() {
		s.scope.SetSelected(lang.L(scopeKeys[0]))
	}
	s.scope.OnChanged = s.onScope
}

func (s *todayScreen) onScope(label string) {
	scope := model.WholeOffice
	if label == lang.L(scopeKeys[0]) {
		scope = model.Mine(s.shell.caseworker())
	}
	s.shell.setScope(scope)
	s.reload()
}

// showDeletion reminds when closed cases wait for deletion.
func (s *todayScreen) showDeletion(due int) {
	if due == 0 {
		s.deletion.Hide()
		return
	}
	s.deletion.SetText(fmt.Sprintf(lang.L("today.deletion"), due))
	s.deletion.Show()
}

func (s *todayScreen) newDeletionButton() *widget.Button {
	b := widget.NewButtonWithIcon("", theme.DeleteIcon(), s.shell.onDeletion)
	b.Importance = widget.WarningImportance
	b.Alignment = widget.ButtonAlignLeading
	b.Hide()
	return b
}
