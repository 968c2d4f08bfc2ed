package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func at(s string) time.Time {
	t, err := time.ParseInLocation(wallLayout, s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

func talk(id int64, start, end string) *Conversation {
	return &Conversation{CitizenID: id, Start: at(start), End: at(end), Kind: KindJob, Form: FormInPerson}
}

func TestParseClock(t *testing.T) {
	ok := map[string][2]int{"9:30": {9, 30}, "09.30": {9, 30}, "0930": {9, 30}, "9": {9, 0}, "23:59": {23, 59}, " 8:05 ": {8, 5}}
	for in, want := range ok {
		if h, m, err := ParseClock(in); err != nil || h != want[0] || m != want[1] {
			t.Errorf("ParseClock(%q) = %d:%d %v", in, h, m, err)
		}
	}
	for _, in := range []string{"25:00", "9:61", "24:00", "abc", "", "9:5:1", "9:305"} {
		_, _, err := ParseClock(in)
		var u *UserError
		if !errors.As(err, &u) || !strings.Contains(u.Msg.Text(), "findes ikke") {
			t.Errorf("ParseClock(%q) = %v, want a Danish refusal", in, err)
		}
	}
}

func TestBadConversationsAreRefusedAndNothingSaved(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	cases := map[string]*Conversation{
		"end":  talk(c.ID, "2026-11-24T10:00", "2026-11-24T09:00"),
		"date": {CitizenID: c.ID, Kind: KindJob, Form: FormPhone},
		"kind": {CitizenID: c.ID, Start: at("2026-11-24T10:00"), End: at("2026-11-24T10:30"), Form: FormPhone},
	}
	long := talk(c.ID, "2026-11-24T10:00", "2026-11-24T10:45")
	long.Notes = strings.Repeat("ø", 100000)
	cases["notes"] = long
	for field, conv := range cases {
		err := s.PlanConversation(conv)
		var v *ValidationError
		if !errors.As(err, &v) {
			t.Errorf("%s: %v, want a ValidationError", field, err)
			continue
		}
		if _, ok := v.Problem(field); !ok {
			t.Errorf("%s: problem not reported on that field: %v", field, v)
		}
	}
	if m, _ := func() (Message, bool) {
		var v *ValidationError
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
	first := talk(c.ID, "2026-11-24T10:00", "2026-11-24T10:45")
	second := talk(c.ID, "2026-12-01T09:30", "2026-12-01T10:00")
	for _, x := range []*Conversation{second, first} {
		if err := s.PlanConversation(x); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetAttendance(first.ID, AttendanceNoShow); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, _ = Open(path)
	defer s.Close()
	all, _ := s.Conversations(c.ID)
	if len(all) != 2 || all[0].ID != first.ID || all[0].Attendance != AttendanceNoShow || !all[1].Start.Equal(second.Start) {
		t.Fatalf("after reopen: %+v", all)
	}
	next, err := s.NextConversation(c.ID, first.Start)
	if err != nil || next.ID != second.ID {
		t.Fatalf("next after the first = %+v, %v", next, err)
	}
	if _, err := s.NextConversation(c.ID, second.Start); !errors.Is(err, ErrNotFound) {
		t.Fatalf("next after the last = %v, want ErrNotFound", err)
	}
}

func TestConversationSummaryText(t *testing.T) {
	c := *talk(1, "2026-11-24T10:00", "2026-11-24T10:45")
	c.Attendance, c.Agreements = AttendanceHeld, "Søger to lagerjob hos Bæk & Co."
	next := talk(1, "2026-12-01T09:30", "2026-12-01T10:00")
	next.Kind, next.Form = KindFollowup, FormPhone
	got := ConversationSummary(c, []Action{{ID: "a", Text: "Vis konkrete jobopslag."}}, next)
	want := "Samtale 24-11-2026 kl. 10:00-10:45 – Jobsamtale (fremmøde)\n" +
		"Fremmøde: Afholdt\n" +
		"Aftaler:\nSøger to lagerjob hos Bæk & Co.\n" +
		"Handlinger udført:\n- Vis konkrete jobopslag.\n" +
		"Næste samtale: 01-12-2026 kl. 09:30-10:00 – Opfølgning (telefon)\n"
	if got != want {
		t.Fatalf("summary =\n%s\nwant\n%s", got, want)
	}
	if got := ConversationSummary(c, nil, nil); !strings.HasSuffix(got, "Næste samtale: ingen planlagt\n") {
		t.Fatalf("summary without next:\n%s", got)
	}
}

func TestCaseloadFlagsFilterAndSort(t *testing.T) {
	s := newTestStore(t)
	g := loadGuide(t)
	now := at("2026-11-23T12:00")
	a := makeCitizen(t, s, func(c *Citizen) { c.Name, c.FirstContact = "Åse Ærø", now.AddDate(0, 0, -30) })
	b := makeCitizen(t, s, func(c *Citizen) { c.Name, c.CPR, c.FirstContact = "Bo Sø", "120385-4321", now.AddDate(0, 0, -3) })
	makeCitizen(t, s, func(c *Citizen) { c.Name = "Carl Lund" })
	overdue := talk(a.ID, "2026-11-20T10:00", "2026-11-20T10:30") // planned, never marked
	missed := talk(b.ID, "2026-11-23T09:00", "2026-11-23T09:30")
	missed.Attendance = AttendanceNoShow
	next := talk(b.ID, "2026-11-30T09:00", "2026-11-30T09:30")
	for _, c := range []*Conversation{overdue, missed, next} {
		if err := s.PlanConversation(c); err != nil {
			t.Fatal(err)
		}
	}
	s.SaveProgress(&Progress{CitizenID: b.ID, ActionID: "opening.goals.1", Done: true, DoneOn: now})
	rows, err := s.Caseload(g, now)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]CaseRow{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	if r := byName["Åse Ærø"]; !r.Overdue || r.NoShow || r.DaysSinceFirst != 30 {
		t.Errorf("Åse: %+v, want overdue, 30 days", r)
	}
	if r := byName["Bo Sø"]; !r.NoShow || r.Overdue || !r.Next.Equal(next.Start) || r.Done != 1 || r.Total != 8 {
		t.Errorf("Bo: %+v, want no-show, next 30-11, 1 of 8", r)
	}
	names := func(rs []CaseRow) string {
		var n []string
		for _, r := range rs {
			n = append(n, r.Name)
		}
		return strings.Join(n, ",")
	}
	if got := names(FilterCaseload(rows, CaseFilter{AnyTrack: true, NoConversationPlanned: true})); got != "Carl Lund,Åse Ærø" {
		t.Errorf("no conversation planned: %s", got)
	}
	if got := names(FilterCaseload(rows, CaseFilter{AnyTrack: true, Query: "120385"})); got != "Bo Sø" {
		t.Errorf("birth-date search: %s", got)
	}
	if got := names(FilterCaseload(rows, CaseFilter{AnyTrack: true, Query: "4321"})); got != "" {
		t.Errorf("search found a citizen by the CPR sequence digits: %s", got)
	}
	SortCaseload(rows, SortByFlag, false)
	if got := names(rows); got != "Åse Ærø,Bo Sø,Carl Lund" {
		t.Errorf("by flag: %s", got)
	}
	SortCaseload(rows, SortByNext, false)
	if got := names(rows); got != "Bo Sø,Carl Lund,Åse Ærø" {
		t.Errorf("by next (none planned last): %s", got)
	}
	SortCaseload(rows, SortByDays, true)
	if rows[0].Name != "Åse Ærø" {
		t.Errorf("by days, descending: %s", names(rows))
	}
}
