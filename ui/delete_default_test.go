package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// TestEnterNeverDeletes: in a delete confirmation, Enter is not Slet
// (the application stays); Slet must be clicked.
func TestEnterNeverDeletes(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st)
	a := &model.Application{CitizenID: c.ID, Text: "Lager, Coop", Status: model.AppApplied, AppliedOn: u.now()}
	if err := st.SaveApplication(a); err != nil {
		t.Fatal(err)
	}
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionJobLog)
	var del *widget.Button
	walk(u.citizen.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon == theme.DeleteIcon() && del == nil {
			del = b
		}
	})
	if del == nil {
		t.Fatal("no delete button on the job log line")
	}
	del.OnTapped()
	if u.topDialog() == nil {
		t.Fatal("deleting did not ask")
	}
	key(u, fyne.KeyReturn)
	if as, _ := st.Applications(c.ID); len(as) != 1 {
		t.Fatal("Enter in the delete confirmation deleted the application")
	}
	tapInDialog(t, u.win, "Slet")
	if as, _ := st.Applications(c.ID); len(as) != 0 {
		t.Fatal("Slet did not delete")
	}
}
