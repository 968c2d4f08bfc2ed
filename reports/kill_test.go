package reports

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

// TestKillDuringPrints (make killtest): a child process prints a day's
// batch of handouts, one file per citizen, into a new folder again and
// again, and is killed with SIGKILL at a random moment, 40 times. Afterwards
// no handout is without its print row (per citizen, never more handouts
// than print rows), every handout is a whole PDF, and the next start
// leaves no temp file.
func TestKillDuringPrints(t *testing.T) {
	if os.Getenv("JOBSPOR_KILLTEST") == "" {
		t.Skip("set JOBSPOR_KILLTEST=1 (make killtest)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "jobspor.db")
	s := storetest.OpenAt(t, path)
	day := time.Date(2027, 3, 1, 0, 0, 0, 0, time.Local)
	var ids []int64
	for i := 0; i < 6; i++ {
		c := storetest.AddCitizen(t, s, func(c *model.Citizen) { c.Name, c.CPR = fmt.Sprintf("Åse Øster %d", i), "" })
		storetest.Plan(t, s, c.ID, day.Add(time.Duration(8*60+30*i)*time.Minute), 30)
		ids = append(ids, c.ID)
	}
	out := filepath.Join(dir, "kørsler")
	kills := 0
	for i := 0; i < 40; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillPrintChild$")
		cmd.Env = append(os.Environ(), "JOBSPOR_KILLCHILD=print", "KILL_DB="+path, "KILL_OUT="+out)
		pipe, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		pipe.Read(make([]byte, 5))
		time.Sleep(time.Duration(rand.IntN(300)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			kills++
		} else {
			t.Logf("child ended by itself: %v", err)
		}
	}
	if kills < 40 {
		t.Fatalf("only %d of 40 children were killed while printing", kills)
	}
	killedPrintsChecked(t, s, out, ids)
}

var printedFor = regexp.MustCompile(`-([0-9]+)-[0-9]{4}-[0-9]{2}-[0-9]{2}(?:-[0-9]{6})?\.pdf$`)

// killedPrintsChecked sweeps each run's folder as the next start would and
// compares the handouts left with the print rows.
func killedPrintsChecked(t *testing.T, s *store.Store, out string, ids []int64) {
	t.Helper()
	runs, _ := filepath.Glob(filepath.Join(out, "*"))
	pdfs := map[int64]int{}
	total := 0
	for _, run := range runs {
		sweepTemps(run)
		files, _ := filepath.Glob(filepath.Join(run, "*"))
		for _, f := range files {
			if strings.HasPrefix(filepath.Base(f), tempPrefix) {
				t.Fatalf("the next start left the temp file %s", f)
			}
			raw, err := os.ReadFile(f)
			if err != nil || !strings.HasPrefix(string(raw), "%PDF") || !strings.Contains(string(raw[max(0, len(raw)-64):]), "%%EOF") {
				t.Fatalf("%s is not a whole PDF (%d bytes, %v)", f, len(raw), err)
			}
			m := printedFor.FindStringSubmatch(filepath.Base(f))
			if m == nil {
				t.Fatalf("a handout named for no citizen: %s", f)
			}
			id, _ := strconv.ParseInt(m[1], 10, 64)
			pdfs[id]++
			total++
		}
	}
	rows := 0
	for _, id := range ids {
		entries, err := s.AuditFor(id)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries {
			if e.Action == model.AuditPrint {
				n++
			}
		}
		rows += n
		if pdfs[id] > n {
			t.Fatalf("citizen %d has %d handouts but %d print rows: a print without its audit row", id, pdfs[id], n)
		}
	}
	if total == 0 {
		t.Fatal("no handout was finished in 40 runs")
	}
	t.Logf("%d handouts in %d runs, %d print rows: none without its row", total, len(runs), rows)
}

// TestKillPrintChild is the child's work: a day's batch, one file per
// citizen, into a new folder each time.
func TestKillPrintChild(t *testing.T) {
	if os.Getenv("JOBSPOR_KILLCHILD") != "print" {
		t.Skip("the print kill test's child process")
	}
	s, err := store.OpenExisting(os.Getenv("KILL_DB"))
	if err != nil {
		t.Fatal(err)
	}
	svc := NewService(s, testContent(t))
	day := time.Date(2027, 3, 1, 0, 0, 0, 0, time.Local)
	fmt.Print("ready")
	for i := 0; i < 1000; i++ {
		run := filepath.Join(os.Getenv("KILL_OUT"), fmt.Sprintf("%d-%d", os.Getpid(), i))
		if _, err := svc.Batch(model.HandoutBenefitMeeting, day, false, run, func(int, int) {}, nil); err != nil {
			t.Fatal(err)
		}
	}
}
