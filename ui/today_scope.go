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

// loadMe reads which caseworker this account works as; Today, the call
// list, batches and the calendar then show theirs by default.
func (u *UI) loadMe() {
	me, err := u.store.Me()
	if err != nil {
		u.showError(err)
	}
	u.me = me
	u.setScope(model.Mine(me))
}

// setScope chooses whose work the lists show; without a caseworker chosen
// it is always the whole office.
func (u *UI) setScope(s model.Scope) {
	if u.me == "" {
		s = model.WholeOffice
	}
	u.scope = s
	u.handouts.SetScope(s)
}

// onMeChanged is called when Indstillinger chooses this account's caseworker.
func (u *UI) onMeChanged(initials string) {
	u.me = initials
	u.setScope(model.Mine(initials))
	u.today.buildScope()
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
