package ui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// scopeStore is what "Mine / a colleague / Hele kontoret" asks of the database.
type scopeStore interface {
	Me() (string, error)
	Caseworkers() ([]model.Caseworker, error)
}

var scopeKeys = []string{"scope.mine", "scope.office"}

// scopeChoices are the scope choice's options: Mine, each colleague (in an
// office the office's roster, else the caseworkers on this laptop), and
// Hele kontoret — the cases this caseworker may see.
func (u *UI) scopeChoices() ([]string, []model.Scope) {
	labels, scopes := []string{lang.L(scopeKeys[0])}, []model.Scope{model.Mine(u.me)}
	team, err := u.team(u.store.Caseworkers)
	if err != nil {
		u.showError(err)
	}
	for _, c := range team {
		if c.Initials != u.me {
			labels, scopes = append(labels, caseworkerLabel(team, c.Initials)), append(scopes, model.Mine(c.Initials))
		}
	}
	return append(labels, lang.L(scopeKeys[1])), append(scopes, model.WholeOffice)
}

// newScopeChoice is the "Mine / a colleague / Hele kontoret" choice on Today.
func (s *todayScreen) newScopeChoice() *safeSelect {
	return newSelect(nil, nil)
}

// buildScope shows the choice only when this account has a caseworker.
func (s *todayScreen) buildScope() {
	s.scope.OnChanged = nil
	if s.shell.caseworker() == "" {
		s.scope.Hide()
		s.scopeRow.Hide()
		return
	}
	labels, scopes := s.shell.scopeChoices()
	s.scope.Options = labels
	s.scope.Show()
	s.scopeRow.Show()
	s.scope.SetSelectedIndex(0)
	for i, sc := range scopes {
		if sc == s.shell.workScope() {
			s.scope.SetSelectedIndex(i)
		}
	}
	s.scope.OnChanged = s.onScope
}

func (s *todayScreen) onScope(label string) {
	labels, scopes := s.shell.scopeChoices()
	scope := model.Mine(s.shell.caseworker())
	for i, l := range labels {
		if l == label {
			scope = scopes[i]
		}
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
	if text := fmt.Sprintf(lang.L("today.deletion"), due); s.deletion.Text != text {
		s.deletion.SetText(text)
	}
	s.deletion.Show()
}

func (s *todayScreen) newDeletionButton() *widget.Button {
	b := widget.NewButtonWithIcon("", theme.DeleteIcon(), s.shell.onDeletion)
	b.Importance = widget.WarningImportance
	b.Alignment = widget.ButtonAlignLeading
	b.Hide()
	return b
}
