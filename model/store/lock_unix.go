//go:build !windows

package store

import (
	"errors"
	"jobspor/model"
	"os"
	"syscall"
)

const oNoFollow = syscall.O_NOFOLLOW

// tryLock takes an advisory lock on f without waiting (model.TryLockFile).
func tryLock(f *os.File, exclusive bool) (bool, error) { return model.TryLockFile(f, exclusive) }

func ownedByUs(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) == os.Getuid()
}

func isReadOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }

// isLinkRefused tells the error of an O_NOFOLLOW open that met a link.
func isLinkRefused(err error) bool { return errors.Is(err, syscall.ELOOP) }

// lockWait takes an advisory lock on f, waiting for it.
func lockWait(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

func unlock(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// privateMode: no one but the owner may read or enter it.
func privateMode(fi os.FileInfo) bool { return fi.Mode().Perm()&0o077 == 0 }
