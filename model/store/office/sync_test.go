package office

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// laptop is one caseworker's store, joined to the test's office database.
type laptop struct {
	s  *store.Store
	cl *Client
}

var testKey = Key{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}

func newLaptop(t testing.TB, db, initials string) *laptop {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), initials+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }
	if err := s.JoinOffice(db, initials, "device-"+initials); err != nil {
		t.Fatal(err)
	}
	return &laptop{s: s, cl: &Client{Store: s, Conn: login(t, db, initials), Key: testKey}}
}

func (l *laptop) sync(t testing.TB) {
	t.Helper()
	if err := l.cl.Sync(context.Background()); err != nil {
		t.Fatalf("sync: %v", err)
	}
}

func (l *laptop) citizenByName(t testing.TB, name string) *model.Citizen {
	t.Helper()
	list, err := l.s.ListCitizens(model.CitizenFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Name == name {
			full, err := l.s.Citizen(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			return full
		}
	}
	return nil
}

func gidOf(t testing.TB, l *laptop) string {
	t.Helper()
	ops, err := l.s.PendingOps(1)
	if err != nil || len(ops) == 0 {
		t.Fatalf("no pending op: %v", err)
	}
	return ops[0].Citizen
}

// A citizen with a CPR number, notes and a conversation goes to the office
// and back: the CPR number only encrypted there; a move hands the whole case
// to the new owner and takes it off the old owner's laptop.
func TestPushAndPullACaseAndHandItOver(t *testing.T) {
	db := freshDB(t)
	ab, cd := newLaptop(t, db, "AB"), newLaptop(t, db, "CD")
	c := testutil.Citizen(func(c *model.Citizen) { c.Name, c.CPR, c.Notes = "Søren Ærø", "0101904321", "Første note" })
	if err := ab.s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	cgid := gidOf(t, ab)
	cv := testutil.Conversation(c.ID, testutil.At("2026-11-24T10:00"), 45, func(cv *model.Conversation) { cv.Notes = "Aftalt CV" })
	if err := ab.s.PlanConversation(cv); err != nil {
		t.Fatal(err)
	}
	ab.sync(t)
	if n, _ := ab.s.PendingCount(); n != 0 {
		t.Fatalf("%d operations left after a sync", n)
	}
	su := login(t, db, "postgres")
	var dump string
	if err := su.QueryRow(bg, `SELECT string_agg(t::text, ' ') FROM (SELECT c::text AS t FROM jobspor.citizens c
		UNION ALL SELECT n::text FROM jobspor.note n UNION ALL SELECT h::text FROM jobspor.history h) x`).Scan(&dump); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(dump, "0101904321") || strings.Contains(dump, "010190-4321") {
		t.Fatal("the CPR number is in the office's text")
	}
	if !strings.Contains(dump, "Aftalt CV") || !strings.Contains(dump, "Første note") {
		t.Fatal("the notes did not reach the office")
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.conversations WHERE citizen_gid = $1`, cgid); n != 1 {
		t.Fatalf("%d conversations at the office", n)
	}

	// CD sees nothing of it
	cd.sync(t)
	if cd.citizenByName(t, "Søren Ærø") != nil {
		t.Fatal("CD's laptop got AB's case")
	}
	// AB hands it to CD: CD's next pull gets all of it, AB's next pull removes it
	if _, err := ab.cl.Conn.Exec(bg, `SELECT jobspor.move_case($1, 'CD')`, cgid); err != nil {
		t.Fatal(err)
	}
	cd.sync(t)
	got := cd.citizenByName(t, "Søren Ærø")
	if got == nil || got.CPR != "0101904321" || got.Notes != "Første note" || got.Caseworker != "CD" {
		t.Fatalf("CD got %+v", got)
	}
	cvs, err := cd.s.Conversations(got.ID)
	if err != nil || len(cvs) != 1 || cvs[0].Notes != "Aftalt CV" {
		t.Fatalf("CD's conversations: %+v %v", cvs, err)
	}
	ab.sync(t)
	if ab.citizenByName(t, "Søren Ærø") != nil {
		t.Fatal("the case stayed on AB's laptop after the move")
	}
}

// Two laptops edit the same case offline: edits of different fields merge;
// the same field is a conflict with both texts, the office's value stays;
// both versions of an edited note are kept.
func TestConcurrentEditsMergeOrConflictNeverOverwrite(t *testing.T) {
	db := freshDB(t)
	ab, cd, le := newLaptop(t, db, "AB"), newLaptop(t, db, "CD"), login(t, db, "LE")
	c := testutil.Citizen(func(c *model.Citizen) {
		c.Name, c.Phone, c.Email, c.Notes = "Åse Lund", "11111111", "a@b.dk", "Note 1"
	})
	if err := ab.s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	cgid := gidOf(t, ab)
	ab.sync(t)
	if _, err := le.Exec(bg, `SELECT jobspor.grant_cover($1, 'CD', '2099-12-31', 'Ferie')`, cgid); err != nil {
		t.Fatal(err)
	}
	cd.sync(t)
	mine := cd.citizenByName(t, "Åse Lund")
	if mine == nil {
		t.Fatal("cover did not bring the case to CD")
	}
	// offline on both: AB changes phone and email and the note, CD changes phone and the note
	c.Phone, c.Email, c.Notes = "22222222", "ny@b.dk", "Note 1, rettet af AB"
	if err := ab.s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	mine.Phone, mine.Notes = "33333333", "Note 1, rettet af CD"
	if err := cd.s.UpdateCitizen(mine); err != nil {
		t.Fatal(err)
	}
	ab.sync(t)
	cd.sync(t)
	su := login(t, db, "postgres")
	var phone, email string
	if err := su.QueryRow(bg, `SELECT phone, email FROM jobspor.citizens WHERE gid = $1`, cgid).Scan(&phone, &email); err != nil {
		t.Fatal(err)
	}
	if phone != "22222222" || email != "ny@b.dk" {
		t.Fatalf("office holds phone %s email %s: the first edit must stand", phone, email)
	}
	confs, err := cd.s.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	var phoneConflict *store.Conflict
	for i := range confs {
		if confs[i].Field == "phone" {
			phoneConflict = &confs[i]
		}
	}
	if phoneConflict == nil || phoneConflict.Mine != "33333333" || phoneConflict.Theirs != "22222222" {
		t.Fatalf("CD's conflicts: %+v", confs)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.note WHERE citizen_gid = $1 AND supersedes IS NOT NULL`, cgid); n != 2 {
		t.Fatalf("%d note versions superseding the first, want both edits", n)
	}
	// the two versions of the note: both at the office; each laptop shows
	// the other's version beside its own (issue 26: the laptop whose version
	// is the newest is asked too, not only the other)
	ab.sync(t)
	notices := 0
	for _, l := range []*laptop{ab, cd} {
		cs, _ := l.s.Conflicts()
		for _, c := range cs {
			if strings.HasPrefix(c.OpID, "note:") {
				notices++
				if !strings.Contains(c.Mine+c.Theirs, "rettet af AB") || !strings.Contains(c.Mine+c.Theirs, "rettet af CD") {
					t.Errorf("note notice %+v lacks a version", c)
				}
			}
		}
	}
	if notices != 2 {
		t.Fatalf("%d notices of two note versions, want one on each laptop", notices)
	}
	// CD's laptop converges on the office's values once the conflict is shown
	cd.sync(t)
	if got := cd.citizenByName(t, "Åse Lund"); got.Phone != "22222222" || got.Email != "ny@b.dk" {
		t.Fatalf("CD's copy: phone %s email %s", got.Phone, got.Email)
	}
}

var errKill = errors.New("killed")

// A push killed after the office committed is sent again and answered from
// applied_op: nothing twice, nothing lost.
func TestAPushKilledAfterTheCommitIsSafeToResend(t *testing.T) {
	db := freshDB(t)
	ab := newLaptop(t, db, "AB")
	c := testutil.Citizen(func(c *model.Citizen) { c.Name, c.Notes = "Bjørn Madsen", "Note" })
	if err := ab.s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	c.Phone = "44444444"
	if err := ab.s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	ab.cl.Fault = func(p string) error {
		if p == FaultAfterCommit {
			return errKill
		}
		return nil
	}
	if _, err := ab.cl.Push(bg); !errors.Is(err, errKill) {
		t.Fatalf("push: %v", err)
	}
	ab.cl.Fault = nil
	if n, _ := ab.s.PendingCount(); n != 2 {
		t.Fatalf("%d pending after the kill", n)
	}
	ab.sync(t)
	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(*) FROM jobspor.note`); n != 1 {
		t.Fatalf("%d notes after a resend", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.applied_op WHERE outcome = 'applied'`); n != 2 {
		t.Fatalf("%d applied ops", n)
	}
	if n, _ := ab.s.PendingCount(); n != 0 {
		t.Fatalf("%d pending after the resend", n)
	}
}

// A caseworker's edit of a case taken away while offline is kept as a
// refusal holding its text; the note written offline arrives late.
func TestAnEditOfACaseHandedAwayIsKeptAsARefusal(t *testing.T) {
	db := freshDB(t)
	ab := newLaptop(t, db, "AB")
	c := testutil.Citizen(func(c *model.Citizen) { c.Name = "Peter Hansen" })
	if err := ab.s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	cgid := gidOf(t, ab)
	ab.sync(t)
	le := login(t, db, "LE")
	if _, err := le.Exec(bg, `SELECT jobspor.move_case($1, 'EF')`, cgid); err != nil {
		t.Fatal(err)
	}
	c.Phone, c.Notes = "55555555", "Skrevet offline"
	if err := ab.s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	ab.sync(t)
	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(*) FROM jobspor.note WHERE late AND body = 'Skrevet offline'`); n != 1 {
		t.Fatal("the offline note did not arrive late")
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE outcome = 'rejected' AND mine LIKE '%55555555%'`); n != 1 {
		t.Fatal("the refused edit is not kept with its text")
	}
	if ab.citizenByName(t, "Peter Hansen") != nil {
		t.Fatal("the case stayed on AB's laptop")
	}
}

// A laptop that meets a newer office says so and pushes nothing.
func TestANewerOfficeIsRefusedAndNothingPushed(t *testing.T) {
	db := freshDB(t)
	ab := newLaptop(t, db, "AB")
	if err := ab.s.CreateCitizen(testutil.Citizen()); err != nil {
		t.Fatal(err)
	}
	exec(t, login(t, db, "postgres"), `INSERT INTO jobspor.schema_migration (version, name) VALUES (99, 'future.sql')`)
	err := ab.cl.Sync(bg)
	var ue *model.UserError
	if !errors.As(err, &ue) || ue.Msg.Key != "office.newer" {
		t.Fatalf("sync with a newer office: %v", err)
	}
	if n, _ := ab.s.PendingCount(); n != 1 {
		t.Fatalf("%d pending: something was pushed or lost", n)
	}
}

// A case handed over arrives whole, every kind of record with its free
// texts: a track change's reason (required) among them.
func TestAHandedOverCaseArrivesWithEveryKindOfRecord(t *testing.T) {
	db := freshDB(t)
	ab, cd := newLaptop(t, db, "AB"), newLaptop(t, db, "CD")
	c := testutil.Citizen(func(c *model.Citizen) { c.Name = "Hele Sagen" })
	if err := ab.s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	cgid := gidOf(t, ab)
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	for _, err := range []error{
		ab.s.AssignTrack(&model.TrackChange{CitizenID: c.ID, Track: model.TrackIntensive, On: day, Reason: "Jobparat nu"}),
		ab.s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Lagerarbejder", Horizon: model.HorizonShort, Note: "Truck"}),
		ab.s.SaveTempAgency(&model.TempAgency{CitizenID: c.ID, Agency: "Vikar A/S", Note: "Ringet"}),
		ab.s.AddNotice(c.ID, "to_benefit", "Borgeren søger kontanthjælp"),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	ab.sync(t)
	if _, err := ab.cl.Conn.Exec(bg, `SELECT jobspor.move_case($1, 'CD')`, cgid); err != nil {
		t.Fatal(err)
	}
	cd.sync(t)
	id, err := cd.s.CitizenIDByGid(cgid)
	if err != nil || id == 0 {
		t.Fatalf("CD does not have the case: %v", err)
	}
	ex, err := cd.s.ExportCitizen(id)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(ex)
	for _, want := range []string{"Jobparat nu", "Lagerarbejder", "Truck", "Vikar A/S", "Ringet", "Borgeren søger kontanthjælp"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("CD's copy lacks %q", want)
		}
	}
}

// The same action ticked on two laptops is one record at the office: the
// same day merges; a different day is a conflict with both days.
func TestTheSameRowMadeOnTwoLaptopsIsOneRecord(t *testing.T) {
	db := freshDB(t)
	ab, cd := newLaptop(t, db, "AB"), newLaptop(t, db, "CD")
	c := testutil.Citizen(func(c *model.Citizen) { c.Name = "Fælles Sag" })
	if err := ab.s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	cgid := gidOf(t, ab)
	ab.sync(t)
	exec(t, login(t, db, "LE"), `SELECT jobspor.grant_cover($1, 'CD', '2999-12-31', 'Ferie')`, cgid)
	cd.sync(t)
	cdID, _ := cd.s.CitizenIDByGid(cgid)
	d1 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	d2 := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	for _, p := range []struct {
		l      *laptop
		id     int64
		action string
		on     time.Time
	}{{ab, c.ID, "a.same", d1}, {cd, cdID, "a.same", d1}, {ab, c.ID, "a.diff", d1}, {cd, cdID, "a.diff", d2}} {
		if err := p.l.s.SaveProgress(&model.Progress{CitizenID: p.id, ActionID: p.action, Done: true, DoneOn: p.on}); err != nil {
			t.Fatal(err)
		}
	}
	ab.sync(t)
	cd.sync(t)
	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(*) FROM jobspor.progress WHERE citizen_gid = $1`, cgid); n != 2 {
		t.Fatalf("%d progress records for two actions", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE tbl = 'progress' AND field = 'done_on'`); n != 1 {
		t.Fatalf("%d conflicts on the day", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE tbl = 'progress' AND field <> 'done_on'`); n != 0 {
		t.Fatalf("%d conflicts on other fields", n)
	}
}
