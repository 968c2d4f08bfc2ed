package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// TestTodayKeepsTime: Today read at 07:00 shows a 09:00 conversation
// without attendance buttons; when the clock passes 09:00 the line gains
// Afholdt and Udeblevet by itself (nothing read, nothing clicked), laid out
// inside the window; at midnight the new day is read and titled.
func TestTodayKeepsTime(t *testing.T) {
	u, st := newTestUI(t)
	clock := testClock(u)
	clock.Set(time.Date(2027, 6, 30, 7, 0, 0, 0, time.Local))
	c := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = "Åse Ærø Sørensen med et meget langt efternavn" })
	storetest.Plan(t, st, c.ID, time.Date(2027, 6, 30, 9, 0, 0, 0, time.Local), 45)
	u.win.Resize(fyne.NewSize(1366, 768))
	u.today.load()
	row := u.today.sections[0].rows[0]
	if n := len(row.actions.Objects); n != 0 {
		t.Fatalf("at 07:00 a 09:00 conversation offers %d attendance buttons", n)
	}
	reads := st.Generation()

	clock.Set(time.Date(2027, 6, 30, 9, 0, 30, 0, time.Local))
	u.today.tick()
	if !hasButtons(row, "Afholdt", "Udeblevet") {
		t.Fatalf("after 09:00 the line offers %v; want Afholdt and Udeblevet", buttonTexts(row))
	}
	c2 := u.win.Canvas()
	for _, p := range outside(c2.Content(), c2.Size()) {
		t.Errorf("after the conversation began: %s", p)
	}
	if st.Generation() != reads {
		t.Error("the tick wrote to the database")
	}

	clock.Set(time.Date(2027, 7, 1, 0, 0, 30, 0, time.Local))
	u.today.tick()
	if got := u.today.title.Text; !strings.Contains(got, "1. juli 2027") {
		t.Errorf("after midnight Today is titled %q", got)
	}
	if n := len(u.today.view.Conversations); n != 0 {
		t.Errorf("after midnight Today still lists %d of yesterday's conversations", n)
	}
}

func buttonTexts(r *todayRow) []string {
	var out []string
	for _, o := range r.actions.Objects {
		if b, ok := o.(interface{ MinSize() fyne.Size }); ok && b != nil {
			for _, x := range r.buttons {
				if fyne.CanvasObject(x) == o {
					out = append(out, x.Text)
				}
			}
		}
	}
	return out
}

func hasButtons(r *todayRow, want ...string) bool {
	got := strings.Join(buttonTexts(r), "|")
	return got == strings.Join(want, "|")
}
