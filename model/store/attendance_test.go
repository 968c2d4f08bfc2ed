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
