package store

import (
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

func TestAttendancePatternAndNextWeek(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	// Four Mondays at 9 (one missed), two Tuesdays at 13 (one cancelled), then a planned one next Monday.
	add := func(start string, a model.Attendance) *model.Conversation {
		cv := testutil.Conversation(c.ID, at(start), 30, testutil.Phone, func(c *model.Conversation) { c.Attendance = a })
		if err := s.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
		return cv
	}
	for _, d := range []string{"2026-11-02", "2026-11-09", "2026-11-16"} {
		add(d+"T09:00", model.AttendanceHeld)
	}
	moved := add("2026-11-23T09:00", model.AttendancePlanned)
	moved.Attendance = model.AttendanceNoShow
	if err := s.SaveConversation(moved); err != nil { // the trigger moves it from planned to no-show
		t.Fatal(err)
	}
	add("2026-11-10T13:00", model.AttendanceHeld)
	add("2026-11-17T13:30", model.AttendanceCancelled)
	add("2026-11-30T10:00", model.AttendancePlanned)
	st, err := s.Attendance(at("2026-11-01T00:00"), at("2026-11-29T00:00"))
	if err != nil {
		t.Fatal(err)
	}
	if st.All != (model.Bucket{Total: 6, Missed: 2}) || st.ByHour[9] != (model.Bucket{Total: 4, Missed: 1}) || st.ByHour[13] != (model.Bucket{Total: 2, Missed: 1}) {
		t.Fatalf("all %+v, 9 o'clock %+v, 13 o'clock %+v", st.All, st.ByHour[9], st.ByHour[13])
	}
	if st.ByWeekday[time.Monday] != (model.Bucket{Total: 4, Missed: 1}) || st.ByDay[15] != (model.Bucket{Total: 1, Missed: 0}) {
		t.Fatalf("monday %+v, the 16th %+v", st.ByWeekday[time.Monday], st.ByDay[15])
	}
	mon := st.NextWeek[0]
	if mon.Day.Format(model.DateLayout) != "2026-11-30" || mon.Expected != 1 || mon.Attending != 0.75 || mon.Planned != 1 {
		t.Fatalf("next monday: %+v (4 Mondays in the period, 4 conversations, 1 in 4 missed, 1 planned)", mon)
	}
}

// What a laptop in an office reports of its caseworker (issue 26): her own
// citizens only (a colleague's on the laptop, as when she covers, are
// reported by their owner), for each period the window offers, only slots
// with conversations; her "Mine" chart counts the same.
func TestAttendanceReportIsTheCaseworkersOwnPerPeriod(t *testing.T) {
	s := newTestStore(t)
	mine := makeCitizen(t, s, func(c *model.Citizen) { c.Caseworker = "AB" })
	theirs := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.CPR, c.Caseworker = "Carl Colleague", "0101801235", "CD" })
	add := func(id int64, start string, a model.Attendance) {
		cv := testutil.Conversation(id, at(start), 30, testutil.Phone, func(c *model.Conversation) { c.Attendance = a })
		if err := s.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
	}
	add(mine.ID, "2026-11-02T09:00", model.AttendanceHeld)     // Monday, in every period
	add(mine.ID, "2026-07-06T09:00", model.AttendanceNoShow)   // Monday, 6 and 12 months
	add(mine.ID, "2026-01-05T10:00", model.AttendanceHeld)     // 12 months only
	add(mine.ID, "2026-11-25T09:00", model.AttendancePlanned)  // not yet marked: not counted
	add(theirs.ID, "2026-11-03T09:00", model.AttendanceNoShow) // a colleague's case
	r, err := s.AttendanceReport("AB", at("2026-11-23T10:00"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range r {
		got[c.String()] = true
	}
	for _, w := range []string{"3 mdr. hour 09: 0/1", "6 mdr. hour 09: 1/2", "12 mdr. hour 09: 1/2", "12 mdr. hour 10: 0/1",
		"6 mdr. weekday 01: 1/2", "3 mdr. day 01: 0/1", "6 mdr. day 05: 1/1"} {
		if !got[w] {
			t.Errorf("the report lacks %s: %v", w, r)
		}
	}
	if len(r) != 3+4+6 {
		t.Errorf("the report holds %d slots, want 13 (3, 4 and 6 per period): %v", len(r), r)
	}
	st, err := s.AttendanceFor(at("2026-05-23T00:00"), at("2026-11-23T00:00"), model.Mine("AB"))
	if err != nil || st.All != (model.Bucket{Total: 2, Missed: 1}) || st.NextWeek[2].Planned != 1 {
		t.Fatalf("AB's own 6 months: %+v, next Wednesday %+v, %v", st.All, st.NextWeek[2], err)
	}
}
