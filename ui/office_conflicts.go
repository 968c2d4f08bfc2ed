package ui

import (
	"encoding/json"
	"fmt"
	"image/color"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// conflictsStore is what the conflict screen, Today's count and the
// case's banner ask of the office (issue 26): the open conflicts, refusals
// and notices this caseworker is asked about, and a person's choice.
// Settle needs no connection: the choice reaches the office with the next sync.
type conflictsStore interface {
	Conflicts() ([]model.OfficeConflict, error)
	Settle(id, how, value string) error
}

// conflictsShell is what the conflict screen asks of the window.
type conflictsShell interface {
	changed(ids ...int64)
	goBack()
	showError(err error)
	notify(text string)
	openCitizenFromConflict(id int64)
	copyText(text string)
	window() fyne.Window
	officeSettled()
}

// conflictsScreen shows each open conflict side by side — this laptop's
// value and the office's, with who and when — and asks a person to choose;
// a refused change with its text to enter again; a note written after a
// hand-over. Nothing is settled without a person's tap.
type conflictsScreen struct {
	win       conflictsShell
	office    conflictsStore
	citizenID int64 // 0: all; else only this citizen's
	items     []model.OfficeConflict
	list      *fyne.Container
	title     *widget.Label
	root      fyne.CanvasObject
	// cards are the cards on show, by conflict id (for tests).
	cards map[string]*conflictCard
}

// conflictCard is one conflict's buttons (for tests).
type conflictCard struct {
	theirs, mine, edit, seen, copy, open *widget.Button
	box                                  fyne.CanvasObject
}

func newConflictsScreen(w conflictsShell, o conflictsStore, citizenID int64) (*conflictsScreen, error) {
	s := &conflictsScreen{win: w, office: o, citizenID: citizenID}
	s.root = s.build()
	return s, s.load()
}

func (s *conflictsScreen) content() fyne.CanvasObject { return s.root }

// reload reads the conflicts again when the screen comes back on top.
func (s *conflictsScreen) reload() {
	if err := s.load(); err != nil {
		s.win.showError(err)
	}
}

func (s *conflictsScreen) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("action.back"), theme.NavigateBackIcon(), s.win.goBack)
	s.title = heading("")
	s.title.Wrapping = fyne.TextWrapWord
	s.list = container.NewVBox()
	top := container.NewVBox(container.NewBorder(nil, nil, back, nil, s.title),
		wrapped(lang.L("conflicts.intro")), widget.NewSeparator())
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(s.list)))
}

// load reads the open conflicts (this citizen's when filtered) and draws them.
func (s *conflictsScreen) load() error {
	all, err := s.office.Conflicts()
	if err != nil {
		return err
	}
	s.items = s.items[:0]
	for _, c := range all {
		if s.citizenID == 0 || c.CitizenID == s.citizenID {
			s.items = append(s.items, c)
		}
	}
	sort.SliceStable(s.items, func(i, j int) bool { return conflictBefore(s.items[i], s.items[j]) })
	s.draw()
	return nil
}

func (s *conflictsScreen) draw() {
	s.title.SetText(s.heading())
	s.cards = map[string]*conflictCard{}
	objects := make([]fyne.CanvasObject, 0, len(s.items)+1)
	if s.citizenID != 0 {
		all := widget.NewButtonWithIcon(lang.L("conflicts.showall"), theme.ListIcon(), s.onShowAll)
		objects = append(objects, container.NewHBox(all))
	}
	if len(s.items) == 0 {
		objects = append(objects, widget.NewLabel(lang.L("conflicts.none")))
	}
	for _, c := range s.items {
		card := s.buildCard(c)
		s.cards[c.ID] = card
		objects = append(objects, card.box)
	}
	s.list.Objects = objects
	s.list.Refresh()
}

// kindOrder is the order of a citizen's cards: fields to decide first.
var kindOrder = map[model.ConflictKind]int{model.ConflictField: 0, model.ConflictNote: 1, model.ConflictLateNote: 2,
	model.ConflictRefused: 3, model.ConflictCaseRefused: 3, model.ConflictTwice: 4}

// conflictBefore orders the cards by citizen (those no longer here last), then kind.
func conflictBefore(a, b model.OfficeConflict) bool {
	if (a.CitizenName == "") != (b.CitizenName == "") {
		return a.CitizenName != ""
	}
	if a.CitizenName != b.CitizenName {
		return a.CitizenName < b.CitizenName
	}
	return kindOrder[a.Kind] < kindOrder[b.Kind]
}

func (s *conflictsScreen) heading() string {
	if s.citizenID != 0 && len(s.items) > 0 && s.items[0].CitizenName != "" {
		return fmt.Sprintf(lang.L("conflicts.heading.one"), s.items[0].CitizenName)
	}
	return lang.L("conflicts.heading")
}

// onShowAll shows every citizen's conflicts, not only the one's it was opened for.
func (s *conflictsScreen) onShowAll() {
	s.citizenID = 0
	s.reload()
}

// buildCard draws one conflict as a card of its kind.
func (s *conflictsScreen) buildCard(c model.OfficeConflict) *conflictCard {
	k := &conflictCard{}
	var body fyne.CanvasObject
	var buttons []fyne.CanvasObject
	switch c.Kind {
	case model.ConflictField:
		body, buttons = s.fieldBody(c, k)
	case model.ConflictNote:
		body, buttons = s.noteBody(c, k)
	case model.ConflictRefused:
		body, buttons = s.refusedBody(c, k)
	case model.ConflictCaseRefused:
		body, buttons = s.caseBody(c, k)
	case model.ConflictLateNote:
		body, buttons = s.lateBody(c, k)
	default:
		body = wrapped(lang.L("conflicts.twice"))
		k.seen = s.button("conflicts.seen", theme.ConfirmIcon(), c, "seen")
		buttons = []fyne.CanvasObject{k.seen}
	}
	title := widget.NewLabelWithStyle(cardTitle(c), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	k.box = widget.NewCard("", "", container.NewVBox(title, body, container.NewHBox(buttons...)))
	return k
}

// cardTitle names the citizen (never the CPR number) and what the conflict is about.
func cardTitle(c model.OfficeConflict) string {
	who := c.CitizenName
	if who == "" {
		who = refusedName(c)
	}
	if who == "" {
		who = lang.L("conflicts.notHere")
	}
	if c.Kind == model.ConflictCaseRefused {
		return who + "  ·  " + lang.L("conflicts.case.title")
	}
	return who + "  ·  " + fieldsTitle(c.Table, c.Field)
}

// fieldsTitle names what a conflict is about: the record as a whole when
// it is (field "*", or "*, note:notes" for a refused record with its
// notes: the citizen's own is "Borgerens oplysninger"), else its fields.
func fieldsTitle(table, field string) string {
	fields := strings.Split(field, ", ")
	labels := make([]string, 0, len(fields))
	for _, f := range fields {
		if f == "*" {
			return recordTitle(table)
		}
		labels = append(labels, fieldLabel(table, strings.TrimPrefix(f, "note:")))
	}
	return strings.Join(labels, ", ")
}

// recordTitle names a record as a whole ("Borgerens oplysninger", "Ændring
// af en samtale").
func recordTitle(table string) string {
	if table == "citizens" {
		return lang.L("conflicts.record.citizens")
	}
	return fmt.Sprintf(lang.L("conflicts.record"), tableLabel(table))
}

// refusedName is the name a refused change of a citizen carries ("" none).
func refusedName(c model.OfficeConflict) string {
	var fields map[string]any // the record's fields, then its notes' text
	if c.Table != "citizens" || json.NewDecoder(strings.NewReader(c.Mine)).Decode(&fields) != nil {
		return ""
	}
	name, _ := fields["name"].(string)
	return name
}

// fieldBody is a field both sides changed: the two values side by side.
func (s *conflictsScreen) fieldBody(c model.OfficeConflict, k *conflictCard) (fyne.CanvasObject, []fyne.CanvasObject) {
	mine := sideBig(lang.L("conflicts.mine"), fieldValue(c.Table, c.Field, c.Mine), s.mineWhen(c))
	theirs := sideBig(theirsTitle(c), fieldValue(c.Table, c.Field, c.Theirs), s.theirsWhen(c))
	k.theirs = s.button("conflicts.keeptheirs", theme.CancelIcon(), c, "theirs")
	k.mine = s.button("conflicts.usemine", theme.ConfirmIcon(), c, "mine")
	k.edit = widget.NewButtonWithIcon(lang.L("conflicts.edit"), theme.DocumentCreateIcon(), func() { s.onEdit(c) })
	buttons := []fyne.CanvasObject{k.theirs, k.mine, k.edit}
	if !settleable(c) { // several fields in one, or the CPR number: kept as they are, edited on the case
		k.mine.Disable()
		k.edit.Disable()
		buttons = append(buttons, wrapped(lang.L("conflicts.editoncase")))
	}
	return container.NewGridWithColumns(2, mine, theirs), buttons
}

// settleable: "Brug min" and "Ret" can write the value back.
func settleable(c model.OfficeConflict) bool {
	return !strings.ContainsAny(c.Field, ", :*") && c.Field != "cpr"
}

// noteBody is two versions of one note, both kept: nothing to delete.
func (s *conflictsScreen) noteBody(c model.OfficeConflict, k *conflictCard) (fyne.CanvasObject, []fyne.CanvasObject) {
	mine := side(lang.L("conflicts.note.mine"), c.Mine, "")
	theirs := side(fmt.Sprintf(lang.L("conflicts.note.theirs"), who(c.TheirsBy)), c.Theirs, noteWhen(c))
	k.copy = widget.NewButtonWithIcon(lang.L("conflicts.copymine"), theme.ContentCopyIcon(), func() { s.onCopy(c.Mine) })
	k.seen = s.button("conflicts.bothkept", theme.ConfirmIcon(), c, "seen")
	k.open = s.openButton(c)
	return container.NewVBox(wrapped(lang.L("conflicts.note.explain")), container.NewGridWithColumns(2, mine, theirs)),
		[]fyne.CanvasObject{k.seen, k.copy, k.open}
}

// refusedBody is a change the office did not take, with its text to enter again.
func (s *conflictsScreen) refusedBody(c model.OfficeConflict, k *conflictCard) (fyne.CanvasObject, []fyne.CanvasObject) {
	text := refusedText(c)
	k.copy = widget.NewButtonWithIcon(lang.L("conflicts.copy"), theme.ContentCopyIcon(), func() { s.onCopy(text) })
	k.seen = s.button("conflicts.dismiss", theme.ConfirmIcon(), c, "dismissed")
	parts := []fyne.CanvasObject{wrapped(lang.L("conflicts.refused.explain")), side(lang.L("conflicts.refused.text"), text, s.mineWhen(c))}
	buttons := []fyne.CanvasObject{k.copy}
	if c.CitizenID != 0 {
		k.open = s.openButton(c)
		buttons = append(buttons, k.open)
	} else {
		parts = append(parts, wrapped(lang.L("conflicts.refused.gone")))
	}
	return container.NewVBox(parts...), append(buttons, k.seen)
}

// lateBody is a note a colleague wrote after she lost the case.
func (s *conflictsScreen) lateBody(c model.OfficeConflict, k *conflictCard) (fyne.CanvasObject, []fyne.CanvasObject) {
	k.seen = s.button("conflicts.seen", theme.ConfirmIcon(), c, "seen")
	k.open = s.openButton(c)
	return container.NewVBox(wrapped(lateText(c)), side(lang.L("conflicts.late.text"), c.Theirs, "")),
		[]fyne.CanvasObject{k.seen, k.open}
}

// lateText says who wrote the note and when (by her computer's clock,
// never used for order), and when the office saw the case handed over:
// the office knows only that the note arrived after.
func lateText(c model.OfficeConflict) string {
	written, handed := parseStamp(c.TheirsAt), parseStamp(c.HandedAt)
	if written.IsZero() || handed.IsZero() {
		return fmt.Sprintf(lang.L("conflicts.late.plain"), who(c.TheirsBy))
	}
	return fmt.Sprintf(lang.L("conflicts.late.after"), who(c.TheirsBy), danishStamp(written), danishStamp(handed))
}

func (s *conflictsScreen) openButton(c model.OfficeConflict) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("conflicts.open"), theme.AccountIcon(), func() { s.win.openCitizenFromConflict(c.CitizenID) })
	if c.CitizenID == 0 {
		b.Disable()
	}
	return b
}

// button settles c with how when tapped.
func (s *conflictsScreen) button(key string, icon fyne.Resource, c model.OfficeConflict, how string) *widget.Button {
	return widget.NewButtonWithIcon(lang.L(key), icon, func() { s.onSettle(c, how, "") })
}

// onSettle stores the person's choice (one transaction, audited) and draws the rest.
func (s *conflictsScreen) onSettle(c model.OfficeConflict, how, value string) {
	if err := s.settle(c, how, value); err != nil {
		s.win.showError(err)
	}
}

// settle stores the choice; on success the lists hear of it and the
// screen is drawn again.
func (s *conflictsScreen) settle(c model.OfficeConflict, how, value string) error {
	if err := s.office.Settle(c.ID, how, value); err != nil {
		return err
	}
	if c.CitizenID != 0 && (how == "mine" || how == "edited") {
		s.win.changed(c.CitizenID) // the caseload and Today re-read the citizen
	}
	s.win.officeSettled() // the header's count, and the choice to the office soon
	s.win.notify(lang.L("conflicts.settled." + how))
	s.reload()
	return nil
}

// onEdit asks for the value to keep, which is then written as a new edit.
func (s *conflictsScreen) onEdit(c model.OfficeConflict) { s.editWith(c, c.Mine, "") }

// editWith shows Ret with text in its field and, when the last try was
// refused, why. Nothing typed is lost without asking: Annullér (or
// Escape) with a value other than this laptop's asks Gem / Kassér / Bliv.
func (s *conflictsScreen) editWith(c model.OfficeConflict, text, problem string) {
	entry := widget.NewEntry()
	entry.SetText(text)
	form := container.NewVBox(wrapped(fmt.Sprintf(lang.L("conflicts.edit.ask"), fieldLabel(c.Table, c.Field))), entry)
	if problem != "" {
		why := wrapped(problem)
		why.Importance = widget.DangerImportance
		form.Add(why)
	}
	d := dialog.NewCustomConfirm(lang.L("conflicts.edit"), lang.L("action.save"), lang.L("action.cancel"), form,
		func(ok bool) {
			typed := strings.TrimSpace(entry.Text)
			switch {
			case ok:
				s.saveEdit(c, typed)
			case typed != strings.TrimSpace(c.Mine):
				s.askDropEdit(c, entry.Text)
			}
		}, s.win.window())
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
	s.win.window().Canvas().Focus(entry)
}

// saveEdit writes the typed value; refused (the field's own rule), Ret
// opens again with the text and the reason.
func (s *conflictsScreen) saveEdit(c model.OfficeConflict, typed string) {
	if err := s.settle(c, "edited", typed); err != nil {
		s.editWith(c, typed, errText(err))
	}
}

// askDropEdit: Annullér with a value typed asks before it is dropped.
func (s *conflictsScreen) askDropEdit(c model.OfficeConflict, text string) {
	ask := wrapped(fmt.Sprintf(lang.L("conflicts.edit.unsaved"), strings.TrimSpace(text)))
	d := dialog.NewCustomWithoutButtons(lang.L("save.title"), ask, s.win.window())
	save := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), func() {
		d.Hide()
		s.saveEdit(c, strings.TrimSpace(text))
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon(lang.L("save.discard"), theme.DeleteIcon(), d.Hide)
	discard.Importance = widget.WarningImportance
	stay := widget.NewButton(lang.L("save.stay"), func() {
		d.Hide()
		s.editWith(c, text, "")
	})
	d.SetButtons([]fyne.CanvasObject{save, discard, stay})
	d.Resize(fyne.NewSize(480, 160))
	d.Show()
}

func (s *conflictsScreen) onCopy(text string) {
	s.win.copyText(text)
	s.win.notify(lang.L("conflicts.copied"))
}

func (s *conflictsScreen) mineWhen(c model.OfficeConflict) string {
	if t := parseStamp(c.MineAt); !t.IsZero() {
		return fmt.Sprintf(lang.L("conflicts.mine.when"), danishStamp(t))
	}
	return lang.L("conflicts.mine.where")
}

func (s *conflictsScreen) theirsWhen(c model.OfficeConflict) string {
	t := parseStamp(c.TheirsAt)
	switch {
	case c.TheirsBy != "" && !t.IsZero():
		return fmt.Sprintf(lang.L("conflicts.theirs.when"), c.TheirsBy, danishStamp(t))
	case c.TheirsBy != "":
		return fmt.Sprintf(lang.L("conflicts.theirs.who"), c.TheirsBy)
	}
	return lang.L("conflicts.theirs.unknown")
}

// noteWhen is who wrote a colleague's version and when, by her computer's clock.
func noteWhen(c model.OfficeConflict) string {
	if t := parseStamp(c.TheirsAt); !t.IsZero() {
		return fmt.Sprintf(lang.L("conflicts.note.when"), who(c.TheirsBy), danishStamp(t))
	}
	return ""
}

func theirsTitle(c model.OfficeConflict) string {
	if c.TheirsBy == "" {
		return lang.L("conflicts.theirs")
	}
	return fmt.Sprintf(lang.L("conflicts.theirs.by"), c.TheirsBy)
}

// who is a colleague's initials, or "en kollega" when unknown.
func who(initials string) string {
	if initials == "" {
		return lang.L("conflicts.colleague")
	}
	return initials
}

// side is one side of a conflict: a title, the value, who and when.
func side(title, value, when string) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v := widget.NewLabel(value)
	v.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(t, v)
	if when != "" {
		w := newSecondaryLabel(when)
		w.Wrapping = fyne.TextWrapWord
		box.Add(w)
	}
	return box
}

// sideBig is a side whose value is one field's: shown large, to compare at a glance.
func sideBig(title, value, when string) fyne.CanvasObject {
	box := side(title, value, when).(*fyne.Container)
	box.Objects[1].(*widget.Label).SizeName = theme.SizeNameSubHeadingText
	return box
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// parseStamp reads an RFC 3339 time (zero when empty or unreadable).
func parseStamp(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.Local()
}

// danishStamp is "23. november 2026 kl. 09.40".
func danishStamp(t time.Time) string {
	return fmt.Sprintf("%s %d kl. %s", model.DanishDayMonth(t), t.Year(), t.Format("15.04"))
}

// fieldLabel is a field's Danish label, never its column name.
func fieldLabel(table, field string) string {
	if l := lang.X("conflicts.field."+table+"."+field, ""); l != "" {
		return l
	}
	if l := lang.X("conflicts.field."+field, ""); l != "" {
		return l
	}
	return fmt.Sprintf(lang.L("conflicts.field.other"), tableLabel(table))
}

func tableLabel(table string) string {
	return lang.X("conflicts.table."+table, lang.L("conflicts.table.other"))
}

// fieldValue is a value as the caseworker reads it: labels for the
// citizen's choices, "(tom)" for nothing.
func fieldValue(table, field, v string) string {
	if v == "" || v == "\x00" {
		return lang.L("conflicts.empty")
	}
	if table == "citizens" {
		switch field {
		case "benefit":
			return benefitLabel(model.Benefit(v))
		case "education":
			return educationLabel(model.Education(v))
		case "status":
			return statusLabel(model.Status(v))
		case "track":
			return trackLabel(model.TrackID(v))
		}
	}
	if d, err := time.Parse(model.DateLayout, v); err == nil {
		return d.Format("02-01-2006") // a date as the window shows dates
	}
	return v
}

// refusedText is a refused change as text to enter again: a note's text,
// or the record's fields as "Label: value" lines. When the record and its
// notes were refused together (one operation: "*, note:…"), the laptop
// keeps the fields and then each note's text, a line apart: all shown.
func refusedText(c model.OfficeConflict) string {
	if strings.HasPrefix(c.Field, "note:") {
		return c.Mine
	}
	var fields map[string]any
	dec := json.NewDecoder(strings.NewReader(c.Mine))
	if dec.Decode(&fields) != nil {
		return lang.L("conflicts.refused.deleted")
	}
	notes := strings.TrimSpace(c.Mine[dec.InputOffset():])
	keys := make([]string, 0, len(fields))
	for f, v := range fields {
		if skipInRefused(f, v) {
			continue
		}
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { // the name first, then as the columns sort
		if (keys[i] == "name") != (keys[j] == "name") {
			return keys[i] == "name"
		}
		return keys[i] < keys[j]
	})
	lines := make([]string, 0, len(keys)+1)
	for _, f := range keys {
		lines = append(lines, fieldLabel(c.Table, f)+": "+fieldValue(c.Table, f, fmt.Sprint(fields[f])))
	}
	if notes != "" {
		lines = append(lines, notes)
	}
	return strings.Join(lines, "\n")
}

// skipInRefused: bookkeeping, references and the CPR number are not text to enter again.
func skipInRefused(f string, v any) bool {
	switch f {
	case "cpr", "created_at", "created_by", "by_user", "caseworker", "citizen_id", "conversation_id":
		return true
	}
	return v == nil || v == ""
}

// The window's part.

// conflictCount is the number of open conflicts this caseworker is asked
// about (0 without an office, or when it cannot be read).
func (u *UI) conflictCount(citizenID int64) int {
	n, _, _ := u.conflictCounts(citizenID)
	return n
}

// conflictCounts is how many open conflicts there are (one citizen's, or
// all for 0), how many of them are notes written after a hand-over, and
// how many a case whose citizen the office already has.
func (u *UI) conflictCounts(citizenID int64) (n, late, cases int) {
	o, ok := u.office.(conflictsStore)
	if !ok || o == nil {
		return 0, 0, 0
	}
	cs, err := o.Conflicts()
	if err != nil {
		return 0, 0, 0
	}
	for _, c := range cs {
		if citizenID == 0 || c.CitizenID == citizenID {
			n++
			switch c.Kind {
			case model.ConflictLateNote:
				late++
			case model.ConflictCaseRefused:
				cases++
			}
		}
	}
	return n, late, cases
}

// conflictsButton is Today's count that opens the conflict screen (nil
// without an office or conflicts).
func (u *UI) conflictsButton() fyne.CanvasObject {
	n := u.conflictCount(0)
	if n == 0 {
		return nil
	}
	b := widget.NewButtonWithIcon(conflictCountText(n), theme.WarningIcon(), func() { u.leave(func() { u.onConflicts(0) }) })
	b.Importance = widget.WarningImportance
	return b
}

func conflictCountText(n int) string {
	if n == 1 {
		return lang.L("conflicts.count.one")
	}
	return fmt.Sprintf(lang.L("conflicts.count"), n)
}

// conflictBanner is the case's banner when it has an open conflict (nil else).
func (u *UI) conflictBanner(citizenID int64) fyne.CanvasObject {
	n, late, cases := u.conflictCounts(citizenID)
	if n == 0 {
		return nil
	}
	text := bannerText(n, late)
	if cases == n {
		text = lang.L("conflicts.banner.case") // the only question: the case is not at the office
	}
	b := widget.NewButtonWithIcon(lang.L("conflicts.banner.open"), theme.WarningIcon(), func() {
		u.leave(func() { u.onConflicts(citizenID) })
	})
	b.Importance = widget.WarningImportance
	label := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	label.Wrapping = fyne.TextWrapWord
	tint := theme.Color(theme.ColorNameWarning)
	r, g, bl, _ := tint.RGBA()
	back := canvas.NewRectangle(color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x30})
	back.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(back, container.NewBorder(nil, nil, nil, b, label))
}

// bannerText says what waits on the case: decisions, or notes written
// after a hand-over to be seen (their own words: nothing to decide).
func bannerText(n, late int) string {
	switch {
	case late == n && n == 1:
		return lang.L("conflicts.banner.late.one")
	case late == n:
		return fmt.Sprintf(lang.L("conflicts.banner.late"), n)
	case n == 1:
		return lang.L("conflicts.banner.one")
	}
	return fmt.Sprintf(lang.L("conflicts.banner"), n)
}

// onConflicts opens the conflict screen (one citizen's, or all when 0).
func (u *UI) onConflicts(citizenID int64) {
	o, ok := u.office.(conflictsStore)
	if !ok || o == nil {
		return
	}
	if n := len(u.stack); n >= 2 { // the case was opened from the conflict screen: back to it
		if below, ok := u.stack[n-2].(*conflictsScreen); ok {
			below.citizenID = citizenID
			u.back()
			return
		}
	}
	u.open(newConflictsScreen(u, o, citizenID))
}

// openCitizenFromConflict opens the citizen over the conflict screen; back returns to it.
func (u *UI) openCitizenFromConflict(id int64) {
	u.open(newCitizenScreen(u, u.store, id))
}
