package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// TestALaptopOnItsOwnSaysNothingOfAnOffice: the window always carries the
// office tier (so Kontor can join one), but a laptop that has joined none
// shows no office's figures, no "whole office" on its hot jobs and no
// office choice, pattern or capacity on Fremmøde — it is as it was.
func TestALaptopOnItsOwnSaysNothingOfAnOffice(t *testing.T) {
	l := newOfficeLaptop(t)
	l.ui.today.load()
	o := l.ui.today.office
	if o == nil {
		t.Fatal("Today has no office part although the window carries the office tier")
	}
	if o.figures.Visible() && o.figures.Text != "" {
		t.Errorf("Today on a laptop in no office shows the office's figures: %q", o.figures.Text)
	}
	if title := o.hot.title.Text; strings.Contains(title, "kontor") {
		t.Errorf("hot jobs on a laptop in no office are titled %q", title)
	}
	l.ui.onAttendance()
	var texts []string
	var walk func(c fyne.CanvasObject)
	walk = func(c fyne.CanvasObject) {
		switch w := c.(type) {
		case *fyne.Container:
			for _, o := range w.Objects {
				walk(o)
			}
		case *container.Scroll:
			walk(w.Content)
		case *widget.Label:
			texts = append(texts, w.Text)
		case *widget.Select:
			texts = append(texts, w.Options...)
		case *secondaryLabel:
			texts = append(texts, w.Text)
		}
	}
	walk(l.ui.top().(*attendanceScreen).content())
	if len(texts) < 3 {
		t.Fatalf("Fremmøde shows almost nothing: %q", texts)
	}
	if all := strings.Join(texts, " | "); strings.Contains(all, "ontor") {
		t.Errorf("Fremmøde on a laptop in no office speaks of the office: %s", all)
	}
}

// TestALaptopOnItsOwnMovesCasesBetweenItsOwnCaseworkers: with the office
// tier carried but no office joined, the team is the caseworkers kept on
// this laptop, a move is the laptop's own (not a hand-over the office must
// take), and the citizen screen offers no "Overdrag til …" to an empty roster.
func TestALaptopOnItsOwnMovesCasesBetweenItsOwnCaseworkers(t *testing.T) {
	l := newOfficeLaptop(t)
	for _, c := range []model.Caseworker{{Initials: "AL", Name: "Anna Larsen"}, {Initials: "JH", Name: "Jens Holm"}} {
		if err := l.store.SaveCaseworker(&c); err != nil {
			t.Fatal(err)
		}
	}
	c := storetest.AddCitizen(t, l.store, func(c *model.Citizen) { c.Name, c.Caseworker = "Bodil Bech", "AL" })
	l.ui.onOpenCitizen(c.ID)
	if got := strings.Join(drawnTexts(l.ui.citizen.root), "\n"); strings.Contains(got, "Overdrag til") {
		t.Errorf("the citizen screen on a laptop in no office offers a hand-over:\n%s", got)
	}
	l.ui.goBack()
	l.ui.onCaseload()
	s := l.ui.caseload
	if len(s.team) != 2 {
		t.Fatalf("the caseload's team on a laptop in no office: %+v, want the laptop's AL and JH", s.team)
	}
	s.onMove("JH")
	got, err := l.store.Citizen(c.ID)
	if err != nil || got.Caseworker != "JH" {
		t.Fatalf("after a move to JH on a laptop in no office: %+v, %v", got, err)
	}
}

// TestTodaysPartsDoNotOverlapWhenHotJobsCome: Today keeps each part's size
// until told it changed. The hot jobs (the office part, read with Today)
// were not told: shown first with none, then with three, their lines were
// drawn over "Dagens samtaler" below them (seen at every start on a
// 10,000-citizen laptop). Each part of Today lies below the one above it.
func TestTodaysPartsDoNotOverlapWhenHotJobsCome(t *testing.T) {
	l := newOfficeLaptop(t)
	now := l.ui.now()
	c := storetest.AddCitizen(t, l.store, func(c *model.Citizen) { c.Name = "Bodil Bech" })
	storetest.Plan(t, l.store, c.ID, now.Add(time.Hour), 45)
	l.ui.today.load()
	s := l.ui.today
	if n := len(s.office.hot.box.Objects); n > 3 {
		t.Fatalf("the hot jobs part shows %d objects before any job is hot", n)
	}
	for _, title := range []string{"Pedel", "Kontorassistent", "Lagerarbejder"} {
		storetest.AddJob(t, l.store, title, now.AddDate(0, 0, 7), func(j *model.Job) { j.Hot = true })
	}
	l.ui.today.load()
	if got := s.office.hot.title.Text; !strings.Contains(got, "(3)") {
		t.Fatalf("the hot jobs part reads %q, want its three jobs", got)
	}
	var above fyne.CanvasObject
	for _, o := range s.body.Objects {
		if !o.Visible() {
			continue
		}
		if above != nil && above.Position().Y+above.MinSize().Height > o.Position().Y+0.5 {
			t.Errorf("a part of Today (%s) is drawn from y %.0f over the part above it (%s, y %.0f, %.0f high)",
				firstText(o), o.Position().Y, firstText(above), above.Position().Y, above.MinSize().Height)
		}
		above = o
	}
}

// firstText is the first text drawn in o, to name it.
func firstText(o fyne.CanvasObject) string {
	if texts := drawnTexts(o); len(texts) > 0 {
		return texts[0]
	}
	return "?"
}
