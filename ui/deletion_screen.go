package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// deletionStore is what the "Til sletning" screen asks of the database.
type deletionStore interface {
	viewLogStore
	Retention() (model.Retention, error)
	DueForDeletion(now time.Time, scope model.Scope) ([]model.DueForDeletion, error)
	Purge(ids []int64, now time.Time, dryRun bool) (model.PurgeResult, error)
}

// deletionShell is what deletionScreen asks of the window.
type deletionShell interface {
	changed(ids ...int64)
	goBack()
	notify(text string)
	now() time.Time
	showError(err error)
	term(key string) string
	window() fyne.Window
}

// deletionScreen lists the closed cases past the office's retention period
// and deletes one, the chosen or all of them (GDPR art. 5(1)(e)).
type deletionScreen struct {
	shell   deletionShell
	store   deletionStore
	due     []model.DueForDeletion
	chosen  map[int64]bool
	list    *fyne.Container
	policy  *secondaryLabel
	some    *widget.Button
	all     *widget.Button
	root    fyne.CanvasObject
	viewLog viewLog
}

func newDeletionScreen(sh deletionShell, st deletionStore) *deletionScreen {
	s := &deletionScreen{shell: sh, store: st, chosen: map[int64]bool{}, viewLog: viewLog{what: "deletion list"}}
	s.root = s.build()
	s.load()
	return s
}

func (s *deletionScreen) content() fyne.CanvasObject { return s.root }

func (s *deletionScreen) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(s.shell.term("action.back"), theme.NavigateBackIcon(), s.shell.goBack)
	s.policy = lowLabel("")
	s.list = container.NewVBox()
	s.some = widget.NewButtonWithIcon("", theme.DeleteIcon(), s.onDeleteChosen)
	s.all = widget.NewButtonWithIcon("", theme.DeleteIcon(), s.onDeleteAll)
	s.all.Importance = widget.DangerImportance
	top := container.NewVBox(container.NewBorder(nil, nil, back, nil, heading(lang.L("deletion.title"))), s.policy)
	bottom := container.NewHBox(s.some, s.all)
	return container.NewBorder(top, bottom, nil, nil, container.NewVScroll(s.list))
}

// load reads the policy and the cases due, and draws them.
func (s *deletionScreen) load() {
	r, err := s.store.Retention()
	if err == nil {
		s.due, err = s.store.DueForDeletion(s.shell.now(), model.WholeOffice)
	}
	if err == nil {
		err = s.viewLog.record(s.store, s.ids(false))
	}
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.policy.SetText(policyText(r))
	s.chosen = map[int64]bool{}
	s.drawList()
}

func (s *deletionScreen) reload() { s.load() }

func (s *deletionScreen) drawList() {
	s.list.Objects = nil
	if len(s.due) == 0 {
		s.list.Add(widget.NewLabel(lang.L("deletion.none")))
	}
	for _, d := range s.due {
		s.list.Add(s.row(d))
	}
	s.list.Refresh()
	s.updateButtons()
}

func (s *deletionScreen) row(d model.DueForDeletion) fyne.CanvasObject {
	text := fmt.Sprintf(lang.L("deletion.row"), d.Name, statusLabel(d.Status), shortDate(d.ClosedOn), shortDate(d.DeleteFrom))
	if d.Caseworker != "" {
		text += "  ·  " + d.Caseworker
	}
	check := newCheck(text, func(on bool) {
		s.chosen[d.CitizenID] = on
		s.updateButtons()
	})
	return check
}

func (s *deletionScreen) updateButtons() {
	n := len(s.ids(true))
	s.some.SetText(fmt.Sprintf(lang.L("deletion.chosen"), n))
	s.all.SetText(fmt.Sprintf(lang.L("deletion.all"), len(s.due)))
	setEnabled(s.some, n > 0)
	setEnabled(s.all, len(s.due) > 0)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// ids are the citizens listed (chosen only: the ticked ones).
func (s *deletionScreen) ids(chosenOnly bool) []int64 {
	var out []int64
	for _, d := range s.due {
		if !chosenOnly || s.chosen[d.CitizenID] {
			out = append(out, d.CitizenID)
		}
	}
	return out
}

func (s *deletionScreen) onDeleteChosen() { s.ask(s.ids(true)) }
func (s *deletionScreen) onDeleteAll()    { s.ask(s.ids(false)) }

// ask says how many cases go and that it cannot be undone, then purges.
func (s *deletionScreen) ask(ids []int64) {
	if len(ids) == 0 {
		return
	}
	d := dialog.NewConfirm(lang.L("deletion.title"), fmt.Sprintf(lang.L("deletion.ask"), len(ids)), func(yes bool) {
		if yes {
			s.onPurge(ids)
		}
	}, s.shell.window())
	d.SetConfirmText(lang.L("deletion.confirm"))
	d.SetConfirmImportance(widget.DangerImportance) // never the default: Enter does not delete
	d.Show()
}

func (s *deletionScreen) onPurge(ids []int64) {
	res, err := s.store.Purge(ids, s.shell.now(), false)
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.shell.changed(ids...)
	s.shell.notify(fmt.Sprintf(lang.L("deletion.done"), res.Citizens))
	s.load()
}
