package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// retentionStore is what the deletion policy part of Indstillinger asks of the database.
type retentionStore interface {
	Retention() (model.Retention, error)
	SaveRetention(r model.Retention) error
}

// retentionShell is what retentionForm asks of the window.
type retentionShell interface {
	onDeletion()
}

// retentionForm is the office's deletion policy: how long a closed case is
// kept, why, and how long the audit trail is kept.
type retentionForm struct {
	shell  retentionShell
	store  retentionStore
	months *formEntry
	years  *formEntry
	reason *formEntry
	state  *saveState // saved with Indstillinger's one Gem
}

func newRetentionForm(sh retentionShell, st retentionStore) *retentionForm {
	return &retentionForm{shell: sh, store: st}
}

func (f *retentionForm) build() fyne.CanvasObject {
	r, err := f.store.Retention()
	if err != nil {
		return lowLabel(errText(err))
	}
	f.months, f.years, f.reason = newFormEntry(), newFormEntry(), newMultiLineFormEntry()
	f.months.SetText(strconv.Itoa(r.Months))
	f.years.SetText(strconv.Itoa(r.AuditYears))
	f.reason.SetText(r.Reason)
	f.reason.SetPlaceHolder(lang.L("retention.reason.placeholder"))
	f.reason.Wrapping = fyne.TextWrapWord
	f.reason.SetMinRowsVisible(3)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("retention.months"), f.months),
		widget.NewFormItem(lang.L("retention.reason"), f.reason),
		widget.NewFormItem(lang.L("retention.audityears"), f.years))
	due := widget.NewButtonWithIcon(lang.L("deletion.title"), theme.DeleteIcon(), f.shell.onDeletion)
	f.state = newSaveState(func() string { return joinFields(f.months.Text, f.years.Text, f.reason.Text) })
	f.state.reset()
	watch(f.state.changed, f.months, f.years, f.reason)
	return container.NewVBox(heading(lang.L("retention.title")), lowLabel(lang.L("retention.help")), form,
		container.NewHBox(due))
}

// write stores the policy (Indstillinger's Gem).
func (f *retentionForm) write() error {
	r, err := f.values()
	if err == nil {
		err = f.store.SaveRetention(r)
	}
	return err
}

func (f *retentionForm) values() (model.Retention, error) {
	months, err1 := strconv.Atoi(strings.TrimSpace(f.months.Text))
	years, err2 := strconv.Atoi(strings.TrimSpace(f.years.Text))
	r := model.Retention{Months: months, AuditYears: years, Reason: f.reason.Text}
	if err1 != nil {
		r.Months = -1
	}
	if err2 != nil {
		r.AuditYears = -1
	}
	return r, r.Validate()
}

// policyText is the policy in one line, for the deletion list.
func policyText(r model.Retention) string {
	s := fmt.Sprintf(lang.L("retention.policy"), r.Months, r.AuditYears)
	if r.Reason != "" {
		s += " " + r.Reason
	}
	return s
}
