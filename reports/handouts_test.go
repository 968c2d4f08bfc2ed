package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
)

var demoDay = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// demoService is a store with demo citizens, jobs and prospects, and a
// service printing with a fixed date.
func demoService(t testing.TB, n int) (*Service, *store.Store) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := testContentTB(t)
	if _, err := s.SeedDemo(c.Guide, model.DemoOptions{Citizens: n, Seed: 11, Today: demoDay, Reception: c.Reception, Catalogue: c.Catalogue, Jobs: 40}); err != nil {
		t.Fatal(err)
	}
	svc := NewService(s, c)
	svc.Opts = Options{Fixed: fixed}
	svc.Now = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }
	svc.OutDir = t.TempDir()
	s.Now = svc.Now
	return svc, s
}

func fileText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; `make test` installs it")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// recentCitizen is a demo citizen in the reception weeks with a planned meeting.
func recentCitizen(t *testing.T, s *store.Store) *model.Citizen {
	t.Helper()
	rows, _ := s.Caseload(testContentTB(t).Guide, demoDay)
	for _, r := range rows {
		if r.DaysSinceFirst < 40 && !r.Next.IsZero() && r.Status == model.StatusActive {
			c, _ := s.Citizen(r.ID)
			return c
		}
	}
	t.Fatal("no recent demo citizen with a planned conversation")
	return nil
}

func TestFolderHasTheDatedPlanAndTheNextAppointment(t *testing.T) {
	svc, s := demoService(t, 200)
	c := recentCitizen(t, s)
	c.FirstContact = time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC) // still in the first weeks
	if err := s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	path, err := svc.Handout("folder", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := fileText(t, path)
	steps, _ := s.Reception(svc.content.Reception, model.NewWorkCalendar(model.Closures{}), c)
	next, _ := s.NextConversation(c.ID, svc.Now())
	for _, want := range []string{c.Name, "Din vej tilbage til job", model.DanishWeekdayDate(steps[0].FromDate), shortDanish(steps[4].FromDate),
		"Ydelsesafklaring", DanishDateTime(next.Start), "Det forventer vi af dig", "joblog"} {
		if !strings.Contains(text, want) {
			t.Errorf("folder lacks %q:\n%s", want, text)
		}
	}
	if c.CPR != "" && strings.Contains(text, c.CPR.Masked()[:6]) {
		t.Error("the folder prints the CPR number's birth date")
	}
}

func TestPlanSheetAndJobsShowWhatWasAgreed(t *testing.T) {
	svc, s := demoService(t, 50)
	c := recentCitizen(t, s)
	goals, _ := s.JobGoals(c.ID)
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	conv := &model.Conversation{CitizenID: c.ID, Start: start, End: start.Add(time.Hour), Kind: model.KindJob, Form: model.FormInPerson, Attendance: model.AttendanceHeld}
	s.PlanConversation(conv)
	long := strings.Repeat("Køkkenmedhjælper og opvasker i weekenden ", 3)[:120]
	job := &model.Job{Title: long, Code: "941210", Employer: "Kantinen på Havnen", Place: "Ærøskøbing", Deadline: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), HowToApply: "Ring til Bo"}
	s.SaveJob(job)
	s.AgreeJob(conv.ID, job.ID, true)
	plan, err := svc.Handout("plan", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := fileText(t, plan)
	for _, want := range []string{"Din plan og vores aftaler", goals[0].Title, long + ", Kantinen på Havnen – frist mandag den 7. december 2026", "Næste samtale"} {
		if !strings.Contains(text, want) {
			t.Errorf("plan lacks %q:\n%s", want, text)
		}
	}
	jobs, _ := svc.Handout("jobs", c.ID)
	jtext := fileText(t, jobs)
	for _, want := range []string{long, "Kantinen på Havnen", "Aftalt: du søger dette job", "Ring til Bo", "mandag den 7. december 2026"} {
		if !strings.Contains(jtext, want) {
			t.Errorf("job list lacks %q:\n%s", want, jtext)
		}
	}
}

func TestDayListAndLongNamesAndBatch(t *testing.T) {
	svc, s := demoService(t, 60)
	c := recentCitizen(t, s)
	c.Name = "Anne-Sofie Kirstine Østergaard Bækgaard-Frølund Søndergaard Ærenlund Mølgaard Hansen"
	if err := s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	day, _ := svc.Handout("joblist", 0)
	if text := fileText(t, day); !strings.Contains(text, "Dagens ledige job – mandag den 23. november 2026") {
		t.Errorf("day list:\n%s", text)
	}
	folder, _ := svc.Handout("folder", c.ID)
	if text := fileText(t, folder); !strings.Contains(text, c.Name) {
		t.Errorf("the 83-character name is not printed whole:\n%s", text)
	}
	next, _ := s.NextConversation(c.ID, svc.Now())
	out := filepath.Join(t.TempDir(), "alle.pdf")
	var steps []int
	paths, err := svc.Batch("ydelse", next.Start, true, out, func(done, total int) { steps = append(steps, done) }, nil)
	if err != nil || len(paths) != 1 || len(steps) == 0 {
		t.Fatalf("batch: %v %v %v", paths, steps, err)
	}
	if text := fileText(t, out); strings.Count(text, "Tjekliste til din samtale om ydelse") != len(steps) {
		t.Errorf("one PDF for %d appointments holds %d checklists", len(steps), strings.Count(text, "Tjekliste til din samtale om ydelse"))
	}
	stop := make(chan struct{})
	close(stop)
	out2 := filepath.Join(t.TempDir(), "stoppet.pdf")
	if _, err := svc.Batch("folder", next.Start, true, out2, func(int, int) {}, stop); err != ErrCancelled {
		t.Fatalf("cancelled batch: %v", err)
	}
	if _, err := os.Stat(out2); err == nil {
		t.Fatal("a cancelled batch left a file")
	}
}
