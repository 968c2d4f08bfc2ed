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
	// the lead removed one from the office's list: AB's copy must not come back as new
	exec(t, login(t, db, "LE"), `UPDATE jobspor.jobs SET deleted = true, version = version + 1
		WHERE gid = (SELECT gid FROM jobspor.jobs ORDER BY gid LIMIT 1)`)

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
	if len(all) != officeJobs {
		t.Errorf("AB's laptop holds %d jobs after the join, want the office's %d live ones (no second copy, the removed one gone)", len(all), officeJobs)
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
	if len(rep.NotTaken) != 0 {
		t.Errorf("the summary says %+v was not taken over: the roster and the prospects edition are the office's already", rep.NotTaken)
	}
	if !slices.Contains(rep.Settings, "office.name") {
		t.Errorf("the summary does not name her letterhead as not taken over (the office's applies): %v", rep.Settings)
	}
	if !slices.Contains(rep.SettingsKept, "jobs.related") {
		t.Errorf("the summary does not name her related titles as kept on her laptop only: %v", rep.SettingsKept)
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

// A lead's laptop that held her colleagues' cases (an office formed from one
// shared laptop) joins while the office does not let a lead read cases:
// every case reaches its caseworker whole (her laptop pulls it with every
// record and note), handed over with the office's audited move; the lead's
// laptop keeps none she may not read; a case of someone not on the roster
// stays with the lead; no false question anywhere.
func TestALeadsLaptopHandsHerColleaguesCasesOverAtTheJoin(t *testing.T) {
	db := freshDB(t)
	le := storeWithHistory(t, 9, 3000)
	list, err := le.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"AB", "CD", "XY"} {
		if err := le.SaveCaseworker(&model.Caseworker{Initials: who, Name: "Kollega " + who}); err != nil {
			t.Fatal(err)
		}
	}
	owners := map[string][]int64{}
	for i, c := range list {
		who := []string{"AB", "CD", "XY"}[i%3]
		owners[who] = append(owners[who], c.ID)
	}
	for who, ids := range owners {
		if err := le.AssignCaseworker(ids, who); err != nil {
			t.Fatal(err)
		}
	}
	_, rep := joinAs(t, le, db, "LE")
	noQuestions(t, db, le, "LE")
	if rep == nil || len(rep.HandedOver) != 3 {
		t.Fatalf("the summary names hand-overs %+v, want AB, CD and XY's", rep)
	}
	for _, h := range rep.HandedOver {
		if h.Cases != 3 || h.Kept != (h.Initials == "XY") {
			t.Errorf("hand-over %+v: want 3 cases, kept by the lead only for XY (not on the roster)", h)
		}
	}
	su := login(t, db, "postgres")
	for who, want := range map[string]int{"AB": 3, "CD": 3, "LE": 3} {
		if n := count(t, su, `SELECT count(*) FROM jobspor.citizens WHERE caseworker = $1`, who); n != want {
			t.Errorf("%d cases of %s at the office, want %d", n, who, want)
		}
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.audit WHERE action = 'move' AND actor = 'LE'`); n != 6 {
		t.Errorf("%d hand-overs audited, want 6", n)
	}
	if n := count(t, login(t, db, "LE"), `SELECT count(*) FROM jobspor.citizens WHERE caseworker <> 'LE'`); n != 0 {
		t.Errorf("the lead reads %d of her colleagues' cases at the office", n)
	}
	audit, err := le.OfficeAudit()
	if err != nil {
		t.Fatal(err)
	}
	handed := 0
	for _, e := range audit {
		if strings.Contains(e.Detail, "(at the join): 3 borgere") {
			handed++
		}
	}
	if handed != 2 {
		t.Errorf("the lead's own audit trail holds %d of the join's hand-overs to AB and CD: %+v", handed, audit)
	}
	if st, _ := le.OfficeStatus(); st.Citizens != 3 {
		t.Errorf("the lead's laptop holds %d cases after the join, want only the 3 now hers", st.Citizens)
	}
	for _, who := range []string{"AB", "CD"} {
		l := newLaptop(t, db, who)
		l.sync(t)
		got, err := l.s.ListCitizens(model.CitizenFilter{AnyTrack: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 {
			t.Errorf("%s's laptop pulled %d cases, want 3", who, len(got))
		}
		for _, c := range got {
			full, err := l.s.Citizen(c.ID)
			if err != nil || !strings.HasPrefix(full.Notes, "Note om borger") {
				t.Errorf("%s's case %s arrived without its note (%q, %v)", who, c.Name, full.Notes, err)
			}
			convs, err := l.s.Conversations(c.ID)
			if err != nil || len(convs) != 1 || !strings.HasPrefix(convs[0].Notes, "Samtale") {
				t.Errorf("%s's case %s arrived without its conversation and its note (%v)", who, c.Name, err)
			}
		}
		noQuestions(t, db, l.s, who)
	}
}

// reopen opens the laptop's file again at the tests' time.
func reopen(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }
	return s
}

// A laptop whose case was really changed elsewhere before it joined (a copy
// of the shared laptop's file, the same records, taken by AB; the shared
// laptop's copy of the case changed and handed to her at the lead's join)
// still gets its conflict: her join neither overwrites the office's value
// nor drops hers, and asks nothing else.
func TestAJoinStillShowsARealConflict(t *testing.T) {
	db := freshDB(t)
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared.db")
	le := storeWithHistoryAt(t, shared, 2, 4000)
	list, _ := le.ListCitizens(model.CitizenFilter{AnyTrack: true})
	ids := []int64{list[0].ID, list[1].ID}
	if err := le.SaveCaseworker(&model.Caseworker{Initials: "AB", Name: "Anna Berg"}); err != nil {
		t.Fatal(err)
	}
	if err := le.AssignCaseworker(ids, "AB"); err != nil {
		t.Fatal(err)
	}
	if err := le.JoinOffice(db, "LE", "d"); err != nil { // the records get their gids
		t.Fatal(err)
	}
	if err := le.AbandonJoin(); err != nil {
		t.Fatal(err)
	}
	le.Close()
	raw, err := os.ReadFile(shared)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ab.db"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	le, ab := reopen(t, shared), reopen(t, filepath.Join(dir, "ab.db"))
	c, _ := le.Citizen(ids[0])
	c.Phone = "11111111"
	if err := le.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	joinAs(t, le, db, "LE")
	noQuestions(t, db, le, "LE")

	mine, _ := ab.Citizen(ids[0])
	mine.Phone = "22222222"
	if err := ab.UpdateCitizen(mine); err != nil {
		t.Fatal(err)
	}
	joinAs(t, ab, db, "AB")
	cs, err := ab.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Field != "phone" || cs[0].Mine != "22222222" || cs[0].Theirs != "11111111" {
		t.Fatalf("AB's laptop shows %+v, want one question, on the phone number: hers 22222222, the office's 11111111", cs)
	}
	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(*) FROM jobspor.citizens WHERE phone = '11111111'`); n != 1 {
		t.Errorf("the office's phone number was overwritten by the join (%d)", n)
	}
}
