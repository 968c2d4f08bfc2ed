package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// caseStore is what the case section asks of the database: whose case it
// is, how it ended, and the citizen's right of access.
type caseStore interface {
	Caseworkers() ([]model.Caseworker, error)
	AssignCaseworker(ids []int64, initials string) error
	Closing(citizenID int64) (model.CaseClosing, error)
	ClosePreview(c *model.Content, citizenID int64, on time.Time) (model.ClosePreview, error)
	CloseCase(cl *model.CaseClosing) error
	ReopenCase(citizenID int64) error
	DeleteCitizen(id int64) error
	ExportCitizen(id int64) (*model.Export, error)
	Retention() (model.Retention, error)
}

// caseShell is what caseSection asks of the window.
type caseShell interface {
	closeShell
	changed(ids ...int64)
	handoutMaker() Handouts
	onCitizenDeleted(id int64)
	printed(path string, err error)
	showError(err error)
	window() fyne.Window
}

// caseSection is the "Forløb" part of the citizen screen: the caseworker,
// closing and reopening the case, the right of access, deleting a mistake.
type caseSection struct {
	shell caseShell
	s     *citizenScreen
	store caseStore
	team  choice[string]
}

func newCaseSection(s *citizenScreen, st caseStore) *caseSection {
	return &caseSection{shell: s.shell, s: s, store: st}
}

func (c *caseSection) build() fyne.CanvasObject {
	box := container.NewVBox(c.buildCaseworker(), widget.NewSeparator(), c.buildState(),
		widget.NewSeparator(), c.buildInsight(), widget.NewSeparator(), c.buildDelete())
	return container.NewVScroll(container.NewPadded(box))
}

func (c *caseSection) buildCaseworker() fyne.CanvasObject {
	list, err := c.store.Caseworkers()
	if err != nil {
		return errorLabel(err)
	}
	if len(list) == 0 {
		return hint(lang.L("case.noteam"))
	}
	var initials []string
	for _, w := range list {
		initials = append(initials, w.Initials)
	}
	c.team = newChoice(initials, func(i string) string { return caseworkerLabel(list, i) })
	sel := newSelect(c.team.labels, nil)
	sel.PlaceHolder = lang.L("case.nocaseworker")
	if cur := c.s.citizen.Caseworker; cur != "" {
		sel.SetSelected(c.team.label(cur))
	}
	sel.OnChanged = c.onCaseworker
	return widget.NewForm(widget.NewFormItem(lang.L("field.caseworker"), sel))
}

// caseworkerLabel is "MK – Mette Kristensen", or the initials alone.
func caseworkerLabel(list []model.Caseworker, initials string) string {
	for _, w := range list {
		if w.Initials == initials {
			return w.Initials + " – " + w.Name
		}
	}
	return initials
}

func (c *caseSection) onCaseworker(label string) {
	initials, ok := c.team.value(label)
	if !ok || initials == c.s.citizen.Caseworker {
		return
	}
	if err := c.store.AssignCaseworker([]int64{c.s.citizen.ID}, initials); err != nil {
		c.shell.showError(err)
		return
	}
	c.s.citizen.Caseworker = initials
	c.shell.changed(c.s.citizen.ID)
}

func (c *caseSection) buildState() fyne.CanvasObject {
	if c.s.citizen.Status == model.StatusActive {
		text := fmt.Sprintf(lang.L("case.open"), shortDate(c.s.citizen.FirstContact))
		btn := widget.NewButtonWithIcon(lang.L("case.close"), theme.CancelIcon(), c.onClose)
		return container.NewVBox(widget.NewLabel(text), container.NewHBox(btn))
	}
	cl, err := c.store.Closing(c.s.citizen.ID)
	if err != nil {
		return errorLabel(err)
	}
	text := closingText(cl)
	if r, err := c.store.Retention(); err == nil {
		text += "\n" + fmt.Sprintf(lang.L("case.deletefrom"), shortDate(r.DeleteFrom(cl.Date)))
	}
	info := widget.NewLabel(text)
	info.Wrapping = fyne.TextWrapWord
	reopen := widget.NewButtonWithIcon(lang.L("case.reopen"), theme.ViewRefreshIcon(), c.onAskReopen)
	return container.NewVBox(info, container.NewHBox(reopen))
}

// closingText says how the case ended, in one paragraph.
func closingText(cl model.CaseClosing) string {
	parts := []string{fmt.Sprintf(lang.L("case.closed"), shortDate(cl.Date), closeReasonLabel(cl.Reason))}
	if cl.Reason == model.CloseJob && cl.Employer != "" {
		parts = append(parts, fmt.Sprintf(lang.L("case.closed.job"), cl.Employer, shortDate(cl.JobStart), cl.Hours))
	}
	if cl.Note != "" {
		parts = append(parts, cl.Note)
	}
	return strings.Join(parts, "\n")
}

func closeReasonLabel(r model.CloseReason) string { return lang.L("case.reason." + string(r)) }

func (c *caseSection) onAskReopen() {
	d := dialog.NewConfirm(lang.L("case.reopen"), lang.L("case.reopen.ask"), func(yes bool) {
		if yes {
			c.onReopen()
		}
	}, c.shell.window())
	d.SetConfirmText(lang.L("case.reopen"))
	d.Show()
}

func (c *caseSection) onReopen() {
	if err := c.store.ReopenCase(c.s.citizen.ID); err != nil {
		c.shell.showError(err)
		return
	}
	c.s.afterCaseChange()
}

func (c *caseSection) onClose() { newCloseDialog(c).show() }

// onAskDelete deletes a citizen created by mistake, after a question that
// names what goes.
func (c *caseSection) onAskDelete() {
	d := dialog.NewConfirm(lang.L("case.delete.title"), fmt.Sprintf(lang.L("case.delete.ask"), c.s.citizen.Name),
		func(yes bool) {
			if yes {
				c.onDelete()
			}
		}, c.shell.window())
	d.SetConfirmText(lang.L("case.delete.confirm"))
	d.SetConfirmImportance(widget.DangerImportance) // never the default: Enter does not delete
	d.Show()
}

func (c *caseSection) onDelete() {
	if err := c.store.DeleteCitizen(c.s.citizen.ID); err != nil {
		c.shell.showError(err)
		return
	}
	c.shell.onCitizenDeleted(c.s.citizen.ID)
}

func (c *caseSection) buildDelete() fyne.CanvasObject {
	btn := widget.NewButtonWithIcon(lang.L("case.delete"), theme.DeleteIcon(), c.onAskDelete)
	btn.Importance = widget.DangerImportance
	return container.NewVBox(hint(lang.L("case.delete.hint")), container.NewHBox(btn))
}

func hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func errorLabel(err error) fyne.CanvasObject { return hint(errText(err)) }

// parseHours reads the weekly hours ("" is 0).
func parseHours(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, model.NewUserError("error.close.hours", nil, model.MaxWeeklyHours)
	}
	return n, nil
}

// buildInsight offers the citizen's right of access: every record, as a
// readable PDF to take home or as JSON (both audited as an export).
func (c *caseSection) buildInsight() fyne.CanvasObject {
	pdf := widget.NewButtonWithIcon(lang.L("case.insight.pdf"), theme.DocumentPrintIcon(), c.onInsightPDF)
	js := widget.NewButtonWithIcon(lang.L("case.insight.json"), theme.DocumentSaveIcon(), c.onInsightJSON)
	return container.NewVBox(widget.NewLabelWithStyle(lang.L("case.insight"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		hint(lang.L("case.insight.hint")), container.NewHBox(pdf, js))
}

func (c *caseSection) onInsightPDF() { c.shell.printed(c.shell.handoutMaker().Insight(c.s.citizen.ID)) }

func (c *caseSection) onInsightJSON() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		defer w.Close()
		if err := c.writeExport(w); err != nil {
			c.shell.showError(err)
			return
		}
		dialog.ShowInformation(lang.L("case.insight"), w.URI().Path(), c.shell.window())
	}, c.shell.window())
	d.SetFileName(fmt.Sprintf("indsigt-%d.json", c.s.citizen.ID))
	d.Show()
}

func (c *caseSection) writeExport(w io.Writer) error {
	e, err := c.store.ExportCitizen(c.s.citizen.ID)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err != nil {
		return model.NewUserError("error.print.write", err, "")
	}
	return nil
}
