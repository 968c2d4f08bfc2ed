package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// goldenUI is a small office on a fixed day, at a fixed window size: two
// citizens, a conversation this morning (begun, so it offers Afholdt and
// Udeblevet) and one this afternoon.
func goldenUI(t *testing.T) (*UI, int64, int64) {
	t.Helper()
	u, st := newTestUI(t) // Monday 23 November 2026, 10:00
	u.win.Resize(fyne.NewSize(1024, 640))
	a := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = "Åse Ærø Sørensen" })
	b := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Name = "Bent Bøg"; c.Track = model.TrackIntensive })
	conv := storetest.Plan(t, st, a.ID, time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local), 45)
	storetest.Plan(t, st, b.ID, time.Date(2026, 11, 23, 13, 0, 0, 0, time.Local), 45)
	u.today.load()
	return u, a.ID, conv.ID
}

// The screens' markup, Fyne's way: a change to what a screen shows fails
// here and is looked at before its golden file is written again on
// purpose (copy testdata/failed/X over testdata/X).
func TestGoldenToday(t *testing.T) {
	u, _, _ := goldenUI(t)
	test.AssertRendersToMarkup(t, "today.xml", u.win.Canvas())
}

func TestGoldenCaseload(t *testing.T) {
	u, _, _ := goldenUI(t)
	u.onCaseload()
	test.AssertRendersToMarkup(t, "caseload.xml", u.win.Canvas())
}

func TestGoldenCitizenOverview(t *testing.T) {
	u, id, _ := goldenUI(t)
	u.onOpenCitizen(id)
	u.citizen.nav.Select(sectionOverview)
	test.AssertRendersToMarkup(t, "citizen_overview.xml", u.win.Canvas())
}

func TestGoldenConversation(t *testing.T) {
	u, id, conv := goldenUI(t)
	u.onOpenCitizen(id)
	u.citizen.onOpenConversation(conv)
	test.AssertRendersToMarkup(t, "conversation.xml", u.win.Canvas())
}
