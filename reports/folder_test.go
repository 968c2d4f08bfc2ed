package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// eightSteps is an office's own reception plan of eight steps, two of them
// done without the citizen.
var eightSteps = &model.ReceptionPlan{Version: "test", Steps: []model.ReceptionStep{
	{ID: "s1", From: 1, To: 1, Title: "Modtagelse og selvbetjening i jobværksted", Citizen: true},
	{ID: "s2", From: 1, To: 2, Title: "Samtale med jobkonsulent", Citizen: true},
	{ID: "s3", From: 2, To: 6, Title: "Aktiv jobsøgning", Citizen: true},
	{ID: "s4", From: 3, To: 3, Title: "CV gennemgås af jobkonsulenten", Citizen: false},
	{ID: "s5", From: 6, To: 6, Title: "Fælles opfølgning", Citizen: true},
	{ID: "s6", From: 7, To: 10, Title: "Ydelsesafklaring", Citizen: false},
	{ID: "s7", From: 8, To: 8, Title: "Jobværksted: ansøgninger", Citizen: true},
	{ID: "s8", From: 10, To: 10, Title: "Beskæftigelsesindsats begynder", Citizen: true},
}}

// folderService prints for one citizen first seen on first, today being
// today, with the office's full letterhead and the eight-step plan, two
// conversations ahead and one agreed job.
func folderService(t *testing.T, first, today time.Time) (*Service, *model.Citizen) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	content := testutil.Content(t)
	s.Now = func() time.Time { return today }
	if err := s.SaveOffice(testOffice); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveReceptionPlan(eightSteps); err != nil {
		t.Fatal(err)
	}
	c := testutil.Citizen(func(c *model.Citizen) { c.FirstContact = first })
	if err := s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	planFolderConversations(t, s, c.ID, today)
	svc := NewService(s, content)
	svc.Opts, svc.Now, svc.OutDir = Options{Fixed: fixed}, s.Now, keepDir(t)
	return svc, c
}

// planFolderConversations plans two conversations after today and agrees one job in the
// first of them.
func planFolderConversations(t *testing.T, s *store.Store, citizen int64, today time.Time) {
	t.Helper()
	var conversations []*model.Conversation
	for _, days := range []int{2, 16} {
		start := time.Date(today.Year(), today.Month(), today.Day()+days, 10, 0, 0, 0, time.Local)
		c := testutil.Conversation(citizen, start, 45)
		if err := s.PlanConversation(c); err != nil {
			t.Fatal(err)
		}
		conversations = append(conversations, c)
	}
	j := testutil.Job("Køkkenmedhjælper", today.AddDate(0, 0, 20), func(j *model.Job) { j.Place = "Ærøskøbing" })
	if err := s.SaveJob(j); err != nil {
		t.Fatal(err)
	}
	if err := s.AgreeJob(conversations[0].ID, j.ID, true); err != nil {
		t.Fatal(err)
	}
}

// keepDir is where handouts go: JOBSPOR_KEEP keeps them to look at.
func keepDir(t *testing.T) string {
	if d := os.Getenv("JOBSPOR_KEEP"); d != "" {
		return d
	}
	return t.TempDir()
}

func pageCount(t *testing.T, path string) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "Pages:") {
			return len(strings.Fields(l)[1]) // one digit: a few pages
		}
	}
	return 0
}

var today23 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)

// TestFolderWithFullLetterheadIsOnePage: name, address, phone, e-mail and
// hours in the letterhead and an eight-step plan still fit one page; the
// steps done without the citizen are marked.
func TestFolderWithFullLetterheadIsOnePage(t *testing.T) {
	svc, c := folderService(t, time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC), today23)
	path := filepath.Join(svc.OutDir, "folder-early.pdf")
	if err := svc.HandoutTo("folder", path, c.ID); err != nil {
		t.Fatal(err)
	}
	text := fileText(t, path)
	if n := pageCount(t, path); n != 1 {
		t.Fatalf("%d pages, want one:\n%s", n, text)
	}
	for _, want := range []string{testOffice.Address, testOffice.Phone, testOffice.Email, testOffice.Hours, "Dine første uger",
		"Beskæftigelsesindsats begynder", "Det kan vi hjælpe dig med", "Udleveret"} {
		if !strings.Contains(text, want) {
			t.Errorf("the folder lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "uden dig"); n != 2 {
		t.Errorf("%d steps marked as done without the citizen, want 2:\n%s", n, text)
	}
}

var danishDate = regexp.MustCompile(`den (\d+)\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) (\d{4})`)

// TestFolderAtDay133ShowsWhatIsAhead: after the reception weeks the folder
// shows the conversations and agreed jobs ahead, under a heading saying so, and no
// date gone by.
func TestFolderAtDay133ShowsWhatIsAhead(t *testing.T) {
	first := time.Date(2026, 7, 14, 0, 0, 0, 0, time.UTC) // day 133 on 23 November
	svc, c := folderService(t, first, today23)
	path := filepath.Join(svc.OutDir, "folder-day133.pdf")
	if err := svc.HandoutTo("folder", path, c.ID); err != nil {
		t.Fatal(err)
	}
	text := fileText(t, path)
	if strings.Contains(text, "Dine første uger") || strings.Contains(text, "juli") || !strings.Contains(text, "Det, der skal ske nu") {
		t.Fatalf("day 133 shows the first weeks, not what is ahead:\n%s", text)
	}
	for _, want := range []string{"onsdag den 25. november 2026 kl. 10.00", "onsdag den 9. december 2026 kl. 10.00", "Køkkenmedhjælper, Kantinen på Havnen"} {
		if !strings.Contains(text, want) {
			t.Errorf("what is ahead lacks %q:\n%s", want, text)
		}
	}
	months := map[string]time.Month{}
	for i, name := range strings.Split("januar februar marts april maj juni juli august september oktober november december", " ") {
		months[name] = time.Month(i + 1)
	}
	for _, m := range danishDate.FindAllStringSubmatch(text, -1) {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		if time.Date(y, months[m[2]], d, 23, 0, 0, 0, time.Local).Before(today23) {
			t.Errorf("a date gone by: %s", m[0])
		}
	}
	if n := pageCount(t, path); n != 1 {
		t.Errorf("%d pages, want one", n)
	}
}

// TestDayListWithDatePrintsOnce: `handout joblist --date D` is the day's
// list once, however many citizens have a conversation that day.
func TestDayListWithDatePrintsOnce(t *testing.T) {
	svc, s := demoService(t, 60)
	c := recentCitizen(t, s)
	next, err := s.NextConversation(c.ID, svc.Now())
	if err != nil {
		t.Fatal(err)
	}
	ids, _ := svc.appointments(model.Day(next.Start))
	out := filepath.Join(t.TempDir(), "dagens.pdf")
	paths, err := svc.Batch("joblist", model.Day(next.Start), true, out, func(int, int) {}, nil)
	if err != nil || len(paths) != 1 {
		t.Fatalf("batch: %v, %v", paths, err)
	}
	text := fileText(t, out)
	if n := strings.Count(text, "Dagens ledige job"); n != 1 || len(ids) < 2 {
		t.Fatalf("%d copies of the day's list for %d citizens, want one", n, len(ids))
	}
	if !strings.Contains(text, DanishDate(next.Start)) {
		t.Errorf("the list is not for %s:\n%.300s", DanishDate(next.Start), text)
	}
}
