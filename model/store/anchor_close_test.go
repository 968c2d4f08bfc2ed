package store

import (
	"database/sql"
	"testing"

	"jobspor/model"
)

// closedTrail makes a database whose newest audit row was written by a
// Store that then closed, and returns its path.
func closedTrail(t *testing.T) string {
	t.Helper()
	s := trailWithRows(t, 3)
	checkSaysOK(t, s)
	c := makeCitizen(t, s)
	must(t, s.LogAudit(model.AuditView, c.ID, "den nyeste"))
	must(t, s.Close())
	return s.Path()
}

// reopen opens the database at path again for a check, closed at the end.
func reopen(t *testing.T, path string) *Store {
	t.Helper()
	s, err := OpenExisting(path)
	must(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// TestTheNewestRowDeletedIsNamed: the newest audit row, whose anchor line
// is the anchor's last write, deleted with its seal while Jobspor was
// closed (the triggers put back): it must not pass as a killed write.
func TestTheNewestRowDeletedIsNamed(t *testing.T) {
	path := closedTrail(t)
	s := reopen(t, path)
	tamper(t, s, `DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)`,
		`DELETE FROM audit_chain WHERE audit_id = (SELECT max(audit_id) FROM audit_chain)`)
	retrigger(t, s)
	checkSays(t, s, "Revisionssporet er kortere")
}

// TestAKilledWriteIsNoAlarm: a write whose anchor line was appended but
// whose transaction never committed (the process killed between the two)
// is passed over, also once the Store closed before that write confirmed
// its earlier ones.
func TestAKilledWriteIsNoAlarm(t *testing.T) {
	path := closedTrail(t)
	s, err := OpenExisting(path)
	must(t, err)
	c := makeCitizen(t, s)
	must(t, s.LogAudit(model.AuditView, c.ID, "bekræftet ved lukning"))
	// The killed write: its line appended before a commit that never came.
	err = s.inTx("killed", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO audit (at, user_name, action, citizen_id, detail) VALUES ('2026-11-23T10:00:00Z', 'x', 'view', ?, '')`, c.ID); err != nil {
			return err
		}
		if err := sealNew(tx); err != nil {
			return err
		}
		if _, err := s.anchorWrite(tx, 1); err != nil {
			return err
		}
		return errKilled
	})
	if err != errKilled {
		t.Fatalf("the killed write: %v", err)
	}
	must(t, s.Close()) // its last committed write is no longer the anchor's last line
	checkSaysOK(t, reopen(t, path))
}

var errKilled = errorString("killed before the commit")

type errorString string

func (e errorString) Error() string { return string(e) }
