package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

func at(s string) time.Time {
	t, err := time.ParseInLocation(model.WallLayout, s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

func conversationAt(id int64, start, end string) *model.Conversation {
	c := testutil.Conversation(id, at(start), 0)
	c.End = at(end)
	return c
}

func TestBadConversationsAreRefusedAndNothingSaved(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	cases := map[string]*model.Conversation{
		"end":  conversationAt(c.ID, "2026-11-24T10:00", "2026-11-24T09:00"),
		"date": {CitizenID: c.ID, Kind: model.KindJob, Form: model.FormPhone},
		"kind": {CitizenID: c.ID, Start: at("2026-11-24T10:00"), End: at("2026-11-24T10:30"), Form: model.FormPhone},
	}
	long := conversationAt(c.ID, "2026-11-24T10:00", "2026-11-24T10:45")
	long.Notes = strings.Repeat("ø", 100000)
	cases["notes"] = long
	for field, conv := range cases {
		err := s.PlanConversation(conv)
		var v *model.ValidationError
		if !errors.As(err, &v) {
			t.Errorf("%s: %v, want a ValidationError", field, err)
			continue
		}
		if _, ok := v.Problem(field); !ok {
			t.Errorf("%s: problem not reported on that field: %v", field, v)
		}
	}
	if m, _ := func() (model.Message, bool) {
		var v *model.ValidationError
		errors.As(s.PlanConversation(long), &v)
		return v.Problem("notes")
	}(); !strings.Contains(m.Text(), "5000") || !strings.Contains(m.Text(), "100000") {
		t.Errorf("the note message does not state the limit and the length: %q", m.Text())
	}
	if n := countRows(t, s, "conversations"); n != 0 {
		t.Fatalf("%d conversations saved from bad input", n)
	}
}

func TestConversationsSurviveReopenAndKnowTheNext(t *testing.T) {
	path := t.TempDir() + "/talk.db"
	s, _ := Open(path)
	c := makeCitizen(t, s)
	first := conversationAt(c.ID, "2026-11-24T10:00", "2026-11-24T10:45")
	second := conversationAt(c.ID, "2026-12-01T09:30", "2026-12-01T10:00")
	for _, x := range []*model.Conversation{second, first} {
		if err := s.PlanConversation(x); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetAttendance(first.ID, model.AttendanceNoShow); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, _ = Open(path)
	defer s.Close()
	all, _ := s.Conversations(c.ID)
	if len(all) != 2 || all[0].ID != first.ID || all[0].Attendance != model.AttendanceNoShow || !all[1].Start.Equal(second.Start) {
		t.Fatalf("after reopen: %+v", all)
	}
	next, err := s.NextConversation(c.ID, first.Start)
	if err != nil || next.ID != second.ID {
		t.Fatalf("next after the first = %+v, %v", next, err)
	}
	if _, err := s.NextConversation(c.ID, second.Start); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("next after the last = %v, want ErrNotFound", err)
	}
}

func TestCaseloadFlagsFilterAndSort(t *testing.T) {
	s := newTestStore(t)
	g := loadGuide(t)
	now := at("2026-11-23T12:00")
	a := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Åse Ærø", now.AddDate(0, 0, -30) })
	b := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.CPR, c.FirstContact = "Bo Sø", "120385-4321", now.AddDate(0, 0, -3) })
	makeCitizen(t, s, func(c *model.Citizen) { c.Name = "Carl Lund" })
	overdue := conversationAt(a.ID, "2026-11-20T10:00", "2026-11-20T10:30") // planned, never marked
	missed := conversationAt(b.ID, "2026-11-23T09:00", "2026-11-23T09:30")
	missed.Attendance = model.AttendanceNoShow
	next := conversationAt(b.ID, "2026-11-30T09:00", "2026-11-30T09:30")
	for _, c := range []*model.Conversation{overdue, missed, next} {
		if err := s.PlanConversation(c); err != nil {
			t.Fatal(err)
		}
	}
	s.SaveProgress(&model.Progress{CitizenID: b.ID, ActionID: "opening.goals.1", Done: true, DoneOn: now})
	rows, err := s.Caseload(g, now)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]model.CaseRow{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	if r := byName["Åse Ærø"]; !r.Overdue || r.NoShow || r.DaysSinceFirst != 30 {
		t.Errorf("Åse: %+v, want overdue, 30 days", r)
	}
	if r := byName["Bo Sø"]; !r.NoShow || r.Overdue || !r.Next.Equal(next.Start) || r.Done != 1 || r.Total != 8 {
		t.Errorf("Bo: %+v, want no-show, next 30-11, 1 of 8", r)
	}
	names := func(rs []model.CaseRow) string {
		var n []string
		for _, r := range rs {
			n = append(n, r.Name)
		}
		return strings.Join(n, ",")
	}
	if got := names(model.FilterCaseload(rows, model.CaseFilter{AnyTrack: true, NoConversationPlanned: true})); got != "Carl Lund,Åse Ærø" {
		t.Errorf("no conversation planned: %s", got)
	}
	if got := names(model.FilterCaseload(rows, model.CaseFilter{AnyTrack: true, Query: "120385"})); got != "Bo Sø" {
		t.Errorf("birth-date search: %s", got)
	}
	if got := names(model.FilterCaseload(rows, model.CaseFilter{AnyTrack: true, Query: "4321"})); got != "" {
		t.Errorf("search found a citizen by the CPR sequence digits: %s", got)
	}
	model.SortCaseload(rows, model.SortByFlag, false)
	if got := names(rows); got != "Åse Ærø,Bo Sø,Carl Lund" {
		t.Errorf("by flag: %s", got)
	}
	model.SortCaseload(rows, model.SortByNext, false)
	if got := names(rows); got != "Bo Sø,Carl Lund,Åse Ærø" {
		t.Errorf("by next (none planned last): %s", got)
	}
	model.SortCaseload(rows, model.SortByDays, true)
	if rows[0].Name != "Åse Ærø" {
		t.Errorf("by days, descending: %s", names(rows))
	}
}
