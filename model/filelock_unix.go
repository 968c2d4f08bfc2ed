//go:build !windows

package model

import (
	"errors"
	"os"
	"syscall"
)

// ONoFollow opens a file only when it is not a link.
const ONoFollow = syscall.O_NOFOLLOW

// TryLockFile takes an advisory lock on f without waiting: ok is false when
// another open file holds a conflicting lock (err nil) or locking failed.
// The lock goes with the open file: a process killed lets it go.
func TryLockFile(f *os.File, exclusive bool) (bool, error) {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		}
		return false, err
	}
}
