package store

import (
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"jobspor/model"
)

// retrigger puts Jobspor's append-only triggers back, as a careful forger
// would before anyone runs check.
func retrigger(t *testing.T, s *Store) {
	t.Helper()
	for _, q := range []string{
		`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END`,
		`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END`,
		`CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
    BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END`,
		`CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
    BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// triggersAsJobsporMadeThem tells whether retrigger's text matches the
// migrations' (else check would name the triggers, not the forgery).
func triggersAsJobsporMadeThem(t *testing.T, s *Store) bool {
	problems, err := s.schemaCheck(s.db)
	must(t, err)
	return len(problems) == 0
}

func checkSaysOK(t *testing.T, s *Store) {
	t.Helper()
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check of a sound trail: %v, %v", problems, err)
	}
}

// TestTheAuditErasedBehindANewStartIsNamed: the delete triggers dropped,
// the newest seal put into audit_start, audit_chain and audit emptied, the
// triggers put back: check names the moved start.
func TestTheAuditErasedBehindANewStartIsNamed(t *testing.T) {
	s := trailWithRows(t, 5)
	checkSaysOK(t, s)
	var last int64
	var hash string
	must(t, s.db.QueryRow(`SELECT audit_id, hash FROM audit_chain ORDER BY audit_id DESC LIMIT 1`).Scan(&last, &hash))
	tamper(t, s,
		`INSERT INTO audit_start (id, last_id, hash, cut_at) VALUES (1, `+itoa(last)+`, '`+hash+`', '2026-11-23T10:00:00Z')`,
		`DELETE FROM audit_chain`, `DELETE FROM audit`)
	retrigger(t, s)
	if !triggersAsJobsporMadeThem(t, s) {
		t.Log("(the triggers put back differ from Jobspor's and are named too)")
	}
	checkSays(t, s, "begyndelse er flyttet uden om Jobspor")
}

// TestARowAppendedWithACorrectSealIsNamed: a row written with sqlite3 and
// sealed exactly as Jobspor seals is not one Jobspor wrote.
func TestARowAppendedWithACorrectSealIsNamed(t *testing.T) {
	s := trailWithRows(t, 3)
	checkSaysOK(t, s)
	tx, err := s.db.Begin()
	must(t, err)
	_, err = tx.Exec(`INSERT INTO audit (at, user_name, action, citizen_id, detail) VALUES ('2026-11-23T10:00:00Z', 'x', 'view', 1, '')`)
	must(t, err)
	must(t, sealNew(tx))
	must(t, tx.Commit())
	checkSays(t, s, "rækker, som Jobspor ikke har skrevet")
	// Also once Jobspor has written again after it.
	c := makeCitizen(t, s)
	must(t, s.LogAudit(model.AuditView, c.ID, "test"))
	checkSays(t, s, "ændret uden om Jobspor")
}

// TestDroppedTriggersAreNamed: the append-only triggers dropped and not
// put back.
func TestDroppedTriggersAreNamed(t *testing.T) {
	s := trailWithRows(t, 2)
	tamper(t, s)
	checkSays(t, s, "Der mangler trigger »audit_no_delete«")
}

// TestRowsRewrittenAfterTheLastCheckAreNamed: rows written since the last
// check are rewritten and everything after them re-sealed.
func TestRowsRewrittenAfterTheLastCheckAreNamed(t *testing.T) {
	s := trailWithRows(t, 2)
	checkSaysOK(t, s)
	c := makeCitizen(t, s)
	for i := 0; i < 4; i++ {
		must(t, s.LogAudit(model.AuditView, c.ID, "efter kontrollen"))
	}
	var from int64
	must(t, s.db.QueryRow(`SELECT max(id) - 2 FROM audit`).Scan(&from))
	tamper(t, s, `UPDATE audit SET detail = 'andet' WHERE id = `+itoa(from), `DELETE FROM audit_chain WHERE audit_id >= `+itoa(from))
	tx, err := s.db.Begin()
	must(t, err)
	must(t, sealNew(tx))
	must(t, tx.Commit())
	retrigger(t, s)
	checkSays(t, s, "har ikke længere den forsegling")
}

// TestTheTailCutAfterTheLastCheckIsNamed: the newest rows, written after
// the last check, cut off with their seals.
func TestTheTailCutAfterTheLastCheckIsNamed(t *testing.T) {
	s := trailWithRows(t, 2)
	checkSaysOK(t, s)
	c := makeCitizen(t, s)
	for i := 0; i < 3; i++ {
		must(t, s.LogAudit(model.AuditView, c.ID, "efter kontrollen"))
	}
	var last int64
	must(t, s.db.QueryRow(`SELECT max(id) FROM audit`).Scan(&last))
	tamper(t, s, `DELETE FROM audit WHERE id >= `+itoa(last-1), `DELETE FROM audit_chain WHERE audit_id >= `+itoa(last-1))
	retrigger(t, s)
	checkSays(t, s, "Revisionssporet er kortere")
}

// TestAnEditedAnchorIsNamed: the anchor file full of garbage, with a line
// changed, with lines cut out of the middle, or deleted.
func TestAnEditedAnchorIsNamed(t *testing.T) {
	cases := []struct {
		name string
		edit func(text string) string
		say  string
	}{
		{"garbage", func(string) string { return strings.Repeat("ikke en linje\n", 20) }, "ændret eller ødelagt"},
		{"a line changed", func(text string) string { return strings.Replace(text, "\twrite\t", "\tcheck\t", 1) }, "ændret eller ødelagt"},
		{"middle cut", func(text string) string {
			lines := strings.SplitAfter(text, "\n")
			return strings.Join(append(lines[:2:2], lines[4:]...), "")
		}, "ændret eller ødelagt"},
		{"deleted", nil, "ankerfil"},
	}
	for _, c := range cases {
		s := trailWithRows(t, 5)
		checkSaysOK(t, s)
		if c.edit == nil {
			must(t, os.Remove(s.anchorPath()))
		} else {
			raw, err := os.ReadFile(s.anchorPath())
			must(t, err)
			must(t, os.WriteFile(s.anchorPath(), []byte(c.edit(string(raw))), 0o600))
		}
		problems, err := s.Check()
		must(t, err)
		var said []string
		for _, p := range problems {
			said = append(said, p.Text())
		}
		if !strings.Contains(strings.Join(said, "\n"), c.say) {
			t.Errorf("%s: check says %q; want %q", c.name, said, c.say)
		}
	}
}

// TestChecksBesideAWritingLoopRaiseNoFalseAlarm: another Jobspor writes
// audit rows (as list does) as fast as it can while check runs 60 times.
func TestChecksBesideAWritingLoopRaiseNoFalseAlarm(t *testing.T) {
	s := trailWithRows(t, 3)
	other, err := OpenExisting(s.Path())
	must(t, err)
	defer other.Close()
	c := makeCitizen(t, s)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	var writes atomic.Int64
	// 60 checks in every test run; make killtest runs all 1,000, beside a
	// writer that pauses a little between writes (each check reads the
	// whole trail: a trail grown by tens of thousands of rows made the
	// thousand checks take minutes).
	least, pause := 60, time.Duration(0)
	if os.Getenv("JOBSPOR_KILLTEST") != "" {
		least, pause = 1000, 5*time.Millisecond
	}
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := other.LogViewed("liste", []int64{c.ID}); err != nil {
				t.Errorf("the writing loop: %v", err)
				return
			}
			writes.Add(1)
			time.Sleep(pause)
		}
	}()
	alarms, checks := 0, 0
	for i := 0; i < 1000 && (i < least || writes.Load() < 100); i++ {
		checks++
		problems, err := s.Check()
		if err != nil || len(problems) > 0 {
			alarms++
			t.Logf("check %d: %v %v", i, problems, err)
		}
	}
	close(stop)
	wg.Wait()
	if alarms > 0 || writes.Load() < 100 {
		t.Fatalf("%d false alarms in %d checks beside %d writes", alarms, checks, writes.Load())
	}
	t.Logf("%d checks beside %d writes, no false alarm", checks, writes.Load())
	checkSaysOK(t, s)
}
