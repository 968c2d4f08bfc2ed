//go:build !windows

package store

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"

	"jobspor/model"
)

// TestTempFilesArePrivateFromTheFirstByte: with a umask that would let
// everyone read new files, the backup's plain copy is created 0600 in a
// 0700 folder before SQLite writes a byte, and never chmodded.
func TestTempFilesArePrivateFromTheFirstByte(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	s := newTestStore(t)
	makeCitizen(t, s)
	op, err := newTempOp(s.Path(), "backup")
	must(t, err)
	defer op.done()
	p, _, err := s.snapshot(op)
	must(t, err)
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the copy: %v, %v; want 0600", err, fi.Mode().Perm())
	}
	for _, d := range []string{tempRoot(s.Path()), op.dir} {
		fi, err := os.Lstat(d)
		must(t, err)
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("%s is %v; want 0700", d, fi.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(op.dir)
	for _, e := range entries {
		fi, _ := e.Info()
		if fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is %v", e.Name(), fi.Mode().Perm())
		}
	}
}

// TestRestoreOnAFullDiskSaysTheDiskIsFull: writing the restored database
// out fails for want of room (/dev/full): the caseworker is told the disk
// is full, not that the backup is damaged.
func TestRestoreOnAFullDiskSaysTheDiskIsFull(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	_, info := backedUp(t)
	_, err := decryptBackup(info.Path, testPassphrase, "/dev/full")
	var ue *model.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg.Text(), "ikke plads på disken") || strings.Contains(ue.Msg.Text(), "beskadiget") {
		t.Fatalf("restore onto a full disk: %v; want the disk said to be full", err)
	}
}
