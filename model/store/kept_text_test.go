package store

import (
	"testing"
	"time"

	"jobspor/model"
)

// TestKeptCasesDoNotShareTheirDays: the held days of many cases read into
// one block stay each case's own — a day added to one case (as the rules
// may append) never shows up as the next case's — and the strings kept in
// blocks read as read, the repeated ones shared.
func TestKeptCasesDoNotShareTheirDays(t *testing.T) {
	var days heldBlock
	a, err := days.parse([]byte("2026-01-05p,2026-02-02pa"))
	must(t, err)
	b, err := days.parse([]byte("2026-03-09"))
	must(t, err)
	if len(a) != 2 || len(b) != 1 || !a[1].WithAkasse || a[0].Form != model.FormInPerson || b[0].Form != model.FormPhone {
		t.Fatalf("read %+v and %+v", a, b)
	}
	if a = append(a, model.Held{Day: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}); len(a) != 3 {
		t.Fatalf("a day added to the first case: %d days", len(a))
	}
	if !b[0].Day.Equal(time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("a day added to one case changed the next case's to %v", b[0].Day)
	}
	if _, err := days.parse([]byte("2026-13-01")); err == nil {
		t.Fatal("a month 13 was read as a day")
	}

	var text keptText
	names := []string{"Søren Ærø", "", "Åse Berg", string(make([]byte, keptBlockMax+10))}
	for _, n := range names {
		if got := text.keep(n); got != n {
			t.Fatalf("kept %q as %q", n, got)
		}
	}
	x, y := text.share("active"), text.share(string([]byte("active")))
	if x != "active" || y != x || len(text.shared) != 1 {
		t.Fatalf("shared %q and %q (%d kept)", x, y, len(text.shared))
	}
}
