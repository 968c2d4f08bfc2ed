package office

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// emptySeq numbers the databases emptyDB makes.
var emptySeq atomic.Int64

func emptyDB(t *testing.T) string {
	t.Helper()
	admin := login(t, "postgres", "postgres")
	name := fmt.Sprintf("e%d_%s", emptySeq.Add(1), filepath.Base(t.TempDir())) // TempDir's base repeats across tests
	if _, err := admin.Exec(context.Background(), `CREATE DATABASE `+name); err != nil {
		t.Fatal(err)
	}
	return name
}

func service(t *testing.T, initials string) *Service {
	t.Helper()
	path := filepath.Join(t.TempDir(), initials+".db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }
	v := &Service{Store: s, IdentityPath: filepath.Join(t.TempDir(), "id", "identity.txt"), ConnectTimeout: 5 * time.Second}
	t.Cleanup(func() { v.Close() })
	return v
}

// The office commands end to end: init makes the schema, the lead and the
// key; a caseworker gets the key wrapped to her identity and joins with her
// history; status, move, cover and conflicts work; an office that cannot be
// reached is reported, not an error.
func TestTheOfficeCommandsEndToEnd(t *testing.T) {
	db := emptyDB(t)
	server := cluster.DSN("postgres", db)
	lead := service(t, "LE")
	if _, err := lead.Init(server, "le", "Lene Eriksen"); err != nil {
		t.Fatal(err)
	}
	if _, err := lead.Init(server, "le", "Lene Eriksen"); err == nil {
		t.Fatal("a second init made a second office key")
	}
	ab := service(t, "AB")
	c := testutil.Citizen(func(c *model.Citizen) { c.Name, c.CPR, c.Notes = "Borger Før", "0202804321", "Fra før" })
	if err := ab.Store.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	if _, err := ab.Join(server, "AB"); err == nil {
		t.Fatal("joined without being on the roster")
	}
	rec, err := ab.Recipient()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lead.AddCaseworker(server, "AB", "Anna Berg", false, rec); err != nil {
		t.Fatal(err)
	}
	if _, err := lead.AddCaseworker(server, "CD", "Carl Dahl", false, ""); err != nil {
		t.Fatal(err)
	}
	st, err := ab.Join(server, "AB")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Configured || st.Pending != 0 || st.LastSync == "" || !st.Reachable {
		t.Fatalf("status after join: %+v", st)
	}
	c.Phone = "12121212"
	if err := ab.Store.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	if st, _ := ab.Status(); st.Pending != 1 {
		t.Fatalf("status: %+v", st)
	}
	if st, err := ab.Sync(); err != nil || st.Pending != 0 {
		t.Fatalf("sync: %+v %v", st, err)
	}
	if err := ab.Cover([]int64{c.ID}, "CD", time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), "Ferie"); err == nil {
		t.Fatal("a caseworker granted cover")
	}
	if err := ab.Move([]int64{c.ID}, "CD"); err != nil {
		t.Fatal(err)
	}
	if got, _ := ab.Store.ListCitizens(model.CitizenFilter{}); len(got) != 0 {
		t.Fatalf("after the move AB's laptop holds %d citizens", len(got))
	}
	if cs, err := ab.Conflicts(); err != nil || len(cs) != 0 {
		t.Fatalf("conflicts: %+v %v", cs, err)
	}
	// the server goes away: sync says so, the change waits
	c2 := testutil.Citizen(func(c *model.Citizen) { c.Name = "Ny borger" })
	if err := ab.Store.CreateCitizen(c2); err != nil {
		t.Fatal(err)
	}
	if err := ab.Store.JoinOffice("host=/nonexistent port=1 user=x dbname=y sslmode=disable", "AB", "d"); err != nil {
		t.Fatal(err)
	}
	st, err = ab.Sync()
	if err != nil {
		t.Fatalf("an unreachable office is an error: %v", err)
	}
	if st.Reachable || st.Pending != 1 {
		t.Fatalf("status when unreachable: %+v", st)
	}
}
