package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// coverShell is what the cover dialog asks of the window.
type coverShell interface {
	now() time.Time
	showError(err error)
	notify(text string)
	do(fn func())
	afterOfficeChange(ids []int64)
}

// coverDialog is where the lead grants cover for an absent colleague's
// cases to another caseworker until a day, with a reason, and sees the
// covers in force and when each ends (issue 26). The office answers both:
// the list is read and the grant sent off the window's goroutine.
type coverDialog struct {
	host   coverShell
	office colleaguesOffice
	win    fyne.Window
	team   []model.Caseworker

	absent *safeSelect
	to     *safeSelect
	until  *formEntry
	reason *formEntry
	list   *widget.Label
	synced *widget.Label // each colleague's last contact with the office
	grant  *widget.Button
	d      dialog.Dialog
	busy   bool
}

// placeCoverButton puts "Dækning…" first in the caseload's bar for an
// office's lead (as the last sync saw the roster), and takes it away for
// anyone else; without an office the bar stays as it was.
func (u *UI) placeCoverButton(bar *fyne.Container) {
	has := len(bar.Objects) > 0 && isCoverButton(bar.Objects[0])
	oc := u.colleagues()
	lead := false
	if oc != nil {
		lead, _ = oc.IsLead()
	}
	switch {
	case lead && !has:
		b := widget.NewButtonWithIcon(lang.L("cover.button"), theme.AccountIcon(), func() { newCoverDialog(u, oc, u.win).show() })
		bar.Objects = append([]fyne.CanvasObject{b}, bar.Objects...)
		bar.Refresh()
	case !lead && has:
		bar.Objects = bar.Objects[1:]
		bar.Refresh()
	}
}

func isCoverButton(o fyne.CanvasObject) bool {
	b, ok := o.(*widget.Button)
	return ok && b.Text == lang.L("cover.button")
}

func newCoverDialog(host coverShell, oc colleaguesOffice, win fyne.Window) *coverDialog {
	return &coverDialog{host: host, office: oc, win: win}
}

func (c *coverDialog) show() {
	roster, err := c.office.Colleagues()
	if err != nil {
		c.host.showError(err)
		return
	}
	c.team = make([]model.Caseworker, len(roster))
	labels := make([]string, len(roster))
	for i, r := range roster {
		c.team[i] = model.Caseworker{Initials: r.Initials, Name: r.Name}
	}
	for i, r := range roster {
		labels[i] = caseworkerLabel(c.team, r.Initials)
	}
	c.absent, c.to = newSelect(labels, nil), newSelect(labels, nil)
	c.absent.PlaceHolder, c.to.PlaceHolder = lang.L("select.choose"), lang.L("select.choose")
	c.until, c.reason = newFormEntry(), newFormEntry()
	c.until.SetPlaceHolder(shortDate(c.host.now().AddDate(0, 0, 14)))
	c.reason.SetPlaceHolder(lang.L("cover.reason.example"))
	c.list = widget.NewLabel(lang.L("cover.list.reading"))
	c.list.Wrapping = fyne.TextWrapWord
	c.synced = widget.NewLabel("")
	c.synced.Wrapping = fyne.TextWrapWord
	c.grant = widget.NewButtonWithIcon(lang.L("cover.grant"), theme.ConfirmIcon(), c.onGrant)
	c.grant.Importance = widget.HighImportance
	c.d = dialog.NewCustom(lang.L("cover.title"), lang.L("action.close"), c.build(), c.win)
	c.d.Resize(fyne.NewSize(640, 0))
	c.d.Show()
	c.readGrants()
}

func (c *coverDialog) build() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("cover.absent"), c.absent),
		widget.NewFormItem(lang.L("cover.to"), c.to),
		widget.NewFormItem(lang.L("cover.until"), c.until),
		widget.NewFormItem(lang.L("cover.reason"), c.reason),
	)
	now := heading(lang.L("cover.list.title"))
	hint := widget.NewLabel(lang.L("cover.hint"))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewVBox(now, c.list, heading(lang.L("cover.synced.title")), c.synced, widget.NewSeparator(), heading(lang.L("cover.new")), form, hint,
		container.NewHBox(layout.NewSpacer(), c.grant))
}

// readGrants reads the covers in force and each colleague's last contact
// from the office.
func (c *coverDialog) readGrants() {
	go func() {
		grants, err := c.office.CoverGrants()
		var synced map[string]time.Time
		if err == nil {
			synced, err = c.office.LastSyncs()
		}
		c.host.do(func() {
			c.showGrants(grants, err)
			c.showSynced(synced)
		})
	}()
}

// showSynced says when each caseworker on the roster last met the office.
func (c *coverDialog) showSynced(at map[string]time.Time) {
	parts := make([]string, 0, len(c.team))
	for _, w := range c.team {
		t, ok := at[w.Initials]
		if !ok {
			continue
		}
		when := syncStamp(t, c.host.now().Location())
		parts = append(parts, fmt.Sprintf(lang.L("cover.synced.line"), w.Initials, when))
	}
	c.synced.SetText(strings.Join(parts, "  ·  "))
}

func (c *coverDialog) showGrants(grants []model.CoverGrant, err error) {
	if err != nil {
		c.list.SetText(errText(err))
		c.list.Importance = widget.DangerImportance
		c.list.Refresh()
		return
	}
	c.list.Importance = widget.MediumImportance
	if len(grants) == 0 {
		c.list.SetText(lang.L("cover.list.none"))
		return
	}
	lines := make([]string, len(grants))
	for i, g := range grants {
		lines[i] = fmt.Sprintf(lang.L(officeCountKey(g.Cases, "cover.list.line")), g.Absent, g.Coverer, shortDate(g.Until), g.Cases, g.Reason, g.GrantedBy)
	}
	c.list.SetText(strings.Join(lines, "\n"))
}

// onGrant sends the cover to the office; the office refuses a caseworker
// who is not a lead, and says so in Danish.
func (c *coverDialog) onGrant() {
	if c.busy {
		return
	}
	absent, ok1 := c.initials(c.absent)
	to, ok2 := c.initials(c.to)
	if !ok1 || !ok2 {
		c.host.showError(model.NewUserError("office.cover.who", nil))
		return
	}
	until, err := model.ParseDate(c.until.Text)
	if err != nil {
		c.host.showError(err)
		return
	}
	reason := c.reason.Text
	c.busy = true
	c.grant.Disable()
	go func() {
		n, err := c.office.CoverColleague(absent, to, until, reason)
		c.host.do(func() { c.granted(absent, to, until, n, err) })
	}()
}

func (c *coverDialog) granted(absent, to string, until time.Time, n int, err error) {
	c.busy = false
	c.grant.Enable()
	if err != nil {
		c.host.showError(err)
		return
	}
	c.host.notify(fmt.Sprintf(lang.L(officeCountKey(n, "cover.done")), to, n, absent, shortDate(until)))
	c.reason.SetText("")
	c.readGrants()
	c.host.afterOfficeChange(nil)
}

func (c *coverDialog) initials(s *safeSelect) (string, bool) {
	i := s.SelectedIndex()
	if i < 0 || i >= len(c.team) {
		return "", false
	}
	return c.team[i].Initials, true
}
