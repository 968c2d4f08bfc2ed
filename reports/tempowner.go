package reports

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"jobspor/model"
)

// A handout is written to a hidden temp file beside its place, then renamed
// into place. A temp file is swept only when provably stale: every temp file
// carries its owner's token (".jobspor-<token>-…"), and while a print is
// under way its owner holds an exclusive lock on ".jobspor-<token>.lock" in
// the same folder. A sweep removes a token's temp files only once it has
// taken that lock itself (the owner ended or was killed), and temp files
// whose owner's lock file is gone (swept, or from before the tokens). So a
// Jobspor starting beside another that is printing leaves its files alone.

const lockSuffix = ".lock"

// owner is this process's claim on temp files in one folder, held while
// any of its prints there is under way.
type owner struct {
	dir, token string
	lock       *os.File
	n          int
}

var owners = struct {
	sync.Mutex
	m map[string]*owner
}{m: map[string]*owner{}}

// claim takes (or shares) this process's claim on dir; release gives it back.
func claim(dir string) (*owner, error) {
	owners.Lock()
	defer owners.Unlock()
	if o := owners.m[dir]; o != nil {
		o.n++
		return o, nil
	}
	var err error
	for try := 0; try < 10; try++ {
		var b [8]byte
		rand.Read(b[:])
		o := &owner{dir: dir, token: hex.EncodeToString(b[:]), n: 1}
		if o.lock, err = model.CreateLocked(o.lockPath()); err == nil {
			owners.m[dir] = o
			return o, nil
		}
	}
	return nil, err
}

func (o *owner) lockPath() string {
	return filepath.Join(o.dir, tempPrefix+o.token+lockSuffix)
}

// tempPattern names this owner's temp files for os.CreateTemp.
func (o *owner) tempPattern() string { return tempPrefix + o.token + "-*" }

// release gives the claim back; the last print done removes the lock file.
func (o *owner) release() {
	owners.Lock()
	defer owners.Unlock()
	if o.n--; o.n > 0 {
		return
	}
	delete(owners.m, o.dir)
	o.lock.Close()
	os.Remove(o.lockPath())
}

// sweepTemps removes the temp files in dir that no running print owns.
func sweepTemps(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	for _, p := range names {
		if strings.HasSuffix(p, lockSuffix) {
			sweepOwner(p)
		}
	}
	for _, p := range names {
		if strings.HasSuffix(p, lockSuffix) {
			continue
		}
		token, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(p), tempPrefix), "-")
		if _, err := os.Lstat(filepath.Join(dir, tempPrefix+token+lockSuffix)); errors.Is(err, os.ErrNotExist) {
			removeFile(p) // its owner's lock is gone: the owner is too
		}
	}
}

// sweepOwner removes an owner's temp files and lock file once it can take
// the lock: the owner no longer runs.
func sweepOwner(lockPath string) {
	f, err := os.OpenFile(lockPath, os.O_RDWR|model.ONoFollow, 0)
	if err != nil {
		return
	}
	if ok, _ := model.TryLockFile(f, true); !ok {
		f.Close()
		return // a print under way
	}
	prefix := strings.TrimSuffix(lockPath, lockSuffix) + "-"
	files, _ := filepath.Glob(prefix + "*")
	for _, p := range files {
		removeFile(p)
	}
	f.Close()
	os.Remove(lockPath)
}

// removeFile removes a regular file (never what a link points to).
func removeFile(p string) {
	if fi, err := os.Lstat(p); err == nil && !fi.IsDir() {
		os.Remove(p)
	}
}
