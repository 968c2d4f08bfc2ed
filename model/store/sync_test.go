package store

import (
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

var uuid7 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func joinedStore(t *testing.T) *Store {
	t.Helper()
	s := newTestStore(t)
	atNoon(s, "2026-11-23")
	must(t, s.JoinOffice("postgres://kontor", "ab", "device-1"))
	return s
}

func outboxOps(t *testing.T, s *Store) []SyncOp {
	t.Helper()
	ops, err := s.PendingOps(10000)
	must(t, err)
	return ops
}

func TestGidsAreUUIDv7AtTheStoreClock(t *testing.T) {
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		g := newGid(at)
		if !uuid7.MatchString(g) || seen[g] {
			t.Fatalf("gid %q: not a fresh UUIDv7", g)
		}
		seen[g] = true
	}
	if g, ms := newGid(at), fmt.Sprintf("%012x", at.UnixMilli()); g[:8]+g[9:13] != ms {
		t.Fatalf("gid %s does not start with the time's milliseconds", g)
	}
}

// The migration and joining give every existing row of every synced table a
// gid, made in SQL per row (distinct, UUIDv7).
func TestJoiningGivesEveryRowOfEverySyncedTableAGid(t *testing.T) {
	s := newTestStore(t)
	everyRecord(t, s, testutil.Content(t))
	must(t, s.JoinOffice("postgres://kontor", "AB", "d"))
	seen := map[string]bool{}
	for _, tb := range SyncTables {
		if tb.Name == "settings" {
			continue // the office's settings get derived gids: TestOnlyTheOfficesSettingsTravel
		}
		rows, err := s.db.Query(`SELECT gid FROM ` + tb.Name)
		must(t, err)
		for rows.Next() {
			var g sql.NullString
			must(t, rows.Scan(&g))
			if !g.Valid || !uuid7.MatchString(g.String) || seen[g.String] {
				t.Errorf("%s: gid %v", tb.Name, g)
			}
			seen[g.String] = true
		}
		rows.Close()
	}
	if len(seen) < 15 {
		t.Fatalf("only %d rows with gids", len(seen))
	}
}

// Every table about a citizen syncs (or is derived and listed here): a table
// added later fails until it is given to the office.
func TestEveryCitizenTableSyncsAndHasItsTriggers(t *testing.T) {
	s := newTestStore(t)
	// derived: each side recomputes it; audit: each side keeps its own trail
	derived := map[string]bool{"attendance_hours": true, "audit": true}
	synced := map[string]bool{}
	for _, tb := range SyncTables {
		synced[tb.Name] = true
		for _, suffix := range []string{"_sync_i", "_sync_u", "_sync_d"} {
			var n int
			must(t, s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, tb.Name+suffix).Scan(&n))
			if n != 1 {
				t.Errorf("%s has no trigger %s", tb.Name, tb.Name+suffix)
			}
		}
	}
	for _, tb := range citizenTables(t, s) {
		if !synced[tb] && !derived[tb] {
			t.Errorf("table %s is about a citizen but does not sync", tb)
		}
	}
}

func TestWithoutAnOfficeNothingIsRecorded(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	c.Phone = "12345678"
	must(t, s.UpdateCitizen(c))
	var changes, out int
	must(t, s.db.QueryRow(`SELECT (SELECT count(*) FROM sync_changes), (SELECT count(*) FROM outbox)`).Scan(&changes, &out))
	if changes != 0 || out != 0 {
		t.Fatalf("no office, yet %d changes and %d outbox rows", changes, out)
	}
	var g sql.NullString
	must(t, s.db.QueryRow(`SELECT gid FROM citizens WHERE id = ?`, c.ID).Scan(&g))
	if g.Valid {
		t.Fatalf("a citizen made without an office got gid %s (it is given at joining)", g.String)
	}
}

// Changes made through several store methods each land in the outbox, in
// their own transaction, as operations naming the record, its citizen, its
// fields (references as gids) and its new free texts as notes.
func TestChangesThroughTheStoreLandInTheOutbox(t *testing.T) {
	s := joinedStore(t)
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Notes = "Første note" })
	ops := outboxOps(t, s)
	if len(ops) != 2 { // the citizen and its youth flag? at least the citizen
		if len(ops) < 1 {
			t.Fatalf("creating a citizen left %d operations", len(ops))
		}
	}
	create := ops[0]
	if create.Table != "citizens" || create.Kind != "upsert" || create.Citizen != create.Gid || create.By != "AB" ||
		create.Fields["name"] != c.Name || create.Base != 0 || create.Prev != "" {
		t.Fatalf("create: %+v", create)
	}
	if len(create.Notes) != 1 || create.Notes[0].Body != "Første note" || create.Notes[0].Supersedes != "" {
		t.Fatalf("create's note: %+v", create.Notes)
	}
	if _, ok := create.Fields["notes"]; ok {
		t.Fatal("a free text travelled as a field")
	}
	n0 := len(ops)

	c.Phone, c.Notes = "87654321", "Rettet note"
	must(t, s.UpdateCitizen(c))
	ops = outboxOps(t, s)
	upd := ops[n0]
	if upd.Gid != create.Gid || upd.Prev != create.ID || upd.Fields["phone"] != "87654321" {
		t.Fatalf("update not chained to the create: %+v", upd)
	}
	if len(upd.Notes) != 1 || upd.Notes[0].Supersedes != create.Notes[0].Gid || upd.Notes[0].Body != "Rettet note" {
		t.Fatalf("edited note: %+v", upd.Notes)
	}
	c.Phone = "11111111"
	must(t, s.UpdateCitizen(c))
	ops = outboxOps(t, s)
	if len(ops[n0+1].Notes) != 0 {
		t.Fatalf("an unchanged note was sent again: %+v", ops[n0+1].Notes)
	}

	cv := testutil.Conversation(c.ID, testutil.At("2026-11-24T10:00"), 45)
	must(t, s.PlanConversation(cv))
	job := &model.Job{Title: "Lagermedarbejder", Employer: "Coop", Deadline: day("2026-12-20")}
	must(t, s.SaveJob(job))
	must(t, s.AgreeJob(cv.ID, job.ID, true))
	ops = outboxOps(t, s)
	byTable := map[string]SyncOp{}
	for _, op := range ops {
		byTable[op.Table] = op
	}
	shown, ok := byTable["conversation_jobs"]
	if !ok || shown.Citizen != create.Gid || shown.Fields["job_id"] != byTable["jobs"].Gid ||
		shown.Fields["conversation_id"] != byTable["conversations"].Gid {
		t.Fatalf("job shown: %+v (jobs %s, conversations %s)", shown, byTable["jobs"].Gid, byTable["conversations"].Gid)
	}
	if byTable["conversations"].Citizen != create.Gid || byTable["conversations"].Fields["citizen_id"] != create.Gid {
		t.Fatalf("conversation: %+v", byTable["conversations"])
	}

	before := len(ops)
	must(t, s.DeleteConversation(cv.ID))
	ops = outboxOps(t, s)
	var deleted []string
	for _, op := range ops[before:] {
		if op.Kind == "delete" {
			deleted = append(deleted, op.Table)
		}
	}
	if len(deleted) != 2 {
		t.Fatalf("deleting a conversation with a job shown: deletes %v", deleted)
	}
	var left int
	must(t, s.db.QueryRow(`SELECT count(*) FROM sync_changes`).Scan(&left))
	if left != 0 {
		t.Fatalf("%d change notes left after commit", left)
	}
}

// A transaction that fails leaves neither its change nor its operation.
func TestARolledBackChangeLeavesNoOperation(t *testing.T) {
	s := joinedStore(t)
	c := makeCitizen(t, s)
	before := len(outboxOps(t, s))
	boom := errors.New("boom")
	err := s.inTx("update citizen", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE citizens SET phone = '99999999' WHERE id = ?`, c.ID); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	// a duplicate CPR fails inside CreateCitizen's transaction
	c2 := validCitizen()
	c2.CPR = c.CPR
	if c.CPR != "" && s.CreateCitizen(c2) == nil {
		t.Fatal("duplicate CPR accepted")
	}
	var changes int
	must(t, s.db.QueryRow(`SELECT count(*) FROM sync_changes`).Scan(&changes))
	if n := len(outboxOps(t, s)); n != before || changes != 0 {
		t.Fatalf("after rollbacks: outbox %d (was %d), change notes %d", n, before, changes)
	}
	// the next change is still chained to the last operation that was kept
	c.Phone = "22222222"
	must(t, s.UpdateCitizen(c))
	ops := outboxOps(t, s)
	if ops[len(ops)-1].Fields["phone"] != "22222222" {
		t.Fatalf("last op %+v", ops[len(ops)-1])
	}
}

// Every record of a full case reaches the outbox with its citizen's gid.
func TestEveryKindOfRecordReachesTheOutbox(t *testing.T) {
	s := joinedStore(t)
	everyRecord(t, s, testutil.Content(t))
	tables := map[string]bool{}
	for _, op := range outboxOps(t, s) {
		tables[op.Table] = true
		if op.Table != "jobs" && op.Citizen == "" {
			t.Errorf("%s op without a citizen", op.Table)
		}
	}
	for _, tb := range SyncTables {
		switch tb.Name {
		case "caseworkers", "prospect_editions", "prospects", "youth_flags", "settings":
			continue // not made by everyRecord
		}
		if !tables[tb.Name] {
			t.Errorf("no operation for %s", tb.Name)
		}
	}
}

// A person resolves a conflict: "mine" writes the value again as a new
// edit (to the outbox); the choice is stored and audited, and the conflict
// is no longer open.
func TestResolvingAConflictWithMineWritesItAgain(t *testing.T) {
	s := joinedStore(t)
	c := makeCitizen(t, s)
	ops := outboxOps(t, s)
	gid := ops[0].Gid
	must(t, s.AckPush([]OpResult{{OpID: ops[0].ID, Table: "citizens", Gid: gid, Citizen: gid, Outcome: "conflict", Version: 0,
		Conflicts: []Conflict{{OpID: ops[0].ID, Citizen: gid, Table: "citizens", Record: gid, Field: "phone", Outcome: "conflict",
			Mine: "12345678", Theirs: "87654321"}}}}))
	cs, err := s.Conflicts()
	must(t, err)
	if len(cs) != 1 || cs[0].Mine != "12345678" {
		t.Fatalf("conflicts %+v", cs)
	}
	must(t, s.UseMine(cs[0]))
	must(t, s.ResolveConflict(cs[0].OpID, "mine"))
	after := outboxOps(t, s)
	if last := after[len(after)-1]; last.Gid != gid || last.Fields["phone"] != "12345678" {
		t.Fatalf("the value was not written again: %+v", last)
	}
	if cs, _ := s.Conflicts(); len(cs) != 0 {
		t.Fatalf("still open: %+v", cs)
	}
	got, err := s.Citizen(c.ID)
	must(t, err)
	if got.Phone != "12345678" {
		t.Fatalf("phone %q", got.Phone)
	}
	var n int
	must(t, s.db.QueryRow(`SELECT count(*) FROM audit WHERE action = 'office conflict'`).Scan(&n))
	if n != 1 {
		t.Fatalf("%d audit rows for the resolution", n)
	}
}

// The office's settings (the letterhead) travel, the laptop's own do not:
// saving the letterhead in an office puts one operation per changed setting
// in the outbox, each with the gid derived from its key (the same on every
// laptop), and a backup setting none; a letterhead saved before joining
// gets the same gids at the join.
func TestOnlyTheOfficesSettingsTravel(t *testing.T) {
	s := newTestStore(t)
	o := model.DefaultOffice
	o.Name, o.Phone = "Jobcenter Vest", "70 10 20 30"
	must(t, s.SaveOffice(o))
	must(t, s.JoinOffice("postgres://kontor", "LE", "d"))
	var g sql.NullString
	must(t, s.db.QueryRow(`SELECT gid FROM settings WHERE key = 'office.name'`).Scan(&g))
	if g.String != derivedGid("settings", "office.name") {
		t.Fatalf("the letterhead saved before joining has gid %v", g)
	}
	o.Name = "Jobcenter Vest, Afdeling Nord"
	must(t, s.SaveOffice(o))
	must(t, s.saveSetting("backup.folder", "/tmp/x"))
	byGid := map[string]SyncOp{}
	for _, op := range outboxOps(t, s) {
		if op.Table != "settings" {
			t.Fatalf("an operation for %s: %+v", op.Table, op)
		}
		byGid[op.Gid] = op
	}
	op, ok := byGid[derivedGid("settings", "office.name")]
	if !ok || op.Fields["value"] != "Jobcenter Vest, Afdeling Nord" || op.Fields["key"] != "office.name" || op.Citizen != "" {
		t.Fatalf("the office's name did not reach the outbox: %+v", byGid)
	}
	if len(byGid) != 1 {
		t.Fatalf("%d settings went to the outbox, want the one changed: %+v", len(byGid), byGid)
	}
	// every setting of the office's, and only those, reaches the outbox
	// (migration 0016's triggers name the same keys as the model)
	must(t, s.saveSettings(map[string]string{"backup.keep": "9"}))
	for _, k := range model.OfficeSettingKeys {
		must(t, s.saveSetting(k, "ny værdi"))
	}
	n := 0
	for _, op := range outboxOps(t, s) {
		if op.Fields["key"] == "backup.keep" {
			t.Errorf("a laptop's own setting travels: %+v", op)
		}
		n++
	}
	if want := 1 + len(model.OfficeSettingKeys); n != want {
		t.Errorf("%d settings in the outbox, want %d", n, want)
	}
}

// What the office says of itself is never replaced by an older read (two
// syncs of one laptop at once, say the window's and a scheduled command's).
func TestAnOlderReadOfTheOfficeNeverReplacesANewer(t *testing.T) {
	s := joinedStore(t)
	at := time.Date(2026, 12, 7, 10, 42, 0, 0, time.UTC)
	newer := model.OfficeInfo{Seq: 9, Figures: model.OfficeFigures{ComputedAt: at, Caseworkers: 3}}
	older := model.OfficeInfo{Seq: 7, Figures: model.OfficeFigures{ComputedAt: at.Add(time.Minute), Caseworkers: 2}}
	must(t, s.ApplyPull(PullBatch{Office: &newer}, at))
	must(t, s.ApplyPull(PullBatch{Office: &older}, at))
	got, err := s.OfficeInfo()
	must(t, err)
	if got.Seq != 9 || got.Figures.Caseworkers != 3 || !got.Known {
		t.Fatalf("after an older read the laptop holds %+v", got)
	}
	later := model.OfficeInfo{Seq: 9, Figures: model.OfficeFigures{ComputedAt: at.Add(5 * time.Minute), Caseworkers: 4}}
	must(t, s.ApplyPull(PullBatch{Office: &later}, at))
	if got, _ := s.OfficeInfo(); got.Figures.Caseworkers != 4 {
		t.Fatalf("a later read of the same sequence was not kept: %+v", got)
	}
}
