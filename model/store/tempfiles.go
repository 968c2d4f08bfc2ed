package store

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"jobspor/model"
)

// Temporary files (a backup's plain copy, a restore's decrypted database)
// live in a private folder beside the database, "<db>.tmp" (0700, ours, never
// a link), one folder per operation. Each operation holds an exclusive lock
// on its folder's lock file while it runs: a start sweeps only folders whose
// lock it can take, so it never removes what another running Jobspor is
// writing. Every file is created 0600 with O_EXCL and never through a link.

// tempRoot is the private folder for the database's temporary files.
func tempRoot(dbPath string) string { return dbPath + ".tmp" }

// privateDir makes dir (0700) or checks that the one there is a real folder
// of ours that no one else can read.
func privateDir(dir string) error {
	err := os.Mkdir(dir, 0o700)
	if err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() || fi.Mode()&os.ModeSymlink != 0 || !privateMode(fi) || !ownedByUs(fi) {
		return fmt.Errorf("%s is not a private folder of this user", dir)
	}
	return nil
}

// createPrivate creates a new, empty file readable by its owner only: never
// an existing file, never through a link.
func createPrivate(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL|oNoFollow, 0o600)
}

func randomName() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// tempOp is one operation's private folder, locked while it runs.
type tempOp struct {
	dir  string
	lock *os.File
}

// newTempOp makes a fresh folder for one operation (kind names it).
func newTempOp(dbPath, kind string) (*tempOp, error) {
	root := tempRoot(dbPath)
	if err := privateDir(root); err != nil {
		return nil, model.NewUserError("error.temp.private", err, root)
	}
	var lastErr error
	for try := 0; try < 10; try++ {
		dir, err := os.MkdirTemp(root, kind+"-")
		if err != nil {
			return nil, explainWrite(err)
		}
		lock, err := model.CreateLocked(filepath.Join(dir, ".lock"))
		if err == nil {
			return &tempOp{dir: dir, lock: lock}, nil
		}
		// A start swept the folder before its lock was taken: another.
		lastErr = err
		os.RemoveAll(dir)
	}
	return nil, explainWrite(lastErr)
}

// file creates an empty private file in the operation's folder.
func (t *tempOp) file(name string) (string, error) {
	p := filepath.Join(t.dir, name)
	f, err := createPrivate(p)
	if err != nil {
		return "", explainWrite(err)
	}
	return p, f.Close()
}

// done removes the folder and everything in it.
func (t *tempOp) done() {
	entries, _ := os.ReadDir(t.dir)
	for _, e := range entries {
		if e.Name() != ".lock" {
			os.Remove(filepath.Join(t.dir, e.Name()))
		}
	}
	t.lock.Close()
	os.RemoveAll(t.dir)
}

// sweepTemp removes what a backup or restore killed half-way left beside
// the database — copies with citizens' data that nothing else cleans — but
// only folders no running operation holds.
func sweepTemp(path string) {
	// Names used before the private folder existed.
	for _, tmp := range []string{path + ".backup-tmp", path + ".restore-tmp"} {
		for _, side := range []string{"", "-wal", "-shm", "-journal"} {
			if fi, err := os.Lstat(tmp + side); err == nil && fi.Mode().IsRegular() {
				os.Remove(tmp + side)
			}
		}
	}
	root := tempRoot(path)
	if privateDirExists(root) != nil {
		return
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if !e.IsDir() || e.Type()&os.ModeSymlink != 0 {
			continue
		}
		sweepOp(filepath.Join(root, e.Name()))
	}
}

func privateDirExists(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() || !ownedByUs(fi) {
		return fmt.Errorf("%s is not our folder", dir)
	}
	return nil
}

// sweepOp removes an operation's folder when its lock is free: the operation
// that held it has ended (or was killed). A folder without a lock file is
// removed only when empty.
func sweepOp(dir string) {
	lock, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_RDWR|oNoFollow, 0)
	if errors.Is(err, os.ErrNotExist) {
		os.Remove(dir) // only if empty: an operation may be just starting
		return
	}
	if err != nil {
		return
	}
	ok, _ := tryLock(lock, true)
	if !ok {
		lock.Close()
		return // a running operation's
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != ".lock" {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	lock.Close()
	os.RemoveAll(dir)
}

// A database's lock: "<db>.lock", held shared by every Jobspor that has the
// database open (the window, every command) and exclusively by a restore,
// which so refuses to replace a database another process is using. Within
// one process the Stores on a database share one lock file (counted), so a
// restore in the process that has it open (the window closes its Store
// first) converts that lock rather than fighting its own.

type sharedLock struct {
	f *os.File
	n int
}

var dbLocks = struct {
	sync.Mutex
	m map[string]*sharedLock
}{m: map[string]*sharedLock{}}

func lockKey(dbPath string) string {
	if abs, err := filepath.Abs(dbPath); err == nil {
		return abs
	}
	return dbPath
}

// dbLock is a Store's hold on its database's lock.
type dbLock struct{ key string }

// holdDB takes the database's lock shared for one Store: nil when the
// process holds it already (counted) or could not make it.
func holdDB(dbPath string) (*dbLock, bool, error) {
	key := lockKey(dbPath)
	dbLocks.Lock()
	defer dbLocks.Unlock()
	if l := dbLocks.m[key]; l != nil {
		l.n++
		return &dbLock{key}, false, nil
	}
	f, busy, err := lockDB(dbPath, false)
	if f == nil {
		return nil, busy, err
	}
	dbLocks.m[key] = &sharedLock{f: f, n: 1}
	return &dbLock{key}, false, nil
}

// release gives the Store's hold back.
func (d *dbLock) release() {
	if d == nil {
		return
	}
	dbLocks.Lock()
	defer dbLocks.Unlock()
	if l := dbLocks.m[d.key]; l != nil {
		if l.n--; l.n <= 0 {
			l.f.Close()
			delete(dbLocks.m, d.key)
		}
	}
}

// lockExclusive takes the database's lock exclusively for a restore, and
// keeps the process's own Stores from opening it meanwhile; busy when
// another process holds it. done gives it back.
func lockExclusive(dbPath string) (done func(), busy bool, err error) {
	key := lockKey(dbPath)
	dbLocks.Lock()
	if l := dbLocks.m[key]; l != nil {
		// Convert the process's own shared lock.
		unlock(l.f)
		if ok, err := tryLock(l.f, true); !ok {
			tryLock(l.f, false)
			dbLocks.Unlock()
			return nil, err == nil, err
		}
		return func() {
			unlock(l.f)
			tryLock(l.f, false)
			dbLocks.Unlock()
		}, false, nil
	}
	f, busy, err := lockDB(dbPath, true)
	if f == nil {
		dbLocks.Unlock()
		return nil, busy, err
	}
	return func() {
		f.Close()
		dbLocks.Unlock()
	}, false, nil
}

func lockPath(dbPath string) string { return dbPath + ".lock" }

// lockDB takes the database's lock without waiting. busy is true when
// another process holds it in a way that conflicts.
func lockDB(dbPath string, exclusive bool) (f *os.File, busy bool, err error) {
	f, err = os.OpenFile(lockPath(dbPath), os.O_RDWR|os.O_CREATE|oNoFollow, 0o600)
	if err != nil {
		return nil, false, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, false, fmt.Errorf("%s is not a lock file", lockPath(dbPath))
	}
	ok, err := tryLock(f, exclusive)
	if !ok {
		f.Close()
		return nil, err == nil, err
	}
	return f, false, nil
}
