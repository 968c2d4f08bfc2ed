package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// attendanceStore is what attendanceScreen asks of the database.
type attendanceStore interface {
	AttendanceFor(from, to time.Time, scope model.Scope) (*model.AttendanceStats, error)
}

// attendanceShell is what attendanceScreen asks of the window.
type attendanceShell interface {
	caseworker() string // who works on this computer account ("" when not chosen)
	goBack()
	handoutMaker() Handouts
	now() time.Time
	openFile(path string)
	showError(err error)
	jobsOffice() jobsOffice // nil without an office
}

// attendanceScreen shows when citizens come and when they do not (10 råd
// #9), and the load to expect next week. In an office it shows the
// caseworker's own pattern or the whole office's, as the server added up
// every laptop's report.
type attendanceScreen struct {
	shell  attendanceShell
	store  attendanceStore
	office jobsOffice // nil without an office
	months *safeSelect
	whose  *safeSelect // Mine / Hele kontoret, in an office only
	stats  *model.AttendanceStats
	body   *fyne.Container
	root   fyne.CanvasObject
}

func newAttendanceScreen(sh attendanceShell, st attendanceStore) *attendanceScreen {
	s := &attendanceScreen{shell: sh, store: st}
	if o := sh.jobsOffice(); inOffice(o) {
		s.office = o // a laptop on its own shows no office's choice, pattern or capacity
	}
	s.root = s.build()
	return s
}

func (s *attendanceScreen) content() fyne.CanvasObject { return s.root }

func (s *attendanceScreen) build() fyne.CanvasObject {
	var labels []string
	for _, m := range model.AttendancePeriods {
		labels = append(labels, fmt.Sprintf(lang.L("stats.months"), m))
	}
	s.body = container.NewVBox()
	s.months = newSelect(labels, func(string) { s.load() })
	choices := container.NewHBox()
	if s.office != nil {
		s.whose = newSelect([]string{lang.L("scope.mine"), lang.L("scope.office")}, func(string) { s.load() })
		s.whose.SetSelectedIndex(0)
		choices.Add(container.NewGridWrap(fyne.NewSize(180, s.whose.MinSize().Height), s.whose))
	}
	s.months.SetSelectedIndex(1)
	back := widget.NewButtonWithIcon(lang.L("today.back"), theme.NavigateBackIcon(), s.shell.goBack)
	pdf := widget.NewButtonWithIcon(lang.L("stats.pdf"), theme.DocumentPrintIcon(), s.onPDF)
	choices.Add(container.NewGridWrap(fyne.NewSize(230, s.months.MinSize().Height), s.months))
	choices.Add(pdf)
	top := container.NewBorder(nil, nil, container.NewHBox(back, heading(lang.L("stats.title"))), choices)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(s.body)))
}

func (s *attendanceScreen) period() (time.Time, time.Time) {
	to := model.Day(s.shell.now())
	return to.AddDate(0, -s.periodMonths(), 0), to
}

func (s *attendanceScreen) periodMonths() int {
	return model.AttendancePeriods[max(s.months.SelectedIndex(), 0)]
}

// wholeOffice: the whole office's pattern is chosen (in an office).
func (s *attendanceScreen) wholeOffice() bool {
	return s.whose != nil && s.whose.SelectedIndex() == 1
}

func (s *attendanceScreen) load() {
	if s.body == nil || s.months.SelectedIndex() < 0 || s.whose != nil && s.whose.SelectedIndex() < 0 {
		return // still being built
	}
	var head []fyne.CanvasObject
	var st *model.AttendanceStats
	var err error
	if s.wholeOffice() {
		st, head = s.officeStats()
	} else {
		from, to := s.period()
		st, err = s.store.AttendanceFor(from, to, s.scope())
	}
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.stats = st
	s.body.Objects = head
	if st != nil {
		s.body.Objects = append(s.body.Objects, s.charts(st)...)
	}
	s.body.Objects = append(s.body.Objects, officeCapacity(s.office)...)
	s.body.Refresh()
}

// scope is whose conversations "Mine" counts: in an office the
// caseworker's own citizens (as she reports them to the office), else
// everything on the laptop.
func (s *attendanceScreen) scope() model.Scope {
	if s.office != nil && s.shell.caseworker() != "" {
		return model.Mine(s.shell.caseworker())
	}
	return model.WholeOffice
}

// officeStats is the office's pattern as the last sync brought it, and
// what the screen says above it: when the server added it up, from how
// many caseworkers' reports (nil stats before the office has any).
func (s *attendanceScreen) officeStats() (*model.AttendanceStats, []fyne.CanvasObject) {
	info, err := s.office.OfficeInfo()
	if err != nil {
		l := widget.NewLabel(lang.L("officejobs.figures.error"))
		l.Importance = widget.WarningImportance
		return nil, []fyne.CanvasObject{l}
	}
	if !info.Known || info.Attendance == nil {
		return nil, []fyne.CanvasObject{lowLabel(lang.L("officejobs.attendance.none"))}
	}
	a := info.Attendance
	_, to := s.period()
	stamp := widget.NewLabel(fmt.Sprintf(lang.L("officejobs.attendance.stamp"), officeStamp(a.ComputedAt),
		a.Caseworkers, max(len(info.Capacity), a.Caseworkers)))
	stamp.Wrapping = fyne.TextWrapWord
	stamp.TextStyle.Bold = true
	return a.Stats(s.periodMonths(), to), []fyne.CanvasObject{stamp}
}

// charts are the summary, the three charts and next week's load of st.
func (s *attendanceScreen) charts(st *model.AttendanceStats) []fyne.CanvasObject {
	return []fyne.CanvasObject{
		widget.NewLabel(fmt.Sprintf(lang.L("stats.summary"), st.All.Total, st.All.Missed, 100*st.All.Rate())),
		heading(lang.L("stats.byhour")), barChart(bars(st.HourColumns())),
		heading(lang.L("stats.byweekday")), barChart(bars(st.WeekdayColumns())),
		heading(lang.L("stats.byday")), barChart(bars(st.DayColumns())),
		heading(lang.L("stats.nextweek")), nextWeekTable(st),
	}
}

// onPDF prints the pattern shown: in an office saying whose it is.
func (s *attendanceScreen) onPDF() {
	if s.stats == nil {
		s.shell.showError(model.NewUserError("officejobs.attendance.none", nil))
		return
	}
	whose := ""
	switch {
	case s.wholeOffice():
		whose = lang.L("officejobs.attendance.pdf.office")
	case s.office != nil:
		whose = fmt.Sprintf(lang.L("officejobs.attendance.pdf.mine"), s.shell.caseworker())
	}
	path, err := s.shell.handoutMaker().AttendanceOf(s.stats, whose)
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.shell.openFile(path)
}

type bar struct {
	label         string
	total, missed int
}

// bars labels the model's columns; weekday keys are Fyne's own translation keys.
func bars(cols []model.Column) []bar {
	out := make([]bar, len(cols))
	for i, c := range cols {
		label := c.Key
		if len(c.Key) > 2 {
			label = lang.L(c.Key)
		}
		out[i] = bar{label, c.Total, c.Missed}
	}
	return out
}

// chartHeight is the tallest column in the window's charts.
const chartHeight = 110

// barChart draws columns: attended in the primary colour, missed in red on top.
func barChart(bars []bar) fyne.CanvasObject {
	top := 1
	for _, b := range bars {
		top = max(top, b.total)
	}
	cols := container.NewGridWithColumns(len(bars))
	for _, b := range bars {
		cols.Add(chartColumn(b, float32(chartHeight)/float32(top)))
	}
	return cols
}

func chartColumn(b bar, scale float32) fyne.CanvasObject {
	held := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	held.SetMinSize(fyne.NewSize(6, scale*float32(b.total-b.missed)))
	missed := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	missed.SetMinSize(fyne.NewSize(6, scale*float32(b.missed)))
	label := canvas.NewText(b.label, theme.Color(theme.ColorNameForeground))
	label.TextSize = 11
	label.Alignment = fyne.TextAlignCenter
	rate := canvas.NewText("", theme.Color(colorNameSecondaryText))
	rate.TextSize = 10
	rate.Alignment = fyne.TextAlignCenter
	if b.total > 0 {
		rate.Text = fmt.Sprintf("%.0f%%", 100*float64(b.missed)/float64(b.total))
	}
	bars := container.New(layout.NewCustomPaddedVBoxLayout(0), layout.NewSpacer(), missed, held)
	box := container.NewStack(canvas.NewRectangle(color.Transparent), bars)
	box.Objects[0].(*canvas.Rectangle).SetMinSize(fyne.NewSize(6, chartHeight))
	return container.NewVBox(rate, box, label)
}

func nextWeekTable(st *model.AttendanceStats) fyne.CanvasObject {
	box := container.NewVBox()
	for _, l := range st.NextWeek {
		box.Add(widget.NewLabel(fmt.Sprintf(lang.L("stats.dayload"), model.DanishDate(l.Day), l.Expected, l.Attending, l.Planned)))
	}
	return box
}
