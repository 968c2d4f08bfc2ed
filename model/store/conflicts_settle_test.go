package store

import (
	"strings"
	"testing"
)

// A person's choice is stored on the laptop in one transaction and waits
// for the next sync to reach the office; this laptop's own notices have
// nothing to send. A value the citizen form would refuse is refused here
// too, and the conflict stays open with nothing written.
func TestASettledConflictWaitsForTheNextSyncAndABadValueIsRefused(t *testing.T) {
	s := joinedStore(t)
	c := makeCitizen(t, s)
	ops := outboxOps(t, s)
	gid := ops[0].Gid
	conflict := func(op, field, mine string) Conflict {
		return Conflict{OpID: op, Citizen: gid, Table: "citizens", Record: gid, Field: field, Outcome: "conflict",
			Mine: mine, Theirs: "87654321", Author: "AB", MineAt: "2026-11-23T09:00:00Z", TheirsBy: "CD"}
	}
	must(t, s.AckPush([]OpResult{{OpID: ops[0].ID, Table: "citizens", Gid: gid, Citizen: gid, Outcome: "conflict",
		Conflicts: []Conflict{conflict(ops[0].ID, "phone", "12345678"), conflict("note:"+gid, "notes", "min note")}}}))
	cs, err := s.Conflicts()
	must(t, err)
	if len(cs) != 2 || cs[0].CitizenID != c.ID || cs[0].CitizenName != c.Name || cs[0].TheirsBy != "CD" {
		t.Fatalf("conflicts read as %+v", cs)
	}

	err = s.SettleConflict(ops[0].ID, "edited", "ring til mor")
	if err == nil || !strings.Contains(err.Error(), "Telefonnummeret") {
		t.Fatalf("a phone number the form refuses was taken: %v", err)
	}
	if got, _ := s.Citizen(c.ID); got.Phone == "ring til mor" {
		t.Fatal("the refused value was written")
	}
	if cs, _ := s.Conflicts(); len(cs) != 2 {
		t.Fatalf("a refused choice closed the conflict: %+v", cs)
	}

	must(t, s.SettleConflict(ops[0].ID, "theirs", ""))
	must(t, s.SettleConflict("note:"+gid, "seen", ""))
	pending, err := s.PendingResolutions()
	must(t, err)
	if len(pending) != 1 || pending[0].OpID != ops[0].ID || pending[0].How != "theirs" || pending[0].At == "" {
		t.Fatalf("waiting to be sent: %+v, want the office's conflict only", pending)
	}
	must(t, s.ResolutionsSent([]string{ops[0].ID}))
	if pending, _ := s.PendingResolutions(); len(pending) != 0 {
		t.Fatalf("still waiting after it was sent: %+v", pending)
	}
	if err := s.SettleConflict(ops[0].ID, "mine", ""); err == nil {
		t.Fatal("a conflict was settled twice")
	}
	var n int
	must(t, s.db.QueryRow(`SELECT count(*) FROM audit WHERE action = 'office conflict' AND citizen_id = ?`, c.ID).Scan(&n))
	if n != 2 {
		t.Fatalf("%d audit rows for two choices", n)
	}
}
