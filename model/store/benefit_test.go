package store

import (
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

// TestBenefitNotSettledByDay10: on 16 November 2026 a citizen first seen on
// 2 November (day 10 was 13 November) who intends to apply for a benefit not
// yet settled is warned about; one settled in time, one who never said she
// would apply and one first seen on 10 November are not.
// The booked benefit meeting shows on Today.
func TestBenefitNotSettledByDay10(t *testing.T) {
	s := newTestStore(t)
	content := testutil.Content(t)
	now := time.Date(2026, 11, 16, 9, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	late := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Sen Ydelse", day("2026-11-02") })
	settled := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Afklaret", day("2026-11-02") })
	fresh := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Ny", day("2026-11-10") })
	makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Søger ikke", day("2026-11-02") })
	must(t, s.SaveBenefitCase(&model.BenefitCase{CitizenID: fresh.ID, IntendsOn: day("2026-11-10")}, 6))
	meeting := time.Date(2026, 11, 18, 10, 0, 0, 0, time.Local)
	must(t, s.SaveBenefitCase(&model.BenefitCase{CitizenID: late.ID, IntendsOn: day("2026-11-02"), MeetingAt: meeting, MeetingPlace: "Torvet 2"}, 6))
	must(t, s.SaveBenefitCase(&model.BenefitCase{CitizenID: settled.ID, IntendsOn: day("2026-11-02"),
		StartedOn: day("2026-11-10"), SettledOn: day("2026-11-13")}, 6))
	v, err := s.Today(content, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.BenefitLate) != 1 || v.BenefitLate[0].CitizenID != late.ID || v.BenefitLate[0].Due.Format(model.DateLayout) != "2026-11-13" {
		t.Errorf("benefit late = %+v, want only %q, due 13 November", v.BenefitLate, late.Name)
	}
	if len(v.BenefitMeetings) != 1 || !v.BenefitMeetings[0].At.Equal(meeting) || v.BenefitMeetings[0].Place != "Torvet 2" {
		t.Errorf("benefit meetings = %+v", v.BenefitMeetings)
	}
	b, err := s.BenefitCase(late.ID)
	if err != nil || !b.MeetingAt.Equal(meeting) || b.MeetingPlace != "Torvet 2" {
		t.Errorf("stored meeting = %+v, %v", b, err)
	}
}

// TestExportHoldsTheBenefitMeetingAndSentNotices: the citizen's export
// carries the stored benefit meeting and when, by whom and how each notice
// was sent.
func TestExportHoldsTheBenefitMeetingAndSentNotices(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	meeting := time.Date(2026, 11, 18, 10, 0, 0, 0, time.Local)
	must(t, s.SaveBenefitCase(&model.BenefitCase{CitizenID: c.ID, IntendsOn: day("2026-11-02"), MeetingAt: meeting, MeetingPlace: "Torvet 2"}, 6))
	open, err := s.OpenNotices()
	if err != nil || len(open) != 1 {
		t.Fatalf("open notices = %+v, %v", open, err)
	}
	must(t, s.MarkNoticesSent([]int64{open[0].ID}, model.SentCopied))
	e, err := s.ExportCitizen(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.BenefitCase == nil || !e.BenefitCase.MeetingAt.Equal(meeting) || e.BenefitCase.MeetingPlace != "Torvet 2" {
		t.Errorf("exported benefit case = %+v", e.BenefitCase)
	}
	if len(e.Notices) != 1 || e.Notices[0].SentHow != model.SentCopied || e.Notices[0].SentAt.IsZero() || e.Notices[0].SentBy == "" {
		t.Errorf("exported notices = %+v", e.Notices)
	}
}
