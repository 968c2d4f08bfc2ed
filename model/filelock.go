package model

import (
	"errors"
	"os"
)

// CreateLocked creates path new (0600, never through a symlink) and holds
// an exclusive lock on it: the file's owner is at work while it is held.
// A sweep by another process that took it first (and removed it) is
// noticed (the path no longer names the file locked) and told as an error.
func CreateLocked(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL|ONoFollow, 0o600)
	if err != nil {
		return nil, err
	}
	if ok, lerr := TryLockFile(f, true); !ok {
		f.Close()
		return nil, errors.Join(errors.New("lock "+path), lerr)
	}
	mine, err1 := f.Stat()
	there, err2 := os.Lstat(path)
	if err1 != nil || err2 != nil || !os.SameFile(mine, there) {
		f.Close()
		return nil, errors.New(path + " was swept before it was locked")
	}
	return f, nil
}
