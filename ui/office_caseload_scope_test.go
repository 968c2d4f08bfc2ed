package ui

import (
	"testing"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// The caseworker's choice in the caseload's filter (here a colleague's cases)
// stays when a sync brings news and the caseload is read again; the case
// the sync brought is in the list.
func TestASyncKeepsTheCaseloadsChoice(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	le := leadOffice(t, server, key, 2)
	joinFromKontor(t, al, server, "AL")
	al.ui.goBack()
	al.ui.onCaseload()
	s := al.ui.caseload
	const choice = "AL – Anna Larsen"
	s.who.SetSelected(choice)
	if s.who.Selected != choice || len(s.rows) != 2 {
		t.Fatalf("the filter offers no %q (%v), or it shows %d citizens", choice, s.who.Options, len(s.rows))
	}
	c := storetest.AddCitizen(t, le.store, func(c *model.Citizen) { c.Name = "Ny Fra Lederen" })
	if err := le.office.Move([]int64{c.ID}, "AL"); err != nil {
		t.Fatal(err)
	}
	al.syncFromHeader(t)
	if s.who.Selected != choice {
		t.Fatalf("after a sync the caseload's filter says %q, want the %q chosen", s.who.Selected, choice)
	}
	if n := len(s.rows); n != 3 {
		t.Fatalf("after the sync the caseload shows %d citizens, want 3", n)
	}
}
