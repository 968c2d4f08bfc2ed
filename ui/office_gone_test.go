package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/jackc/pgx/v5"
)

// windowSync is the window's own sync (the header's), waited for.
func windowSync(t *testing.T, d *coverDesk) {
	t.Helper()
	s := d.u.officeBar.sync
	if !s.joined {
		s.begin(false) // the desk joined through the service: the window's rhythm starts
	}
	waitFor(t, "a sync under way", func() bool { return !s.running })
	n := s.syncs
	s.request()
	waitFor(t, "the window's sync", func() bool { return s.syncs > n && !s.running })
}

// dialogEntries are the texts of the fields in the dialog on top.
func dialogEntries(w fyne.Window) string {
	var b strings.Builder
	if o := w.Canvas().Overlays().Top(); o != nil {
		walk(o, func(x fyne.CanvasObject) {
			if e, ok := x.(*widget.Entry); ok {
				b.WriteString(e.Text + "\n")
			}
		})
	}
	return b.String()
}

// A case handed to a colleague while its form is open with typing not
// saved: the window's next sync closes its screens, says in Danish why,
// and shows what was typed with Kopiér — nothing vanishes silently.
func TestACaseHandedAwayClosesItsScreenAndKeepsWhatWasTyped(t *testing.T) {
	_, le, al, _, day := coverOffice(t)
	id := coverCitizenNamed(t, al.st, "Bent Bøg")
	al.u.onOpenCitizen(id)
	al.u.onEditCitizen(al.u.citizen.citizen)
	al.u.form.phone.SetText("12 34 56 78")
	al.u.form.notes.SetText("Ringede – vil gerne i praktik hos Bilka")
	if !al.u.form.Dirty() {
		t.Fatal("the typing did not make the form unsaved")
	}
	// the lead covers AL's cases herself and hands this one to CD
	if _, err := le.svc.CoverColleague("AL", "LE", day.AddDate(0, 0, 3), "ferie"); err != nil {
		t.Fatal(err)
	}
	le.sync(t)
	if err := le.svc.Move([]int64{coverCitizenNamed(t, le.st, "Bent Bøg")}, "CD"); err != nil {
		t.Fatal(err)
	}
	windowSync(t, al)
	if al.u.citizen != nil || al.u.form != nil {
		t.Fatalf("after the sync the window still shows the case handed away (%T on top)", al.u.top())
	}
	if got := dialogText(al.u.win); !strings.Contains(got, "Sagen om Bent Bøg er overdraget til en kollega og er ikke længere på denne computer.") ||
		!strings.Contains(got, "ikke gemt") {
		t.Fatalf("the window says %q", got)
	}
	if got := dialogEntries(al.u.win); !strings.Contains(got, "12 34 56 78") || !strings.Contains(got, "Ringede – vil gerne i praktik hos Bilka") {
		t.Fatalf("what AL typed is not shown to copy: %q", got)
	}
	tapInDialog(t, al.u.win, "Kopiér teksten")
	if c := al.u.app.Clipboard().Content(); !strings.Contains(c, "Ringede – vil gerne i praktik hos Bilka") {
		t.Fatalf("Kopiér put %q on the clipboard", c)
	}
}

// A cover that ends while the covered case is open (nothing typed): the
// screen closes and says whose case it is again.
func TestACoverEndingClosesTheCoveredCasesScreen(t *testing.T) {
	server, le, _, cd, day := coverOffice(t)
	if _, err := le.svc.CoverColleague("AL", "CD", day.AddDate(0, 0, 3), "ferie"); err != nil {
		t.Fatal(err)
	}
	windowSync(t, cd)
	id := coverCitizenNamed(t, cd.st, "Åse Ærø")
	if id == 0 {
		t.Fatal("CD does not cover AL's case")
	}
	cd.u.onOpenCitizen(id)
	if cd.u.coverText(id) == "" {
		t.Fatal("the covered case does not say it is covered")
	}
	admin, err := pgx.Connect(context.Background(), server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	if _, err := admin.Exec(context.Background(), `UPDATE jobspor.cover SET until = current_date - 1`); err != nil {
		t.Fatal(err) // the days pass: the cover ends by itself at the next sync
	}
	windowSync(t, cd)
	if cd.u.citizen != nil {
		t.Fatalf("after the cover ended the window still shows AL's case (still on the laptop: %v)", coverCitizenNamed(t, cd.st, "Åse Ærø") != 0)
	}
	want := "Din dækning for AL er slut, og sagen om Åse Ærø er ikke længere på denne computer. Den er igen hos AL."
	if got := dialogText(cd.u.win); !strings.Contains(got, want) || strings.Contains(got, "ikke gemt") {
		t.Fatalf("the window says %q, want %q", got, want)
	}
}
