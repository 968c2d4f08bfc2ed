package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"

	"jobspor/model"
)

// TestTodaySaysOverdueAndTheFourteenDays: a conversation the rules required
// by yesterday is marked overdue, one required by today is not yet; the
// list of required conversations says it holds the overdue ones too, and
// an empty list that looks 14 days ahead says so, not "Intet i dag".
func TestTodaySaysOverdueAndTheFourteenDays(t *testing.T) {
	u, _ := newTestUI(t) // today is Monday 23 November 2026
	s := u.today
	on := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	late := s.dueLine(model.TodayDue{Name: "Bo Berg", Due: model.Due{By: on(22), Had: 0}})
	if !late.danger || !strings.Contains(late.text, "overskredet") {
		t.Errorf("required by yesterday: %+v, want it marked overdue", late)
	}
	if due := s.dueLine(model.TodayDue{Name: "Bo Berg", Due: model.Due{By: on(23)}}); due.danger || strings.Contains(due.text, "overskredet") {
		t.Errorf("required by today: %+v, want it not yet overdue", due)
	}
	if title := lang.L("today.due"); !strings.Contains(title, "overskredet") || strings.Contains(title, "snart") {
		t.Errorf("the heading of the required conversations is %q: it lists overdue ones too", title)
	}
	s.view = &model.TodayView{}
	s.showParts()
	for i, p := range s.parts() {
		want := "Intet i dag."
		if strings.Contains(p.title, "14 dage") {
			want = "Intet de næste 14 dage."
		}
		if strings.Contains(p.title, "kræver") {
			want = "Intet overskredet og intet de næste 14 dage."
		}
		if got := s.sections[i].none.Text; got != want {
			t.Errorf("empty %q says %q, want %q", p.title, got, want)
		}
	}
}
