package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// TestTodayShowsWhatTheDayAsks: a citizen registered today shows the dated
// reception plan (for a 22-year-old the youth route, 10 råd #6-#7: straight
// into the job workshop on days 1-2, no activation on day 10); a no-show appears in the catch-up list; a 22-year-old
// without education is flagged for the youth effort.
func TestTodayShowsWhatTheDayAsks(t *testing.T) {
	u, store := newTestUI(t) // today is Monday 23 November 2026
	store.Now = u.now

	test.Tap(u.caseload.newBtn)
	test.Type(u.form.name, "Lærke Østergaard")
	test.Type(u.form.cpr, "150604-4123") // 22 years old
	u.form.education.SetSelected(educationLabel(model.EducationUnskilled))
	test.Tap(u.form.save)
	cs := u.citizen
	cs.nav.Select(sectionReception)
	steps := cs.reception.steps
	if len(steps) != 7 || steps[0].FromDate.Format("02-01-2006") != "23-11-2026" || steps[2].ID != "youth_offer" ||
		steps[2].ToDate.Format("02-01-2006") != "24-11-2026" || steps[6].ToDate.Format("02-01-2006") != "30-11-2026" {
		t.Fatalf("dated plan for a citizen registered today: %+v", steps)
	}
	test.Tap(cs.reception.checks["reception"])
	if got, _ := store.Reception(u.content.Reception, model.NewWorkCalendar(model.Closures{}), cs.citizen); !got[0].Done {
		t.Fatal("ticking the first reception step was not saved")
	}

	storetest.Plan(t, store, cs.citizen.ID, u.now().Add(-2*time.Hour), 30, func(c *model.Conversation) {
		c.Kind, c.Attendance = model.KindFirst, model.AttendanceNoShow
	})
	u.back()
	if u.stack[len(u.stack)-1] != screen(u.today) {
		t.Fatal("Escape from the citizen did not return to Today")
	}
	text := todayText(u.today)
	if len(u.today.view.CatchUp) != 1 || u.today.view.CatchUp[0].CitizenID != cs.citizen.ID {
		t.Errorf("catch-up list = %+v, want the no-show", u.today.view.CatchUp)
	}
	for _, want := range []string{"Lærke Østergaard – Udeblevet", "Lærke Østergaard (22 år) – til den kommunale ungeindsats (KUI) – markeret 23-11-2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("Today lacks %q:\n%s", want, text)
		}
	}
	test.Tap(u.today.catchUp)
	if len(u.today.view.CatchUp) != 0 {
		t.Error("the no-show is still listed after the catch-up session")
	}
}

// todayText is every label on Today, one per line.
func todayText(s *todayScreen) string {
	var lines []string
	for _, p := range s.parts() {
		lines = append(lines, p.title)
		for _, l := range p.lines {
			lines = append(lines, l.text)
		}
	}
	return strings.Join(lines, "\n")
}

// TestTodayShowsTwoFiguresAndNoticeActions: a kontanthjælp citizen first seen
// 14 days ago without a conversation misses the first conversation (0 of 1
// against 100 %); the six months are still open, so the minimum counts no
// one yet (no pro rata: no source gives one, issue 23); the notice to the benefit
// office can be copied, and the unsettled benefit is warned about.
func TestTodayShowsTwoFiguresAndNoticeActions(t *testing.T) {
	u, store := newTestUI(t) // today is Monday 23 November 2026
	store.Now = u.now
	c := storetest.AddCitizen(t, store, func(c *model.Citizen) {
		c.Name, c.Benefit, c.FirstContact = "Karl Kontant", model.BenefitKontanthjaelp, time.Date(2026, 11, 9, 0, 0, 0, 0, time.UTC)
	})
	if err := store.SaveBenefitCase(&model.BenefitCase{CitizenID: c.ID, IntendsOn: c.FirstContact}, 6); err != nil {
		t.Fatalf("save benefit case: %v", err)
	}
	u.today.load()
	if got := u.today.first.Text; got != "Første jobsamtale: 100 % krævet — 0 % (0 af 1, første 6 mdr.)  – under kravet" {
		t.Errorf("first figure = %q", got)
	}
	if got := u.today.onTime.Text; got != "Samtaler til tiden: 75 % krævet — 100 % (0 af 0, vinduer afsluttet inden for 6 mdr.)  – kravet er nået" {
		t.Errorf("on-time figure = %q", got)
	}
	text := todayText(u.today)
	for _, want := range []string{"Karl Kontant – ydelsen skulle være afklaret 20-11-2026", "Karl Kontant – til ydelseskontoret: Borgeren påtænker"} {
		if !strings.Contains(text, want) {
			t.Errorf("Today lacks %q:\n%s", want, text)
		}
	}
	u.today.onCopyNotice(u.today.view.Notices[0].ID)
	if got := u.app.Clipboard().Content(); got != "Besked til ydelseskontoret" {
		t.Errorf("clipboard = %q", got)
	}
}
