package office

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
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

// Two laptops hold the same citizen (the same CPR number: both registered
// her before the office was formed). The second to join is refused the
// citizen, and so each of her records; the caseworker is asked ONE
// question per case, with every text of it, and the case stays on her
// laptop. Settling it closes every refusal, here (audited) and at the
// office; a later edit of the case is the same question again.
func TestACitizenAlreadyAtTheOfficeIsOneQuestionPerCase(t *testing.T) {
	db := freshDB(t)
	joinWithHistory(t, storeWithHistory(t, 3, 2000), db, "AB")

	cd := storeWithHistory(t, 2, 2000) // AB's first two citizens, on CD's laptop too
	cases, err := cd.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil || len(cases) != 2 {
		t.Fatalf("%d citizens on CD's laptop (%v)", len(cases), err)
	}
	for _, c := range cases {
		for k := 1; k <= 3; k++ {
			cv := testutil.Conversation(c.ID, testutil.At("2026-12-01T09:00").Add(time.Duration(k)*24*time.Hour), 30,
				func(cv *model.Conversation) { cv.Notes = fmt.Sprintf("Ekstra samtale %d med %s", k, c.Name) })
			if err := cd.PlanConversation(cv); err != nil {
				t.Fatal(err)
			}
		}
	}
	cl := joinWithHistory(t, cd, db, "CD")

	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(DISTINCT op_id) FROM jobspor.conflict WHERE outcome = 'rejected' AND author = 'CD'`); n < 8 {
		t.Fatalf("the office refused %d of CD's records; each of the two cases' records is refused", n)
	}
	qs, err := cd.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 {
		t.Fatalf("CD is asked %d questions, want one per case (2): %+v", len(qs), qs)
	}
	st, err := cd.OfficeStatus()
	if err != nil || st.Conflicts != 2 {
		t.Fatalf("the header counts %d (%v), want 2", st.Conflicts, err)
	}
	var borger0 store.Conflict
	for _, q := range qs {
		if !strings.HasPrefix(q.OpID, store.CaseRefusedPrefix) || q.CitizenID == 0 || len(q.Members) < 5 {
			t.Fatalf("a question %s for %q (here: %d) with %d refusals, want the case's, here", q.OpID, q.CitizenName, q.CitizenID, len(q.Members))
		}
		if q.CitizenName == "Borger 0" {
			borger0 = q
		}
	}
	var texts strings.Builder
	for _, m := range borger0.Members {
		texts.WriteString(m.Mine + "\n")
	}
	for _, want := range []string{"Note om borger 0", "Samtale 0", "Ekstra samtale 1 med Borger 0", "Ekstra samtale 3 med Borger 0"} {
		if !strings.Contains(texts.String(), want) {
			t.Errorf("the question does not hold %q:\n%s", want, texts.String())
		}
	}
	if cvs, _ := cd.Conversations(borger0.CitizenID); len(cvs) != 4 {
		t.Errorf("the case has %d conversations on CD's laptop after the sync, want all 4 kept", len(cvs))
	}

	if err := cd.SettleConflict(borger0.OpID, "dismissed", ""); err != nil {
		t.Fatal(err)
	}
	entries, _ := cd.AuditFor(borger0.CitizenID)
	audited := false
	for _, e := range entries {
		audited = audited || (e.Action == "office conflict" && strings.HasSuffix(e.Detail, " dismissed") && strings.Contains(e.Detail, borger0.OpID))
	}
	if !audited {
		t.Errorf("settling the question is not in the citizen's audit trail (%d entries)", len(entries))
	}
	if err := cl.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	gid := strings.TrimPrefix(borger0.OpID, store.CaseRefusedPrefix)
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE citizen_gid = '`+gid+`' AND resolution = ''`); n != 0 {
		t.Errorf("%d of the case's refusals are still open at the office", n)
	}
	if qs, _ := cd.Conflicts(); len(qs) != 1 {
		t.Errorf("%d questions after one was settled and synced, want 1", len(qs))
	}

	// a later edit of the kept case is refused again: the same one question
	cv := testutil.Conversation(borger0.CitizenID, testutil.At("2026-12-10T09:00"), 30,
		func(cv *model.Conversation) { cv.Notes = "Skrevet efter spørgsmålet" })
	if err := cd.PlanConversation(cv); err != nil {
		t.Fatal(err)
	}
	if err := cl.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if qs, _ := cd.Conflicts(); len(qs) != 2 || !strings.HasPrefix(qs[0].OpID+qs[1].OpID, store.CaseRefusedPrefix) {
		t.Errorf("after a later edit of the kept case: %d questions, want 2 (one per case)", len(qs))
	}
}
