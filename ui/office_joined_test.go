package ui

import (
	"strings"
	"sync/atomic"
	"testing"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// countingOffice is the office tier with its Status and Joined calls
// counted (the window may call them off its goroutine).
type countingOffice struct {
	Office
	status, joined atomic.Int64
}

func (c *countingOffice) Status() (model.OfficeStatus, error) {
	c.status.Add(1)
	return c.Office.Status()
}

func (c *countingOffice) Joined() (bool, error) {
	c.joined.Add(1)
	return c.Office.Joined()
}

// Whether the laptop is in an office is asked again after every write to
// the store (a join or a leave is one); it is answered by the cheap flag,
// not by the whole status (changes waiting, conflicts, citizens counted):
// a write and the citizen screen that follows call Status not once, Joined
// once, and the screen still offers the hand-over to the colleague.
func TestAWriteAsksOnlyWhetherTheLaptopIsInAnOffice(t *testing.T) {
	officeTimers(t)
	_, l, _ := twoLaptops(t, "AL", "BK")
	c := &countingOffice{Office: l.office}
	l.ui.SetOffice(c)
	waitFor(t, "the first sync", func() bool { return !l.ui.officeBar.sync.running })
	bodil := storetest.AddCitizen(t, l.store, func(c *model.Citizen) { c.Name, c.Caseworker = "Bodil Bech", "AL" })
	status, joined := c.status.Load(), c.joined.Load()

	l.ui.onOpenCitizen(bodil.ID)
	if got := strings.Join(drawnTexts(l.ui.citizen.root), "\n"); !strings.Contains(got, "Overdrag til …") {
		t.Fatalf("after a write the citizen screen on a laptop in an office offers no hand-over:\n%s", got)
	}
	if n := c.status.Load() - status; n != 0 {
		t.Errorf("a write and the citizen screen read the whole office status %d times, want none", n)
	}
	if n := c.joined.Load() - joined; n != 1 {
		t.Errorf("a write and the citizen screen asked %d times whether the laptop is in an office, want once", n)
	}
	l.ui.goBack()
	joined = c.joined.Load()
	l.ui.onOpenCitizen(bodil.ID) // nothing written since: the answer is kept
	if n := c.joined.Load() - joined; n != 0 {
		t.Errorf("with nothing written the window asked %d times again", n)
	}
}
