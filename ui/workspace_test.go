package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// TestWorkspaceFlow walks the guide's flow across the desk and then checks
// that every record is still there after the database is reopened.
func TestWorkspaceFlow(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "flow.db")
	st := storetest.OpenAt(t, path)
	content := testutil.Content(t)
	guide := content.Guide
	w := a.NewWindow("Jobspor")
	w.Resize(fyne.NewSize(1280, 800))
	today := time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)
	clock := model.NewFixedClock(today)
	st.Now = clock.Now
	u := New(a, w, st, content, &fakeHandouts{}, clock)
	closeAtEnd(t, u)
	var cs *citizenScreen
	var id int64
	var cv *actionRow
	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"create the citizen", func(t *testing.T) {
			test.Tap(u.caseload.newBtn)
			test.Type(u.form.name, "Åse Ærø Sørensen")
			test.Tap(u.form.save)
			if cs = u.citizen; cs == nil {
				t.Fatal("saving the new citizen did not open the citizen screen")
			}
			id = cs.citizen.ID
		}},
		{"opening phase: a job goal and the CV follow-up", func(t *testing.T) {
			cs.nav.Select(sectionOpening)
			test.Type(cs.opening.goalTitle.entry, "Køkkenmedhjælper")
			test.Tap(cs.opening.goalAdd)
			cv = findRow(t, cs.phases[0], guide.Opening().Elements[1].Actions[0].ID)
			test.Tap(cv.check)
		}},
		{"assess: education lift", func(t *testing.T) {
			o := cs.opening
			o.outcome.SetSelected(o.outcomes.label(model.TrackEducation))
			test.Type(o.reason, "Ufaglært, ønsker at blive faglært")
			test.Tap(o.assign)
			cs = u.citizen
			if cs.citizen.Track != model.TrackEducation {
				t.Fatalf("track after assessment = %q", cs.citizen.Track)
			}
			if cs.current != sectionTrack || len(cs.phases) == 0 || cs.phases[0].phase.Title != "Uddannelsesløft" {
				t.Fatalf("the Uddannelsesløft actions are not shown after the assessment")
			}
		}},
		{"plan a conversation, mark it no-show, plan the next", func(t *testing.T) { planMissedAndNext(t, a, u, st, cs, id) }},
		{"the caseload marks the no-show", func(t *testing.T) {
			u.back()
			u.back()
			u.onCaseload()
			row := u.caseload.rows[0]
			if !row.NoShow || row.Next.Format("02-01-2006 15:04") != "01-12-2026 09:30" {
				t.Errorf("caseload row: no-show %v, next %v; want the no-show marked and the next conversation shown", row.NoShow, row.Next)
			}
			if flag := u.caseload.cellText(row, len(caseColumns)-1); flag != "Udeblevet/afbud" {
				t.Errorf("attention column reads %q", flag)
			}
		}},
		{"everything survives a restart", func(t *testing.T) {
			st.Close()
			store2 := storetest.OpenAt(t, path)
			c, _ := store2.Citizen(id)
			goals, _ := store2.JobGoals(id)
			hist, _ := store2.TrackHistory(id)
			prog, _ := store2.ProgressFor(id)
			conversations, _ := store2.Conversations(id)
			if c.Track != model.TrackEducation || len(goals) != 1 || goals[0].Title != "Køkkenmedhjælper" ||
				len(hist) != 1 || !prog[cv.action.ID].Done || len(conversations) != 2 ||
				conversations[0].Attendance != model.AttendanceNoShow {
				t.Fatalf("after restart: track %q, goals %+v, history %d, cv done %v, conversations %+v",
					c.Track, goals, len(hist), prog[cv.action.ID].Done, conversations)
			}
		}},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			return // later steps build on this one
		}
	}
}

// planMissedAndNext plans a conversation earlier today, records it as a
// no-show with an agreement, plans the next one from the conversation and
// copies the summary.
func planMissedAndNext(t *testing.T, a fyne.App, u *UI, st *store.Store, cs *citizenScreen, id int64) {
	cs.nav.Select(sectionConversations)
	p := cs.planner
	p.date.SetText("23-11-2026") // earlier today: the citizen did not come
	test.Type(p.start, "8:00")
	test.Type(p.end, "8:45")
	test.Tap(p.save)
	conversations, err := st.Conversations(id)
	if err != nil || len(conversations) != 1 {
		t.Fatalf("%d conversations after planning one (%v)", len(conversations), err)
	}
	cs.onOpenConversation(conversations[0].ID)
	cv2 := u.conversation
	cv2.attendance.SetSelected(attendanceLabel(model.AttendanceNoShow))
	test.Type(cv2.agreements, "Ny tid aftalt pr. telefon")
	test.Tap(cv2.save)
	cv2.next.date.SetText("01-12-2026")
	test.Type(cv2.next.start, "9:30")
	test.Type(cv2.next.end, "10:00")
	test.Tap(cv2.next.save)
	cv2 = u.conversation
	test.Tap(cv2.copyBtn)
	got := a.Clipboard().Content()
	for _, want := range []string{"23-11-2026 kl. 08:00-08:45", "Udeblevet", "Ny tid aftalt pr. telefon", "Næste samtale: 01-12-2026 kl. 09:30"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Åse") {
		t.Errorf("the summary names the citizen; it goes into another system that already knows who:\n%s", got)
	}
}

func findRow(t *testing.T, p *phaseSection, actionID string) *actionRow {
	t.Helper()
	for _, r := range p.rows {
		if r.action.ID == actionID {
			return r
		}
	}
	t.Fatalf("action %s not shown", actionID)
	return nil
}

func TestPlanningAnImpossibleConversationSaysWhyAndSavesNothing(t *testing.T) {
	u, st := newTestUI(t)
	c := &model.Citizen{Name: "Mette Kjær", Benefit: model.BenefitDagpenge, Education: model.EducationSkilled,
		Status: model.StatusActive, FirstContact: u.now()}
	st.CreateCitizen(c)
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionConversations)
	p := u.citizen.planner
	for _, in := range [][3]string{{"24-11-2026", "25:00", "10:00"}, {"24-11-2026", "10:00", "09:00"}, {"31-11-2026", "10:00", "11:00"}} {
		p.date.SetText(in[0])
		p.start.SetText(in[1])
		p.end.SetText(in[2])
		test.Tap(p.save)
		if !p.problems.Visible() || p.problems.Text == "" {
			t.Errorf("%v: no message shown", in)
		}
	}
	if !strings.Contains(p.problems.Text, "31-11-2026") {
		t.Errorf("the message does not name the bad date: %q", p.problems.Text)
	}
	if all, _ := st.Conversations(c.ID); len(all) != 0 {
		t.Fatalf("%d conversations saved from bad input", len(all))
	}
}
