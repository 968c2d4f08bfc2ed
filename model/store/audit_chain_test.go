package store

import (
	"strings"
	"testing"

	"jobspor/model"
)

// tamper drops the append-only triggers and runs the statements, as someone
// with the file and the sqlite3 tool could.
func tamper(t *testing.T, s *Store, stmts ...string) {
	t.Helper()
	all := append([]string{`DROP TRIGGER audit_no_update`, `DROP TRIGGER audit_no_delete`,
		`DROP TRIGGER audit_chain_no_update`, `DROP TRIGGER audit_chain_no_delete`}, stmts...)
	for _, q := range all {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// trailWithRows makes a store whose audit trail has at least n rows.
func trailWithRows(t *testing.T, n int) *Store {
	t.Helper()
	s := newTestStore(t)
	c := makeCitizen(t, s)
	for i := 0; i < n; i++ {
		must(t, s.LogAudit(model.AuditView, c.ID, "test"))
	}
	return s
}

func checkSays(t *testing.T, s *Store, want string) {
	t.Helper()
	problems, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Text())
	}
	if !strings.Contains(strings.Join(got, "\n"), want) {
		t.Fatalf("check says %q; want it to say %q", got, want)
	}
}

func TestASoundTrailPassesAndIsAnchored(t *testing.T) {
	s := trailWithRows(t, 5)
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("a sound trail: %v, %v", problems, err)
	}
	a, ok := lastAnchorLine(t, s)
	if !ok || a.head.LastID != 6 {
		t.Fatalf("anchor after check: %+v, %v; want row 6 (create + 5 views)", a, ok)
	}
}

func TestAForgedMiddleRowIsNamed(t *testing.T) {
	s := trailWithRows(t, 5)
	tamper(t, s, `UPDATE audit SET user_name = 'kollega' WHERE id = 3`)
	checkSays(t, s, "række 3 passer ikke med sin forsegling")
}

func TestADeletedMiddleRowIsNamed(t *testing.T) {
	s := trailWithRows(t, 5)
	tamper(t, s, `DELETE FROM audit WHERE id = 4`, `DELETE FROM audit_chain WHERE audit_id = 4`)
	checkSays(t, s, "mangler række 4 til 4")
}

func TestDeletedNewestRowsWithTheirSealsAreFoundAgainstTheAnchor(t *testing.T) {
	s := trailWithRows(t, 5)
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("first check: %v, %v", problems, err)
	}
	tamper(t, s, `DELETE FROM audit WHERE id > 4`, `DELETE FROM audit_chain WHERE audit_id > 4`)
	checkSays(t, s, "det sluttede dengang ved række 6, nu ved række 4")
}

func TestDeletedNewestRowsLeavingTheirSealsAreFound(t *testing.T) {
	s := trailWithRows(t, 5)
	tamper(t, s, `DELETE FROM audit WHERE id > 4`)
	checkSays(t, s, "2 forseglede rækker efter række 4 er slettet")
}

func TestARewrittenTrailIsFoundAgainstTheAnchor(t *testing.T) {
	s := trailWithRows(t, 3)
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("first check: %v, %v", problems, err)
	}
	// Rewrite row 2 and re-seal everything after it, as a careful forger would.
	tamper(t, s, `UPDATE audit SET detail = 'andet' WHERE id = 2`, `DELETE FROM audit_chain WHERE audit_id >= 2`)
	tx, err := s.db.Begin()
	must(t, err)
	must(t, sealNew(tx))
	must(t, tx.Commit())
	checkSays(t, s, "række 4 har ikke længere den forsegling")
}

func TestRowsWrittenOutsideJobsporAreUnsealed(t *testing.T) {
	s := trailWithRows(t, 2)
	if _, err := s.db.Exec(`INSERT INTO audit (at, user_name, action, citizen_id, detail) VALUES ('2026-11-23T10:00:00Z', 'x', 'view', 1, '')`); err != nil {
		t.Fatal(err)
	}
	checkSays(t, s, "række 4 er ikke forseglet")
}

// lastAnchorLine is the anchor file's last line.
func lastAnchorLine(t *testing.T, s *Store) (anchorLine, bool) {
	t.Helper()
	lines, problem, err := s.readAnchor()
	if err != nil || problem != nil || len(lines) == 0 {
		return anchorLine{}, false
	}
	return lines[len(lines)-1], true
}
