package store

import (
	"database/sql"
	"os"
	"path/filepath"
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

// copyPair copies the closed database at from and its anchor file to to.
func copyPair(t *testing.T, from, to string) {
	t.Helper()
	for _, side := range []string{"-wal", "-shm"} {
		os.Remove(to + side)
	}
	for _, ext := range []string{"", ".audit"} {
		raw, err := os.ReadFile(from + ext)
		must(t, err)
		must(t, os.WriteFile(to+ext, raw, 0o600))
	}
}

// TestARollbackOfBothFilesIsNamed: the database and its anchor file
// replaced together by an older copy of the pair, which agrees with itself:
// the head kept outside the data folder names it.
func TestARollbackOfBothFilesIsNamed(t *testing.T) {
	path := closedTrail(t)
	old := filepath.Join(t.TempDir(), "kopi.db")
	copyPair(t, path, old)
	s, err := OpenExisting(path)
	must(t, err)
	c := makeCitizen(t, s)
	for i := 0; i < 3; i++ {
		must(t, s.LogAudit(model.AuditView, c.ID, "efter kopien"))
	}
	must(t, s.Close())
	copyPair(t, old, path)
	checkSays(t, reopen(t, path), "erstattet af en ældre kopi")
}

// TestAPairFromElsewhereIsNamed: the pair replaced by another database's
// (a copy kept aside, another office's): its history is not the one kept.
func TestAPairFromElsewhereIsNamed(t *testing.T) {
	path := closedTrail(t)
	other := trailWithRows(t, 8)
	must(t, other.Close())
	copyPair(t, other.Path(), path)
	checkSays(t, reopen(t, path), "er erstattet uden om Jobspor")
}

// TestARestoreAndANewDatabaseAreNoRollback: a restore puts an older pair in
// place, and a database made anew where one was deleted starts a new
// history: neither is named.
func TestARestoreAndANewDatabaseAreNoRollback(t *testing.T) {
	path := closedTrail(t)
	s := reopen(t, path)
	must(t, s.SetBackupPassphrase(testPassphrase))
	info, err := s.Backup(filepath.Join(t.TempDir(), "usb"), 0)
	must(t, err)
	c := makeCitizen(t, s)
	must(t, s.LogAudit(model.AuditView, c.ID, "efter backuppen"))
	must(t, s.Close())
	_, err = Restore(info.Path, path, testPassphrase)
	must(t, err)
	checkSaysOK(t, reopen(t, path))

	fresh := closedTrail(t)
	for _, ext := range []string{"", "-wal", "-shm", ".audit"} {
		os.Remove(fresh + ext)
	}
	n, err := Open(fresh)
	must(t, err)
	must(t, n.LogAudit(model.AuditView, makeCitizen(t, n).ID, "ny"))
	checkSaysOK(t, n)
	n.Close()
}

// TestARestoreKilledBetweenItsRenamesIsNoAlarm: a restore notes both pairs
// outside the data folder before it renames: killed before its renames or
// between them and its last note, the next check finds either pair fine —
// and still names a pair from elsewhere.
func TestARestoreKilledBetweenItsRenamesIsNoAlarm(t *testing.T) {
	path := closedTrail(t)
	s := reopen(t, path)
	must(t, s.SetBackupPassphrase(testPassphrase))
	info, err := s.Backup(filepath.Join(t.TempDir(), "usb"), 0)
	must(t, err)
	must(t, s.Close())
	restored := filepath.Join(t.TempDir(), "gendannet.db")
	_, err = Restore(info.Path, restored, testPassphrase)
	must(t, err)
	// Each start after a kill finds one of the two (and notes it anew).
	keepHeadRestoring(path, restored+".audit", model.Now())
	checkAndClose(t, path, "") // killed before the renames: the old pair
	keepHeadRestoring(path, restored+".audit", model.Now())
	copyPair(t, restored, path)
	checkAndClose(t, path, "") // killed after them: the restored pair
	keepHeadRestoring(path, restored+".audit", model.Now())
	other := trailWithRows(t, 4)
	must(t, other.Close())
	copyPair(t, other.Path(), path)
	checkAndClose(t, path, "er erstattet uden om Jobspor")
}

// checkAndClose opens the database at path as the next start would, checks
// it (sound when want is "", else naming want) and closes it.
func checkAndClose(t *testing.T, path, want string) {
	t.Helper()
	s, err := OpenExisting(path)
	must(t, err)
	defer s.Close()
	if want == "" {
		checkSaysOK(t, s)
	} else {
		checkSays(t, s, want)
	}
}
