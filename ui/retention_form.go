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

// retentionForm is the office's deletion policy: how long a closed case is
// kept, why, and how long the audit trail is kept.
type retentionForm struct {
	ui     *UI
	store  retentionStore
	months *widget.Entry
	years  *widget.Entry
	reason *widget.Entry
}

func newRetentionForm(u *UI, st retentionStore) *retentionForm {
	return &retentionForm{ui: u, store: st}
}

func (f *retentionForm) build() fyne.CanvasObject {
	r, err := f.store.Retention()
	if err != nil {
		return lowLabel(errText(err))
	}
	f.months, f.years, f.reason = widget.NewEntry(), widget.NewEntry(), widget.NewMultiLineEntry()
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
	save := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSave)
	due := widget.NewButtonWithIcon(lang.L("deletion.title"), theme.DeleteIcon(), f.ui.onDeletion)
	return container.NewVBox(heading(lang.L("retention.title")), lowLabel(lang.L("retention.help")), form,
		container.NewHBox(save, due))
}

func (f *retentionForm) onSave() {
	r, err := f.values()
	if err == nil {
		err = f.store.SaveRetention(r)
	}
	if err != nil {
		f.ui.showError(err)
		return
	}
	f.ui.notify(lang.L("saved"))
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
