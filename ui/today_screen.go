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
	SaveCatchUp(at time.Time) error
	SetReferred(citizenID int64, referred bool) error
	Today(c *model.Content, now time.Time) (*model.TodayView, error)
}

// maxTodayRows keeps each part of Today readable; the rest is counted.
const maxTodayRows = 25

// todayScreen is the start screen: what today asks of the caseworker, each
// line opening the citizen.
type todayScreen struct {
	ui      *UI
	store   todaySource
	viewed  viewLog
	backup  *widget.Label
	view    *model.TodayView
	body    *fyne.Container
	figure  *widget.Label
	catchUp *widget.Button
	root    fyne.CanvasObject
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
	s.figure = widget.NewLabel("")
	s.backup = widget.NewLabel("")
	s.backup.Wrapping = fyne.TextWrapWord
	s.catchUp = widget.NewButtonWithIcon(lang.L("today.catchupheld"), theme.ConfirmIcon(), s.onCatchUpHeld)
	list := widget.NewButtonWithIcon(s.ui.term("today.citizens"), theme.ListIcon(), s.ui.onCaseload)
	list.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon(s.ui.term("citizen.new"), theme.ContentAddIcon(), s.ui.onNewCitizen)
	more := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("jobs.button"), theme.StorageIcon(), s.ui.onJobList),
		widget.NewButtonWithIcon(lang.L("calls.title"), theme.MailComposeIcon(), s.ui.onCallList),
		widget.NewButtonWithIcon(lang.L("batch.button"), theme.DocumentPrintIcon(), s.ui.onBatch),
		widget.NewButtonWithIcon(lang.L("stats.title"), theme.GridIcon(), s.ui.onAttendance),
		widget.NewButtonWithIcon(lang.L("settings.title"), theme.SettingsIcon(), s.ui.onSettings))
	title := heading(fmt.Sprintf(lang.L("today.title"), model.DanishDate(s.ui.now())))
	title.SizeName = theme.SizeNameSubHeadingText
	top := container.NewVBox(container.NewBorder(nil, nil, title, container.NewHBox(list, newBtn)), container.NewBorder(nil, nil, s.figure, more), s.backup)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(s.body)))
}

// load reads Today from the database.
func (s *todayScreen) load() {
	now := s.ui.now()
	v, err := s.store.Today(s.ui.content, now)
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
	s.backup.Importance = widget.LowImportance
	if err != nil || b.Overdue(now) {
		s.backup.Importance = widget.DangerImportance
	}
	s.backup.Refresh()
}

func (s *todayScreen) showFigure(now time.Time) {
	c, err := s.store.Compliance(s.ui.content.Rules, now)
	if err != nil {
		s.figure.SetText(errText(err))
		return
	}
	s.figure.SetText(fmt.Sprintf(lang.L("today.compliance"), c.Share(), c.OnCourse, c.Total, c.PeriodMonths, c.TargetPercent))
	s.figure.Importance = widget.SuccessImportance
	if !c.Met() {
		s.figure.Importance = widget.WarningImportance
	}
	s.figure.Refresh()
}

// todayLine is one line of Today: text, the citizen it opens, and an
// optional action button.
type todayLine struct {
	text      string
	citizenID int64
	danger    bool
	action    *widget.Button
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
		{lang.L("today.notices"), s.noticeLines(v.Notices), nil},
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
		out = append(out, todayLine{text: fmt.Sprintf(lang.L("today.dueline"), d.Name, d.Due.Label, d.Due.Had, d.Due.Count, shortDate(d.Due.By)),
			citizenID: d.CitizenID, danger: d.Due.By.Before(s.ui.now())})
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
		out = append(out, todayLine{text: fmt.Sprintf("%s  %s – %s: %s", shortDate(n.CreatedAt), n.Name, lang.L("notice."+n.Direction), n.Text),
			citizenID: n.CitizenID, action: ack})
	}
	return out
}

func (s *todayScreen) youthLines(ys []model.YouthRow) []todayLine {
	var out []todayLine
	for _, y := range ys {
		id := y.CitizenID
		refer := widget.NewButtonWithIcon(lang.L("today.refer"), theme.MailSendIcon(), func() { s.onRefer(id) })
		band := lang.L("today.under30")
		if y.Age < model.YoungestAge {
			band = lang.L("today.under25")
		}
		out = append(out, todayLine{text: fmt.Sprintf(lang.L("today.youthline"), y.Name, y.Age, band, shortDate(y.FlaggedOn)),
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
