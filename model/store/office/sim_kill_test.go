//go:build unix

package office

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model/store"
)

// The simulation with real kills: each laptop is a process of its own
// (this test binary again, as simChild), doing a caseworker's work and
// syncing, and SIGKILLed at a random moment — in the middle of a SQLite
// commit, a push or a pull — then started again on the same file. What the
// laptop had committed is read from its file after each kill (the outbox)
// and from the ledger the process appends after each act, so every note
// written anywhere is in the ledger; after the day the same invariants as
// TestSimulation must hold.
func TestSimulationWithRealKills(t *testing.T) {
	runs, ops, notes := 1, 0, 0
	if n, err := strconv.Atoi(os.Getenv("JOBSPOR_SIM_KILL_RUNS")); err == nil && n > 0 {
		runs = n
	}
	killed := 0
	for seed := int64(1); seed <= int64(runs); seed++ {
		v, k, led := simulateWithKills(t, 1000+seed, 4)
		killed += k
		ops, notes = ops+len(led.ops), notes+len(led.notes)
		if v.total() > 0 {
			t.Errorf("seed %d: %+v", 1000+seed, v)
		}
	}
	if killed == 0 || notes == 0 {
		t.Fatalf("%d processes killed while working, %d notes written: the test tested nothing", killed, notes)
	}
	t.Logf("%d runs, %d laptop processes SIGKILLed while working; %d operations and %d notes, none lost",
		runs, killed, ops, notes)
}

// simulateWithKills runs rounds of laptop processes killed at random, then
// the end of the day in this process, and checks the invariants.
func simulateWithKills(t *testing.T, seed int64, rounds int) (simViolations, int, *simLedger) {
	ctx := context.Background()
	db := simDatabase(t)
	admin, err := pgx.Connect(ctx, cluster.DSN("postgres", db))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `TRUNCATE `+simTables+` CASCADE; ALTER SEQUENCE jobspor.change_seq RESTART`); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(seed))
	r := &simRun{t: t, ctx: ctx, db: db, admin: admin, rng: rng, dir: simDir(t),
		led: &simLedger{ops: map[string]store.SyncOp{}, notes: map[string]string{}}}
	n := 3 + rng.Intn(3)
	for i := 1; i <= n; i++ {
		ini := fmt.Sprintf("W%02d", i)
		path := filepath.Join(r.dir, ini+".db")
		simLaptopFile(t, path)
		s, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.JoinOffice(db, ini, "d"+ini); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	killed := 0
	for round := 0; round < rounds; round++ {
		var wg sync.WaitGroup
		var mu sync.Mutex
		for i := 1; i <= n; i++ {
			wg.Add(1)
			wait := time.Duration(30+rng.Intn(400)) * time.Millisecond
			go func(i int, wait time.Duration) {
				defer wg.Done()
				k, err := r.killOne(i, n, seed*1000+int64(round*100+i), wait)
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				killed += k
				mu.Unlock()
			}(i, wait)
		}
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
	}
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		ini := fmt.Sprintf("W%02d", i)
		s, err := store.OpenExisting(filepath.Join(r.dir, ini+".db"))
		if err != nil {
			t.Fatalf("%s after the kills: %v", ini, err)
		}
		s.Now = func() time.Time { return at }
		l := &simLaptop{initials: ini, lead: i == 1, s: s, rng: rand.New(rand.NewSource(seed*100 + int64(i))), online: true,
			dsn: cluster.DSN(RoleName(ini), db)}
		// JOBSPOR_SIM_MUTATE=lww breaks the server's version check on purpose:
		// the run must then report a silent overwrite (the checker is not blind).
		l.cl = &Client{Store: s, Key: testKey, Batch: 50, ApplyBatch: 7, Mutate: os.Getenv("JOBSPOR_SIM_MUTATE")}
		r.laptops = append(r.laptops, l)
		ops, err := s.PendingOps(1 << 20)
		if err != nil {
			t.Fatal(err)
		}
		r.led.note(ops)
	}
	defer func() {
		for _, l := range r.laptops {
			l.drop()
			l.s.Close()
		}
	}()
	if err := r.run(0); err != nil {
		t.Fatalf("seed %d: the end of the day: %v", seed, err)
	}
	v, err := r.check()
	if err != nil {
		t.Fatalf("seed %d: check: %v", seed, err)
	}
	return v, killed, r.led
}

// killOne starts laptop i as its own process, SIGKILLs it after wait (if it
// still works), and adds what it had committed to the ledger.
func (r *simRun) killOne(i, n int, seed int64, wait time.Duration) (int, error) {
	ini := fmt.Sprintf("W%02d", i)
	path := filepath.Join(r.dir, ini+".db")
	ledger := path + ".ledger"
	cmd := osexec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "JOBSPOR_SIM_CHILD="+strings.Join([]string{path, cluster.DSN(RoleName(ini), r.db),
		ini, strconv.FormatInt(seed, 10), strconv.Itoa(n), ledger}, "|"))
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	killed := 0
	select {
	case err := <-done:
		if err != nil {
			return 0, fmt.Errorf("%s ended by itself with %v: %s", ini, err, out.String())
		}
	case <-time.After(wait):
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killed = 1
		}
		<-done
	}
	s, err := store.OpenExisting(path)
	if err != nil {
		return killed, fmt.Errorf("%s does not open after a SIGKILL: %v", ini, err)
	}
	defer s.Close()
	ops, err := s.PendingOps(1 << 20)
	if err != nil {
		return killed, err
	}
	r.led.note(ops)
	return killed, r.readLedger(ledger)
}

// readLedger adds the ops a laptop process wrote down after its acts.
func (r *simRun) readLedger(path string) error {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var op store.SyncOp
		if json.Unmarshal(sc.Bytes(), &op) != nil {
			continue // the line a kill cut short
		}
		r.led.note([]store.SyncOp{op})
	}
	return sc.Err()
}

// simChild is a laptop process (JOBSPOR_SIM_CHILD set, from TestMain): it
// works and syncs until killed, writing each act's pending ops to its ledger.
func simChild(spec string) int {
	p := strings.Split(spec, "|")
	if len(p) != 6 {
		fmt.Println("bad JOBSPOR_SIM_CHILD")
		return 2
	}
	seed, _ := strconv.ParseInt(p[3], 10, 64)
	n, _ := strconv.Atoi(p[4])
	s, err := store.OpenExisting(p[0])
	if err != nil {
		fmt.Println(p[2], "open:", err)
		return 1
	}
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }
	ledger, err := os.OpenFile(p[5], os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	ctx := context.Background()
	l := &simLaptop{initials: p[2], lead: p[2] == "W01", s: s, rng: rand.New(rand.NewSource(seed)), online: true, dsn: p[1]}
	l.cl = &Client{Store: s, Key: testKey, Batch: 50, ApplyBatch: 7, Mutate: os.Getenv("JOBSPOR_SIM_MUTATE")}
	r := &simRun{ctx: ctx, rng: l.rng, led: &simLedger{ops: map[string]store.SyncOp{}, notes: map[string]string{}}}
	r.laptops = make([]*simLaptop, n)
	enc := json.NewEncoder(ledger)
	written := map[string]bool{}
	for step := 0; step < 100000; step++ {
		before := len(r.led.ops)
		if err := r.act(l); err != nil {
			fmt.Println(p[2], "act:", err)
			return 1
		}
		if err := r.noteOutbox(l); err != nil { // at once: the process may be killed any moment
			fmt.Println(p[2], "outbox:", err)
			return 1
		}
		if len(r.led.ops) != before {
			for id, op := range r.led.ops {
				if !written[id] {
					written[id] = true
					enc.Encode(op)
				}
			}
		}
		if l.online && l.rng.Float64() < 0.5 {
			if err := l.sync(ctx, false); err != nil {
				fmt.Println(p[2], "sync:", err)
				return 1
			}
		}
	}
	return 0
}
