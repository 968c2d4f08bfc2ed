package office

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// demoLaptop is a laptop in use before it joins: the demo's job list and
// prospects edition (the same on every laptop seeded alike) and n citizens
// with their history, all of them owner's.
func demoLaptop(t testing.TB, n int, owner string) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), owner+"-laptop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }
	content := testutil.Content(t)
	if _, err := s.SeedDemo(content.Guide, model.DemoOptions{Citizens: n, Seed: 7, Today: at, Catalogue: content.Catalogue,
		Jobs: 300, Caseworkers: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCaseworker(&model.Caseworker{Initials: owner, Name: "Ejer " + owner}); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(list))
	for i, c := range list {
		ids[i] = c.ID
	}
	if err := s.AssignCaseworker(ids, owner); err != nil {
		t.Fatal(err)
	}
	return s
}

// joinAs joins a laptop already in use: its history in bulk, then a sync.
func joinAs(t *testing.T, s *store.Store, db, initials string) (*Client, *model.JoinReport) {
	t.Helper()
	if err := s.JoinOffice(db, initials, "d-"+initials); err != nil {
		t.Fatal(err)
	}
	cl := &Client{Store: s, Conn: login(t, db, initials), Key: testKey}
	if err := cl.SendHistory(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := cl.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	return cl, cl.Joined
}

// noQuestions fails when the office or the laptop holds any conflict or
// refusal of initials (what the caseworker would be asked about).
func noQuestions(t *testing.T, db string, s *store.Store, initials string) {
	t.Helper()
	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE author = $1`, initials); n != 0 {
		var tbls string
		su.QueryRow(bg, `SELECT string_agg(DISTINCT tbl || ':' || outcome, ', ') FROM jobspor.conflict WHERE author = $1`, initials).Scan(&tbls)
		t.Errorf("%s's join left %d conflicts and refusals at the office (%s)", initials, n, tbls)
	}
	st, err := s.OfficeStatus()
	if err != nil {
		t.Fatal(err)
	}
	if st.Conflicts != 0 || st.Pending != 0 {
		t.Errorf("%s's laptop asks %d questions after the join, %d changes waiting", initials, st.Conflicts, st.Pending)
	}
}

// An ordinary caseworker's laptop, in use for months, joins an office whose
// lead already set up the job list: nothing comes back as a question; her
// cases are at the office with every note; the job she typed herself is on
// the office's list; her copy of the office's list is not sent again (no
// second copy of every job, no refused prospects or roster); her own
// letterhead and related titles are named in the summary and kept in the
// copy made before the join, which only she can read.
func TestACaseworkersLaptopJoinsWithoutFalseQuestions(t *testing.T) {
	db := freshDB(t)
	lead := demoLaptop(t, 0, "LE")
	if err := lead.SaveOffice(model.Office{Name: "Jobcenter Vest", Address: "Torvet 1", Phone: "70101010"}); err != nil {
		t.Fatal(err)
	}
	joinAs(t, lead, db, "LE")
	su := login(t, db, "postgres")
	officeJobs := count(t, su, `SELECT count(*) FROM jobspor.jobs`)
	if officeJobs != 300 {
		t.Fatalf("the lead set up %d jobs, want 300", officeJobs)
	}

	ab := demoLaptop(t, 25, "AB")
	mine := testutil.Job("Pladsmand hos Vognmand Ærø", testutil.At("2026-12-20T00:00"), func(j *model.Job) { j.Employer = "Vognmand Ærø" })
	if err := ab.SaveJob(mine); err != nil {
		t.Fatal(err)
	}
	if err := ab.SaveOffice(model.Office{Name: "Annas eget brevhoved", Address: "Torvet 1", Phone: "70101010"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ab.SaveRelations("titel;beslægtet;begrundelse\nCampingmedhjælper;Rengøringsassistent;Samme arbejde\n"); err != nil {
		t.Fatal(err)
	}
	if err := ab.JoinOffice(db, "AB", "d-AB"); err != nil {
		t.Fatal(err)
	}
	history, err := ab.HistoryOps()
	if err != nil {
		t.Fatal(err)
	}
	cases, notes := 0, 0
	for _, op := range history {
		if op.Citizen != "" {
			notes += len(op.Notes)
		}
		if op.Table == "citizens" {
			cases++
		}
	}
	cl := &Client{Store: ab, Conn: login(t, db, "AB"), Key: testKey}
	if err := cl.SendHistory(bg); err != nil {
		t.Fatal(err)
	}
	if err := cl.Sync(bg); err != nil {
		t.Fatal(err)
	}
	noQuestions(t, db, ab, "AB")

	if n := count(t, su, `SELECT count(*) FROM jobspor.citizens WHERE caseworker = 'AB'`); n != cases || cases != 25 {
		t.Errorf("%d of AB's %d cases at the office, want 25", n, cases)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.note n JOIN jobspor.citizens c ON c.gid = n.citizen_gid WHERE c.caseworker = 'AB'`); n != notes || notes == 0 {
		t.Errorf("%d of AB's %d notes at the office", n, notes)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.jobs`); n != officeJobs+1 {
		t.Errorf("the office's job list has %d jobs, want the lead's %d and AB's own", n, officeJobs)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.jobs WHERE title = $1`, mine.Title); n != 1 {
		t.Errorf("AB's own job is %d times on the office's list", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.prospects WHERE updated_by = 'AB'`); n != 0 {
		t.Errorf("%d of AB's prospects at the office: only the lead's edition counts", n)
	}
	all, err := ab.OpenJobs(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)) // every job, past deadlines too
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != officeJobs+1 {
		t.Errorf("AB's laptop holds %d jobs after the join, want the office's %d (no second copy)", len(all), officeJobs+1)
	}
	o, err := ab.Office()
	if err != nil {
		t.Fatal(err)
	}
	if o.Name != "Jobcenter Vest" {
		t.Errorf("AB's letterhead says %q after the join, want the office's", o.Name)
	}

	rep := cl.Joined
	if rep == nil {
		t.Fatal("no summary of the join")
	}
	if rep.Cases != 25 || rep.JobsAdded != 1 || rep.OfficeHad < 300 {
		t.Errorf("the summary says %d cases, %d jobs added, %d of the office's rows already there", rep.Cases, rep.JobsAdded, rep.OfficeHad)
	}
	for _, k := range []string{"office.name", "jobs.related"} {
		if !slices.Contains(rep.Settings, k) {
			t.Errorf("the summary does not name %s as not taken over: %v", k, rep.Settings)
		}
	}
	if rep.Copy == "" || !strings.Contains(filepath.Base(rep.Copy), store.JoinCopyName) {
		t.Fatalf("no copy kept before the join: %q", rep.Copy)
	}
	fi, err := os.Stat(rep.Copy)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the copy before the join: %v %v", fi, err)
	}
	kept, err := store.OpenExisting(rep.Copy)
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	ko, err := kept.Office()
	if err != nil || ko.Name != "Annas eget brevhoved" {
		t.Errorf("the copy holds letterhead %q (%v), want AB's own", ko.Name, err)
	}
}
