package ui

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// officeHeader is the office's line in the window's top bar. It is always
// honest: when the office last brought news, what waits to go, that the
// office does not answer (and that work goes on), open conflicts. It shows
// nothing while the laptop is in no office.
type officeHeader struct {
	now    func() time.Time
	onSync func() // the button: a sync now
	text   *widget.Label
	button *widget.Button
	box    *fyne.Container
	last   model.OfficeStatus
}

func newOfficeHeader(now func() time.Time, onSync func()) *officeHeader {
	h := &officeHeader{now: now, onSync: onSync}
	h.text = widget.NewLabel("")
	h.text.TextStyle.Bold = true
	h.button = widget.NewButtonWithIcon(lang.L("officebar.sync"), theme.ViewRefreshIcon(), h.onButton)
	h.button.Importance = widget.LowImportance
	h.box = container.NewHBox(layout.NewSpacer(), h.text, h.button)
	h.box.Hide()
	return h
}

func (h *officeHeader) onButton() {
	if h.onSync != nil {
		h.onSync()
	}
}

// hide: the laptop is in no office.
func (h *officeHeader) hide() { h.box.Hide() }

// show says what st says.
func (h *officeHeader) show(st model.OfficeStatus) {
	h.last = st
	h.text.SetText(officeHeaderText(st, h.now()))
	h.text.Importance = officeHeaderImportance(st)
	h.text.Refresh()
	h.button.Enable()
	h.box.Show()
}

// syncing: a sync is under way (the last state stays readable beside it).
func (h *officeHeader) syncing() {
	h.text.SetText(lang.L("officebar.syncing"))
	h.button.Disable()
	h.box.Show()
}

// failed: the sync met a problem other than an unreachable office (a newer
// office, a refused login): said in the header (a model's message as it
// is, anything else in general words), the work goes on.
func (h *officeHeader) failed(err error) {
	st := h.last
	if errors.Is(err, model.ErrOfficeUnreachable) {
		st.Reachable = false
		h.show(st)
		return
	}
	h.show(st)
	text := lang.L("officebar.problem")
	var ue *model.UserError
	if errors.As(err, &ue) { // "opdatér Jobspor", a key not yet wrapped to this laptop: said as it is
		text = errText(err)
	}
	h.text.SetText(text)
	h.text.Importance = widget.DangerImportance
	h.text.Refresh()
}

// officeHeaderText is the header's sentence for st at now.
func officeHeaderText(st model.OfficeStatus, now time.Time) string {
	var s string
	switch {
	case !st.Reachable && st.Pending > 0:
		s = fmt.Sprintf(lang.L("officebar.offline"), st.Pending, officePlural(st.Pending, "officebar.change"))
	case !st.Reachable:
		s = lang.L("officebar.unreachable")
	default:
		s = fmt.Sprintf(lang.L("officebar.updated"), officeWhen(st.LastSync, now))
		if st.Pending > 0 {
			s += fmt.Sprintf(lang.L("officebar.waiting"), st.Pending, officePlural(st.Pending, "officebar.change"))
		}
	}
	if st.Conflicts > 0 {
		s += fmt.Sprintf(lang.L("officebar.conflicts"), st.Conflicts, officePlural(st.Conflicts, "officebar.conflict"))
	}
	return s
}

func officeHeaderImportance(st model.OfficeStatus) widget.Importance {
	if !st.Reachable || st.Conflicts > 0 {
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// officeWhen is a sync's time as the header says it: "10.42" today,
// "06-12 10.42" another day, "aldrig" when never.
func officeWhen(rfc string, now time.Time) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		return lang.L("officebar.never")
	}
	t = t.In(now.Location())
	if model.DateOnly(t).Equal(model.DateOnly(now)) {
		return t.Format("15.04")
	}
	return t.Format("02-01 15.04")
}

// officePlural is the word key+".one" or key+".many" for n.
func officePlural(n int, key string) string {
	if n == 1 {
		return lang.L(key + ".one")
	}
	return lang.L(key + ".many")
}
