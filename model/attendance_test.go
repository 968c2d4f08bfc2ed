package model

import (
	"testing"
	"time"
)

func TestAttendancePatternAndNextWeek(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	// Four Mondays at 9 (one missed), two Tuesdays at 13 (one cancelled), then a planned one next Monday.
	add := func(start string, a Attendance) *Conversation {
		cv := &Conversation{CitizenID: c.ID, Start: at(start), End: at(start).Add(30 * time.Minute), Kind: KindJob, Form: FormPhone, Attendance: a}
		if err := s.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
		return cv
	}
	for _, d := range []string{"2026-11-02", "2026-11-09", "2026-11-16"} {
		add(d+"T09:00", AttendanceHeld)
	}
	moved := add("2026-11-23T09:00", AttendancePlanned)
	moved.Attendance = AttendanceNoShow
	if err := s.SaveConversation(moved); err != nil { // the trigger moves it from planned to no-show
		t.Fatal(err)
	}
	add("2026-11-10T13:00", AttendanceHeld)
	add("2026-11-17T13:30", AttendanceCancelled)
	add("2026-11-30T10:00", AttendancePlanned)
	st, err := s.Attendance(at("2026-11-01T00:00"), at("2026-11-29T00:00"))
	if err != nil {
		t.Fatal(err)
	}
	if st.All != (Bucket{6, 2}) || st.ByHour[9] != (Bucket{4, 1}) || st.ByHour[13] != (Bucket{2, 1}) {
		t.Fatalf("all %+v, 9 o'clock %+v, 13 o'clock %+v", st.All, st.ByHour[9], st.ByHour[13])
	}
	if st.ByWeekday[time.Monday] != (Bucket{4, 1}) || st.ByDay[15] != (Bucket{1, 0}) {
		t.Fatalf("monday %+v, the 16th %+v", st.ByWeekday[time.Monday], st.ByDay[15])
	}
	mon := st.NextWeek[0]
	if mon.Day.Format(DateLayout) != "2026-11-30" || mon.Expected != 1 || mon.Attending != 0.75 || mon.Planned != 1 {
		t.Fatalf("next monday: %+v (4 Mondays in the period, 4 conversations, 1 in 4 missed, 1 planned)", mon)
	}
}
