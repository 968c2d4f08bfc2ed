package ui

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// todayStore is what todayScreen asks of the database.
type todayStore interface {
	BackupSettings() (model.BackupSettings, error)
	viewLogStore
	todayActionStore
	SaveCatchUp(at time.Time) error
	// TodayRead reads Today with its figures; TodayCitizen what one
	// citizen adds to it, TodayCatchUp the catch-up part alone.
	TodayRead(c *model.Content, now time.Time, scope model.Scope) (*model.TodayRead, error)
	TodayCitizen(c *model.Content, now time.Time, scope model.Scope, id int64) (*model.TodayPart, error)
	TodayCatchUp(now time.Time, scope model.Scope) (time.Time, []model.TodayConversation, error)
	DueForDeletion(now time.Time, scope model.Scope) ([]model.DueForDeletion, error)
	// Generation grows with every change to the records: Today is read
	// again only when it moved, the day turned or the scope changed;
	// ChangesSince says what moved it, so that only the citizens changed
	// are read again.
	Generation() uint64
	ChangesSince(gen uint64) model.Changes
}

// maxTodayRows keeps each part of Today readable; the rest is counted.
const maxTodayRows = 25

// todayShell is what todayScreen asks of the window.
type todayShell interface {
	colleaguesShell
	caseworker() string
	changed(ids ...int64)
	conflictsButton() fyne.CanvasObject
	copyText(text string)
	do(fn func())
	handoutMaker() Handouts
	inBackground() bool
	notify(text string)
	now() time.Time
	offerUndo(done string, undo func())
	onAttendance()
	onBatch()
	onCallList()
	onCaseload()
	onDeletion()
	onJobList()
	jobsOffice() jobsOffice // nil without an office
	onNewCitizen()
	onOpenCitizen(id int64)
	onOpenConversation(citizenID, conversationID int64)
	onSettings()
	printed(path string, err error)
	restoringNow() bool
	setScope(s model.Scope)
	showError(err error)
	term(key string) string
	texts() *model.Content
	kept(s screen) bool
	top() screen
	workScope() model.Scope
}

// todayScreen is the start screen: what today asks of the caseworker, each
// line opening the citizen. It is built once and kept: coming back to it
// shows it as it was, and it is read again only when the records changed
// (Store.Generation), the day turned or "Mine / Hele kontoret" moved.
type todayScreen struct {
	shell  todayShell
	store  todayStore
	viewed viewLog
	backup *secondaryLabel
	view   *model.TodayView
	// data is what was read last, kept to be updated after a change.
	data *todayData
	body *fyne.Container
	// first and onTime are the caseload's two figures: the first
	// conversation, and the other conversations on time.
	first, onTime *widget.Label
	// groups is the minimum per target group STAR names, with the
	// citizens exempted after a concrete assessment (a warning above the cap).
	groups   *secondaryLabel
	catchUp  *widget.Button
	printAll *widget.Button
	root     fyne.CanvasObject
	// scope chooses "Mine", a colleague or "Hele kontoret"; deletion reminds
	// of closed cases past the retention period.
	scope    *safeSelect
	scopeRow *fyne.Container // the choice with its label, as wide as they need
	deletion *widget.Button
	// sections are Today's parts, built once; their rows are reused.
	// kept lays them out with their sizes kept until a part changes.
	sections []*todaySection
	kept     *keptBox
	// shown is what the screen shows was read at; reading counts the reads
	// started, so that a late background read never replaces a newer one.
	shown   todayStamp
	reading int
	// painted holds, until the window's first frame, what tells of it.
	painted *fyne.Container
	scroll  *container.Scroll
	padded  *fyne.Container
	// begun is how many conversations had begun when the lines were shown.
	begun int
	title *widget.Label
	// conflicts holds the count of changes waiting for the caseworker's
	// decision (empty without an office or conflicts).
	conflicts *fyne.Container
	// office is the office's part (figures, hot jobs, meetings); nil
	// without an office.
	office *todayOffice
	// officeMoved: the office part gained or lost lines since the parts
	// were last laid out (showParts lays it out again).
	officeMoved bool
	top         *fyne.Container
}

// todayStamp is when and for whom Today was read.
type todayStamp struct {
	gen   uint64
	day   time.Time
	scope model.Scope
	ok    bool
}

func newTodayScreen(sh todayShell, st todayStore) *todayScreen {
	s := &todayScreen{shell: sh, store: st, viewed: viewLog{what: "today"}}
	s.root = s.build()
	return s
}

func (s *todayScreen) content() fyne.CanvasObject { return s.root }

// stamp is what a read now would be read at.
func (s *todayScreen) stamp() todayStamp {
	return todayStamp{gen: s.store.Generation(), day: model.DateOnly(s.shell.now()), scope: s.shell.workScope(), ok: true}
}

// stale: something Today shows may have changed since it was read.
func (s *todayScreen) stale() bool { return s.shown != s.stamp() }

// reload is called when Today comes back on top: nothing is read unless
// something changed; then it is read again (in the window, in the
// background, the kept screen showing meanwhile).
func (s *todayScreen) reload() {
	if !s.stale() {
		return
	}
	if s.shell.inBackground() {
		s.loadInBackground(nil)
		return
	}
	s.load()
}

func (s *todayScreen) build() fyne.CanvasObject {
	s.kept = newKeptBox()
	s.body = container.New(s.kept)
	s.first, s.onTime = widget.NewLabel(""), widget.NewLabel("")
	s.groups = newSecondaryLabel("")
	s.groups.Wrapping = fyne.TextWrapWord
	s.backup = newSecondaryLabel("")
	s.backup.Wrapping = fyne.TextWrapWord
	s.catchUp = widget.NewButtonWithIcon(lang.L("today.catchupheld"), theme.ConfirmIcon(), s.onCatchUpHeld)
	s.printAll = widget.NewButtonWithIcon(lang.L("today.printnotices"), theme.DocumentPrintIcon(), nil)
	list := widget.NewButtonWithIcon(s.shell.term("today.citizens"), theme.ListIcon(), s.shell.onCaseload)
	list.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon(s.shell.term("citizen.new"), theme.ContentAddIcon(), s.shell.onNewCitizen)
	more := newFlow(
		widget.NewButtonWithIcon(lang.L("jobs.button"), theme.StorageIcon(), s.shell.onJobList),
		widget.NewButtonWithIcon(lang.L("calls.title"), theme.MailComposeIcon(), s.shell.onCallList),
		widget.NewButtonWithIcon(lang.L("batch.button"), theme.DocumentPrintIcon(), s.shell.onBatch),
		widget.NewButtonWithIcon(lang.L("stats.title"), theme.GridIcon(), s.shell.onAttendance),
		widget.NewButtonWithIcon(lang.L("settings.title"), theme.SettingsIcon(), s.shell.onSettings))
	title := heading(fmt.Sprintf(lang.L("today.title"), model.DanishDate(s.shell.now())))
	title.SizeName = theme.SizeNameSubHeadingText
	s.title = title
	s.scope, s.deletion = s.newScopeChoice(), s.newDeletionButton()
	s.scopeRow = container.NewHBox(widget.NewLabel(lang.L("scope.show")), s.scope)
	s.buildScope()
	s.first.Wrapping, s.onTime.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	extras := []fyne.CanvasObject{nil, nil, nil, s.catchUp, nil, nil, s.printAll, nil}
	objects := make([]fyne.CanvasObject, len(extras))
	s.sections = make([]*todaySection, len(extras))
	for i, extra := range extras {
		s.sections[i] = newTodaySection(s, extra)
		objects[i] = s.sections[i].box
	}
	s.body.Objects = objects
	s.painted = container.NewStack()
	s.conflicts = container.NewHBox()
	s.conflicts.Hide() // no room taken without an office or conflicts
	top := container.NewVBox(container.NewBorder(nil, nil, s.painted, container.NewHBox(list, newBtn), title),
		more, s.conflicts, s.first, s.onTime, s.groups, s.scopeRow, s.backup, container.NewHBox(s.deletion))
	s.top = top
	s.attachOffice()
	s.padded = container.NewPadded(s.body)
	s.scroll = container.NewVScroll(s.padded)
	return container.NewBorder(top, nil, nil, nil, s.scroll)
}

// whenPainted calls fn once the window has painted Today for the first time.
func (s *todayScreen) whenPainted(fn func()) {
	s.painted.Objects = []fyne.CanvasObject{firstPaint(s.shell.do, func() {
		s.painted.Objects = nil
		s.painted.Refresh()
		fn()
	})}
	s.painted.Refresh()
}

// todayData is everything Today shows, read in one go (in the window's
// background goroutine at start and on return).
type todayData struct {
	at        todayStamp
	read      *model.TodayRead
	view      *model.TodayView
	backup    model.BackupSettings
	backupErr error
	// deletions are the citizens whose closed cases are past the
	// retention period (nil when they could not be read).
	deletions map[int64]bool
	// office is the office's part (nil without an office).
	office *todayOfficeData
}

// read reads Today from the database; it touches no widget.
func (s *todayScreen) read(at todayStamp) (*todayData, error) {
	now := s.shell.now()
	d := &todayData{at: at}
	var err error
	if d.read, err = s.store.TodayRead(s.shell.texts(), now, at.scope); err != nil {
		return nil, err
	}
	d.view = d.read.View
	d.backup, d.backupErr = s.store.BackupSettings()
	d.office = s.office.read(now)
	if due, err := s.store.DueForDeletion(now, model.WholeOffice); err == nil {
		d.deletions = map[int64]bool{}
		for _, x := range due {
			d.deletions[x.CitizenID] = true
		}
	}
	return d, nil
}

// maxReread is how many changed citizens Today re-reads one by one; after
// more it reads itself again whole.
const maxReread = 20

// update brings what was read last up to at, re-reading only what changed
// since (the citizens changed, the catch-up); ok is false when that cannot
// be told and Today must be read whole. It touches no widget, and no
// screen's state: it works on a copy.
func (s *todayScreen) update(last *todayData, at todayStamp) (d *todayData, ok bool, err error) {
	if last == nil || last.at.day != at.day || last.at.scope != at.scope || last.read == nil {
		return nil, false, nil
	}
	ch := s.store.ChangesSince(last.at.gen)
	if ch.Anything || len(ch.Citizens) > maxReread {
		return nil, false, nil
	}
	for _, k := range ch.Settings {
		if k != model.SettingCatchUp {
			return nil, false, nil
		}
	}
	now := s.shell.now()
	d = last.copy()
	d.at = at
	for _, id := range ch.Citizens {
		p, err := s.store.TodayCitizen(s.shell.texts(), now, at.scope, id)
		if err != nil {
			return nil, false, err
		}
		d.read.Replace(p, s.shell.texts().Rules, now)
		if d.deletions != nil {
			due, err := s.store.DueForDeletion(now, model.Scope{Citizen: id})
			if err != nil {
				return nil, false, err
			}
			delete(d.deletions, id)
			if len(due) > 0 {
				d.deletions[id] = true
			}
		}
	}
	if len(ch.Settings) > 0 {
		if d.read.View.CatchUpSince, d.read.View.CatchUp, err = s.store.TodayCatchUp(now, at.scope); err != nil {
			return nil, false, err
		}
	}
	d.view = d.read.View
	d.backup, d.backupErr = s.store.BackupSettings()
	d.office = s.office.read(now)
	return d, true, nil
}

// copy is a copy of d that an update may change while d is shown (the
// office's cases as read are shared, not copied: model.TodayRead.Copy).
func (d *todayData) copy() *todayData {
	c := *d
	c.read = d.read.Copy()
	c.view = c.read.View
	if d.deletions != nil {
		c.deletions = maps.Clone(d.deletions)
	}
	return &c
}

// readOrUpdate updates what was read last when only a few citizens (or
// the catch-up) changed, else reads Today whole.
func (s *todayScreen) readOrUpdate(last *todayData, at todayStamp) (*todayData, error) {
	if d, ok, err := s.update(last, at); ok || err != nil {
		return d, err
	}
	return s.read(at)
}

// load reads Today from the database and shows it (on the window's goroutine).
func (s *todayScreen) load() {
	s.attachOffice()
	s.reading++
	d, err := s.readOrUpdate(s.data, s.stamp())
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.show(d)
}

// loadInBackground reads Today off the window's goroutine and shows it
// when read; then calls done (if any) on the window's goroutine.
func (s *todayScreen) loadInBackground(done func()) {
	s.attachOffice()
	s.reading++
	n, at, last := s.reading, s.stamp(), s.data
	go func() {
		d, err := s.readOrUpdate(last, at)
		s.shell.do(func() {
			if n != s.reading || !s.shell.kept(s) { // a newer read is on its way, or a restore replaced Today
				return
			}
			if err != nil {
				s.shell.showError(err)
			} else {
				s.show(d)
			}
			if done != nil {
				done()
			}
		})
	}()
}

// show puts what was read on the screen, reusing the rows.
func (s *todayScreen) show(d *todayData) {
	now := s.shell.now()
	s.view, s.shown, s.data = d.view, d.at, d
	setText(s.title, fmt.Sprintf(lang.L("today.title"), model.DanishDate(d.at.day)))
	if err := s.viewed.record(s.store, d.view.CitizenIDs()); err != nil {
		s.shell.showError(err)
	}
	s.showFigure(d)
	s.officeMoved = s.office.show(d.office, d.read.Office) || s.officeMoved
	s.showBackup(d.backup, d.backupErr, now)
	s.showDeletion(len(d.deletions))
	ids := make([]int64, len(d.view.Notices))
	for i, n := range d.view.Notices {
		ids[i] = n.ID
	}
	s.printAll.OnTapped = func() { s.onPrintNotices(ids, true) }
	s.showConflicts()
	s.showParts()
}

// showConflicts shows how many changes wait for the caseworker's decision.
func (s *todayScreen) showConflicts() {
	s.conflicts.Objects = nil
	s.conflicts.Hide()
	if b := s.shell.conflictsButton(); b != nil {
		s.conflicts.Objects = []fyne.CanvasObject{b}
		s.conflicts.Show()
	}
	s.conflicts.Refresh()
}

// showParts shows the parts of what was read, as of the clock's time now:
// a line whose text changed is drawn again in place, and only when a part
// gained or lost lines (or a line's size changed) is it laid out again,
// with the parts below it moved.
func (s *todayScreen) showParts() {
	s.begun = s.begunCount()
	var moved []*todaySection
	for i, part := range s.parts() {
		if s.sections[i].show(part) {
			moved = append(moved, s.sections[i])
			s.kept.forget(s.sections[i].box)
		}
	}
	if s.officeMoved { // the office's hot jobs or meetings gained or lost lines
		s.officeMoved = false
		s.kept.forget(s.office.hot.box, s.office.meetings)
		moved = append(moved, s.office.hot)
	}
	if len(moved) > 0 {
		s.relayout(moved)
	}
}

// tickEvery is how often Today looks at the clock: a conversation that
// begins gains Afholdt/Udeblevet within it, and the day turns at midnight.
const tickEvery = 20 * time.Second

// tick keeps Today in time without the caseworker doing anything: at
// midnight the new day is read; when a conversation has begun since the
// lines were shown, its line gets its buttons (nothing is read for that).
func (s *todayScreen) tick() {
	if s.view == nil || s.shell.restoringNow() {
		return
	}
	if model.DateOnly(s.shell.now()) != s.shown.day {
		if s.shell.top() == screen(s) {
			s.reload()
		}
		return
	}
	if s.begunCount() != s.begun {
		s.showParts()
	}
}

// begunCount is how many of the conversations shown on Today are still
// planned and have begun by now (the ones offering one-click attendance).
func (s *todayScreen) begunCount() int {
	now, n := s.shell.now(), 0
	for _, c := range s.view.Conversations[:min(len(s.view.Conversations), maxTodayRows)] {
		if c.Attendance == model.AttendancePlanned && !c.Start.After(now) {
			n++
		}
	}
	return n
}

// relayout lays the parts moved out again without refreshing every row: a
// Container's or a Scroll's Refresh refreshes each child, measuring all
// text anew. The parts' sizes are kept (keptBox), so only the parts moved
// are measured again.
func (s *todayScreen) relayout(moved []*todaySection) {
	size, min := s.scroll.Size(), s.padded.MinSize()
	s.padded.Resize(fyne.NewSize(max(size.Width, min.Width), max(size.Height, min.Height)))
	relayout(s.padded)
	relayout(s.body)
	for _, p := range moved {
		relayout(p.box)
	}
	if size.Height > 1 { // a Scroll updates its bars when resized (and only then without a deep refresh)
		s.scroll.Resize(size.SubtractWidthHeight(0, 1))
		s.scroll.Resize(size)
	}
}

// relayout places c's objects again at its present size and repaints it.
func relayout(c *fyne.Container) {
	if c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
	canvas.Refresh(c)
}

// showBackup says when the last good backup was made, and warns (in words,
// not only in colour) when it is older than the office allows.
func (s *todayScreen) showBackup(b model.BackupSettings, err error, now time.Time) {
	var text string
	switch {
	case err != nil:
		text = errText(err)
	case b.Last.IsZero():
		text = lang.L("today.backup.none")
	case b.Overdue(now):
		text = fmt.Sprintf(lang.L("today.backup.old"), model.DanishDateTime(b.Last.Local()), b.MaxAgeDays)
	default:
		text = fmt.Sprintf(lang.L("today.backup"), model.DanishDateTime(b.Last.Local()))
	}
	if s.backup.Text != text {
		s.backup.SetText(text)
	}
	colour := colorNameSecondaryText
	if err != nil || b.Last.IsZero() || b.Overdue(now) {
		colour = theme.ColorNameError
	}
	s.backup.setColour(colour)
}

// showFigure shows the two figures for the office and, with "Mine"
// chosen, for the caseworker's citizens beside them.
func (s *todayScreen) showFigure(d *todayData) {
	c := s.office.figuresFor(d.office, d.read.Office)
	s.showGroups(c)
	if d.at.scope.All() || d.at.scope.Caseworker != s.shell.caseworker() { // a colleague's: the office's figure only
		setFigure(s.first, "today.figure.first", c.First, c.PeriodMonths)
		setFigure(s.onTime, "today.figure.ontime", c.OnTime, c.PeriodMonths)
		return
	}
	addMine(s.first, "today.figure.first.name", d.read.Mine.First, c.First)
	addMine(s.onTime, "today.figure.ontime.name", d.read.Mine.OnTime, c.OnTime)
}

// showGroups shows the office's minimum per target group with the citizens
// exempted, warns in words (and colour) where more are exempted than the
// law allows, and counts the citizens no rule covers.
func (s *todayScreen) showGroups(c model.Compliance) {
	messages, warn := c.GroupLines()
	lines := make([]string, len(messages))
	for i, m := range messages {
		lines[i] = strings.TrimSpace(msg(m))
	}
	if text := strings.Join(lines, "\n"); s.groups.Text != text {
		s.groups.SetText(text)
	}
	colour := colorNameSecondaryText
	if warn {
		colour = theme.ColorNameError
	}
	s.groups.setColour(colour)
	if len(lines) == 0 {
		s.groups.Hide()
	} else {
		s.groups.Show()
	}
}

// addMine puts the caseworker's own figure first, the office's after it;
// the colour follows the caseworker's.
func addMine(l *widget.Label, name string, mine, office model.Figure) {
	showMet(l, fmt.Sprintf(lang.L("today.figure.mine"), lang.L(name), mine.TargetPercent, mine.Share(), mine.OnCourse, mine.Total,
		office.Share(), office.OnCourse, office.Total), mine.Met())
}

// setFigure shows one figure against its target: green when reached.
func setFigure(l *widget.Label, key string, f model.Figure, months int) {
	showMet(l, fmt.Sprintf(lang.L(key), f.TargetPercent, f.Share(), f.OnCourse, f.Total, months), f.Met())
}

// showMet shows a figure's text, coloured green when its target is
// reached, and saying so in a word too; the label is drawn again only
// when that changed (measuring a wrapped text is not free).
func showMet(l *widget.Label, text string, met bool) {
	word, importance := "today.figure.met", widget.SuccessImportance
	if !met {
		word, importance = "today.figure.below", widget.WarningImportance
	}
	if text += "  – " + lang.L(word); l.Text != text || l.Importance != importance {
		l.Text, l.Importance = text, importance
		l.Refresh()
	}
}

// todayLine is one line of Today: text, the citizen it opens, and
// optional action buttons.
type todayLine struct {
	text      string
	citizenID int64
	danger    bool
	actions   []lineAction
	open      func() // what Open does, when not opening the citizen
}

// lineAction is a button on a line (an icon alone when label is "").
type lineAction struct {
	label string
	icon  fyne.Resource
	tap   func()
}

// todayPart is one part of Today: its title, how many lines it has in all,
// and the first maxTodayRows of them (lines are made only for those).
type todayPart struct {
	title string
	none  string // the text when empty, "Intet i dag." when ""
	total int
	lines []todayLine
}

func (s *todayScreen) parts() []todayPart {
	v := s.view
	return []todayPart{
		part(lang.L("today.conversations"), v.Conversations, s.conversationItem),
		part(lang.L("today.steps"), v.OverdueSteps, s.stepLine),
		withNone(part(lang.L("today.due"), v.Due, s.dueLine), "today.none.due"),
		part(fmt.Sprintf(lang.L("today.catchup"), shortDate(v.CatchUpSince)), v.CatchUp, s.missedLine),
		part(lang.L("today.benefitlate"), v.BenefitLate, s.benefitLateLine),
		withNone(part(lang.L("today.meetings"), v.BenefitMeetings, s.meetingLine), "today.none.14"),
		part(lang.L("today.notices"), v.Notices, s.noticeLine),
		part(lang.L("today.youth"), v.Youth, s.youthLine),
	}
}

// withNone gives a part that looks beyond today its own word for empty.
func withNone(p todayPart, key string) todayPart { p.none = lang.L(key); return p }

// part makes the lines of the first maxTodayRows items.
func part[T any](title string, items []T, line func(T) todayLine) todayPart {
	p := todayPart{title: title, total: len(items)}
	for _, x := range items[:min(len(items), maxTodayRows)] {
		p.lines = append(p.lines, line(x))
	}
	return p
}

// todaySection shows one part: built once, its rows reused on every read.
type todaySection struct {
	screen     *todayScreen
	box        *fyne.Container
	kept       *keptBox
	title      *widget.Label
	head       fyne.CanvasObject
	extra      fyne.CanvasObject
	none, more *secondaryLabel
	rows       []*todayRow
	separator  fyne.CanvasObject
}

func newTodaySection(s *todayScreen, extra fyne.CanvasObject) *todaySection {
	kept := newKeptBox()
	p := &todaySection{screen: s, box: container.New(kept), kept: kept, title: heading(""), extra: extra,
		none: lowLabel(lang.L("today.none")), more: lowLabel(""), separator: widget.NewSeparator()}
	p.head = p.title
	if extra != nil {
		p.head = container.NewBorder(nil, nil, p.title, extra)
	}
	p.box.Objects = []fyne.CanvasObject{p.head, p.none, p.separator}
	return p
}

// show sets the section's objects once (a Container.Add per row would lay
// the box out again each time); moved says the part must be laid out again
// (a line more or less, or a size changed), else what changed was drawn in
// place.
func (p *todaySection) show(part todayPart) (moved bool) {
	if setText(p.title, fmt.Sprintf("%s (%d)", part.title, part.total)) {
		moved = true
		p.kept.forget(p.head)
	}
	if p.extra != nil && p.showExtra(!(part.total == 0 && p.extra == p.screen.printAll)) {
		moved = true
		p.kept.forget(p.head)
	}
	objects := make([]fyne.CanvasObject, 0, len(part.lines)+3)
	objects = append(objects, p.head)
	if part.total == 0 {
		if none := cmp.Or(part.none, lang.L("today.none")); p.none.Text != none {
			p.none.SetText(none)
			p.kept.forget(p.none)
		}
		objects = append(objects, p.none)
	}
	for i, l := range part.lines {
		if i == len(p.rows) {
			p.rows = append(p.rows, newTodayRow(p.screen))
		}
		if p.rows[i].show(l) {
			moved = true
			p.kept.forget(p.rows[i].root)
		}
		objects = append(objects, p.rows[i].root)
	}
	if part.total > len(part.lines) {
		if text := fmt.Sprintf(lang.L("today.more"), part.total-len(part.lines)); p.more.Text != text {
			p.more.SetText(text)
			p.kept.forget(p.more)
		}
		objects = append(objects, p.more)
	}
	objects = append(objects, p.separator)
	if !slices.Equal(objects, p.box.Objects) {
		moved = true
		p.box.Objects = objects // laid out by todayScreen.relayout
	}
	return moved
}

// showExtra shows or hides the part's button beside its title, and says
// whether that changed (the title's line is laid out again then).
func (p *todaySection) showExtra(show bool) bool {
	if show == p.extra.Visible() {
		return false
	}
	if show {
		p.extra.Show()
	} else {
		p.extra.Hide()
	}
	if head, ok := p.head.(*fyne.Container); ok {
		relayout(head)
	}
	return true
}

// setText changes a label's text only when it differs (each change
// measures the text again), and says whether it did.
func setText(l *widget.Label, text string) bool {
	if l.Text == text {
		return false
	}
	l.SetText(text)
	return true
}

// todayRow is one line's widgets, kept and given new lines.
type todayRow struct {
	screen  *todayScreen
	text    *widget.Label
	open    *widget.Button
	actions *fyne.Container
	buttons []*widget.Button
	root    *fyne.Container
	opens   func()
	mark    *widget.Label // "dækker for AL til 12-12" on a covered case's line (office_colleagues.go)
}

func newTodayRow(s *todayScreen) *todayRow {
	r := &todayRow{screen: s, text: widget.NewLabel(""), actions: container.NewHBox()}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.open = widget.NewButtonWithIcon(lang.L("action.open"), theme.NavigateNextIcon(), func() { r.opens() })
	r.root = container.NewBorder(nil, nil, nil, container.NewHBox(r.actions, r.open), r.text)
	return r
}

// show gives the row a line; resized says its size may have changed (its
// buttons changed), so that its part is laid out again.
func (r *todayRow) show(l todayLine) (resized bool) {
	r.opens = r.screen.todayOpen(l)
	importance := widget.MediumImportance
	if l.danger {
		importance = widget.DangerImportance
	}
	if r.text.Text != l.text || r.text.Importance != importance {
		r.text.Text, r.text.Importance = l.text, importance
		r.text.Refresh()
	}
	for len(r.buttons) < len(l.actions) {
		r.buttons = append(r.buttons, widget.NewButton("", nil))
	}
	objects := make([]fyne.CanvasObject, len(l.actions))
	for i, a := range l.actions {
		b := r.buttons[i]
		b.OnTapped = a.tap
		if b.Text != a.label || b.Icon != a.icon {
			b.Text, b.Icon = a.label, a.icon
			b.Refresh()
			resized = true
		}
		objects[i] = b
	}
	objects, marks := r.withCoverMark(l.citizenID, objects)
	if len(objects) != len(r.actions.Objects) || marks {
		r.actions.Objects = objects
		r.root.Refresh() // the line is laid out again: its buttons take room from the text
		return true
	}
	copy(r.actions.Objects, objects)
	if resized { // a button's new text or icon may take more or less room
		r.root.Refresh()
	}
	return resized
}

func (s *todayScreen) conversationItem(c model.TodayConversation) todayLine {
	return s.conversationLine(c, fmt.Sprintf("%s–%s  %s – %s (%s) – %s", c.Start.Format("15:04"), c.End.Format("15:04"),
		c.Name, kindLabel(c.Kind), formLabel(c.Form), attendanceLabel(c.Attendance)))
}

func (s *todayScreen) stepLine(st model.TodayStep) todayLine {
	titles := make([]string, len(st.Steps))
	for i, x := range st.Steps {
		titles[i] = x.Title
	}
	return todayLine{text: fmt.Sprintf(lang.L("today.stepline"), st.Name, strings.Join(titles, ", "), shortDate(st.Steps[0].ToDate)),
		citizenID: st.CitizenID}
}

func (s *todayScreen) dueLine(d model.TodayDue) todayLine {
	l := todayLine{text: fmt.Sprintf(lang.L("today.dueline"), d.Name, d.Due.Label, d.Due.Had, d.Due.Count, shortDate(d.Due.By)),
		citizenID: d.CitizenID, danger: d.Due.By.Before(model.DateOnly(s.shell.now()))} // the last day itself is not overdue
	if l.danger { // the red says it again in a word
		l.text += "  – " + lang.L("reception.overdue")
	}
	return l
}

func (s *todayScreen) missedLine(c model.TodayConversation) todayLine {
	return todayLine{text: fmt.Sprintf("%s  %s – %s – %s", shortDate(c.Start), c.Name, attendanceLabel(c.Attendance), c.Phone),
		citizenID: c.CitizenID}
}

func (s *todayScreen) noticeLine(n model.Notice) todayLine {
	id := n.ID
	return todayLine{text: fmt.Sprintf("%s  %s – %s: %s%s", shortDate(n.CreatedAt), n.Name, lang.L("notice."+n.Direction), n.Text, sentText(n)),
		citizenID: n.CitizenID, actions: []lineAction{
			{"", theme.DocumentPrintIcon(), func() { s.onPrintNotices([]int64{id}, false) }},
			{"", theme.ContentCopyIcon(), func() { s.onCopyNotice(id) }},
			{lang.L("today.ack"), theme.ConfirmIcon(), func() { s.onAcknowledge(id) }},
		}}
}

// sentText says when and how a notice left Jobspor, if it did.
func sentText(n model.Notice) string {
	if n.SentAt.IsZero() {
		return "  – " + lang.L("notice.notsent")
	}
	return "  – " + fmt.Sprintf(lang.L("notice.sent"), shortDate(n.SentAt.Local()), lang.L("notice.how."+string(n.SentHow)))
}

func (s *todayScreen) onPrintNotices(ids []int64, asList bool) {
	s.shell.printed(s.shell.handoutMaker().Notices(ids, asList))
	s.load()
}

func (s *todayScreen) onCopyNotice(id int64) {
	text, err := s.shell.handoutMaker().NoticesText([]int64{id})
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.shell.copyText(text)
	s.shell.notify(lang.L("notice.copied"))
	s.load()
}

func (s *todayScreen) benefitLateLine(l model.BenefitLate) todayLine {
	return todayLine{text: fmt.Sprintf(lang.L("today.benefitlateline"), l.Name, shortDate(l.Due)), citizenID: l.CitizenID, danger: true}
}

func (s *todayScreen) meetingLine(m model.BenefitMeeting) todayLine {
	return todayLine{text: fmt.Sprintf(lang.L("today.meetingline"), shortDate(m.At), meetingClock(m.At), m.Name, m.Place), citizenID: m.CitizenID}
}

// meetingClock is the meeting's time of day, or a dash when only the day is booked.
func meetingClock(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 {
		return "–"
	}
	return t.Format("15:04")
}

func (s *todayScreen) youthLine(y model.YouthRow) todayLine {
	id := y.CitizenID
	return todayLine{text: fmt.Sprintf(lang.L("today.youthline"), y.Name, y.Age, lang.L("youth.kind."+string(y.Kind)), shortDate(y.FlaggedOn)),
		citizenID: y.CitizenID, actions: []lineAction{{lang.L("today.refer"), theme.MailSendIcon(), func() { s.onRefer(id) }}}}
}

func (s *todayScreen) onCatchUpHeld() { s.do(s.store.SaveCatchUp(s.shell.now())) }

// do shows an error or refreshes Today after an action.
func (s *todayScreen) do(err error) {
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.load()
}
