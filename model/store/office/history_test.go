package office

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// storeWithHistory is a laptop's database before it joins: n citizens, each
// with a note and a conversation.
func storeWithHistory(t testing.TB, n int, cprBase int) *store.Store {
	t.Helper()
	return storeWithHistoryAt(t, filepath.Join(t.TempDir(), "history.db"), n, cprBase)
}

// storeWithHistoryAt is storeWithHistory in the file at path.
func storeWithHistoryAt(t testing.TB, path string, n int, cprBase int) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }
	for i := 0; i < n; i++ {
		c := testutil.Citizen(func(c *model.Citizen) {
			c.Name, c.Notes = fmt.Sprintf("Borger %d", i), fmt.Sprintf("Note om borger %d", i)
			c.CPR = model.CPR(fmt.Sprintf("0101%02d%04d", 50+i%40, cprBase+i))
		})
		if err := s.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
		cv := testutil.Conversation(c.ID, testutil.At("2026-11-24T10:00").Add(time.Duration(i)*time.Hour), 45,
			func(cv *model.Conversation) { cv.Notes = "Samtale " + fmt.Sprint(i) })
		if err := s.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func joinWithHistory(t testing.TB, s *store.Store, db, initials string) *Client {
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
	return cl
}

// A laptop joining with its history sends it in bulk: no operation per
// record; a citizen another laptop already registered (same CPR number)
// goes op by op and is refused with its text kept.
func TestJoiningSendsTheHistoryInBulk(t *testing.T) {
	db := freshDB(t)
	s := storeWithHistory(t, 30, 1000)
	joinWithHistory(t, s, db, "AB")
	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(*) FROM jobspor.citizens`); n != 30 {
		t.Fatalf("%d citizens at the office", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.note`); n != 60 {
		t.Fatalf("%d notes at the office", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.applied_op`); n != 0 {
		t.Fatalf("%d operations: the history went op by op", n)
	}
	if n, _ := s.PendingCount(); n != 0 {
		t.Fatalf("%d pending", n)
	}
	// joining again (a resend after a kill) adds nothing
	cl := &Client{Store: s, Conn: login(t, db, "AB"), Key: testKey}
	if err := cl.SendHistory(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.note`); n != 60 {
		t.Fatalf("%d notes after a second send", n)
	}

	other := storeWithHistory(t, 2, 1000) // the same CPR numbers as AB's first two
	joinWithHistory(t, other, db, "CD")
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE outcome = 'rejected' AND author = 'CD'`); n < 2 {
		t.Fatalf("%d refusals for CD's duplicate citizens", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.citizens`); n != 30 {
		t.Fatalf("%d citizens: a duplicate CPR got in", n)
	}
}
