//go:build !windows

package store

import (
	"os"
	"syscall"
	"testing"
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
