package store

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"jobspor/model"
)

// The kill test runs when JOBSPOR_KILLTEST is set (make killtest): it is
// slow for every test run. Child processes (this test binary) back up,
// import, restore, make a new database or write audit rows in a loop, one
// or two at once, and are killed with SIGKILL at a random moment, 240
// rounds in all; after every kill there is a Jobspor database at the path
// (a restore never leaves none); afterwards the database is sound, every
// backup in the folder restores, every import is whole, no temp file is
// left, and every first start killed opens and checks sound.
func TestKillDuringBackupAndImport(t *testing.T) {
	if os.Getenv("JOBSPOR_KILLTEST") == "" {
		t.Skip("set JOBSPOR_KILLTEST=1 (make killtest)")
	}
	dir := t.TempDir()
	db, folder, csv := filepath.Join(dir, "jobspor.db"), filepath.Join(dir, "usb"), filepath.Join(dir, "job.csv")
	killSetup(t, db, csv)
	// Each round kills what runs at once: one backup, import, restore or
	// first start; two backups beside each other; a backup beside a
	// Jobspor writing audit rows as the window and list do.
	rounds := [][]string{{"backup"}, {"import"}, {"restore"}, {"init"}, {"backup", "backup"}, {"backup", "writer"}}
	kills, want := 0, 0
	for i := 0; i < 240; i++ {
		modes := rounds[i%len(rounds)]
		want += len(modes)
		// Mostly early kills; every fifth round later, so that on a busy
		// machine some backups finish (each must then restore).
		late := 120 * time.Millisecond
		if i%5 == 0 {
			late = time.Second
		}
		kills += killChildren(t, modes, late, db, folder, csv)
		if exists, err := checkFile(db); !exists || err != nil {
			t.Fatalf("after %v was killed there is no database at the path (%v)", modes, err)
		}
	}
	t.Logf("%d children killed with SIGKILL", kills)
	if kills < want {
		t.Fatalf("only %d of %d children were killed while working", kills, want)
	}
	killAfterwards(t, db, folder)
	killFirstStarts(t, filepath.Join(dir, "init"))
	killAllPrivate(t, dir)
}

// killAllPrivate finds no file or folder others may read among everything
// the kills left (databases, side files, backups, temp folders, anchors).
func killAllPrivate(t *testing.T, dir string) {
	t.Helper()
	n := 0
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || p == dir || fi.Mode()&os.ModeSymlink != 0 {
			return nil
		}
		n++
		if fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is readable by others (%v)", p, fi.Mode().Perm())
		}
		return nil
	})
	t.Logf("%d files and folders after the kills, each private", n)
}

const killJobs = 50

func killSetup(t *testing.T, db, csv string) {
	t.Helper()
	s, err := Open(db)
	must(t, err)
	defer s.Close()
	_, err = s.SeedDemo(loadGuide(t), model.DemoOptions{Citizens: 300, Seed: 3, Today: model.Now(), Jobs: 60})
	must(t, err)
	must(t, s.SetBackupPassphrase(testPassphrase))
	must(t, s.SaveBackupSettings(model.BackupSettings{Folder: filepath.Join(filepath.Dir(db), "usb"), Keep: 5, MaxAgeDays: 7}))
	var b strings.Builder
	b.WriteString("titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\n")
	for i := 0; i < killJobs; i++ {
		fmt.Fprintf(&b, "Køkkenmedhjælper %d;941210;Kantinen på Ærø;Ærøskøbing;;Ring;;Jobnet;nej\n", i)
	}
	must(t, os.WriteFile(csv, []byte(b.String()), 0o600))
	_, err = s.Backup(filepath.Join(filepath.Dir(db), "kilde"), 1)
	must(t, err)
}

// killSource is the backup the restore children restore, again and again.
func killSource(db string) string {
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "kilde", "*.jobspor-backup"))
	if len(files) == 0 {
		return ""
	}
	return files[0]
}

// TestKillDuringSystemCalls (make killtest, where strace is installed):
// a backup, an import, a restore and a first start, each killed exactly at
// its Nth fsync, rename, chmod or link (strace injects SIGKILL at the call,
// which is then never made; counted per thread), N from 1 to 6. After each
// kill there is a database at the path; afterwards everything is checked
// as in TestKillDuringBackupAndImport.
func TestKillDuringSystemCalls(t *testing.T) {
	if os.Getenv("JOBSPOR_KILLTEST") == "" {
		t.Skip("set JOBSPOR_KILLTEST=1 (make killtest)")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed: no kills at exact system calls here")
	}
	dir := t.TempDir()
	db, folder, csv := filepath.Join(dir, "jobspor.db"), filepath.Join(dir, "usb"), filepath.Join(dir, "job.csv")
	killSetup(t, db, csv)
	calls := []string{"fsync,fdatasync", "rename,renameat,renameat2", "chmod,fchmod,fchmodat", "link,linkat"}
	kills, runs := 0, 0
	killed := map[string]int{}
	for _, mode := range []string{"backup", "import", "restore", "init"} {
		for _, call := range calls {
			for n := 1; n <= 6; n++ {
				runs++
				cmd := exec.Command(strace, "-f", "-qq", "-o", os.DevNull,
					"-e", fmt.Sprintf("inject=%s:signal=KILL:when=%d", call, n), os.Args[0], "-test.run=^TestKillChild$")
				// A child that never makes the call (a first start links
				// nothing) ends by itself after a few rounds.
				cmd.Env = append(os.Environ(), "JOBSPOR_KILLCHILD="+mode, "KILL_DB="+db, "KILL_FOLDER="+folder, "KILL_CSV="+csv,
					"KILL_INIT="+filepath.Join(dir, "init"), "KILL_ROUNDS=20")
				cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
				must(t, cmd.Start())
				timer := time.AfterFunc(60*time.Second, func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
				err := cmd.Wait()
				timer.Stop()
				if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
					kills++
					killed[mode]++
				} else if err != nil {
					t.Fatalf("%s, %s #%d: the child failed: %v", mode, call, n, err)
				}
				if exists, err := checkFile(db); !exists || err != nil {
					t.Fatalf("after a %s was killed at %s #%d there is no database at the path (%v)", mode, call, n, err)
				}
			}
		}
	}
	t.Logf("%d of %d children killed at a system call (%v); the others never made it", kills, runs, killed)
	for mode, n := range killed {
		if n < 3 {
			t.Fatalf("only %d %s children were killed at a system call", n, mode)
		}
	}
	killAfterwards(t, db, folder)
	killFirstStarts(t, filepath.Join(dir, "init"))
	killAllPrivate(t, dir)
}

// killChildren starts a child working in each mode, all at once, and
// kills them at a random moment before late once all have started; it
// returns how many were killed.
func killChildren(t *testing.T, modes []string, late time.Duration, db, folder, csv string) int {
	t.Helper()
	var cmds []*exec.Cmd
	var outs []io.Reader
	for _, mode := range modes {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$")
		cmd.Env = append(os.Environ(), "JOBSPOR_KILLCHILD="+mode, "KILL_DB="+db, "KILL_FOLDER="+folder, "KILL_CSV="+csv,
			"KILL_INIT="+filepath.Join(filepath.Dir(db), "init"))
		out, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		buf := make([]byte, 5)
		out.Read(buf) // "ready": the database is open, the work starts
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	time.Sleep(time.Duration(rand.Int64N(int64(late))))
	killed := 0
	for i, cmd := range cmds {
		cmd.Process.Signal(syscall.SIGKILL)
		said, _ := io.ReadAll(outs[i])
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
			continue
		}
		t.Logf("child %s ended by itself: %v\n%s", modes[i], err, said)
	}
	return killed
}

// TestKillChild is the child's work: a loop of backups or imports.
func TestKillChild(t *testing.T) {
	mode := os.Getenv("JOBSPOR_KILLCHILD")
	if mode == "" {
		t.Skip("the kill test's child process")
	}
	rounds := 1 << 30 // until killed
	if n, err := strconv.Atoi(os.Getenv("KILL_ROUNDS")); err == nil {
		rounds = n
	}
	switch mode {
	case "restore":
		db := os.Getenv("KILL_DB")
		fmt.Print("ready")
		for i := 0; i < rounds; i++ {
			_, err := Restore(killSource(db), db, testPassphrase)
			must(t, err)
		}
		return
	case "init":
		dir := os.Getenv("KILL_INIT")
		must(t, os.MkdirAll(dir, 0o700))
		fmt.Print("ready")
		for i := 0; i < rounds; i++ {
			s, err := Open(filepath.Join(dir, fmt.Sprintf("j-%d-%d.db", os.Getpid(), i)))
			must(t, err)
			must(t, s.Close())
		}
		return
	}
	s, err := Open(os.Getenv("KILL_DB"))
	must(t, err)
	data, err := os.ReadFile(os.Getenv("KILL_CSV"))
	must(t, err)
	fmt.Print("ready")
	for i := 0; i < rounds; i++ {
		switch mode {
		case "backup":
			_, err = s.Backup(os.Getenv("KILL_FOLDER"), 5)
		case "writer":
			err = s.LogViewed("liste", []int64{1, 2, 3})
		default:
			err = killImport(s, data)
		}
		must(t, err)
	}
}

func killImport(s *Store, data []byte) error {
	_, err := s.ImportJobsCSV(data, model.Now(), false)
	return err
}

// killFirstStarts opens every database a killed first start left, as the
// next start would: each is completed and checks sound.
func killFirstStarts(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "j-*.db"))
	for _, f := range files {
		s, err := Open(f)
		if err != nil {
			t.Fatalf("a first start killed left %s, which the next cannot open: %v", filepath.Base(f), err)
		}
		problems, err := s.Check()
		s.Close()
		if err != nil || len(problems) > 0 {
			t.Fatalf("a first start killed left %s, completed with problems: %v %v", filepath.Base(f), problems, err)
		}
	}
	t.Logf("%d first starts (killed or finished) open and check sound", len(files))
}

// killAfterwards opens the database as the next start would and checks it.
func killAfterwards(t *testing.T, db, folder string) {
	t.Helper()
	s, err := OpenExisting(db)
	must(t, err)
	defer s.Close()
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("after the kills: %v, %v", problems, err)
	}
	jobs, err := s.OpenJobs(model.Now())
	must(t, err)
	imported := 0
	for _, j := range jobs {
		if strings.HasPrefix(j.Title, "Køkkenmedhjælper ") {
			imported++
		}
	}
	if imported%killJobs != 0 {
		t.Fatalf("%d imported openings: an import was partly written", imported)
	}
	killNoLeftovers(t, db, folder)
	killBackupsRestore(t, folder)
}

func killNoLeftovers(t *testing.T, db, folder string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(folder, "*.tmp"))
	for _, tmp := range []string{db + ".backup-tmp", db + ".restore-tmp"} {
		if _, err := os.Stat(tmp); err == nil {
			left = append(left, tmp)
		}
	}
	inTemp, _ := os.ReadDir(tempRoot(db))
	for _, e := range inTemp {
		left = append(left, filepath.Join(tempRoot(db), e.Name()))
	}
	if len(left) > 0 {
		t.Fatalf("temp files left after the next start: %v", left)
	}
}

func killBackupsRestore(t *testing.T, folder string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(folder, "*.jobspor-backup"))
	if len(files) == 0 {
		t.Fatal("no backup finished in 100 runs")
	}
	for i, f := range files {
		target := filepath.Join(t.TempDir(), fmt.Sprintf("r%d.db", i))
		if _, err := Restore(f, target, testPassphrase); err != nil {
			t.Fatalf("backup %s does not restore: %v", filepath.Base(f), err)
		}
	}
	t.Logf("%d finished backups in the folder, each restores", len(files))
}
