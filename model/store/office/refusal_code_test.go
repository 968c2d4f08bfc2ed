package office

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model/store"
)

// questionsOf fails unless s asks its caseworker exactly want questions,
// each a whole case the office refused because it already has the citizen,
// and the header counts them so.
func questionsOf(t *testing.T, s *store.Store, want int, when string) {
	t.Helper()
	qs, err := s.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != want {
		t.Fatalf("%s: CD is asked %d questions, want %d (one per case)", when, len(qs), want)
	}
	for _, q := range qs {
		if !strings.HasPrefix(q.OpID, store.CaseRefusedPrefix) || len(q.Members) < 2 {
			t.Errorf("%s: question %s with %d refusals, want a whole case", when, q.OpID, len(q.Members))
		}
	}
	if st, err := s.OfficeStatus(); err != nil || st.Conflicts != want {
		t.Errorf("%s: the header counts %d (%v), want %d", when, st.Conflicts, err, want)
	}
}

// The office's refusal of a citizen it already has is known by its code
// (unique violation on citizens_cpr_mac), not by its message: here the
// server words it otherwise (a rule in front of the index raises the same
// SQLSTATE and constraint with a Danish text, as a reworded or translated
// PostgreSQL would), and CD is still asked one question per case. The text
// is kept as the server said it; the code is kept at the office too, so
// CD's next laptop is asked the same questions.
func TestARefusalWordedOtherwiseIsStillOneQuestionPerCase(t *testing.T) {
	db := freshDB(t)
	const text = "Borgeren er allerede oprettet på kontoret"
	exec(t, login(t, db, "postgres"), `CREATE FUNCTION jobspor.test_cpr_taken() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
		BEGIN
			IF NEW.cpr_mac IS NOT NULL AND EXISTS (SELECT 1 FROM jobspor.citizens c
				WHERE c.cpr_mac = NEW.cpr_mac AND NOT c.deleted AND c.gid <> NEW.gid) THEN
				RAISE EXCEPTION '`+text+`' USING ERRCODE = 'unique_violation', CONSTRAINT = 'citizens_cpr_mac';
			END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER a0_test_cpr_taken BEFORE INSERT OR UPDATE ON jobspor.citizens
			FOR EACH ROW EXECUTE FUNCTION jobspor.test_cpr_taken()`)
	joinWithHistory(t, storeWithHistory(t, 3, 3000), db, "AB")
	cd := storeWithHistory(t, 2, 3000) // AB's first two citizens
	joinWithHistory(t, cd, db, "CD")

	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE author = 'CD' AND tbl = 'citizens' AND outcome = 'rejected'
		AND theirs = $1 AND code = 'cpr_taken'`, text); n != 2 {
		t.Fatalf("the office keeps %d refusals of CD's two citizens in its own words with the code", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE strpos(theirs, 'citizens_cpr_mac') > 0`); n != 0 {
		t.Fatalf("%d refusals name the index: the test does not show what it should", n)
	}
	questionsOf(t, cd, 2, "after the join")
	qs, _ := cd.Conflicts()
	if !strings.HasPrefix(qs[0].Theirs, text) {
		t.Errorf("the question shows %q, want the office's own words %q", qs[0].Theirs, text)
	}

	// CD on a new laptop: the office's open refusals arrive with their code
	fresh, err := store.Open(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fresh.Close() })
	fresh.Now = func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }
	joinWithHistory(t, fresh, db, "CD")
	questionsOf(t, fresh, 2, "on CD's new laptop")
}

// An office one schema older than this Jobspor (N-1, its conflict table
// without the code) still takes a push with refusals, and the laptop asks
// one question per case (it knows the code from the server's error). Once
// the office is brought up to date (office init), its refusals kept before
// get the code from their text, and the next sync asks the same questions.
func TestAnOfficeWithoutTheCodeColumnAndItsUpdate(t *testing.T) {
	db := freshDB(t)
	su := login(t, db, "postgres")
	exec(t, su, `ALTER TABLE jobspor.conflict DROP COLUMN code;
		DELETE FROM jobspor.schema_migration WHERE name = '0009_conflict_code.sql'`)
	joinWithHistory(t, storeWithHistory(t, 3, 4000), db, "AB")
	cd := storeWithHistory(t, 2, 4000)
	cl := joinWithHistory(t, cd, db, "CD")
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE author = 'CD' AND outcome = 'rejected'`); n < 4 {
		t.Fatalf("the office refused %d of CD's records", n)
	}
	questionsOf(t, cd, 2, "with an office one schema older")

	if _, err := Init(context.Background(), su); err != nil {
		t.Fatal(err)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE author = 'CD' AND code = 'cpr_taken'`); n != 2 {
		t.Fatalf("after the office's update %d refusals have the code, want CD's two citizens'", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.conflict WHERE author = 'CD' AND code <> '' AND tbl <> 'citizens'`); n != 0 {
		t.Fatalf("%d refusals of other records got a code from their text", n)
	}
	cl.codes = 0 // a new sync asks the office again
	if err := cl.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	questionsOf(t, cd, 2, "after the office's update")
}

// A push killed after the office committed CD's refused citizens is sent
// again and answered from what the office kept (applied_op, conflict):
// the answer carries the code too, and CD is asked one question per case.
func TestARefusalAnsweredAgainAfterAKillKeepsItsCode(t *testing.T) {
	db := freshDB(t)
	joinWithHistory(t, storeWithHistory(t, 3, 3100), db, "AB")
	cd := storeWithHistory(t, 2, 3100)
	if err := cd.JoinOffice(db, "CD", "d-CD"); err != nil {
		t.Fatal(err)
	}
	cl := &Client{Store: cd, Conn: login(t, db, "CD"), Key: testKey}
	if err := cl.SendHistory(bg); err != nil {
		t.Fatal(err)
	}
	cl.Fault = func(p string) error {
		if p == FaultAfterCommit {
			return errKill
		}
		return nil
	}
	if _, err := cl.Push(bg); !errors.Is(err, errKill) {
		t.Fatalf("push: %v", err)
	}
	cl.Fault = nil
	if _, err := cl.Push(bg); err != nil { // no pull: the answers alone
		t.Fatal(err)
	}
	questionsOf(t, cd, 2, "after the push sent again")
}
