package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// marked plans a conversation for a new citizen of the laptop's caseworker
// at each time, marked as given (planned when none).
func marked(t *testing.T, l jobsLaptop, name string, convs map[string]model.Attendance) {
	t.Helper()
	c := storetest.AddCitizen(t, l.s, func(c *model.Citizen) { c.Name, c.Caseworker = name, l.u.me })
	for at, a := range convs {
		start, err := time.ParseInLocation(model.WallLayout, at, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		storetest.Plan(t, l.s, c.ID, start, 30, func(cv *model.Conversation) { cv.Attendance = a })
	}
}

// The attendance charts for the whole office (issue 26, item 5) are the
// server's sums of what each laptop reported of its own caseworker's
// citizens: the lead, who cannot open AB's cases, sees AB's conversations
// in "Hele kontoret" after one sync each, exactly as the two laptops count
// them, with when the office added them up; "Mine" stays hers alone; next
// week's planned conversations are the office's; the PDF prints what is shown.
func TestTheOfficesAttendanceChartSumsTwoLaptops(t *testing.T) {
	lead, ab := officeLeadAndAB(t)
	marked(t, ab, "Alma Andersen", map[string]model.Attendance{
		"2026-10-05T09:00": model.AttendanceHeld,      // Monday
		"2026-10-12T09:00": model.AttendanceNoShow,    // Monday
		"2026-11-10T13:00": model.AttendanceCancelled, // Tuesday, by the citizen
		"2026-03-02T09:00": model.AttendanceHeld,      // 12 months only
		"2026-11-25T11:00": model.AttendancePlanned,   // next week
	})
	marked(t, lead, "Bent Berg", map[string]model.Attendance{
		"2026-10-06T09:00": model.AttendanceHeld,            // Tuesday
		"2026-11-02T10:00": model.AttendanceNoShow,          // Monday
		"2026-11-03T10:00": model.AttendanceOfficeCancelled, // not the citizen's attendance
	})
	ab.sync(t)
	lead.sync(t)

	lead.u.onAttendance()
	s := lead.u.top().(*attendanceScreen)
	if s.whose == nil || strings.Join(s.whose.Options, ",") != "Mine,Hele kontoret" {
		t.Fatal("the attendance screen in an office offers no Mine / Hele kontoret")
	}
	if !strings.Contains(labelsIn(s.body), "2 samtaler, heraf 1 udeblevet eller afbud (50 %)") {
		t.Errorf("Mine on the lead's laptop:\n%s", labelsIn(s.body))
	}
	s.whose.SetSelectedIndex(1)
	got := s.stats
	from, to := s.period()
	want := &model.AttendanceStats{}
	for _, l := range []jobsLaptop{ab, lead} { // the count made here, on each laptop
		mine, err := l.s.AttendanceFor(from, to, model.Mine(l.u.me))
		if err != nil {
			t.Fatal(err)
		}
		addStats(want, mine)
	}
	if want.All != (model.Bucket{Total: 5, Missed: 3}) || want.ByHour[9] != (model.Bucket{Total: 3, Missed: 1}) ||
		want.ByWeekday[time.Monday] != (model.Bucket{Total: 3, Missed: 2}) {
		t.Fatalf("the count made here: all %+v, 9 o'clock %+v, Monday %+v", want.All, want.ByHour[9], want.ByWeekday[time.Monday])
	}
	if got == nil || got.All != want.All || got.ByHour != want.ByHour || got.ByWeekday != want.ByWeekday || got.ByDay != want.ByDay {
		t.Fatalf("the office's chart is not the two laptops' sum:\n got %+v\nwant %+v", got, want)
	}
	text := labelsIn(s.body)
	info, _ := lead.v.OfficeInfo()
	for _, w := range []string{"5 samtaler, heraf 3 udeblevet eller afbud (60 %)",
		"Hele kontorets fremmøde pr. " + officeStamp(info.Attendance.ComputedAt) + " – lagt sammen af kontoret ud fra 2 af 2 sagsbehandleres egne tal"} {
		if !strings.Contains(text, w) {
			t.Errorf("the office's attendance lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "Alma") {
		t.Errorf("the office's attendance names a citizen:\n%s", text)
	}
	if wed := got.NextWeek[2]; wed.Planned != 1 || !strings.Contains(text, model.DanishDate(wed.Day)+": ca.") {
		t.Errorf("next Wednesday for the office: %+v\n%s", wed, text)
	}
	if col := chartCounts(t, s.body, 11); col["09"] != "33%" {
		t.Errorf("the office's 9 o'clock column says %q missed, want 33%%", col["09"])
	}
	s.months.SetSelectedIndex(2) // 12 months: AB's March conversation too
	if s.stats.All.Total != 6 {
		t.Errorf("the office's 12 months hold %d conversations, want 6", s.stats.All.Total)
	}
	test.Tap(buttonIn(t, s.root, "PDF-rapport"))
	if h := lead.u.handouts.(*fakeHandouts).attendance; len(h) != 1 || !strings.HasPrefix(h[0], "Hele kontorets fremmøde") {
		t.Errorf("the PDF printed %q, want the office's pattern", h)
	}
}

// addStats adds b's counts to a.
func addStats(a, b *model.AttendanceStats) {
	add := func(x *model.Bucket, y model.Bucket) { x.Total, x.Missed = x.Total+y.Total, x.Missed+y.Missed }
	add(&a.All, b.All)
	for i := range a.ByHour {
		add(&a.ByHour[i], b.ByHour[i])
	}
	for i := range a.ByWeekday {
		add(&a.ByWeekday[i], b.ByWeekday[i])
	}
	for i := range a.ByDay {
		add(&a.ByDay[i], b.ByDay[i])
	}
}

// chartCounts reads the bar chart of cols columns under o: each column's
// label and the missed rate above it.
func chartCounts(t *testing.T, o fyne.CanvasObject, cols int) map[string]string {
	t.Helper()
	for _, c := range o.(*fyne.Container).Objects {
		grid, ok := c.(*fyne.Container)
		if !ok || len(grid.Objects) != cols {
			continue
		}
		out := map[string]string{}
		for _, col := range grid.Objects {
			parts, ok := col.(*fyne.Container)
			if !ok || len(parts.Objects) != 3 {
				break
			}
			label, ok1 := parts.Objects[2].(*canvas.Text)
			rate, ok2 := parts.Objects[0].(*canvas.Text)
			if ok1 && ok2 {
				out[label.Text] = rate.Text
			}
		}
		if len(out) == cols {
			return out
		}
	}
	t.Fatalf("no chart of %d columns", cols)
	return nil
}

// buttonIn finds the button with text under o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var b *widget.Button
	walk(o, func(x fyne.CanvasObject) {
		if y, ok := x.(*widget.Button); ok && y.Text == text {
			b = y
		}
	})
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	return b
}

// On a caseworker's laptop in an office the roster under Indstillinger →
// Sagsbehandlere is the lead's: shown, said to be the lead's, with no way to
// add or remove anyone; the lead's is editable, and a colleague she adds
// there reaches the caseworker's list at the next sync.
func TestACaseworkersRosterIsReadOnlyAndTheLeadKeepsIt(t *testing.T) {
	lead, ab := officeLeadAndAB(t)
	lead.u.onSettings()
	ls := lead.u.top().(*settingsScreen)
	if ls.team.locked || !isShown(ls.root, ls.team.initials) {
		t.Fatal("the lead cannot add to the roster")
	}
	test.Type(ls.team.initials, "CD")
	test.Type(ls.team.name, "Carl Dahl")
	test.Tap(buttonIn(t, ls.root, "Tilføj"))
	lead.u.goBack()
	lead.sync(t)
	ab.sync(t)

	ab.u.onSettings()
	s := ab.u.top().(*settingsScreen)
	if !s.team.locked || isShown(s.root, s.team.initials) || isShown(s.root, s.team.name) {
		t.Fatal("a caseworker is offered to add to the office's roster")
	}
	team := labelsIn(s.team.box)
	if !strings.Contains(team, "CD") || !strings.Contains(team, "Carl Dahl") {
		t.Errorf("the caseworker's roster after a sync:\n%s", team)
	}
	walk(s.team.box, func(o fyne.CanvasObject) {
		if _, ok := o.(*widget.Button); ok {
			t.Error("a caseworker's roster row has a button (remove)")
		}
	})
	if !strings.Contains(labelsIn(s.root), "Kontorets sagsbehandlere holdes af lederen") {
		t.Errorf("the caseworker's roster does not say it is the lead's:\n%s", labelsIn(s.root))
	}
	if cs, _ := ab.v.Conflicts(); len(cs) != 0 {
		t.Errorf("the roster made conflicts: %+v", cs)
	}
}

// The lead sets company contact (10 råd, råd 2) in Indstillinger → Kontor,
// as herself; after her next sync the capacity view names the colleague
// and routes the first conversations to her. A caseworker's Kontor shows
// it without a box, and the office refuses her setting it.
func TestTheLeadSetsCompanyContactInTheWindow(t *testing.T) {
	lead, ab := officeLeadAndAB(t)
	lead.u.onSettings()
	k := lead.u.officeBar.kontor
	waitFor(t, "the lead's roster", func() bool { return k.contacts["AB"] != nil })
	box := k.contacts["AB"]
	if box.Checked || box.Disabled() {
		t.Fatal("AB's company contact box is not offered unticked")
	}
	box.SetChecked(true)
	waitFor(t, "company contact set", func() bool { return !box.Disabled() })
	if strings.Contains(k.rosterNote.Text, "lederen") {
		t.Fatalf("the lead was refused: %s", k.rosterNote.Text)
	}
	lead.u.goBack()
	lead.sync(t)
	lead.u.onAttendance()
	text := labelsIn(lead.u.top().content())
	for _, w := range []string{"AB: 0 aktive sager, 0 samtaler booket de næste 7 dage – virksomhedskontakt",
		"Første samtaler kan gå til kolleger med virksomhedskontakt: AB"} {
		if !strings.Contains(text, w) {
			t.Errorf("the capacity view after the lead's sync lacks %q:\n%s", w, text)
		}
	}

	ab.u.onSettings()
	ak := ab.u.officeBar.kontor
	waitFor(t, "AB's roster", func() bool { return strings.Contains(labelsIn(ak.roster), "Anna Berg") })
	if len(ak.contacts) != 0 || !strings.Contains(labelsIn(ak.roster), "Anna Berg · sidst") {
		t.Errorf("a caseworker is offered to set company contact: %d boxes", len(ak.contacts))
	}
	if !strings.Contains(labelsIn(ak.roster), "virksomhedskontakt") {
		t.Errorf("the caseworker's roster does not show who holds company contact:\n%s", labelsIn(ak.roster))
	}
	err := ab.v.CompanyContact(context.Background(), "AB", false)
	if err == nil || !strings.Contains(errText(err), "Kun lederen") {
		t.Errorf("a caseworker set company contact: %v", err)
	}
}
