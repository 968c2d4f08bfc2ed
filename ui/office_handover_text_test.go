package ui

import (
	"strings"
	"testing"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// The hand-over says in Danish how many citizens went to whom, one or
// many, and how many covered cases it left where they were; the caseload's
// "Flyt viste" asks with the right form too.
func TestAHandOverSaysHowManyInDanish(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{handOverText(1, 0, "CD"), "1 borger er overdraget til CD."},
		{handOverText(3, 0, "CD"), "3 borgere er overdraget til CD."},
		{handOverText(2, 1, "CD"), "2 borgere er overdraget til CD. 1 sag, du dækker for en kollega, er ikke overdraget: det gør kollegaen eller lederen."},
		{handOverText(1, 2, "CD"), "1 borger er overdraget til CD. 2 sager, du dækker for en kollega, er ikke overdraget: det gør kollegaen eller lederen."},
		{countText("handover.hint", 1), "Kontoret overdrager 1 borger; sagen forlader din liste, når kontoret har taget imod."},
		{countText("handover.hint", 4), "Kontoret overdrager de 4 borgere; de forlader din liste, når kontoret har taget imod."},
		{countText("list.move.hint", 1), "Listen viser nu 1 borger; borgeren får den valgte sagsbehandler."},
		{countText("list.move.hint", 5), "Listen viser nu 5 borgere; de får alle den valgte sagsbehandler."},
		{countText("list.moved", 1, "JK"), "1 borger flyttet til JK"},
	} {
		if c.got != c.want {
			t.Errorf("says %q, want %q", c.got, c.want)
		}
	}
}

// Several cases handed over from the caseload at once: the toast says how
// many went to whom, and they leave the laptop.
func TestSeveralCasesHandedOverAtOnce(t *testing.T) {
	_, _, al, _, _ := coverOffice(t)
	al.u.onCaseload()
	al.u.caseload.who.SetSelectedIndex(0)
	if n := len(al.u.caseload.rows); n != 2 {
		t.Fatalf("AL's caseload shows %d citizens, want 2", n)
	}
	al.u.caseload.onMove("CD")
	waitFor(t, "the hand-over", func() bool { return strings.Contains(labels(al.u.toasts), "overdraget") })
	if got := labels(al.u.toasts); !strings.Contains(got, "✓ 2 borgere er overdraget til CD.") {
		t.Fatalf("after handing over 2 cases the window says %q", got)
	}
	if coverCitizenNamed(t, al.st, "Åse Ærø") != 0 || coverCitizenNamed(t, al.st, "Bent Bøg") != 0 {
		t.Fatal("the cases handed over are still on AL's laptop")
	}
}

// A hand-over of several cases is one action: when the office refuses one
// of them (a case covered for a colleague), none is moved, as it says.
func TestAHandOverOfSeveralIsAllOrNothing(t *testing.T) {
	_, le, al, cd, day := coverOffice(t)
	own := storetest.AddCitizen(t, cd.st, func(c *model.Citizen) { c.Name = "Carls Egen" })
	cd.sync(t)
	if _, err := le.svc.CoverColleague("AL", "CD", day.AddDate(0, 0, 3), "ferie"); err != nil {
		t.Fatal(err)
	}
	cd.sync(t)
	covered := coverCitizenNamed(t, cd.st, "Åse Ærø")
	if covered == 0 {
		t.Fatal("CD does not cover AL's case")
	}
	err := cd.svc.HandOver([]int64{own.ID, covered}, "LE")
	if err == nil || !strings.Contains(errText(err), "Intet er flyttet") {
		t.Fatalf("a hand-over with a case CD may not move: %v (%q)", err, errText(err))
	}
	c, err := cd.st.Citizen(own.ID)
	if err != nil || c.Caseworker != "CD" {
		t.Fatalf("after the refused hand-over CD's own case is %+v (%v), want still CD's", c, err)
	}
	cd.sync(t)
	if c, err := cd.st.Citizen(own.ID); err != nil || c.Caseworker != "CD" {
		t.Fatalf("after a sync CD's own case is %+v (%v): the office moved it", c, err)
	}
	_ = al
}
