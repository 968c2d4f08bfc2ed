package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// loadTeam fills the caseworker filter: everyone, mine (when this account
// has a caseworker, and then chosen first), or one colleague's citizens.
func (s *caseloadScreen) loadTeam() {
	team, err := s.shell.team(s.store.Caseworkers)
	if err != nil {
		s.shell.showError(err)
	}
	s.team = team
	options := []string{lang.L("list.allcaseworkers")}
	if s.shell.caseworker() != "" {
		options = append(options, lang.L("scope.mine"))
	}
	options = append(options, lang.L("list.nocaseworker.filter"))
	for _, c := range team {
		options = append(options, caseworkerLabel(team, c.Initials))
	}
	prev := s.who.Selected
	s.who.Options = options
	switch {
	case prev != "" && slices.Contains(options, prev):
		s.who.SetSelected(prev) // read again (a sync, a save): the caseworker's choice stays
	case s.shell.caseworker() != "":
		s.who.SetSelectedIndex(1)
	default:
		s.who.SetSelectedIndex(0)
	}
	setEnabled(s.move, len(team) > 0)
	s.shell.placeCoverButton(s.bar)
}

// whoScope is the scope the caseworker filter chose.
func (s *caseloadScreen) whoScope() model.Scope {
	if s.who == nil {
		return model.WholeOffice
	}
	if s.who.Selected == lang.L("scope.mine") {
		return model.Mine(s.shell.caseworker())
	}
	if s.unassignedChosen() {
		return model.WholeOffice // narrowed by CaseFilter.NoCaseworker
	}
	for _, c := range s.team {
		if caseworkerLabel(s.team, c.Initials) == s.who.Selected {
			return model.Mine(c.Initials)
		}
	}
	return model.WholeOffice
}

// unassignedChosen: the filter shows the citizens no caseworker has.
func (s *caseloadScreen) unassignedChosen() bool {
	return s.who != nil && s.who.Selected == lang.L("list.nocaseworker.filter")
}

// showElsewhere says how many citizens the search matches outside the
// chosen caseworker (or outside "uden sagsbehandler"), with a way to see
// them; and offers the citizens without a caseworker to this account's
// caseworker in one step.
func (s *caseloadScreen) showElsewhere(f model.CaseFilter) {
	n := model.MatchesElsewhere(s.all, f)
	if n == 0 {
		s.elsewhere.Hide()
	} else {
		key := "list.elsewhere"
		if n == 1 {
			key = "list.elsewhere.one"
		}
		setText(s.elsewhereText, fmt.Sprintf(lang.L(key), n, s.who.Selected))
		s.elsewhere.Show()
	}
	if s.shell.caseworker() != "" && s.unassignedChosen() && len(s.rows) > 0 {
		s.take.SetText(fmt.Sprintf(lang.L("list.take"), len(s.rows), s.shell.caseworker()))
		s.take.Show()
	} else {
		s.take.Hide()
	}
}

// onShowWholeOffice shows the whole office's citizens the search matches.
func (s *caseloadScreen) onShowWholeOffice() { s.who.SetSelectedIndex(0) }

// onTake gives the citizens without a caseworker shown to this account's
// caseworker ("Jeg er"), in one step.
func (s *caseloadScreen) onTake() {
	if s.shell.caseworker() != "" {
		s.onMove(s.shell.caseworker())
	}
}

// onAskMove moves the citizens shown to a colleague, after asking to whom.
func (s *caseloadScreen) onAskMove() {
	if len(s.rows) == 0 || len(s.team) == 0 {
		return
	}
	labels := make([]string, len(s.team))
	for i, c := range s.team {
		labels[i] = caseworkerLabel(s.team, c.Initials)
	}
	to := newSelect(labels, nil)
	to.PlaceHolder = lang.L("select.choose")
	items := []*widget.FormItem{{Text: lang.L("list.move.to"), Widget: to,
		HintText: countText("list.move.hint", len(s.rows))}}
	d := dialog.NewForm(lang.L("list.move"), lang.L("list.move.confirm"), lang.L("action.cancel"), items, func(ok bool) {
		if ok && to.SelectedIndex() >= 0 {
			s.onMove(s.team[to.SelectedIndex()].Initials)
		}
	}, s.shell.window())
	d.Show()
}

func (s *caseloadScreen) onMove(initials string) {
	ids := rowIDs(s.rows)
	if s.shell.handOver(ids, initials) {
		return // in an office: the audited hand-over
	}
	if err := s.store.AssignCaseworker(ids, initials); err != nil {
		s.shell.showError(err)
		return
	}
	moved := make(map[int64]bool, len(ids))
	for _, id := range ids {
		moved[id] = true
	}
	for i := range s.all {
		if moved[s.all[i].ID] {
			s.all[i].Caseworker = initials
		}
	}
	s.shell.notify(countText("list.moved", len(ids), initials))
	s.applyFilter()
}
