package ui

// The office's one job list, its settings and its figures in the window
// (issue 26, part D). Everything here says nothing without an office: the
// window stays as it is on a laptop of its own.

import (
	"fmt"
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

// jobsOffice is what the job list, the settings, Today and the attendance
// screen ask of the office tier.
type jobsOffice interface {
	// OfficeInfo is what the last sync brought of the office: lead or not,
	// its figures, capacity and meetings.
	OfficeInfo() (model.OfficeInfo, error)
	// UseRules hands over the rules the caseworker's own figures are
	// computed with for the office.
	UseRules(r *model.RuleSet)
	// HotJobs are the open jobs marked hot, the office's and this laptop's.
	HotJobs(now time.Time) ([]model.Job, error)
}

// jobsOffice is the office's part for jobs, settings and figures; nil
// without an office.
func (u *UI) jobsOffice() jobsOffice {
	o, _ := u.office.(jobsOffice)
	if o != nil && u.content != nil {
		o.UseRules(u.content.Rules)
	}
	return o
}

// officeReadOnly says whether the office's settings are read-only here: a
// caseworker's laptop in an office (the lead edits them).
func officeReadOnly(o jobsOffice) bool {
	if o == nil {
		return false
	}
	info, err := o.OfficeInfo()
	return err == nil && info.Known && !info.Lead
}

// inOffice says whether this laptop is in an office (a sync has brought
// the office's word of itself).
func inOffice(o jobsOffice) bool {
	if o == nil {
		return false
	}
	info, err := o.OfficeInfo()
	return err == nil && info.Known
}

// officeSettingsNote is what the settings screen says above the office's
// details on a caseworker's laptop in an office.
func officeSettingsNote() fyne.CanvasObject {
	l := widget.NewLabel(lang.L("officejobs.settings.readonly"))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}

// addOfficePart puts a part that is the office's under the one Gem, except
// on a caseworker's laptop in an office: there it is the lead's, not saved here.
func (s *settingsScreen) addOfficePart(st *saveState, write func() error) {
	if s.locked {
		return
	}
	s.addPart(st, write)
}

// letterheadPart is the office's details: the form to edit, or where they
// are the lead's, the same details as plain text (a disabled entry's grey
// is too faint to read).
func (s *settingsScreen) letterheadPart(form *widget.Form, o model.Office) fyne.CanvasObject {
	if !s.locked {
		return form
	}
	shown := widget.NewForm()
	for i, v := range officeValues(&o) {
		l := widget.NewLabel(*v)
		l.Wrapping = fyne.TextWrapWord
		shown.Append(lang.L(officeFields[i]), l)
	}
	return shown
}

// officePart shows a part that is the office's, read-only where it is locked.
func (s *settingsScreen) officePart(o fyne.CanvasObject) fyne.CanvasObject {
	if s.locked {
		disableAll(o)
	}
	return o
}

// disableAll disables every input under o: entries, buttons, checks, choices.
func disableAll(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			disableAll(c)
		}
	case *widget.Form:
		for _, it := range x.Items {
			disableAll(it.Widget)
		}
	case *container.Scroll:
		disableAll(x.Content)
	case fyne.Disableable:
		x.Disable()
	}
}

// officeJobListNote says under the job list's title, in an office, that
// the list is the office's.
func officeJobListNote(o jobsOffice) fyne.CanvasObject {
	if o == nil {
		return nil
	}
	l := lowLabel(lang.L("officejobs.list.shared"))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// todayOffice is Today's office part: the office's figures under the
// caseworker's, the hot jobs every colleague gets, and the whole office's
// meetings at the benefit office.
type todayOffice struct {
	source   jobsOffice
	figures  *widget.Label
	hot      *todaySection
	meetings *fyne.Container
}

// todayOfficeData is what the office part shows, read with Today.
type todayOfficeData struct {
	info model.OfficeInfo
	hot  []model.Job
	err  error
}

// newTodayOffice builds Today's office part; nil without an office.
func newTodayOffice(s *todayScreen) *todayOffice {
	o := s.shell.jobsOffice()
	if o == nil {
		return nil
	}
	t := &todayOffice{source: o, figures: widget.NewLabel(""), hot: newTodaySection(s, nil), meetings: container.NewVBox()}
	t.figures.Wrapping = fyne.TextWrapWord
	return t
}

// read reads the office part (off the window's goroutine with Today).
func (t *todayOffice) read(now time.Time) *todayOfficeData {
	if t == nil {
		return nil
	}
	d := &todayOfficeData{}
	if d.info, d.err = t.source.OfficeInfo(); d.err != nil {
		return d
	}
	d.hot, d.err = t.source.HotJobs(now)
	return d
}

// show puts the office part on Today; targets are the laptop's rules'.
// moved says whether the hot jobs or the meetings gained or lost lines:
// Today lays them out again, with what is below them (Today's parts keep
// their sizes until told).
func (t *todayOffice) show(d *todayOfficeData, targets model.Compliance) (moved bool) {
	if t == nil || d == nil {
		return false
	}
	if d.err != nil {
		t.figures.Show()
		setText(t.figures, lang.L("officejobs.figures.error"))
		t.figures.Importance = widget.WarningImportance
		return false
	}
	t.showFigures(d.info, targets)
	lines := make([]todayLine, 0, min(len(d.hot), maxTodayRows))
	for _, j := range d.hot[:min(len(d.hot), maxTodayRows)] {
		lines = append(lines, todayLine{text: hotJobLine(j), open: t.hot.screen.shell.onJobList})
	}
	title := lang.L("officejobs.hot.title")
	if !d.info.Known {
		title = lang.L("officejobs.hot.title.alone") // a laptop on its own: its own hot jobs, no office
	}
	moved = t.hot.show(todayPart{title: title, none: lang.L("officejobs.hot.none"), total: len(d.hot), lines: lines})
	return t.showMeetings(d.info.Meetings) || moved
}

// showFigures shows the office's two figures as the server added them up,
// with when: green when both reach the targets.
func (t *todayOffice) showFigures(info model.OfficeInfo, targets model.Compliance) {
	if !info.Known {
		// a laptop on its own says nothing of an office (one just joined has
		// had its first pull, so it knows)
		setText(t.figures, "")
		t.figures.Hide()
		return
	}
	t.figures.Show()
	f := info.Figures
	f.First.TargetPercent, f.OnTime.TargetPercent = targets.First.TargetPercent, targets.OnTime.TargetPercent
	text := fmt.Sprintf(lang.L("officejobs.figures"), officeStamp(f.ComputedAt), f.Caseworkers, max(len(info.Capacity), f.Caseworkers),
		f.First.Share(), f.First.OnCourse, f.First.Total, f.OnTime.Share(), f.OnTime.OnCourse, f.OnTime.Total)
	t.figures.Importance = widget.SuccessImportance
	if !f.First.Met() || !f.OnTime.Met() {
		t.figures.Importance = widget.WarningImportance
		text += "  – " + lang.L("today.figure.below")
	}
	t.figures.Text = text
	t.figures.Refresh()
}

// figuresFor is the office's compliance as Today shows it: in an office
// the two figures are the office's as the server added them up (the
// laptop holds only its caseworker's cases); else the laptop's own.
func (t *todayOffice) figuresFor(d *todayOfficeData, local model.Compliance) model.Compliance {
	if t == nil || d == nil || d.err != nil || !d.info.Known {
		return local
	}
	f := d.info.Figures
	local.First.OnCourse, local.First.Total = f.First.OnCourse, f.First.Total
	local.OnTime.OnCourse, local.OnTime.Total = f.OnTime.OnCourse, f.OnTime.Total
	return local
}

// officeStamp is when the office's figures were computed: "07-12 10.42".
func officeStamp(at time.Time) string {
	if at.IsZero() {
		return "–"
	}
	return at.Local().Format("02-01 15.04")
}

// hotJobLine is a hot job on Today: title, employer, place, deadline.
func hotJobLine(j model.Job) string {
	place := strings.TrimSpace(j.Postcode + " " + j.Place)
	return fmt.Sprintf(lang.L("officejobs.hot.line"), j.Title, j.Employer, place, deadlineText(j.Deadline))
}

// showMeetings lists the whole office's meetings at the benefit office in
// the next two weeks (whose case by initials: no names), and says whether
// they gained or lost lines.
func (t *todayOffice) showMeetings(ms []model.OfficeMeeting) bool {
	objects := []fyne.CanvasObject{heading(fmt.Sprintf("%s (%d)", lang.L("officejobs.meetings.title"), len(ms)))}
	if len(ms) == 0 {
		objects = append(objects, lowLabel(lang.L("today.none.14")))
	}
	for _, m := range ms[:min(len(ms), maxTodayRows)] {
		objects = append(objects, widget.NewLabel(fmt.Sprintf(lang.L("officejobs.meetings.line"),
			shortDate(m.At), meetingClock(m.At), m.Place, m.Caseworker)))
	}
	if len(ms) > maxTodayRows {
		objects = append(objects, lowLabel(fmt.Sprintf(lang.L("today.more"), len(ms)-maxTodayRows)))
	}
	objects = append(objects, widget.NewSeparator())
	moved := len(objects) != len(t.meetings.Objects) // a line more or less: the part's height changed
	t.meetings.Objects = objects
	t.meetings.Refresh()
	return moved
}

// officeCapacity is the attendance screen's office part (10 råd, råd 9 and
// 2): the conversations booked per caseworker this week, who can take an
// extra one at short notice, and who holds company contact (first
// conversations can go to them).
func officeCapacity(o jobsOffice) []fyne.CanvasObject {
	if o == nil {
		return nil
	}
	info, err := o.OfficeInfo()
	if err != nil || !info.Known || len(info.Capacity) == 0 {
		return []fyne.CanvasObject{heading(lang.L("officejobs.capacity.title")), lowLabel(lang.L("officejobs.figures.none"))}
	}
	extra := info.CanTakeExtra()
	cols := make([]bar, len(info.Capacity))
	var lines []fyne.CanvasObject
	var contacts []string
	for i, c := range info.Capacity {
		cols[i] = bar{label: c.Initials, total: c.Booked}
		line := fmt.Sprintf(lang.L("officejobs.capacity.line"), c.Initials, c.Cases, c.Booked)
		if c.CompanyContact {
			line += " – " + lang.L("officejobs.capacity.contact")
			contacts = append(contacts, c.Initials)
		}
		l := widget.NewLabel(line)
		if extra[c.Initials] {
			l.Text += " – " + lang.L("officejobs.capacity.extra")
			l.Importance = widget.SuccessImportance
		}
		lines = append(lines, l)
	}
	out := []fyne.CanvasObject{heading(fmt.Sprintf(lang.L("officejobs.capacity.title")+" (%d)", len(info.Capacity))),
		countChart(cols)}
	out = append(out, lines...)
	route := lang.L("officejobs.capacity.nocontact")
	if len(contacts) > 0 {
		route = fmt.Sprintf(lang.L("officejobs.capacity.route"), strings.Join(contacts, ", "))
	}
	return append(out, lowLabel(route))
}

// attachOffice gives Today its office part once the window has an office
// (main hands it over after the window is built): the office's figures
// under the caseworker's, the hot jobs first, the office's meetings last.
// On the window's goroutine, before a read.
func (s *todayScreen) attachOffice() {
	if s.office != nil {
		return
	}
	if s.office = newTodayOffice(s); s.office == nil {
		return
	}
	s.top.Objects = slices.Insert(s.top.Objects, 4, fyne.CanvasObject(s.office.figures))
	s.body.Objects = append(append([]fyne.CanvasObject{s.office.hot.box}, s.body.Objects...), s.office.meetings)
	s.sections = append(s.sections, s.office.hot)
	s.top.Refresh()
}

// countChart draws one column per caseworker with its count above it (the
// attendance charts' columns carry a missed rate, meaningless here).
func countChart(bars []bar) fyne.CanvasObject {
	top := 1
	for _, b := range bars {
		top = max(top, b.total)
	}
	cols := container.NewGridWithColumns(max(len(bars), 1))
	for _, b := range bars {
		col := chartColumn(bar{label: b.label, total: b.total}, float32(chartHeight)/float32(top))
		count := canvas.NewText(fmt.Sprint(b.total), theme.Color(theme.ColorNameForeground))
		count.TextSize, count.Alignment = 11, fyne.TextAlignCenter
		col.(*fyne.Container).Objects[0] = count
		cols.Add(col)
	}
	return cols
}
