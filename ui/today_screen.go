package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// todaySource is what todayScreen asks of the database.
type todaySource interface {
	BackupSettings() (model.BackupSettings, error)
	viewLogger
	AcknowledgeNotice(id int64) error
	Compliance(r *model.RuleSet, now time.Time) (model.Compliance, error)
	ComplianceFor(r *model.RuleSet, now time.Time, scope model.Scope) (model.Compliance, error)
	SaveCatchUp(at time.Time) error
	SetReferred(citizenID int64, referred bool) error
	Today(c *model.Content, now time.Time) (*model.TodayView, error)
}

// maxTodayRows keeps each part of Today readable; the rest is counted.
const maxTodayRows = 25

// todayScreen is the start screen: what today asks of the caseworker, each
// line opening the citizen.
type todayScreen struct {
	ui     *UI
	store  todaySource
	viewed viewLog
	backup *secondaryLabel
	view   *model.TodayView
	body   *fyne.Container
	// first and onTime are the caseload's two figures: the first
	// conversation, and the other conversations on time.
	first, onTime *widget.Label
	catchUp       *widget.Button
	root          fyne.CanvasObject
	// scope switches between "Mine" and "Hele kontoret"; deletion reminds
	// of closed cases past the retention period.
	scope    *widget.RadioGroup
	deletion *widget.Button
}

func newTodayScreen(u *UI, st todaySource) *todayScreen {
	s := &todayScreen{ui: u, store: st, viewed: viewLog{what: "today"}}
	s.root = s.build()
	return s
}

func (s *todayScreen) content() fyne.CanvasObject { return s.root }

func (s *todayScreen) reload() { s.load() }

func (s *todayScreen) build() fyne.CanvasObject {
	s.body = container.NewVBox()
	s.first, s.onTime = widget.NewLabel(""), widget.NewLabel("")
	s.backup = newSecondaryLabel("")
	s.backup.Wrapping = fyne.TextWrapWord
	s.catchUp = widget.NewButtonWithIcon(lang.L("today.catchupheld"), theme.ConfirmIcon(), s.onCatchUpHeld)
	list := widget.NewButtonWithIcon(s.ui.term("today.citizens"), theme.ListIcon(), s.ui.onCaseload)
	list.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon(s.ui.term("citizen.new"), theme.ContentAddIcon(), s.ui.onNewCitizen)
	more := newFlow(
		widget.NewButtonWithIcon(lang.L("jobs.button"), theme.StorageIcon(), s.ui.onJobList),
		widget.NewButtonWithIcon(lang.L("calls.title"), theme.MailComposeIcon(), s.ui.onCallList),
		widget.NewButtonWithIcon(lang.L("batch.button"), theme.DocumentPrintIcon(), s.ui.onBatch),
		widget.NewButtonWithIcon(lang.L("stats.title"), theme.GridIcon(), s.ui.onAttendance),
		widget.NewButtonWithIcon(lang.L("settings.title"), theme.SettingsIcon(), s.ui.onSettings))
	title := heading(fmt.Sprintf(lang.L("today.title"), model.DanishDate(s.ui.now())))
	title.SizeName = theme.SizeNameSubHeadingText
	s.scope, s.deletion = s.newScopeChoice(), s.newDeletionButton()
	s.buildScope()
	s.first.Wrapping, s.onTime.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(list, newBtn), title),
		more, s.first, s.onTime, s.scope, s.backup, container.NewHBox(s.deletion))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(s.body)))
}

// load reads Today from the database.
func (s *todayScreen) load() {
	now := s.ui.now()
	v, err := s.store.Today(s.ui.content, now)
	if err == nil {
		v, err = s.mine(v)
	}
	if err != nil {
		s.ui.showError(err)
		return
	}
	s.view = v
	if err := s.viewed.record(s.store, v.CitizenIDs()); err != nil {
		s.ui.showError(err)
	}
	s.showFigure(now)
	s.showBackup(now)
	s.showDeletion()
	s.body.Objects = nil
	for _, part := range s.parts() {
		s.addPart(part)
	}
	s.body.Refresh()
}

// showBackup says when the last good backup was made, and warns (in words,
// not only in colour) when it is older than the office allows.
func (s *todayScreen) showBackup(now time.Time) {
	b, err := s.store.BackupSettings()
	switch {
	case err != nil:
		s.backup.SetText(errText(err))
	case b.Last.IsZero():
		s.backup.SetText(lang.L("today.backup.none"))
	case b.Overdue(now):
		s.backup.SetText(fmt.Sprintf(lang.L("today.backup.old"), model.DanishDateTime(b.Last.Local()), b.MaxAgeDays))
	default:
		s.backup.SetText(fmt.Sprintf(lang.L("today.backup"), model.DanishDateTime(b.Last.Local())))
	}
	s.backup.setColour(colorNameSecondaryText)
	if err != nil || b.Last.IsZero() || b.Overdue(now) {
		s.backup.setColour(theme.ColorNameError)
	}
}

// showFigure shows the two figures for the office and, with "Mine"
// chosen, for the caseworker's citizens beside them.
func (s *todayScreen) showFigure(now time.Time) {
	c, err := s.store.Compliance(s.ui.content.Rules, now)
	if err != nil {
		s.first.SetText(errText(err))
		return
	}
	setFigure(s.first, "today.figure.first", c.First, c.PeriodMonths)
	setFigure(s.onTime, "today.figure.ontime", c.OnTime, c.PeriodMonths)
	if s.ui.scope.All() {
		return
	}
	mine, err := s.store.ComplianceFor(s.ui.content.Rules, now, s.ui.scope)
	if err != nil {
		s.first.SetText(errText(err))
		return
	}
	addMine(s.first, "today.figure.first.name", mine.First, c.First)
	addMine(s.onTime, "today.figure.ontime.name", mine.OnTime, c.OnTime)
}

// addMine puts the caseworker's own figure first, the office's after it;
// the colour follows the caseworker's.
func addMine(l *widget.Label, name string, mine, office model.Figure) {
	l.SetText(fmt.Sprintf(lang.L("today.figure.mine"), lang.L(name), mine.TargetPercent, mine.Share(), mine.OnCourse, mine.Total,
		office.Share(), office.OnCourse, office.Total))
	showMet(l, mine.Met())
}

// setFigure shows one figure against its target: green when reached.
func setFigure(l *widget.Label, key string, f model.Figure, months int) {
	l.SetText(fmt.Sprintf(lang.L(key), f.TargetPercent, f.Share(), f.OnCourse, f.Total, months))
	showMet(l, f.Met())
}

// showMet colours a figure green when its target is reached, and says so
// in a word too.
func showMet(l *widget.Label, met bool) {
	word := "today.figure.met"
	l.Importance = widget.SuccessImportance
	if !met {
		word, l.Importance = "today.figure.below", widget.WarningImportance
	}
	l.Text += "  – " + lang.L(word)
	l.Refresh()
}

// todayLine is one line of Today: text, the citizen it opens, and an
// optional action button.
type todayLine struct {
	text      string
	citizenID int64
	danger    bool
	action    fyne.CanvasObject
}

type todayPart struct {
	title string
	lines []todayLine
	extra fyne.CanvasObject
}

func (s *todayScreen) parts() []todayPart {
	v := s.view
	return []todayPart{
		{lang.L("today.conversations"), s.conversationLines(v.Conversations), nil},
		{lang.L("today.steps"), s.stepLines(v.OverdueSteps), nil},
		{lang.L("today.due"), s.dueLines(v.Due), nil},
		{fmt.Sprintf(lang.L("today.catchup"), shortDate(v.CatchUpSince)), s.missedLines(v.CatchUp), s.catchUp},
		{lang.L("today.benefitlate"), s.benefitLateLines(v.BenefitLate), nil},
		{lang.L("today.meetings"), s.meetingLines(v.BenefitMeetings), nil},
		{lang.L("today.notices"), s.noticeLines(v.Notices), s.printAllNotices(v.Notices)},
		{lang.L("today.youth"), s.youthLines(v.Youth), nil},
	}
}

func (s *todayScreen) addPart(p todayPart) {
	head := fyne.CanvasObject(heading(fmt.Sprintf("%s (%d)", p.title, len(p.lines))))
	if p.extra != nil {
		head = container.NewBorder(nil, nil, head, p.extra)
	}
	s.body.Add(head)
	if len(p.lines) == 0 {
		s.body.Add(lowLabel(lang.L("today.none")))
	}
	for i, l := range p.lines {
		if i == maxTodayRows {
			s.body.Add(lowLabel(fmt.Sprintf(lang.L("today.more"), len(p.lines)-maxTodayRows)))
			break
		}
		s.body.Add(s.lineRow(l))
	}
	s.body.Add(widget.NewSeparator())
}

func (s *todayScreen) lineRow(l todayLine) fyne.CanvasObject {
	text := widget.NewLabel(l.text)
	text.Truncation = fyne.TextTruncateEllipsis
	if l.danger {
		text.Importance = widget.DangerImportance
	}
	id := l.citizenID
	open := widget.NewButtonWithIcon(lang.L("action.open"), theme.NavigateNextIcon(), func() { s.ui.onOpenCitizen(id) })
	right := container.NewHBox(open)
	if l.action != nil {
		right = container.NewHBox(l.action, open)
	}
	return container.NewBorder(nil, nil, nil, right, text)
}

func (s *todayScreen) conversationLines(cs []model.TodayConversation) []todayLine {
	var out []todayLine
	for _, c := range cs {
		out = append(out, todayLine{text: fmt.Sprintf("%s–%s  %s – %s (%s) – %s", c.Start.Format("15:04"), c.End.Format("15:04"),
			c.Name, kindLabel(c.Kind), formLabel(c.Form), attendanceLabel(c.Attendance)), citizenID: c.CitizenID})
	}
	return out
}

func (s *todayScreen) stepLines(steps []model.TodayStep) []todayLine {
	var out []todayLine
	for _, st := range steps {
		var titles []string
		for _, x := range st.Steps {
			titles = append(titles, x.Title)
		}
		out = append(out, todayLine{text: fmt.Sprintf(lang.L("today.stepline"), st.Name, strings.Join(titles, ", "), shortDate(st.Steps[0].ToDate)),
			citizenID: st.CitizenID})
	}
	return out
}

func (s *todayScreen) dueLines(due []model.TodayDue) []todayLine {
	var out []todayLine
	for _, d := range due {
		l := todayLine{text: fmt.Sprintf(lang.L("today.dueline"), d.Name, d.Due.Label, d.Due.Had, d.Due.Count, shortDate(d.Due.By)),
			citizenID: d.CitizenID, danger: d.Due.By.Before(s.ui.now())}
		if l.danger { // the red says it again in a word
			l.text += "  – " + lang.L("reception.overdue")
		}
		out = append(out, l)
	}
	return out
}

func (s *todayScreen) missedLines(cs []model.TodayConversation) []todayLine {
	var out []todayLine
	for _, c := range cs {
		out = append(out, todayLine{text: fmt.Sprintf("%s  %s – %s – %s", shortDate(c.Start), c.Name, attendanceLabel(c.Attendance), c.Phone),
			citizenID: c.CitizenID})
	}
	return out
}

func (s *todayScreen) noticeLines(ns []model.Notice) []todayLine {
	var out []todayLine
	for _, n := range ns {
		id := n.ID
		ack := widget.NewButtonWithIcon(lang.L("today.ack"), theme.ConfirmIcon(), func() { s.onAcknowledge(id) })
		printBtn := widget.NewButtonWithIcon("", theme.DocumentPrintIcon(), func() { s.onPrintNotices([]int64{id}, false) })
		copyBtn := widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() { s.onCopyNotice(id) })
		out = append(out, todayLine{text: fmt.Sprintf("%s  %s – %s: %s%s", shortDate(n.CreatedAt), n.Name, lang.L("notice."+n.Direction), n.Text, sentText(n)),
			citizenID: n.CitizenID, action: container.NewHBox(printBtn, copyBtn, ack)})
	}
	return out
}

// sentText says when and how a notice left Jobspor, if it did.
func sentText(n model.Notice) string {
	if n.SentAt.IsZero() {
		return "  – " + lang.L("notice.notsent")
	}
	return "  – " + fmt.Sprintf(lang.L("notice.sent"), shortDate(n.SentAt.Local()), lang.L("notice.how."+string(n.SentHow)))
}

// printAllNotices prints the open notices as one list (nil when there are none).
func (s *todayScreen) printAllNotices(ns []model.Notice) fyne.CanvasObject {
	if len(ns) == 0 {
		return nil
	}
	ids := make([]int64, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
	}
	return widget.NewButtonWithIcon(lang.L("today.printnotices"), theme.DocumentPrintIcon(), func() { s.onPrintNotices(ids, true) })
}

func (s *todayScreen) onPrintNotices(ids []int64, asList bool) {
	s.ui.printed(s.ui.handouts.Notices(ids, asList))
	s.load()
}

func (s *todayScreen) onCopyNotice(id int64) {
	text, err := s.ui.handouts.NoticesText([]int64{id})
	if err != nil {
		s.ui.showError(err)
		return
	}
	s.ui.app.Clipboard().SetContent(text)
	s.ui.notify(lang.L("notice.copied"))
	s.load()
}

func (s *todayScreen) benefitLateLines(ls []model.BenefitLate) []todayLine {
	var out []todayLine
	for _, l := range ls {
		out = append(out, todayLine{text: fmt.Sprintf(lang.L("today.benefitlateline"), l.Name, shortDate(l.Due)), citizenID: l.CitizenID, danger: true})
	}
	return out
}

func (s *todayScreen) meetingLines(ms []model.BenefitMeeting) []todayLine {
	var out []todayLine
	for _, m := range ms {
		out = append(out, todayLine{text: fmt.Sprintf(lang.L("today.meetingline"), shortDate(m.At), meetingClock(m.At), m.Name, m.Place), citizenID: m.CitizenID})
	}
	return out
}

// meetingClock is the meeting's time of day, or a dash when only the day is booked.
func meetingClock(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 {
		return "–"
	}
	return t.Format("15:04")
}

func (s *todayScreen) youthLines(ys []model.YouthRow) []todayLine {
	var out []todayLine
	for _, y := range ys {
		id := y.CitizenID
		refer := widget.NewButtonWithIcon(lang.L("today.refer"), theme.MailSendIcon(), func() { s.onRefer(id) })
		out = append(out, todayLine{text: fmt.Sprintf(lang.L("today.youthline"), y.Name, y.Age, lang.L("youth.kind."+string(y.Kind)), shortDate(y.FlaggedOn)),
			citizenID: y.CitizenID, action: refer})
	}
	return out
}

func (s *todayScreen) onCatchUpHeld()         { s.do(s.store.SaveCatchUp(s.ui.now())) }
func (s *todayScreen) onAcknowledge(id int64) { s.do(s.store.AcknowledgeNotice(id)) }
func (s *todayScreen) onRefer(id int64)       { s.do(s.store.SetReferred(id, true)) }

// do shows an error or refreshes Today after an action.
func (s *todayScreen) do(err error) {
	if err != nil {
		s.ui.showError(err)
		return
	}
	s.load()
}
