package office

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// setOpSchema rewrites the schema an op in the laptop's outbox says it was
// written in, as if another Jobspor had queued it (through a connection of
// its own to the laptop's file).
func setOpSchema(t *testing.T, l *laptop, opID string, schema int) {
	t.Helper()
	db, err := sql.Open("sqlite", l.s.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec(`UPDATE outbox SET payload = json_set(payload, '$.schema', ?) WHERE op_id = ?`, schema, opID)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("op %s is not in the outbox", opID)
	}
}

func pendingOps(t *testing.T, l *laptop) []store.SyncOp {
	t.Helper()
	ops, err := l.s.PendingOps(100)
	if err != nil {
		t.Fatal(err)
	}
	return ops
}

// Ops carry the laptop schema they were written in. Ops queued offline
// before the laptop's Jobspor was updated (N-1) reach the office as they
// are; an op older than that is refused, its fields and note kept with a
// Danish reason, at the office and on the laptop, and it has one outcome;
// an op from a newer Jobspor is not pushed at all: the sync says "opdatér
// Jobspor" and the op waits in the outbox, the office unchanged.
func TestTheSchemaOnEveryOp(t *testing.T) {
	if err := model.SetTexts(assets.DanishTexts); err != nil {
		t.Fatal(err)
	}
	n := store.SchemaVersion()
	db := freshDB(t)
	ab := newLaptop(t, db, "AB")
	su := login(t, db, "postgres")

	// offline under the previous Jobspor: a new citizen with a note
	c := testutil.Citizen(func(c *model.Citizen) { c.Name, c.Notes = "Søren Ærø", "Første samtale, før opdateringen" })
	if err := ab.s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	created := pendingOps(t, ab)[0]
	setOpSchema(t, ab, created.ID, n-1)
	// and, from a Jobspor two versions back, a phone number and a note
	c.Phone, c.Notes = "12345678", "Aftalt praktik hos Bager Ærø"
	if err := ab.s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	old := pendingOps(t, ab)[1]
	setOpSchema(t, ab, old.ID, n-2)
	ab.sync(t)

	if k := count(t, su, `SELECT count(*) FROM jobspor.applied_op WHERE op_id = $1 AND outcome = 'applied'`, created.ID); k != 1 {
		t.Errorf("the op of schema N-1 was not applied (%d)", k)
	}
	if k := count(t, su, `SELECT count(*) FROM jobspor.note WHERE body = 'Første samtale, før opdateringen'`); k != 1 {
		t.Errorf("the note of schema N-1 is not at the office (%d)", k)
	}
	if k := count(t, su, `SELECT count(*) FROM jobspor.applied_op WHERE op_id = $1 AND outcome = 'rejected'`, old.ID); k != 1 {
		t.Errorf("the op of schema N-2 has no refusal as its outcome (%d)", k)
	}
	if k := count(t, su, `SELECT count(*) FROM jobspor.note WHERE body LIKE 'Aftalt praktik%'`); k != 0 {
		t.Errorf("the office read the note of a payload it does not read")
	}
	if k := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE op_id = $1 AND outcome = 'rejected'
		AND mine = 'Aftalt praktik hos Bager Ærø' AND note_gid IS NOT NULL AND theirs LIKE '%ældre udgave af Jobspor (skema%'`, old.ID); k != 1 {
		t.Errorf("the refused note is not kept at the office with its reason (%d)", k)
	}
	if k := count(t, su, `SELECT count(*) FROM jobspor.citizens WHERE gid = $1 AND phone = '12345678'`, created.Citizen); k != 0 {
		t.Errorf("the office took the phone number of a payload it does not read")
	}
	cs, err := ab.s.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	kept := false
	for _, k := range cs {
		if k.OpID == old.ID && k.Outcome == "rejected" && strings.Contains(k.Mine, "Aftalt praktik hos Bager Ærø") && strings.Contains(k.Theirs, "skema") {
			kept = true
		}
	}
	if !kept {
		t.Errorf("the laptop shows no refusal holding the note: %+v", cs)
	}
	if p, _ := ab.s.PendingCount(); p != 0 {
		t.Errorf("%d ops left after the sync", p)
	}

	// an op from a newer Jobspor than this one: nothing is sent
	c = ab.citizenByName(t, "Søren Ærø")
	c.Email = "soeren@post.dk"
	if err := ab.s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	newer := pendingOps(t, ab)[0]
	setOpSchema(t, ab, newer.ID, n+1)
	err = ab.cl.Sync(bg)
	var ue *model.UserError
	if !errors.As(err, &ue) || ue.Msg.Key != "office.op.newer" || !strings.Contains(ue.Error(), "opdatér Jobspor") {
		t.Fatalf("a sync with an op from a newer Jobspor said %v", err)
	}
	if k := count(t, su, `SELECT count(*) FROM jobspor.applied_op WHERE op_id = $1`, newer.ID); k != 0 {
		t.Errorf("the op from a newer Jobspor reached the office")
	}
	if k := count(t, su, `SELECT count(*) FROM jobspor.citizens WHERE email = 'soeren@post.dk'`); k != 0 {
		t.Errorf("the office took the e-mail of a newer Jobspor's op")
	}
	if p, _ := ab.s.PendingCount(); p != 1 {
		t.Errorf("%d ops wait in the outbox, want the newer one", p)
	}
	// once this Jobspor knows the op's schema (here: the op says N again), it goes
	setOpSchema(t, ab, newer.ID, n)
	ab.sync(t)
	if k := count(t, su, `SELECT count(*) FROM jobspor.citizens WHERE email = 'soeren@post.dk'`); k != 1 {
		t.Errorf("the waiting op did not reach the office when it could (%d)", k)
	}
}
