package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// closeShell is what closeDialog asks of the window.
type closeShell interface {
	now() time.Time
	showError(err error)
	texts() *model.Content
	window() fyne.Window
}

// closeDialog asks how the case ended, shows what closing will change, and
// closes it only when the caseworker confirms that.
type closeDialog struct {
	shell                 closeShell
	c                     *caseSection
	date, employer, start *formEntry
	hours                 *formEntry
	note                  *formEntry
	reason                *safeSelect
	reasons               choice[model.CloseReason]
	presetEmployer        string
}

func newCloseDialog(c *caseSection) *closeDialog {
	return &closeDialog{shell: c.shell, c: c, reasons: newChoice(model.CloseReasons, closeReasonLabel)}
}

// withJob fills in a job the citizen got (from an application marked "ansat").
func (d *closeDialog) withJob(employer string) *closeDialog {
	d.presetEmployer = employer
	return d
}

func (d *closeDialog) show() {
	d.date = dateEntry(d.shell.now())
	d.reason = newSelect(d.reasons.labels, nil)
	d.reason.PlaceHolder = lang.L("select.choose")
	d.employer, d.start, d.hours = newFormEntry(), dateEntry(time.Time{}), newFormEntry()
	d.employer.SetText(d.presetEmployer)
	if d.presetEmployer != "" {
		d.reason.SetSelected(closeReasonLabel(model.CloseJob))
	}
	d.hours.SetPlaceHolder(lang.L("close.hours.placeholder"))
	d.note = newMultiLineFormEntry()
	d.note.SetMinRowsVisible(2)
	d.showForm()
}

func (d *closeDialog) showForm() {
	items := []*widget.FormItem{
		{Text: lang.L("close.date"), Widget: d.date},
		{Text: lang.L("close.reason"), Widget: d.reason},
		{Text: lang.L("close.employer"), Widget: d.employer, HintText: lang.L("close.jobhint")},
		{Text: lang.L("close.jobstart"), Widget: d.start},
		{Text: lang.L("close.hours"), Widget: d.hours},
		{Text: lang.L("close.note"), Widget: d.note},
	}
	f := dialog.NewForm(lang.L("case.close.title"), lang.L("close.next"), lang.L("action.cancel"), items, d.onForm, d.shell.window())
	f.Resize(fyne.NewSize(560, 460))
	f.Show()
}

func (d *closeDialog) onForm(ok bool) {
	if !ok {
		return
	}
	cl, err := d.closing()
	if err == nil {
		err = cl.Validate(d.shell.now())
	}
	if err != nil {
		d.again(err)
		return
	}
	preview, err := d.c.store.ClosePreview(d.shell.texts(), cl.CitizenID, cl.Date)
	if err != nil {
		d.shell.showError(err)
		return
	}
	d.confirm(cl, preview)
}

// again shows what is wrong, then the form again with what was typed.
func (d *closeDialog) again(err error) {
	e := dialog.NewError(errorForDialog(err), d.shell.window())
	e.SetOnClosed(d.showForm)
	e.Show()
}

func (d *closeDialog) closing() (*model.CaseClosing, error) {
	cl := &model.CaseClosing{CitizenID: d.c.s.citizen.ID, Employer: d.employer.Text, Note: d.note.Text}
	cl.Reason, _ = d.reasons.value(d.reason.Selected)
	var errs []string
	for _, f := range []struct {
		text string
		dst  *time.Time
	}{{d.date.Text, &cl.Date}, {d.start.Text, &cl.JobStart}} {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		t, err := model.ParseDate(f.text)
		if err != nil {
			errs = append(errs, errText(err))
		}
		*f.dst = t
	}
	hours, err := parseHours(d.hours.Text)
	if err != nil {
		errs = append(errs, errText(err))
	}
	cl.Hours = hours
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return cl, nil
}

// confirm lists what closing will change before anything is changed.
func (d *closeDialog) confirm(cl *model.CaseClosing, p model.ClosePreview) {
	text := widget.NewLabel(previewText(cl, p))
	text.Wrapping = fyne.TextWrapWord
	c := dialog.NewCustomConfirm(lang.L("case.close.title"), lang.L("case.close.confirm"), lang.L("action.cancel"), text,
		func(yes bool) {
			if yes {
				d.onConfirm(cl)
			}
		}, d.shell.window())
	c.Resize(fyne.NewSize(620, 320))
	c.Show()
}

func previewText(cl *model.CaseClosing, p model.ClosePreview) string {
	lines := []string{fmt.Sprintf(lang.L("close.preview.head"), shortDate(cl.Date), closeReasonLabel(cl.Reason))}
	if n := len(p.Conversations); n > 0 {
		var days []string
		for _, c := range p.Conversations {
			days = append(days, c.Start.Format("02-01-2006 15:04"))
		}
		key := "close.preview.conversations"
		if n == 1 {
			key = "close.preview.conversation"
		}
		lines = append(lines, fmt.Sprintf(lang.L(key), n, strings.Join(days, ", ")))
	}
	if p.Notices > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("close.preview.notices"), p.Notices))
	}
	if p.ReceptionOpen > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("close.preview.reception"), p.ReceptionOpen))
	}
	lines = append(lines, lang.L("close.preview.leaves"))
	return strings.Join(lines, "\n")
}

func (d *closeDialog) onConfirm(cl *model.CaseClosing) {
	if err := d.c.store.CloseCase(cl); err != nil {
		d.shell.showError(err)
		return
	}
	d.c.s.afterCaseChange()
}
