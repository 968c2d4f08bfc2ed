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
	Attendance(from, to time.Time) (*model.AttendanceStats, error)
}

// attendanceShell is what attendanceScreen asks of the window.
type attendanceShell interface {
	goBack()
	handoutMaker() Handouts
	now() time.Time
	openFile(path string)
	showError(err error)
	jobsOffice() jobsOffice // nil without an office
}

// attendanceScreen shows when citizens come and when they do not (10 råd
// #9), and the load to expect next week.
type attendanceScreen struct {
	shell  attendanceShell
	store  attendanceStore
	months *safeSelect
	stats  *model.AttendanceStats
	body   *fyne.Container
	root   fyne.CanvasObject
}

var periodMonths = []int{3, 6, 12}

func newAttendanceScreen(sh attendanceShell, st attendanceStore) *attendanceScreen {
	s := &attendanceScreen{shell: sh, store: st}
	s.root = s.build()
	return s
}

func (s *attendanceScreen) content() fyne.CanvasObject { return s.root }

func (s *attendanceScreen) build() fyne.CanvasObject {
	var labels []string
	for _, m := range periodMonths {
		labels = append(labels, fmt.Sprintf(lang.L("stats.months"), m))
	}
	s.months = newSelect(labels, func(string) { s.load() })
	s.body = container.NewVBox()
	s.months.SetSelectedIndex(1)
	back := widget.NewButtonWithIcon(lang.L("today.back"), theme.NavigateBackIcon(), s.shell.goBack)
	pdf := widget.NewButtonWithIcon(lang.L("stats.pdf"), theme.DocumentPrintIcon(), s.onPDF)
	period := container.NewGridWrap(fyne.NewSize(230, s.months.MinSize().Height), s.months)
	top := container.NewBorder(nil, nil, container.NewHBox(back, heading(lang.L("stats.title"))), container.NewHBox(period, pdf))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(s.body)))
}

func (s *attendanceScreen) period() (time.Time, time.Time) {
	to := time.Date(s.shell.now().Year(), s.shell.now().Month(), s.shell.now().Day(), 0, 0, 0, 0, time.Local)
	return to.AddDate(0, -periodMonths[s.months.SelectedIndex()], 0), to
}

func (s *attendanceScreen) load() {
	st, err := s.store.Attendance(s.period())
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.stats = st
	s.body.Objects = []fyne.CanvasObject{
		widget.NewLabel(fmt.Sprintf(lang.L("stats.summary"), st.All.Total, st.All.Missed, 100*st.All.Rate())),
		heading(lang.L("stats.byhour")), barChart(bars(st.HourColumns())),
		heading(lang.L("stats.byweekday")), barChart(bars(st.WeekdayColumns())),
		heading(lang.L("stats.byday")), barChart(bars(st.DayColumns())),
		heading(lang.L("stats.nextweek")), nextWeekTable(st),
	}
	s.body.Objects = append(s.body.Objects, officeCapacity(s.shell.jobsOffice())...)
	s.body.Refresh()
}

func (s *attendanceScreen) onPDF() {
	from, to := s.period()
	path, err := s.shell.handoutMaker().Attendance(from, to)
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
