package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// benefitMeetingShell is what benefitMeetingDialog asks of the window.
type benefitMeetingShell interface {
	handoutMaker() Handouts
	printed(path string, err error)
	window() fyne.Window
}

// benefitMeetingDialog asks for the date and place of the benefit meeting (filled in
// from the meeting stored with the citizen), then makes the document
// checklist and opens it in the system's PDF viewer.
type benefitMeetingDialog struct {
	shell   benefitMeetingShell
	store   benefitMeetingStore
	citizen *model.Citizen
	stored  time.Time // the stored meeting, with its clock
	date    *formEntry
	place   *formEntry
	dlg     *dialog.FormDialog
}

// benefitMeetingStore is what the checklist's dialog asks of the database:
// the meeting already booked.
type benefitMeetingStore interface {
	BenefitCase(citizenID int64) (model.BenefitCase, error)
}

func newBenefitMeetingDialog(sh benefitMeetingShell, st benefitMeetingStore, c *model.Citizen) *benefitMeetingDialog {
	return &benefitMeetingDialog{shell: sh, store: st, citizen: c}
}

func (d *benefitMeetingDialog) show() {
	d.date = newFormEntry()
	d.date.SetPlaceHolder(lang.L("form.dateplaceholder"))
	d.date.Validator = validDateOrEmpty
	d.place = newFormEntry()
	d.place.SetText(d.shell.handoutMaker().DefaultBenefitPlace())
	if b, err := d.store.BenefitCase(d.citizen.ID); err == nil && !b.MeetingAt.IsZero() {
		d.stored = b.MeetingAt
		d.date.SetText(shortDate(b.MeetingAt))
		d.place.SetText(b.MeetingPlace)
	}
	items := []*widget.FormItem{
		{Text: lang.L("ydelse.date"), Widget: d.date, HintText: lang.L("ydelse.datehint")},
		{Text: lang.L("ydelse.place"), Widget: d.place},
	}
	d.dlg = dialog.NewForm(lang.L("handout.ydelse"), lang.L("action.makepdf"), lang.L("action.cancel"), items, d.onConfirm, d.shell.window())
	d.dlg.Resize(fyne.NewSize(520, 260))
	d.dlg.Show()
}

func validDateOrEmpty(s string) error {
	if s == "" {
		return nil
	}
	_, err := model.ParseDate(s)
	if err != nil {
		return errorForDialog(err)
	}
	return nil
}

func (d *benefitMeetingDialog) onConfirm(ok bool) {
	if !ok {
		return
	}
	var meeting time.Time
	if d.date.Text != "" {
		meeting, _ = model.ParseDate(d.date.Text)
	}
	if !d.stored.IsZero() && model.DateOnly(d.stored).Equal(meeting) {
		meeting = d.stored // the stored meeting keeps its clock
	}
	d.shell.printed(d.shell.handoutMaker().BenefitMeeting(d.citizen.ID, meeting, d.place.Text))
}
