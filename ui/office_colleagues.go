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

// colleaguesOffice is what the window asks of the office about colleagues
// (issue 26): the roster, the cases this caseworker covers, the audited
// hand-over, and cover granted by the lead. The roster and the covers are
// kept on the laptop by each sync; the hand-over and cover need the office
// to answer (they say so in Danish when it does not).
type colleaguesOffice interface {
	Colleagues() ([]model.Colleague, error)
	Covering() (map[int64]model.Cover, error)
	IsLead() (bool, error)
	HandOver(ids []int64, to string) error
	CoverColleague(absent, to string, until time.Time, reason string) (int, error)
	CoverGrants() ([]model.CoverGrant, error)
	LastSyncs() (map[string]time.Time, error)
}

// colleaguesShell is what the screens of a case, the caseload and Today
// ask of the window about colleagues and cover (the methods below).
type colleaguesShell interface {
	coverBanner(id int64) fyne.CanvasObject
	coverMark(id int64) string
	handOverButton(id int64) fyne.CanvasObject
	handOver(ids []int64, to string) bool
	team(local func() ([]model.Caseworker, error)) ([]model.Caseworker, error)
	placeCoverButton(bar *fyne.Container)
	scopeChoices() ([]string, []model.Scope)
}

// coverMarks are the covers as last read, with the store's generation they
// were read at: read again only after the store changed (a sync, a save).
type coverMarks struct {
	gen  uint64
	read bool
	by   map[int64]model.Cover
}

// colleagues is the office's part for colleagues; nil without an office.
func (u *UI) colleagues() colleaguesOffice {
	oc, _ := u.office.(colleaguesOffice)
	if oc == nil || !u.inAnOffice() {
		// the window carries the office tier for Kontor even on a laptop in
		// no office: there the caseworkers kept on this laptop are the team,
		// and a move is the laptop's own
		return nil
	}
	return oc
}

// officeKnown is whether the laptop is in an office, with the store's
// generation it was read at (a join or a leave is a write).
type officeKnown struct {
	gen      uint64
	read, in bool
}

// inAnOffice says whether this laptop has joined an office; read again
// (the cheap flag, not the whole status) only after the store changed.
func (u *UI) inAnOffice() bool {
	if u.officeBar == nil {
		return false
	}
	if gen := u.store.Generation(); !u.joined.read || u.joined.gen != gen {
		in, err := u.officeBar.sync.link.Joined()
		u.joined = officeKnown{gen: gen, read: true, in: err == nil && in}
	}
	return u.joined.in
}

// team is who the scope choice and the caseload's filter name: in an
// office the office's roster, else the caseworkers kept on this laptop.
func (u *UI) team(local func() ([]model.Caseworker, error)) ([]model.Caseworker, error) {
	oc := u.colleagues()
	if oc == nil {
		return local()
	}
	roster, err := oc.Colleagues()
	out := make([]model.Caseworker, len(roster))
	for i, c := range roster {
		out[i] = model.Caseworker{Initials: c.Initials, Name: c.Name}
	}
	return out, err
}

// coverOf is the cover this caseworker holds for the citizen's case, if any.
func (u *UI) coverOf(id int64) (model.Cover, bool) {
	oc := u.colleagues()
	if oc == nil || id == 0 {
		return model.Cover{}, false
	}
	if gen := u.store.Generation(); !u.covers.read || u.covers.gen != gen {
		by, err := oc.Covering()
		if err != nil {
			by = nil // the marks are a courtesy: a failed read shows none rather than a dialog per row
		}
		u.covers = coverMarks{gen: gen, read: true, by: by}
	}
	c, ok := u.covers.by[id]
	return c, ok && c.Active(u.now())
}

// coverText is "Du dækker for AL til 12-12" for a covered case, else "".
func (u *UI) coverText(id int64) string {
	c, ok := u.coverOf(id)
	if !ok {
		return ""
	}
	return fmt.Sprintf(lang.L("cover.text"), c.For, c.Until.Format("02-01"))
}

// coverMark is the short mark a covered case's row carries in the
// caseload and on Today ("" for any other case).
func (u *UI) coverMark(id int64) string {
	c, ok := u.coverOf(id)
	if !ok {
		return ""
	}
	return fmt.Sprintf(lang.L("cover.mark"), c.For, c.Until.Format("02-01"))
}

// coverBanner is the line on the citizen and conversation screens of a
// covered case; nil for any other (see present).
func (u *UI) coverBanner(id int64) fyne.CanvasObject {
	text := u.coverText(id)
	if text == "" {
		return nil
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.WarningImportance
	return container.NewHBox(widget.NewIcon(theme.AccountIcon()), l)
}

// handOverButton is "Overdrag til …" on the citizen screen: only in an
// office (nil without one, see present).
func (u *UI) handOverButton(id int64) fyne.CanvasObject {
	if u.colleagues() == nil {
		return nil
	}
	if _, covered := u.coverOf(id); covered {
		return nil // the absent colleague's case: hers (or the lead's) to hand over
	}
	return widget.NewButtonWithIcon(lang.L("handover.button"), theme.MailForwardIcon(), func() {
		u.leave(func() { u.askHandOver([]int64{id}) })
	})
}

// askHandOver asks to which colleague the citizens go, then hands them over.
func (u *UI) askHandOver(ids []int64) {
	team, err := u.team(u.store.Caseworkers)
	if err != nil {
		u.showError(err)
		return
	}
	var to []model.Caseworker
	for _, c := range team {
		if c.Initials != u.me {
			to = append(to, c)
		}
	}
	labels := make([]string, len(to))
	for i, c := range to {
		labels[i] = caseworkerLabel(to, c.Initials)
	}
	sel := newSelect(labels, nil)
	sel.PlaceHolder = lang.L("select.choose")
	items := []*widget.FormItem{{Text: lang.L("list.move.to"), Widget: sel,
		HintText: countText("handover.hint", len(ids))}}
	d := dialog.NewForm(lang.L("handover.title"), lang.L("handover.confirm"), lang.L("action.cancel"), items, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			u.handOver(ids, to[sel.SelectedIndex()].Initials)
		}
	}, u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// handOver hands the citizens to a colleague at the office, off the
// window's goroutine; false without an office (the caller moves them on
// this laptop as before).
func (u *UI) handOver(ids []int64, to string) bool {
	oc := u.colleagues()
	if oc == nil {
		return false
	}
	ids, covered := u.ownCases(ids)
	if len(ids) == 0 {
		u.showError(model.NewUserError("office.handover.covered", nil))
		return true
	}
	go func() {
		err := oc.HandOver(ids, to)
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.notify(handOverText(len(ids), covered, to))
			u.afterOfficeChange(ids)
		})
	}()
	return true
}

// handOverText says what a hand-over did: how many citizens went to whom
// (one or many), and how many covered cases it left where they were.
func handOverText(moved, covered int, to string) string {
	text := countText("handover.done", moved, to)
	if covered > 0 {
		text += " " + countText("handover.skipped", covered)
	}
	return text
}

// ownCases are the citizens not covered for a colleague (those are the
// colleague's or the lead's to hand over), and how many were.
func (u *UI) ownCases(ids []int64) ([]int64, int) {
	own := make([]int64, 0, len(ids))
	for _, id := range ids {
		if _, covered := u.coverOf(id); !covered {
			own = append(own, id)
		}
	}
	return own, len(ids) - len(own)
}

// afterOfficeChange shows the lists again after the office moved cases
// (a hand-over, a cover): a case that left this laptop is gone from them,
// and its screens are closed.
func (u *UI) afterOfficeChange(ids []int64) {
	u.changed(ids...)
	u.popToList()
	u.today.buildScope() // the roster may have changed
	if u.caseload.loaded {
		u.caseload.load()
	}
	top := u.top()
	if r, ok := top.(interface{ reload() }); ok {
		r.reload()
	}
	u.track()
	u.show(top.content())
}

// countText is the translation of key for n things (key+".one" for
// exactly one: Danish has two forms), n first, then args.
func countText(key string, n int, args ...any) string {
	return fmt.Sprintf(lang.L(officeCountKey(n, key)), append([]any{n}, args...)...)
}

// officeCountKey is key, or key+".one" for exactly one.
func officeCountKey(n int, key string) string {
	if n == 1 {
		return key + ".one"
	}
	return key
}

// withMark puts a row's cover mark after its text.
func withMark(text, mark string) string {
	switch {
	case mark == "":
		return text
	case text == "":
		return mark
	}
	return text + "  ·  " + mark
}

// present are the objects that are there: an office's parts are nil
// without an office, and the window stays exactly as it was.
func present(objs ...fyne.CanvasObject) []fyne.CanvasObject {
	out := objs[:0:0]
	for _, o := range objs {
		if o != nil {
			out = append(out, o)
		}
	}
	return out
}

// withCoverMark puts the cover mark before a Today line's buttons when the
// line's case is covered; marks says whether the line had or has one (the
// row is laid out again then).
func (r *todayRow) withCoverMark(citizenID int64, objects []fyne.CanvasObject) ([]fyne.CanvasObject, bool) {
	had := r.mark != nil && len(r.actions.Objects) > 0 && r.actions.Objects[0] == r.mark
	m := r.screen.shell.coverMark(citizenID)
	if m == "" {
		return objects, had
	}
	if r.mark == nil {
		r.mark = widget.NewLabel("")
		r.mark.Importance = widget.WarningImportance
	}
	r.mark.SetText(m)
	return append([]fyne.CanvasObject{r.mark}, objects...), true
}
