//go:build windows

package store

import (
	"errors"
	"jobspor/model"
	"os"

	"golang.org/x/sys/windows"
)

// Windows has no O_NOFOLLOW; links there need rights a caseworker lacks, and
// the private folder is checked with Lstat before use.
const oNoFollow = 0

// tryLock takes an advisory lock on f without waiting (model.TryLockFile).
func tryLock(f *os.File, exclusive bool) (bool, error) { return model.TryLockFile(f, exclusive) }

func ownedByUs(os.FileInfo) bool { return true }

func isReadOnlyFS(err error) bool { return errors.Is(err, windows.ERROR_WRITE_PROTECT) }

func isLinkRefused(error) bool { return false }

// lockWait takes a lock on f, waiting for it.
func lockWait(f *os.File, exclusive bool) error {
	var flags uint32
	if exclusive {
		flags = windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	return windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, new(windows.Overlapped))
}

func unlock(f *os.File) {
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, new(windows.Overlapped))
}

// privateMode: Windows keeps no Unix permission bits (Go reports a folder
// as 0777); the folder lives beside the database in the user's own
// %LOCALAPPDATA%, whose access list already admits the user alone.
func privateMode(os.FileInfo) bool { return true }
