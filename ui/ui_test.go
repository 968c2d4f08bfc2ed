package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

func TestMain(m *testing.M) {
	if err := SetupLanguage(); err != nil {
		panic(err)
	}
	if err := model.SetTexts(assets.DanishTexts); err != nil {
		panic(err)
	}
	onWindow = testWindow.add
	done := testutil.PrivateConfigDir()
	code := m.Run()
	done()
	stopOfficeCluster()
	os.Exit(code)
}

type fakeHandouts struct {
	made       []int64
	attendance []string // whose pattern each attendance report printed
}

func (f *fakeHandouts) Insight(id int64) (string, error) {
	f.made = append(f.made, id)
	return "/tmp/indsigt.pdf", nil
}
func (f *fakeHandouts) SetScope(model.Scope) {}
func (f *fakeHandouts) BenefitMeeting(id int64, meeting time.Time, place string) (string, error) {
	f.made = append(f.made, id)
	return filepath.Join(os.TempDir(), "ydelse.pdf"), nil
}
func (f *fakeHandouts) DefaultBenefitPlace() string { return "Ydelseskontoret" }
func (f *fakeHandouts) Notices(ids []int64, asList bool) (string, error) {
	return f.BenefitMeeting(0, time.Time{}, "")
}
func (f *fakeHandouts) NoticesText(ids []int64) (string, error) {
	return "Besked til ydelseskontoret", nil
}
func (f *fakeHandouts) CallList(day time.Time) (string, error) {
	return filepath.Join(os.TempDir(), "opkald.pdf"), nil
}
func (f *fakeHandouts) Attendance(from, to time.Time) (string, error) {
	return filepath.Join(os.TempDir(), "fremmoede.pdf"), nil
}
func (f *fakeHandouts) AttendanceOf(st *model.AttendanceStats, whose string) (string, error) {
	f.attendance = append(f.attendance, whose)
	return filepath.Join(os.TempDir(), "fremmoede.pdf"), nil
}
func (f *fakeHandouts) Folder() string { return os.TempDir() }
func (f *fakeHandouts) Handout(kind model.HandoutKind, id int64) (string, error) {
	f.made = append(f.made, id)
	return filepath.Join(os.TempDir(), string(kind)+".pdf"), nil
}
func (f *fakeHandouts) Batch(kind model.HandoutKind, day time.Time, one bool, out string, p func(int, int), c <-chan struct{}) ([]string, error) {
	p(1, 1)
	return []string{out}, nil
}
func (f *fakeHandouts) CalendarOne(id int64) (string, error) {
	return filepath.Join(os.TempDir(), "samtale.ics"), nil
}
func (f *fakeHandouts) Calendar(from time.Time, days int) (string, error) {
	return filepath.Join(os.TempDir(), "samtaler.ics"), nil
}

// newTestUI opens a fresh database and builds the window on it.
func newTestUI(t testing.TB) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	store := storetest.Open(t)
	content := testutil.Content(t)
	w := a.NewWindow("Jobspor")
	w.Resize(fyne.NewSize(1280, 800))
	clock := model.NewFixedClock(time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local))
	store.Now = clock.Now
	u := New(a, w, store, content, &fakeHandouts{}, clock)
	closeAtEnd(t, u)
	return u, store
}

func TestCreateCitizenTickActionAndFindItSaved(t *testing.T) {
	u, store := newTestUI(t)
	test.Tap(u.caseload.newBtn)
	f := u.form
	if f == nil {
		t.Fatal("Ny borger did not open the form")
	}
	test.Type(f.name, "Søren Ærø Åkjær")
	test.Type(f.cpr, "120385-4321")
	test.Type(f.phone, "+45 20 30 40 50")
	test.Tap(f.save)
	v := u.citizen
	if v == nil {
		t.Fatalf("saving did not open the citizen; problems: %q", f.problems.Text)
	}
	if rows := u.caseload.rows; len(rows) != 1 || rows[0].ID != v.citizen.ID {
		t.Fatalf("the caseload shows %v, want the new citizen %d", rows, v.citizen.ID)
	}
	if v.cpr.Text != "120385-xxxx" {
		t.Errorf("CPR shown as %q, want masked", v.cpr.Text)
	}

	v.nav.Select(sectionOpening)
	row := v.phases[0].rows[0]
	test.Tap(row.check)
	u.win.Canvas().Focus(row.note)
	test.Type(row.note, "Lager, køkken og rengøring")
	row.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	p, err := store.ProgressFor(v.citizen.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := p[row.action.ID]
	if !got.Done || got.Note != "Lager, køkken og rengøring" || got.By != store.User {
		t.Fatalf("saved progress = %+v", got)
	}
	if got.DoneOn.Format(model.DateLayout) != "2026-11-23" {
		t.Errorf("done on %s, want today", got.DoneOn.Format(model.DateLayout))
	}
	if !strings.Contains(row.meta.Text, "23-11-2026") {
		t.Errorf("row does not say when it was done: %q", row.meta.Text)
	}
	if !strings.Contains(v.phases[0].title.Text, "1 af 8") {
		t.Errorf("phase progress reads %q, want 1 af 8", v.phases[0].title.Text)
	}
}

func TestInvalidCitizenShowsDanishProblemsAndSavesNothing(t *testing.T) {
	u, store := newTestUI(t)
	test.Tap(u.caseload.newBtn)
	f := u.form
	test.Type(f.cpr, "310490-1234")
	f.firstContact.SetText("32-13-2026")
	test.Tap(f.save)
	if u.citizen != nil {
		t.Fatal("an invalid citizen was opened as saved")
	}
	for _, want := range []string{"Navn skal udfyldes", "gyldig fødselsdato", "32-13-2026"} {
		if !strings.Contains(f.problems.Text, want) {
			t.Errorf("problems %q lack %q", f.problems.Text, want)
		}
	}
	if !f.problems.Visible() {
		t.Error("the problems are not shown")
	}
	rows, _ := store.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if len(rows) != 0 {
		t.Fatalf("%d citizens saved from an invalid form", len(rows))
	}
}

func TestSearchAndFiltersNarrowTheList(t *testing.T) {
	u, store := newTestUI(t)
	for _, n := range []string{"Bjørn Madsen", "Åse Ærenlund", "Mette Kjær"} {
		c := &model.Citizen{Name: n, Benefit: model.BenefitDagpenge, Education: model.EducationUnskilled,
			Status: model.StatusActive, FirstContact: u.now(), Track: model.TrackIntensive}
		if n == "Mette Kjær" {
			c.Status, c.Track = model.StatusInJob, model.TrackEducation
		}
		if err := store.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
	}
	u.caseload.load()
	if n := len(u.caseload.rows); n != 2 {
		t.Fatalf("default list (active) shows %d, want 2", n)
	}
	test.Type(u.caseload.search, "ære")
	if len(u.caseload.rows) != 1 || u.caseload.rows[0].Name != "Åse Ærenlund" {
		t.Fatalf("search ære shows %+v", u.caseload.rows)
	}
	u.caseload.search.SetText("")
	u.caseload.status.SetSelectedIndex(0)
	u.caseload.track.SetSelected(trackLabel(model.TrackEducation))
	if len(u.caseload.rows) != 1 || u.caseload.rows[0].Name != "Mette Kjær" {
		t.Fatalf("track filter shows %+v", u.caseload.rows)
	}
	if u.caseload.count.Text != "1 borger" {
		t.Errorf("count reads %q", u.caseload.count.Text)
	}
}

func TestOfficeSettingsAreSavedForTheHandouts(t *testing.T) {
	u, store := newTestUI(t)
	u.onSettings()
	s := u.stack[len(u.stack)-1].(*settingsScreen)
	s.entries[0].SetText("Jobcenter Ærø")
	s.entries[2].SetText("62 52 10 00")
	test.Tap(s.save)
	o, err := store.Office()
	if err != nil || o.Name != "Jobcenter Ærø" || o.Phone != "62 52 10 00" {
		t.Fatalf("office after save: %+v, %v", o, err)
	}
	s.entries[0].SetText("")
	test.Tap(s.save)
	if !s.problems.Visible() || !strings.Contains(s.problems.Text, "Kontorets navn skal udfyldes") {
		t.Fatalf("an empty office name was not refused: %q", s.problems.Text)
	}
	if o, _ := store.Office(); o.Name != "Jobcenter Ærø" {
		t.Fatal("a refused save changed the settings")
	}
}

func TestAnAkasseCallsThemMembersAndAdaptsThePlan(t *testing.T) {
	u, store := newTestUI(t)
	u.onSettings()
	s := u.stack[len(u.stack)-1].(*settingsScreen)
	s.rules.kind.SetSelected(s.rules.kinds.label(model.OfficeAkasse))
	test.Tap(s.rules.grundlov)
	test.Tap(s.save)
	if k, _ := store.OfficeKind(); k != model.OfficeAkasse {
		t.Fatalf("office kind = %q", k)
	}
	if c, _ := store.Closures(); !c.Grundlovsdag {
		t.Error("Grundlovsdag closure not saved")
	}
	if got := u.countText(3); got != "3 medlemmer" {
		t.Errorf("an a-kasse counts %q", got)
	}
	rows := s.plan.rows
	rows[0].title.SetText("Velkomstmøde i a-kassen")
	rows[1].to.SetText("x")
	test.Tap(s.save)
	if p, _ := store.ReceptionPlan(u.content.Reception); p != u.content.Reception {
		t.Fatal("a plan with a day that is not a number was saved")
	}
	rows[1].to.SetText("3")
	test.Tap(s.save)
	p, _ := store.ReceptionPlan(u.content.Reception)
	if p == u.content.Reception || p.Steps[0].Title != "Velkomstmøde i a-kassen" || p.Steps[1].To != 3 {
		t.Fatalf("the office's plan was not saved: %+v", p)
	}
}

func TestLetterheadPreviewFollowsTypingAndLogoIsChecked(t *testing.T) {
	u, store := newTestUI(t)
	u.onSettings()
	s := u.stack[len(u.stack)-1].(*settingsScreen)
	s.entries[0].SetText("Jobcenter Ærø")
	s.entries[2].SetText("62 52 10 00")
	s.entries[4].SetText("man–fre 9–15")
	if s.preview.name.Text != "Jobcenter Ærø" || !strings.Contains(s.preview.lines.Text, "Tlf. 62 52 10 00") ||
		!strings.Contains(s.preview.lines.Text, "Åbningstid: man–fre 9–15") {
		t.Fatalf("preview = %q / %q", s.preview.name.Text, s.preview.lines.Text)
	}
	if err := store.SaveLogo([]byte("not an image")); err == nil {
		t.Error("a file that is not PNG or JPEG was saved as the logo")
	}
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	if err := store.SaveLogo(png); err != nil {
		t.Fatal(err)
	}
	if o, _ := store.Office(); len(o.Logo) != len(png) {
		t.Errorf("logo not stored: %d bytes", len(o.Logo))
	}
}

func TestBatchScreenShowsProgress(t *testing.T) {
	u, _ := newTestUI(t)
	u.onBatch()
	s := u.stack[len(u.stack)-1].(*batchScreen)
	if s.date.Text != "23-11-2026" {
		t.Errorf("batch defaults to %q, want today 23-11-2026: the day's handouts for the day's conversations", s.date.Text)
	}
	s.date.SetText("30-02-2026")
	test.Tap(s.start)
	if !s.start.Disabled() && s.progress.Value != 0 {
		t.Error("an impossible date started a batch")
	}
	s.date.SetText("24-11-2026")
	s.run("folder", time.Date(2026, 11, 24, 0, 0, 0, 0, time.Local), true, filepath.Join(t.TempDir(), "x.pdf"))
	runWindow() // run's progress and end reach the widgets on the window's goroutine
	if s.progress.Value != 1 || s.status.Text != "1 af 1 færdige" {
		t.Errorf("progress %v, status %q", s.progress.Value, s.status.Text)
	}
}

// TestADateThatDoesNotExistSaysSo: "31-02-2026" is in the asked form, so
// the message says the day does not exist — and not also that it is missing.
func TestADateThatDoesNotExistSaysSo(t *testing.T) {
	u, _ := newTestUI(t)
	test.Tap(u.caseload.newBtn)
	f := u.form
	test.Type(f.name, "Åse Ærø")
	f.firstContact.SetText("31-02-2026")
	test.Tap(f.save)
	if !strings.Contains(f.problems.Text, "Datoen »31-02-2026« findes ikke i kalenderen") ||
		strings.Contains(f.problems.Text, "skal udfyldes") {
		t.Fatalf("problems for 31-02-2026: %q", f.problems.Text)
	}
	f.firstContact.SetText("")
	test.Tap(f.save)
	if !strings.Contains(f.problems.Text, "første kontakt skal udfyldes") {
		t.Fatalf("problems for an empty date: %q", f.problems.Text)
	}
}

// TestAnOverviewWithoutNumbersSaysSo: a citizen registered without CPR
// number, phone or e-mail shows a dash in each row, not an empty space,
// and no button to reveal a number there is none of.
func TestAnOverviewWithoutNumbersSaysSo(t *testing.T) {
	u, store := newTestUI(t)
	c := storetest.AddCitizen(t, store, func(c *model.Citizen) {
		c.CPR, c.Phone, c.Email = "", "", ""
		c.BirthDate = time.Date(1990, 5, 1, 0, 0, 0, 0, time.UTC)
	})
	u.onOpenCitizen(c.ID)
	v := u.citizen
	if v.cpr.Text != "–" {
		t.Errorf("the CPR row reads %q, want a dash", v.cpr.Text)
	}
	shown := "|" + strings.Join(drawnTexts(v.content()), "|") + "|"
	if strings.Count(shown, "|–|") < 3 || strings.Contains(shown, lang.L("view.reveal")) {
		t.Errorf("the overview reads %q: want dashes for CPR, phone and e-mail and no reveal button", shown)
	}
}

// drawnTexts lists the texts drawn under o, in order.
func drawnTexts(o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *canvas.Text:
		return []string{x.Text}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, drawnTexts(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, drawnTexts(c)...)
		}
	}
	return out
}

// testClock is the clock a test built the window with, to move it.
func testClock(u *UI) *model.FixedClock { return u.clock.(*model.FixedClock) }
