package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func at(s string) time.Time {
	t, err := time.ParseInLocation(WallLayout, s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

func conversationAt(id int64, start, end string) *Conversation {
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

func TestConversationSummaryText(t *testing.T) {
	c := *conversationAt(1, "2026-11-24T10:00", "2026-11-24T10:45")
	c.Attendance, c.Agreements = AttendanceHeld, "Søger to lagerjob hos Bæk & Co."
	next := conversationAt(1, "2026-12-01T09:30", "2026-12-01T10:00")
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
