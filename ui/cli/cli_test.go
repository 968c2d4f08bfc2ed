package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

type fakeHandouts struct {
	wrote []string
	err   error
}

func (f *fakeHandouts) BenefitMeetingTo(path string, id int64, meeting time.Time, place string) error {
	if f.err != nil {
		return f.err
	}
	f.wrote = append(f.wrote, path)
	return os.WriteFile(path, []byte("%PDF-1.3"), 0o600)
}
func (f *fakeHandouts) BenefitMeeting(id int64, meeting time.Time, place string) (string, error) {
	return "", f.err
}
func (f *fakeHandouts) DefaultBenefitPlace() string                              { return "Ydelseskontoret" }
func (f *fakeHandouts) SetScope(model.Scope)                                     {}
func (f *fakeHandouts) Handout(kind model.HandoutKind, id int64) (string, error) { return "", f.err }
func (f *fakeHandouts) HandoutTo(kind model.HandoutKind, path string, id int64) error {
	f.wrote = append(f.wrote, string(kind)+":"+path)
	return f.err
}
func (f *fakeHandouts) Batch(kind model.HandoutKind, day time.Time, one bool, out string, p func(int, int), c <-chan struct{}) ([]string, error) {
	f.wrote = append(f.wrote, "batch:"+string(kind)+":"+day.Format("2006-01-02"))
	return []string{out}, f.err
}
func (f *fakeHandouts) CalendarFor(path string, id int64) error {
	f.wrote = append(f.wrote, path)
	return f.err
}
func (f *fakeHandouts) CalendarTo(path string, from time.Time, days int) error {
	f.wrote = append(f.wrote, path)
	return f.err
}

// run executes one command line and returns exit code, stdout and stderr.
func run(t *testing.T, h Handouts, args ...string) (int, string, string) {
	t.Helper()
	content, err := model.LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, Content: content, Version: "test",
		StartWindow: func(string, bool) error { t.Fatal("the window must not open"); return nil },
		Open: func(p string, create bool) (Store, Handouts, error) {
			open := store.OpenExisting
			if create {
				open = store.Open
			}
			s, err := open(p)
			return s, h, err
		},
		SchemaVersion: store.SchemaVersion(), Restore: store.Restore,
		OpenOffice: func(p string) (Office, error) { return office.Open(p) }}
	code := Run(args, env)
	return code, out.String(), errb.String()
}

// dbWith makes a database with the named citizens and returns its path and IDs.
func dbWith(t *testing.T, names ...string) (string, []int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cli.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []int64
	for _, n := range names {
		c := &model.Citizen{Name: n, CPR: "120385-4321", Benefit: model.BenefitDagpenge, Education: model.EducationSkilled,
			Status: model.StatusActive, FirstContact: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)}
		if len(ids) > 0 {
			c.CPR = ""
		}
		if err := s.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	return path, ids
}

func TestListPrintsIDTabName(t *testing.T) {
	db, ids := dbWith(t, "Åse Ærø", "Bjørn Sø")
	code, out, _ := run(t, nil, "list", "--db", db)
	want := fmt.Sprintf("%d\tBjørn Sø\n%d\tÅse Ærø\n", ids[1], ids[0]) // sorted by name
	if code != 0 || out != want {
		t.Fatalf("list = %d %q, want %q", code, out, want)
	}
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

func TestExportHasEveryKindOfRecordAndAuditsItself(t *testing.T) {
	db, ids := dbWith(t, "Søren Ærø")
	code, out, errs := run(t, nil, "export", "--db", db, "--citizen", itoa(ids[0]))
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, errs)
	}
	var x map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{"citizen", "progress", "audit", "conversations", "job_goals", "track_changes"} {
		if _, ok := x[key]; !ok {
			t.Errorf("export lacks %q", key)
		}
	}
	if !strings.Contains(string(x["citizen"]), "120385-4321") || !strings.Contains(string(x["citizen"]), "Søren Ærø") {
		t.Errorf("citizen record incomplete: %s", x["citizen"])
	}
	if !strings.Contains(string(x["audit"]), `"export"`) || !strings.Contains(string(x["audit"]), `"create"`) {
		t.Errorf("audit lacks the create and export entries: %s", x["audit"])
	}
}

func TestCheckSaysOK(t *testing.T) {
	db, _ := dbWith(t, "Mette")
	code, out, _ := run(t, nil, "check", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("check = %d %q", code, out)
	}
	code, out, _ = run(t, nil, "check", "--quick", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "ok: ") || !strings.Contains(out, "hurtige") {
		t.Fatalf("check --quick = %d %q", code, out)
	}
}

func TestBadCommandLinesFailClearlyInDanish(t *testing.T) {
	db, _ := dbWith(t, "Mette")
	cases := []struct {
		args []string
		code int
		say  string
	}{
		{[]string{"flyt"}, 2, "ukendt kommando"},
		{[]string{"export", "--db", db}, 2, "--citizen ID skal angives"},
		{[]string{"export", "--db", db, "--citizen", "abc"}, 2, `ugyldig værdi "abc" for --citizen`},
		{[]string{"list", "--db"}, 2, "--db mangler en værdi"},
		{[]string{"list", "--hemmelig"}, 2, "ukendt flag --hemmelig"},
		{[]string{"export", "--db", db, "--citizen", "999"}, 1, "borgeren findes ikke"},
		{[]string{"handout", "plakat"}, 2, "angiv hvilken udskrift"},
		{[]string{"handout", "ydelse", "--db", db, "--citizen", "1", "--talk", "31-02-2026"}, 1, "findes ikke i kalenderen"},
		{[]string{"handout", "ydelse", "--db", db, "--citizen", "1", "--meeting-date", "31-02-2026"}, 1, "findes ikke i kalenderen"},
		{[]string{"handout", "folder", "--db", db, "--citizen", "1", "--date", "2026-11-24"}, 2, "enten --citizen"},
		{[]string{"handout", "plan", "--db", db, "--date", "2026-11-24"}, 2, "angiv --out"},
		{[]string{"handout", "ydelse", "--db", db, "--citizen", "1", "--out", "x.txt"}, 2, ".pdf"},
		{[]string{"demo", "--db", db, "--citizens", "0"}, 2, "mellem 1 og"},
		{[]string{"list", "--db", db, "ekstra"}, 2, "uventet argument"},
	}
	for _, c := range cases {
		code, _, errs := run(t, &fakeHandouts{}, c.args...)
		if code != c.code || !strings.Contains(errs, c.say) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d saying %q", c.args, code, errs, c.code, c.say)
		}
	}
}

func TestNewerDatabaseFailsWithoutTouchingIt(t *testing.T) {
	db, _ := dbWith(t, "Mette")
	storetest.OpenAt(t, db).Close()
	raw, _ := os.ReadFile(db)
	raw[60], raw[61], raw[62], raw[63] = 0, 0, 0, 99 // user_version 99
	os.WriteFile(db, raw, 0o600)
	code, _, errs := run(t, nil, "list", "--db", db)
	if code != 1 || !strings.Contains(errs, "nyere version af Jobspor") {
		t.Fatalf("list on a newer database: exit %d, %q", code, errs)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(raw, after) {
		t.Fatal("the newer database was changed")
	}
}

func TestHandoutWritesTheNamedFile(t *testing.T) {
	db, ids := dbWith(t, "Mette")
	out := filepath.Join(t.TempDir(), "tjekliste.pdf")
	h := &fakeHandouts{}
	code, stdout, errs := run(t, h, "handout", "ydelse", "--db", db, "--citizen", itoa(ids[0]), "--out", out)
	if code != 0 || strings.TrimSpace(stdout) != out || len(h.wrote) != 1 {
		t.Fatalf("handout: exit %d, out %q, err %q, wrote %v", code, stdout, errs, h.wrote)
	}
}

func TestTodayPrintsTheDaySheet(t *testing.T) {
	db, ids := dbWith(t, "Åse Ærø")
	s := storetest.OpenAt(t, db)
	storetest.Plan(t, s, ids[0], time.Date(2026, 11, 24, 9, 30, 0, 0, time.Local), 45, testutil.Phone)
	s.Close()
	code, out, errs := run(t, &fakeHandouts{}, "today", "--db", db, "--date", "2026-11-24")
	if code != 0 {
		t.Fatalf("today: exit %d: %s", code, errs)
	}
	for _, want := range []string{"I DAG – Tirsdag den 24. november 2026", "Dagens samtaler (1)", itoa(ids[0]) + "\t09:30-10:15\tÅse Ærø"} {
		if !strings.Contains(out, want) {
			t.Errorf("day sheet lacks %q:\n%s", want, out)
		}
	}
}

func TestCalendarCommandLine(t *testing.T) {
	db, ids := dbWith(t, "Mette")
	out := filepath.Join(t.TempDir(), "uge.ics")
	h := &fakeHandouts{}
	if code, _, errs := run(t, h, "calendar", "--db", db, "--date", "2026-11-23", "--days", "5", "--out", out); code != 0 || len(h.wrote) != 1 {
		t.Fatalf("calendar for a week: exit %d %s", code, errs)
	}
	if code, _, _ := run(t, h, "calendar", "--db", db, "--citizen", itoa(ids[0]), "--date", "2026-11-23", "--out", out); code != 2 {
		t.Errorf("both --citizen and --date: exit %d, want 2", code)
	}
	if code, _, _ := run(t, h, "calendar", "--db", db, "--citizen", itoa(ids[0]), "--out", "uge.txt"); code != 2 {
		t.Errorf("--out without .ics: exit %d, want 2", code)
	}
}

func TestImportDSTFileTwiceAndDryRun(t *testing.T) {
	db, _ := dbWith(t, "Mette")
	file := "../../../shared/data/disco08.csv"
	if _, err := os.Stat(file); err != nil && os.Getenv("CI") != "" {
		t.Fatalf("DST's file must be beside the project in CI: %v", err)
	} else if err != nil {
		t.Skip("DST's file is not beside the project")
	}
	code, out, errs := run(t, nil, "import", "occupations", file, "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "1171 nye") || !strings.Contains(out, "intet er ændret") {
		t.Fatalf("dry run: %d %q %q", code, out, errs)
	}
	if code, out, _ = run(t, nil, "import", "occupations", file, "--db", db); code != 0 || !strings.Contains(out, "1171 nye") {
		t.Fatalf("import: %d %q", code, out)
	}
	if code, out, _ = run(t, nil, "import", "occupations", file, "--db", db); code != 0 || !strings.Contains(out, "0 nye, 0 ændrede, 1171 uændrede") {
		t.Fatalf("second import: %d %q", code, out)
	}
}

func TestBadImportNamesTheLineAndExitsNonZero(t *testing.T) {
	db, _ := dbWith(t, "Mette")
	bad := filepath.Join(t.TempDir(), "job.csv")
	os.WriteFile(bad, []byte("titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\nKok;512000;;Aarhus;;;;;nej\n"), 0o600)
	code, _, errs := run(t, nil, "import", "jobs", bad, "--db", db)
	if code != 1 || !strings.Contains(errs, "Linje 2") || !strings.Contains(errs, "arbejdsgiveren") {
		t.Fatalf("bad job file: exit %d, %q", code, errs)
	}
	s := storetest.OpenAt(t, db)
	jobs, _ := s.OpenJobs(model.Now())
	s.Close()
	if len(jobs) != 0 {
		t.Fatalf("a refused import left %d jobs", len(jobs))
	}
	if code, _, _ := run(t, nil, "match", "--db", db); code != 2 {
		t.Errorf("match without --citizen or --job: exit %d, want 2", code)
	}
}

// TestViewsOfManyCitizensAreAudited: list and today show names and phone
// numbers, so each run writes one audit row naming the citizens shown, and
// the sealed trail stays whole.
func TestViewsOfManyCitizensAreAudited(t *testing.T) {
	db, ids := dbWith(t, "Åse Ærø", "Bo Bæk")
	s := storetest.OpenAt(t, db)
	storetest.Plan(t, s, ids[1], time.Date(2026, 11, 24, 9, 30, 0, 0, time.Local), 45)
	s.Close()
	for _, args := range [][]string{{"list", "--db", db}, {"today", "--db", db, "--date", "2026-11-24"}} {
		if code, _, errs := run(t, &fakeHandouts{}, args...); code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, errs)
		}
	}
	s = storetest.OpenAt(t, db)
	views, err := s.AuditViews()
	if err != nil {
		t.Fatal(err)
	}
	if len(views) != 2 || views[0].Detail != fmt.Sprintf("list: 2 borgere: %d-%d", ids[0], ids[1]) ||
		!strings.HasPrefix(views[1].Detail, "today: ") || !strings.Contains(views[1].Detail, fmt.Sprint(ids[1])) {
		t.Fatalf("audit rows for the views: %+v; want one for the list naming both, one for Today naming Bo Bæk", views)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("the trail after the views: %v, %v", problems, err)
	}
}

// TestAMissingDatabaseIsRefusedExceptByInitAndDemo: a mistyped --db creates
// nothing; init and demo are the commands that make a database.
func TestAMissingDatabaseIsRefusedExceptByInitAndDemo(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "jobsporr.db")
	for _, cmd := range []string{"list", "check", "today", "export"} {
		args := []string{cmd, "--db", typo}
		if cmd == "export" {
			args = append(args, "--citizen", "1")
		}
		code, _, errs := run(t, &fakeHandouts{}, args...)
		if code != 1 || !strings.Contains(errs, "findes ikke") {
			t.Errorf("%s on a missing database: exit %d, %q", cmd, code, errs)
		}
	}
	if _, err := os.Stat(typo); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a command created the mistyped database")
	}
	if code, out, errs := run(t, &fakeHandouts{}, "init", "--db", typo); code != 0 || !strings.Contains(out, "er klar") {
		t.Fatalf("init: exit %d, %q %q", code, out, errs)
	}
	if code, _, errs := run(t, &fakeHandouts{}, "check", "--db", typo); code != 0 {
		t.Fatalf("check after init: exit %d, %q", code, errs)
	}
}

// TestBackupAndRestoreFromTheCommandLine: the first backup sets the
// passphrase from a file; a wrong passphrase is refused in Danish with
// nothing changed; the right one restores and keeps the current aside.
func TestBackupAndRestoreFromTheCommandLine(t *testing.T) {
	db, _ := dbWith(t, "Åse Ærø")
	dir := t.TempDir()
	pass, wrong := filepath.Join(dir, "kode"), filepath.Join(dir, "forkert")
	if err := os.WriteFile(pass, []byte("Ærø-kontoret 2026\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(wrong, []byte("noget andet\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, &fakeHandouts{}, "backup", "--db", db, "--to", filepath.Join(dir, "usb"), "--passphrase-file", pass)
	if code != 0 || !strings.Contains(out, "ok: sikkerhedskopi") {
		t.Fatalf("backup: exit %d, %q %q", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "usb", "*.jobspor-backup"))
	if len(files) != 1 {
		t.Fatalf("%d backup files", len(files))
	}
	target := filepath.Join(dir, "gendannet.db")
	if code, _, errs := run(t, &fakeHandouts{}, "restore", files[0], "--db", target, "--passphrase-file", wrong); code != 1 || !strings.Contains(errs, "Forkert adgangskode") {
		t.Fatalf("restore with a wrong passphrase: exit %d, %q", code, errs)
	}
	if code, out, errs := run(t, &fakeHandouts{}, "restore", files[0], "--db", target, "--passphrase-file", pass); code != 0 || !strings.Contains(out, "er gendannet") {
		t.Fatalf("restore: exit %d, %q %q", code, out, errs)
	}
	if code, out, _ := run(t, &fakeHandouts{}, "list", "--db", target); code != 0 || !strings.Contains(out, "Åse Ærø") {
		t.Fatalf("the restored database lists %q", out)
	}
}

// TestHelpNamesTheBenefitMeetingFlagsNotTheOldOnes: the help shows
// --meeting-date and --meeting-place; the old --talk and --place still
// work (above) but are not offered.
func TestHelpNamesTheBenefitMeetingFlagsNotTheOldOnes(t *testing.T) {
	_, out, errs := run(t, nil, "help")
	help := out + errs
	if !strings.Contains(help, "--meeting-date") || !strings.Contains(help, "--meeting-place") {
		t.Errorf("help does not name the benefit meeting's flags:\n%s", help)
	}
	if strings.Contains(help, "--talk") || strings.Contains(help, "--place ") {
		t.Errorf("help offers the old flag names:\n%s", help)
	}
}
