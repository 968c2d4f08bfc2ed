package reports

import (
	"fmt"
	"time"

	"jobspor/model"
)

// Bar is one column of a chart: its label, the total and the part missed.
type Bar struct {
	Label         string
	Total, Missed int
}

// BarChart draws columns of totals with the missed part in a darker shade,
// scaled to the largest total, with labels under the columns.
func (d *Document) BarChart(title string, bars []Bar, height float64) {
	p := d.pdf
	d.keepSpace(height + 20)
	d.pdf.SetFont(family, "B", 11)
	p.CellFormat(textWidth, 6, d.safe(title), "", 1, "L", false, 0, "")
	top := p.GetY() + 5
	maxTotal := 1
	for _, b := range bars {
		maxTotal = max(maxTotal, b.Total)
	}
	w := textWidth / float64(len(bars))
	p.SetFont(family, "", 7)
	for i, b := range bars {
		x := margin + float64(i)*w
		h := height * float64(b.Total) / float64(maxTotal)
		missed := height * float64(b.Missed) / float64(maxTotal)
		p.SetFillColor(150, 190, 210)
		p.Rect(x+w*0.15, top+height-h, w*0.7, h, "F")
		p.SetFillColor(200, 70, 60)
		p.Rect(x+w*0.15, top+height-missed, w*0.7, missed, "F")
		if b.Total > 0 && len(bars) <= 12 {
			p.SetXY(x, top+height-h-4)
			p.CellFormat(w, 4, d.safe(fmt.Sprintf("%d · %.0f %%", b.Total, 100*float64(b.Missed)/float64(b.Total))), "", 0, "C", false, 0, "")
		}
		p.SetXY(x, top+height+0.5)
		p.CellFormat(w, 4, d.safe(b.Label), "", 0, "C", false, 0, "")
	}
	p.SetDrawColor(120, 120, 120)
	p.Line(margin, top+height, margin+textWidth, top+height)
	p.SetY(top + height + 7)
	d.body()
}

// AttendanceData is the one-page capacity report.
type AttendanceData struct {
	Office model.Office
	Stats  *model.AttendanceStats
	// Whose says whose pattern it is ("" for the laptop's own).
	Whose   string
	Printed time.Time
}

// Attendance builds the attendance and capacity report (10 råd #9).
func Attendance(a AttendanceData, opts Options) (*Document, error) {
	st := a.Stats
	t := attendance
	doc := newDocument(a.Office, t.Title, opts)
	doc.Title(t.Title)
	if a.Whose != "" {
		doc.Para(a.Whose)
	}
	doc.Para(fmt.Sprintf(t.Summary, model.DanishDate(st.From), model.DanishDate(st.To.AddDate(0, 0, -1)),
		st.All.Total, st.All.Missed, 100*st.All.Rate()))
	doc.BarChart(t.ByHour, bars(st.HourColumns()), 26)
	doc.BarChart(t.ByWeekday, bars(st.WeekdayColumns()), 26)
	doc.BarChart(t.ByDay, bars(st.DayColumns()), 22)
	doc.Heading(t.NextWeek)
	doc.Table(t.Columns, []float64{62, 40, 36, 32}, nextWeekRows(st))
	doc.Small(fmt.Sprintf(t.Printed, model.DanishDate(a.Printed)))
	return doc, nil
}

func nextWeekRows(st *model.AttendanceStats) [][]string {
	var rows [][]string
	for _, l := range st.NextWeek {
		rows = append(rows, []string{model.DanishDate(l.Day), fmt.Sprintf(attendance.About, l.Expected),
			fmt.Sprintf(attendance.About, l.Attending), fmt.Sprint(l.Planned)})
	}
	return rows
}

// bars turns the model's columns into chart bars, weekdays in Danish.
func bars(cols []model.Column) []Bar {
	out := make([]Bar, len(cols))
	for i, c := range cols {
		label := c.Key
		if d, ok := common.Weekdays[c.Key]; ok {
			label = d
		}
		out[i] = Bar{label, c.Total, c.Missed}
	}
	return out
}

// CallListData is the printed call list for a day's appointments.
type CallListData struct {
	Office  model.Office
	Day     time.Time
	Calls   []model.TodayConversation
	Printed time.Time
}

// CallList builds the list to phone round before a day's appointments.
func CallList(c CallListData, opts Options) (*Document, error) {
	doc := newDocument(c.Office, calls.Title, opts)
	doc.Title(fmt.Sprintf(calls.Heading, model.DanishDate(c.Day)))
	n := 0
	for _, cv := range c.Calls {
		if cv.Attendance != model.AttendancePlanned {
			continue
		}
		phone := cv.Phone
		if phone == "" {
			phone = calls.NoPhone
		}
		doc.CheckItem(fmt.Sprintf(calls.Line, cv.Start.Format("15.04"), cv.Name, phone))
		n++
	}
	if n == 0 {
		doc.Para(calls.None)
	}
	doc.Small(fmt.Sprintf(calls.Printed, model.DanishDate(c.Printed)))
	return doc, nil
}
