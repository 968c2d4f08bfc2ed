//go:build windows

package model

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// ONoFollow: Windows has no O_NOFOLLOW; links there need rights a
// caseworker lacks.
const ONoFollow = 0

// TryLockFile takes a lock on f without waiting: ok is false when another
// open file holds a conflicting lock (err nil) or locking failed.
func TryLockFile(f *os.File, exclusive bool) (bool, error) {
	flags := uint32(windows.LOCKFILE_FAIL_IMMEDIATELY)
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	err := windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, new(windows.Overlapped))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION), errors.Is(err, windows.ERROR_IO_PENDING):
		return false, nil
	}
	return false, err
}
