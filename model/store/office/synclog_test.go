package office

import (
	"bytes"
	"fmt"
	"log"
	"strings"
	"testing"

	"jobspor/model"
	"jobspor/model/testutil"
)

// A sync with Log set says when it started, when the pull was fetched, each
// local transaction of its apply and when it ended: the lines
// make bench-typing-join sets beside the typing, to show that the pull ran
// while the caseworker typed. Without Log nothing is written.
func TestASyncWithALogSaysWhenItsPullWasApplied(t *testing.T) {
	server := cluster.DSN("postgres", emptyDB(t))
	lead := service(t, "LE")
	if _, err := lead.Init(server, "le", "Lene Eriksen"); err != nil {
		t.Fatal(err)
	}
	ab := service(t, "AB")
	rec, err := ab.Recipient()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lead.AddCaseworker(server, "AB", "Anna Berg", false, rec); err != nil {
		t.Fatal(err)
	}
	if _, err := ab.Join(server, "AB"); err != nil {
		t.Fatal(err)
	}
	var ids []int64 // the lead's, sent at her join, then handed to AB
	for i := range 5 {
		c := testutil.Citizen(func(c *model.Citizen) { c.Name = fmt.Sprintf("Borger %d", i) })
		if err := lead.Store.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	if _, err := lead.Join(server, "LE"); err != nil {
		t.Fatal(err)
	}
	if err := lead.Move(ids, "AB"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	ab.Log = log.New(&out, "", 0)
	ab.ApplyBatch = 2
	if _, err := ab.Sync(); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	want := []string{"office: sync started\n", "office: pull fetched, applying\n", "office: pull applied 1 of ", "office: sync ended (error: <nil>)\n"}
	at := 0
	for _, w := range want {
		i := strings.Index(got[at:], w)
		if i < 0 {
			t.Fatalf("the log lacks %q after its first %d bytes:\n%s", w, at, got)
		}
		at += i + len(w)
	}
	if n := strings.Count(got, "pull applied"); n < 2 {
		t.Fatalf("the log names %d of the apply's transactions, want one for each but the last:\n%s", n, got)
	}
	if cs, _ := ab.Store.ListCitizens(model.CitizenFilter{}); len(cs) != 5 {
		t.Fatalf("the pull brought %d citizens, want 5", len(cs))
	}
	out.Reset()
	ab.Log = nil
	if _, err := ab.Sync(); err != nil || out.Len() != 0 {
		t.Fatalf("a sync without a log wrote %q (%v)", out.String(), err)
	}
}
