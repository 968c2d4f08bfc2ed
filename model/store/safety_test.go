package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"jobspor/model"
)

// TestBackupsAtOnceInOneSecondAllRestore: two Jobspor (two Stores on the
// same database) back up at the same time into one folder, with a clock
// standing still: every backup that says ok is a file of its own, and
// every one restores.
func TestBackupsAtOnceInOneSecondAllRestore(t *testing.T) {
	s, info := backedUp(t)
	folder := filepath.Join(t.TempDir(), "usb")
	second, err := OpenExisting(s.Path())
	must(t, err)
	defer second.Close()
	still := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return still }
	second.Now = s.Now
	var mu sync.Mutex
	var made []string
	var wg sync.WaitGroup
	for _, st := range []*Store{s, second} {
		wg.Add(1)
		go func(st *Store) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				b, err := st.Backup(folder, 0)
				if err != nil {
					t.Errorf("backup: %v", err)
					return
				}
				mu.Lock()
				made = append(made, b.Path)
				mu.Unlock()
			}
		}(st)
	}
	wg.Wait()
	files, _ := filepath.Glob(filepath.Join(folder, "*.jobspor-backup"))
	if len(files) != len(made) || len(made) != 10 {
		t.Fatalf("%d backups said ok, %d files in the folder: one replaced another", len(made), len(files))
	}
	for i, f := range files {
		target := filepath.Join(t.TempDir(), "r.db")
		if _, err := Restore(f, target, testPassphrase); err != nil {
			t.Fatalf("backup %d (%s) does not restore: %v", i, filepath.Base(f), err)
		}
	}
	_ = info
}

// TestAStartSweepsOnlyWhatNoOneIsWriting: a backup's temp folder and a
// backup file half-written into the office's folder survive another
// Jobspor starting; once their owner is gone (killed), the next start
// removes them.
func TestAStartSweepsOnlyWhatNoOneIsWriting(t *testing.T) {
	s := newTestStore(t)
	op, err := newTempOp(s.Path(), "backup")
	must(t, err)
	copyPath, err := op.file("copy.db")
	must(t, err)
	folder := filepath.Join(t.TempDir(), "usb")
	must(t, os.MkdirAll(folder, 0o700))
	half := filepath.Join(folder, "jobspor-2026-11-23-100000-abc"+backupExt+".tmp")
	hf, err := createPrivate(half)
	must(t, err)
	tryLock(hf, true)
	must(t, s.SaveBackupSettings(model.BackupSettings{Folder: folder, Keep: 5, MaxAgeDays: 7}))

	other, err := OpenExisting(s.Path())
	must(t, err)
	other.Close()
	for _, p := range []string{copyPath, half} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("a start removed %s while it was being written", filepath.Base(p))
		}
	}
	// The owner is killed: its locks go with it, its files stay.
	op.lock.Close()
	hf.Close()
	again, err := OpenExisting(s.Path())
	must(t, err)
	again.Close()
	for _, p := range []string{copyPath, op.dir, half} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is left after the next start", p)
		}
	}
}

// TestRestoreIsRefusedWhileTheDatabaseIsOpen: another process (a window or
// a command) holding the database keeps a restore out, and the caseworker
// is told so; once it has closed, the restore goes through.
func TestRestoreIsRefusedWhileTheDatabaseIsOpen(t *testing.T) {
	_, info := backedUp(t)
	target := filepath.Join(t.TempDir(), "jobspor.db")
	cur, err := Open(target)
	must(t, err)
	makeCitizen(t, cur, func(c *model.Citizen) { c.Name = "Kun i den nuværende" })
	must(t, cur.Close())
	before, _ := os.ReadFile(target)
	child := holdOpen(t, target)
	_, err = Restore(info.Path, target, testPassphrase)
	var ue *model.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg.Text(), "er åben i Jobspor") {
		t.Fatalf("restore beside a database open in another process: %v; want it refused in Danish", err)
	}
	if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
		t.Fatal("a refused restore changed the database")
	}
	child.Process.Kill()
	child.Wait()
	if _, err := Restore(info.Path, target, testPassphrase); err != nil {
		t.Fatalf("restore once the other process is gone: %v", err)
	}
}

// holdOpen starts a child process (this test binary) that opens the
// database and keeps it open until killed.
func holdOpen(t *testing.T, db string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldOpenChild$")
	cmd.Env = append(os.Environ(), "JOBSPOR_HOLDOPEN="+db)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	buf := make([]byte, 5)
	if _, err := io.ReadFull(out, buf); err != nil || string(buf) != "ready" {
		t.Fatalf("the child holding the database: %q %v", buf, err)
	}
	return cmd
}

// TestHoldOpenChild is holdOpen's child.
func TestHoldOpenChild(t *testing.T) {
	db := os.Getenv("JOBSPOR_HOLDOPEN")
	if db == "" {
		t.Skip("the child process of holdOpen")
	}
	s, err := OpenExisting(db)
	must(t, err)
	defer s.Close()
	fmt.Print("ready")
	time.Sleep(time.Minute)
}

// TestPlantedLinksAreNotFollowed: a link planted where a restore's temp
// file, the temp folder or the audit anchor goes is never written through.
func TestPlantedLinksAreNotFollowed(t *testing.T) {
	_, info := backedUp(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "j.db")
	elsewhere := filepath.Join(t.TempDir(), "elsewhere")
	must(t, os.WriteFile(elsewhere, []byte("uberørt"), 0o644))

	// The old temp name, and the anchor, as links.
	must(t, os.Symlink(elsewhere, target+".restore-tmp"))
	if _, err := Restore(info.Path, target, testPassphrase); err != nil {
		t.Fatalf("restore beside a planted link: %v", err)
	}
	if got, _ := os.ReadFile(elsewhere); string(got) != "uberørt" {
		t.Fatal("the restore wrote through the planted link")
	}
	os.Remove(target + ".audit")
	must(t, os.Symlink(elsewhere, target+".audit"))
	s, err := OpenExisting(target)
	must(t, err)
	_, err = s.Check()
	s.Close()
	var ue *model.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg.Text(), "genvej") {
		t.Fatalf("check with a planted anchor link: %v; want it named in Danish", err)
	}
	if got, _ := os.ReadFile(elsewhere); string(got) != "uberørt" {
		t.Fatal("anchor lines were written through the planted link")
	}

	// The temp folder as a link to a folder others can read.
	target2 := filepath.Join(dir, "k.db")
	open := t.TempDir()
	must(t, os.Chmod(open, 0o755))
	must(t, os.Symlink(open, tempRoot(target2)))
	_, err = Restore(info.Path, target2, testPassphrase)
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg.Text(), "ikke privat") {
		t.Fatalf("restore with the temp folder a link: %v; want it refused in Danish", err)
	}
	if entries, _ := os.ReadDir(open); len(entries) > 0 {
		t.Fatalf("the restore wrote %d files into the linked folder", len(entries))
	}
}

// TestBackupsBesideStartsInALoopAllSucceed: another Jobspor starts and
// stops in a loop (list does) while backups are made: every start sweeps,
// and no backup fails or is left unrestorable by it.
func TestBackupsBesideStartsInALoopAllSucceed(t *testing.T) {
	s, _ := backedUp(t)
	folder := filepath.Join(t.TempDir(), "usb")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	starts := 0
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			o, err := OpenExisting(s.Path())
			if err != nil {
				t.Errorf("a start beside the backups: %v", err)
				return
			}
			o.Close()
			starts++
		}
	}()
	var made []string
	for i := 0; i < 15; i++ {
		b, err := s.Backup(folder, 0)
		if err != nil {
			t.Errorf("backup %d beside starts: %v", i, err)
			continue
		}
		made = append(made, b.Path)
	}
	close(stop)
	wg.Wait()
	for _, f := range made {
		if _, err := Restore(f, filepath.Join(t.TempDir(), "r.db"), testPassphrase); err != nil {
			t.Errorf("%s does not restore: %v", filepath.Base(f), err)
		}
	}
	t.Logf("%d backups beside %d starts", len(made), starts)
}

// TestBackupsPruningAtOnceAllSucceed: backups finishing at the same time
// each prune the folder to the newest N; one finding an old backup already
// removed by the other is no failure (two backups at once in make
// killtest reported a finished backup as failed).
func TestBackupsPruningAtOnceAllSucceed(t *testing.T) {
	for round := 0; round < 20; round++ {
		folder := t.TempDir()
		for i := 0; i < 12; i++ {
			name := filepath.Join(folder, fmt.Sprintf("jobspor-2026-11-23-1000%02d%s", i, backupExt))
			must(t, os.WriteFile(name, []byte("x"), 0o600))
		}
		errs := make(chan error, 8)
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- prune(folder, 2)
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("a backup pruning beside another failed: %v", err)
			}
		}
		left, _ := filepath.Glob(filepath.Join(folder, "*"+backupExt))
		if len(left) != 2 {
			t.Fatalf("%d backups left; want the newest 2", len(left))
		}
	}
}
