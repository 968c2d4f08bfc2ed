package office

// The office simulation (OFFICE.md, "How it is tested"): 3–15 laptops, each
// its own SQLite file, against one server; random offline periods, moves
// and cover, concurrent edits of the same fields and notes, kills at each
// point of a sync. After every run the invariants are checked. Deliberately
// broken variants (last write wins, the sequence without its lock, no full
// refresh on hand-over) must each make the checker fail.
//
//	make office-sim RUNS=N     (CI: at least 100)

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office/pgtest"
	"jobspor/model/testutil"
)

const simStaff = 15

var (
	simOnce sync.Once
	simDB   string
	simErr  error
)

// simDatabase is one database for every run (emptied between runs) with a
// roster of W01 (the lead) to W15.
func simDatabase(t testing.TB) string {
	t.Helper()
	simOnce.Do(func() {
		ctx := context.Background()
		admin, err := pgx.Connect(ctx, cluster.DSN("postgres", "postgres"))
		if err != nil {
			simErr = err
			return
		}
		defer admin.Close(ctx)
		simDB = "sim"
		if _, err := admin.Exec(ctx, `CREATE DATABASE sim TEMPLATE `+template); err != nil {
			simErr = err
			return
		}
		c, err := pgx.Connect(ctx, cluster.DSN("postgres", simDB))
		if err != nil {
			simErr = err
			return
		}
		defer c.Close(ctx)
		// every change number the office hands out, for the commit-order watcher
		if _, simErr = c.Exec(ctx, `CREATE TABLE jobspor.sim_seqs (seq bigint PRIMARY KEY);
			DO $$ BEGIN EXECUTE format('ALTER TABLE jobspor.sim_seqs OWNER TO %I',
				(SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'next_seq')); END $$`); simErr != nil {
			return
		}
		for i := 1; i <= simStaff; i++ {
			if simErr = AddCaseworker(ctx, c, Caseworker{Initials: fmt.Sprintf("W%02d", i), Name: "Kollega " + strconv.Itoa(i), Lead: i == 1}); simErr != nil {
				return
			}
		}
	})
	if simErr != nil {
		t.Fatal(simErr)
	}
	return simDB
}

const simTables = `jobspor.citizens, jobspor.progress, jobspor.conversations, jobspor.job_goals, jobspor.openings,
	jobspor.track_changes, jobspor.upskillings, jobspor.educations, jobspor.company_efforts, jobspor.temp_agencies,
	jobspor.reception_steps, jobspor.benefit_cases, jobspor.notices, jobspor.youth_flags, jobspor.case_closings,
	jobspor.applications, jobspor.conversation_jobs, jobspor.jobs, jobspor.prospect_editions, jobspor.prospects,
	jobspor.caseworkers, jobspor.note, jobspor.history, jobspor.applied_op, jobspor.conflict, jobspor.visibility,
	jobspor.cover, jobspor.audit, jobspor.access`

// simMutation breaks the server for one variant: without the commit-order
// lock the sequence is a plain nextval. With watch, every number handed out
// is also written to sim_seqs in the transaction that took it, so the
// watcher sees exactly the numbers a pull could see.
func simMutation(ctx context.Context, admin *pgx.Conn, mutate string, watch bool) error {
	lock := `PERFORM pg_advisory_xact_lock(hashtext('jobspor.change_seq'));`
	if mutate == "nolock" {
		lock = ""
	}
	log := ""
	if watch {
		log = `INSERT INTO jobspor.sim_seqs VALUES (s);`
	}
	_, err := admin.Exec(ctx, `CREATE OR REPLACE FUNCTION jobspor.next_seq() RETURNS bigint LANGUAGE plpgsql
		SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$ DECLARE s bigint; BEGIN `+lock+
		` s := nextval('jobspor.change_seq'); `+log+` RETURN s; END $$`)
	return err
}

// simWatcher reads, again and again while the laptops work, what a pull
// reading at that moment would take as its cursor (the highest change
// number it sees) and how many numbers up to it it sees. If a number below
// a cursor once seen commits later, a pull could have stepped over it: the
// commit order is not the change order (the nolock mutation). It reads
// while some laptop is at the office (busy): only a transaction open at the
// moment of a reading can commit a number under its cursor later, and every
// transaction that takes numbers is a laptop's sync, move or cover, so the
// readings left out could never show one.
type simWatcher struct {
	seen map[int64]int64 // cursor -> the fewest numbers up to it seen with it
	stop chan struct{}
	done chan error
}

func watchCommitOrder(ctx context.Context, dsn string, busy *atomic.Int32) (*simWatcher, error) {
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	w := &simWatcher{seen: map[int64]int64{}, stop: make(chan struct{}), done: make(chan error, 1)}
	go func() {
		defer c.Close(context.Background())
		for {
			select {
			case <-w.stop:
				w.done <- nil
				return
			default:
			}
			if busy.Load() == 0 {
				time.Sleep(200 * time.Microsecond)
				continue
			}
			var top, n int64
			if err := c.QueryRow(ctx, `SELECT coalesce(max(seq), 0), count(*) FROM jobspor.sim_seqs`).Scan(&top, &n); err != nil {
				w.done <- err
				return
			}
			if have, ok := w.seen[top]; !ok || n < have {
				w.seen[top] = n
			}
			time.Sleep(200 * time.Microsecond)
		}
	}()
	return w, nil
}

// skipped stops the watcher and counts the cursors a later commit went under.
func (w *simWatcher) skipped(ctx context.Context, admin *pgx.Conn) (int, error) {
	close(w.stop)
	if err := <-w.done; err != nil {
		return 0, err
	}
	bad := 0
	for top, n := range w.seen {
		var final int64
		if err := admin.QueryRow(ctx, `SELECT count(*) FROM jobspor.sim_seqs WHERE seq <= $1`, top).Scan(&final); err != nil {
			return 0, err
		}
		if final > n {
			bad++
		}
	}
	return bad, nil
}

type simLedger struct {
	mu    sync.Mutex
	ops   map[string]store.SyncOp
	notes map[string]string // note gid -> body
	cprs  []string
	cases []string
}

func (l *simLedger) note(ops []store.SyncOp) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, op := range ops {
		if _, ok := l.ops[op.ID]; ok {
			continue
		}
		l.ops[op.ID] = op
		for _, n := range op.Notes {
			l.notes[n.Gid] = n.Body
		}
		if op.Table == "citizens" && op.Kind == "upsert" && op.Base == 0 && op.Prev == "" {
			l.cases = append(l.cases, op.Gid)
		}
	}
}

type simLaptop struct {
	initials string
	lead     bool
	s        *store.Store
	cl       *Client
	rng      *rand.Rand
	online   bool
	dsn      string
	pKill    float64
	// atOffice counts the run's laptops in a sync, move or cover now (the
	// watcher reads while it is not 0); nil: not counted (a kill run's child)
	atOffice *atomic.Int32
}

var errSimKill = errors.New("simulated kill")

func (l *simLaptop) connect(ctx context.Context) error {
	if l.cl.Conn != nil && !l.cl.Conn.IsClosed() {
		return nil
	}
	c, err := pgx.Connect(ctx, l.dsn)
	if err != nil {
		return err
	}
	l.cl.Conn = c
	return nil
}

// at runs f, which works at the office, counted in atOffice.
func (l *simLaptop) at(f func() error) error {
	if l.atOffice != nil {
		l.atOffice.Add(1)
		defer l.atOffice.Add(-1)
	}
	return f()
}

// exec runs a statement at the office, counted in atOffice.
func (l *simLaptop) exec(ctx context.Context, sql string, args ...any) error {
	return l.at(func() error {
		_, err := l.cl.Conn.Exec(ctx, sql, args...)
		return err
	})
}

func (l *simLaptop) drop() {
	if l.cl.Conn != nil {
		l.cl.Conn.Close(context.Background())
		l.cl.Conn = nil
	}
}

// sync pushes and pulls, maybe killed at one point (the connection dies
// with the process; the server rolls back what it had not committed).
func (l *simLaptop) sync(ctx context.Context, faults bool) error {
	if err := l.connect(ctx); err != nil {
		return err
	}
	point := ""
	if faults && l.rng.Float64() < l.pKill {
		point = []string{FaultBeforeOp, FaultBeforeCommit, FaultAfterCommit, FaultBeforeApply}[l.rng.Intn(4)]
	}
	skip := l.rng.Intn(3)
	if point == FaultBeforeApply && skip > 0 {
		point = FaultBetweenBatches // killed after the first or second of the pull's local transactions
		skip--
	}
	l.cl.Fault = func(p string) error {
		switch p {
		case FaultBeforeOp:
			time.Sleep(time.Duration(l.rng.Intn(300)) * time.Microsecond) // widen the windows between commits
		case FaultBeforeCommit:
			// a push that has taken its change numbers and not yet committed:
			// the window a missing commit-order lock lets a colleague's pull
			// skip through; with the lock it only holds the others back
			time.Sleep(time.Duration(l.rng.Intn(3000)) * time.Microsecond)
		}
		if p == point {
			if (p == FaultBeforeOp || p == FaultBetweenBatches) && skip > 0 {
				skip--
				return nil
			}
			l.drop()
			return errSimKill
		}
		return nil
	}
	err := l.at(func() error { return l.cl.Sync(ctx) })
	l.cl.Fault = nil
	if errors.Is(err, errSimKill) {
		return nil
	}
	if err != nil && transientErr(err) {
		l.drop()
		return nil
	}
	return err
}

func transientErr(err error) bool {
	_, isRule := refused(err)
	return !isRule && IsUnreachable(err) || strings.Contains(err.Error(), "SQLSTATE 40")
}

type simRun struct {
	t       testing.TB
	ctx     context.Context
	db      string
	admin   *pgx.Conn
	rng     *rand.Rand
	led     *simLedger
	laptops []*simLaptop
	mutate  string
	dir     string
	stats   simStats
	// atOffice: how many laptops are at the office now (simLaptop.atOffice)
	atOffice atomic.Int32
}

type simStats struct {
	ops, notes, conflicts, rejected, moves, covers int
}

// act is one thing a caseworker does on the laptop, online or not.
func (r *simRun) act(l *simLaptop) error {
	list, err := l.s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		return err
	}
	x := l.rng.Float64()
	switch {
	case len(list) < 2 || x < 0.10:
		r.led.mu.Lock()
		cpr := fmt.Sprintf("%02d%02d%02d%04d", 1+l.rng.Intn(28), 1+l.rng.Intn(12), 50+l.rng.Intn(50), l.rng.Intn(4000)) // serial 0-3xxx: born in the 1900s
		r.led.cprs = append(r.led.cprs, cpr)
		r.led.mu.Unlock()
		c := testutil.Citizen(func(c *model.Citizen) {
			c.Name, c.CPR, c.Notes = "Borger "+cpr[6:], model.CPR(cpr), "Første samtale med "+l.initials
		})
		if err := l.s.CreateCitizen(c); err != nil {
			var ue *model.UserError
			if errors.As(err, &ue) {
				return nil // a duplicate CPR on this laptop: refused here already
			}
			return err
		}
	case x < 0.55:
		c, err := l.s.Citizen(list[l.rng.Intn(len(list))].ID)
		if err != nil {
			return nil // purged meanwhile
		}
		if c.Caseworker == l.initials && l.rng.Intn(2) == 0 {
			// half the time a case shared with a colleague, where edits meet
			for _, i := range l.rng.Perm(len(list)) {
				if o, err := l.s.Citizen(list[i].ID); err == nil && o.Caseworker != l.initials && o.Caseworker != "" {
					c = o
					break
				}
			}
		}
		switch l.rng.Intn(3) {
		case 0:
			c.Phone = fmt.Sprintf("%08d", l.rng.Intn(1e8))
		case 1:
			c.Email = fmt.Sprintf("%s%d@post.dk", strings.ToLower(l.initials), l.rng.Intn(1000))
		default:
			c.Notes = fmt.Sprintf("Note %d fra %s", l.rng.Intn(1e6), l.initials)
		}
		if err := l.s.UpdateCitizen(c); err != nil && !errors.Is(err, model.ErrNotFound) {
			return err
		}
	case x >= 0.55 && x < 0.97 && l.online && l.lead && l.rng.Intn(4) == 0:
		// the lead also moves cases, now and then
		if err := l.connect(r.ctx); err != nil {
			return nil
		}
		if gid := r.pickCase(l); gid != "" {
			to := fmt.Sprintf("W%02d", 1+l.rng.Intn(len(r.laptops)))
			if err := l.exec(r.ctx, `SELECT jobspor.move_case($1, $2)`, gid, to); err == nil {
				r.led.mu.Lock()
				r.stats.moves++
				r.led.mu.Unlock()
			} else if _, isRule := refused(err); !isRule {
				l.drop()
			}
		}
	case x >= 0.55 && x < 0.97 && l.online && l.lead:
		// cover: shared cases, so colleagues edit the same fields and notes
		if err := l.connect(r.ctx); err != nil {
			return nil
		}
		gid := r.pickCase(l)
		if gid == "" {
			return nil
		}
		to := fmt.Sprintf("W%02d", 1+l.rng.Intn(len(r.laptops)))
		until := "2999-12-31"
		if l.rng.Intn(3) == 0 {
			until = "2000-01-01" // a cover that has ended: expires at the next sync
		}
		if err := l.exec(r.ctx, `SELECT jobspor.grant_cover($1, $2, $3, 'Ferie')`, gid, to, until); err == nil {
			r.led.mu.Lock()
			r.stats.covers++
			r.led.mu.Unlock()
		} else if _, isRule := refused(err); !isRule {
			l.drop()
		}
	case x < 0.80:
		id := list[l.rng.Intn(len(list))].ID
		cvs, err := l.s.Conversations(id)
		if err != nil {
			return err
		}
		if len(cvs) > 0 && l.rng.Intn(2) == 0 {
			cv := cvs[l.rng.Intn(len(cvs))]
			cv.Notes = fmt.Sprintf("Referat %d af %s", l.rng.Intn(1e6), l.initials)
			if err := l.s.SaveConversation(&cv); err != nil && !errors.Is(err, model.ErrNotFound) {
				return err
			}
			break
		}
		start := time.Date(2026, 12, 1+l.rng.Intn(20), 8+l.rng.Intn(8), 0, 0, 0, time.Local)
		cv := testutil.Conversation(id, start, 45, func(cv *model.Conversation) { cv.Notes = "Plan af " + l.initials })
		if err := l.s.PlanConversation(cv); err != nil {
			var ue *model.UserError
			if !errors.As(err, &ue) && !errors.Is(err, model.ErrNotFound) {
				return err
			}
		}
	case x < 0.88 && l.online && !l.lead:
		// a move: the owner hands a case over, or the lead moves any
		if err := l.connect(r.ctx); err != nil {
			return nil
		}
		gid := r.pickCase(l)
		if gid == "" {
			return nil
		}
		to := fmt.Sprintf("W%02d", 1+l.rng.Intn(len(r.laptops)))
		if err := l.exec(r.ctx, `SELECT jobspor.move_case($1, $2)`, gid, to); err == nil {
			r.led.mu.Lock()
			r.stats.moves++
			r.led.mu.Unlock()
		} else if _, isRule := refused(err); !isRule {
			l.drop()
		}
	default:
		l.online = !l.online
		if !l.online {
			l.drop()
		}
	}
	return nil
}

// noteOutbox adds the ops waiting in l's outbox to the ledger. Only a push
// takes ops out of an outbox, so noting them before every sync and at the
// end of a run notes every op the laptop ever made (reading the whole
// outbox after every action cost a tenth of a run's time in the test).
func (r *simRun) noteOutbox(l *simLaptop) error {
	ops, err := l.s.PendingOps(1 << 20)
	if err != nil {
		return err
	}
	r.led.note(ops)
	return nil
}

func (r *simRun) pickCase(l *simLaptop) string {
	if l.lead {
		r.led.mu.Lock()
		defer r.led.mu.Unlock()
		if len(r.led.cases) == 0 {
			return ""
		}
		return r.led.cases[l.rng.Intn(len(r.led.cases))]
	}
	list, err := l.s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil || len(list) == 0 {
		return ""
	}
	g, err := l.s.CitizenGid(list[l.rng.Intn(len(list))].ID)
	if err != nil {
		return ""
	}
	return g
}

func (r *simRun) run(steps int) error {
	var wg sync.WaitGroup
	errc := make(chan error, len(r.laptops))
	for _, l := range r.laptops {
		wg.Add(1)
		go func(l *simLaptop) {
			defer wg.Done()
			for i := 0; i < steps; i++ {
				if err := r.act(l); err != nil {
					errc <- fmt.Errorf("%s act: %w", l.initials, err)
					return
				}
				if l.online && l.rng.Float64() < 0.5 {
					if err := r.noteOutbox(l); err != nil {
						errc <- fmt.Errorf("%s outbox: %w", l.initials, err)
						return
					}
					if err := l.sync(r.ctx, true); err != nil {
						errc <- fmt.Errorf("%s sync: %w", l.initials, err)
						return
					}
				}
			}
		}(l)
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		return err
	}
	// the end of the day: everyone online, syncing without faults until quiet
	for round := 0; round < 8; round++ {
		left := 0
		for _, l := range r.laptops {
			l.online = true
			if err := r.noteOutbox(l); err != nil {
				return err
			}
			if err := l.sync(r.ctx, false); err != nil {
				return fmt.Errorf("%s drain: %w", l.initials, err)
			}
			n, _ := l.s.PendingCount()
			left += n
		}
		if left == 0 && round > 0 {
			break
		}
	}
	for _, l := range r.laptops {
		if err := r.noteOutbox(l); err != nil { // what is still waiting has no outcome: check counts it
			return err
		}
		if err := l.at(func() error { return l.cl.Pull(r.ctx) }); err != nil {
			return err
		}
	}
	return nil
}

// simViolations counts each invariant's breaches; the tag names the kind
// in the campaign's log.
type simViolations struct {
	LostNotes         int `sim:"lost_notes"`
	OpsWithoutOutcome int `sim:"ops_without_outcome"`
	SilentOverwrites  int `sim:"silent_overwrites"`
	WrongCases        int `sim:"wrong_cases"`
	MissingNotes      int `sim:"missing_notes"`
	RLSLeaks          int `sim:"rls_leaks"`
	PlainCPR          int `sim:"plain_cpr"`
	Damaged           int `sim:"damaged"`
	// SkippablePulls: moments a pull's cursor passed a change not yet committed
	SkippablePulls int `sim:"skippable_pulls"`
}

func (v simViolations) total() int {
	n := 0
	for _, k := range v.kinds() {
		n += k.n
	}
	return n
}

func (r *simRun) check() (simViolations, error) {
	var v simViolations
	ctx, a := r.ctx, r.admin
	strs := func(q string, args ...any) (map[string]string, error) {
		rows, err := a.Query(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		m := map[string]string{}
		for rows.Next() {
			var k, val string
			if err := rows.Scan(&k, &val); err != nil {
				return nil, err
			}
			m[k] = val
		}
		return m, rows.Err()
	}
	serverNotes, err := strs(`SELECT gid::text, citizen_gid::text FROM jobspor.note`)
	if err != nil {
		return v, err
	}
	outcomes, err := strs(`SELECT op_id::text, outcome FROM jobspor.applied_op`)
	if err != nil {
		return v, err
	}
	conflictOps, err := strs(`SELECT op_id::text || '|' || field || '|' || coalesce(note_gid::text, ''), mine FROM jobspor.conflict`)
	if err != nil {
		return v, err
	}
	hasConflict := map[string]bool{}
	rejectedNote := map[string]bool{}
	for k := range conflictOps {
		parts := strings.Split(k, "|")
		hasConflict[parts[0]] = true
		if parts[2] != "" {
			rejectedNote[parts[2]] = true
		}
	}
	// 1, 2: every note is at the office or in a refusal holding it; every op has one outcome
	for id, op := range r.led.ops {
		oc, ok := outcomes[id]
		if !ok || oc == "pending" || (oc != "applied" && !hasConflict[id]) {
			v.OpsWithoutOutcome++
		}
		for _, n := range op.Notes {
			if _, ok := serverNotes[n.Gid]; !ok && !rejectedNote[n.Gid] {
				v.LostNotes++
			}
		}
	}
	// 3: an applied edit never replaced a value someone set after its base
	rows, err := a.Query(ctx, `SELECT a.op_id::text, a.record_gid::text, a.base_version, a.result_version FROM jobspor.applied_op a
		WHERE a.outcome IN ('applied', 'conflict') AND a.base_version > 0 AND a.result_version > a.base_version + 1`)
	if err != nil {
		return v, err
	}
	type ap struct {
		id, gid  string
		base, rv int64
	}
	var aps []ap
	for rows.Next() {
		var x ap
		if err := rows.Scan(&x.id, &x.gid, &x.base, &x.rv); err != nil {
			rows.Close()
			return v, err
		}
		aps = append(aps, x)
	}
	rows.Close()
	for _, x := range aps {
		op := r.led.ops[x.id]
		refs, _, _, _ := tableInfo(op.Table)
		for f := range op.Fields {
			key := serverCol(refs, f)
			var changed bool
			if err := a.QueryRow(ctx, `SELECT (SELECT data -> $3 FROM jobspor.history WHERE gid = $1 AND version = $2)
				IS DISTINCT FROM (SELECT data -> $3 FROM jobspor.history WHERE gid = $1 AND version = $2 - 1)`, x.gid, x.rv, key).Scan(&changed); err != nil {
				return v, err
			}
			if !changed {
				continue
			}
			var distinct int
			if err := a.QueryRow(ctx, `SELECT count(DISTINCT data -> $4) FROM jobspor.history WHERE gid = $1 AND version >= $2 AND version < $3`,
				x.gid, x.base, x.rv, key).Scan(&distinct); err != nil {
				return v, err
			}
			if distinct > 1 {
				v.SilentOverwrites++
			}
		}
	}
	serverCases, err := strs(`SELECT gid::text, '' FROM jobspor.citizens`)
	if err != nil {
		return v, err
	}
	// 4, 5: each laptop holds exactly its cases with every note; each role sees exactly its cases
	for _, l := range r.laptops {
		entitled, err := strs(`SELECT gid::text, '' FROM jobspor.citizens c WHERE NOT deleted AND (caseworker = $1
			OR EXISTS (SELECT 1 FROM jobspor.cover v WHERE v.citizen_gid = c.gid AND v.initials = $1 AND v.until >= current_date))`, l.initials)
		if err != nil {
			return v, err
		}
		if err := l.connect(ctx); err != nil {
			return v, err
		}
		var seen int
		if err := l.cl.Conn.QueryRow(ctx, `SELECT count(*) FROM jobspor.citizens WHERE NOT deleted`).Scan(&seen); err != nil {
			return v, err
		}
		if seen != len(entitled) {
			v.RLSLeaks++
		}
		var seenNotes, allowed int
		if err := l.cl.Conn.QueryRow(ctx, `SELECT count(*) FROM jobspor.note`).Scan(&seenNotes); err != nil {
			return v, err
		}
		for _, c := range serverNotes {
			if _, ok := entitled[c]; ok {
				allowed++
			}
		}
		if seenNotes != allowed {
			v.RLSLeaks++
		}
		local := map[string]bool{}
		list, err := l.s.ListCitizens(model.CitizenFilter{AnyTrack: true})
		if err != nil {
			return v, err
		}
		for _, c := range list {
			g, err := l.s.CitizenGid(c.ID)
			if err != nil {
				return v, err
			}
			local[g] = true
			if _, ok := entitled[g]; !ok && hasKey(serverCases, g) {
				v.WrongCases++ // a case the office has and this caseworker may not have (one the office refused stays, shown)
			}
		}
		for g := range entitled {
			if !local[g] {
				v.WrongCases++
			}
		}
		// every free text of an entitled case as the office's newest version, every conversation there
		heads, err := strs(`SELECT n.parent_gid::text || '|' || n.field, n.body FROM jobspor.note n
			WHERE n.citizen_gid = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM jobspor.note m WHERE m.supersedes = n.gid)
			-- a late note whose record the office refused is kept there, shown with the refusal
			AND EXISTS (SELECT 1 FROM jobspor.history h WHERE h.gid = n.parent_gid AND NOT (h.data ->> 'deleted')::boolean
				AND h.version = (SELECT max(version) FROM jobspor.history WHERE gid = n.parent_gid))
			AND n.change_seq = (SELECT max(change_seq) FROM jobspor.note o WHERE o.parent_gid = n.parent_gid AND o.field = n.field
				AND NOT EXISTS (SELECT 1 FROM jobspor.note m WHERE m.supersedes = o.gid))`, keys(entitled))
		if err != nil {
			return v, err
		}
		for k, body := range heads {
			parent, field, _ := strings.Cut(k, "|")
			got, err := l.s.SyncedText(parent, field)
			if err != nil {
				return v, err
			}
			if got != body {
				v.MissingNotes++
				if os.Getenv("JOBSPOR_SIM_DEBUG") != "" {
					fmt.Printf("%s: %s local %q office %q\n", l.initials, k, got, body)
				}
			}
		}
		if probs, err := l.s.Check(); err != nil || len(probs) > 0 {
			v.Damaged++
		}
	}
	// 6: no CPR number in any server text
	var dump string
	if err := a.QueryRow(ctx, `SELECT coalesce(string_agg(x, ' '), '') FROM (
		SELECT c::text x FROM jobspor.citizens c UNION ALL SELECT n::text FROM jobspor.note n
		UNION ALL SELECT h::text FROM jobspor.history h UNION ALL SELECT f::text FROM jobspor.conflict f
		UNION ALL SELECT a::text FROM jobspor.audit a UNION ALL SELECT o::text FROM jobspor.applied_op o) t`).Scan(&dump); err != nil {
		return v, err
	}
	for _, c := range r.led.cprs {
		if strings.Contains(dump, c) || strings.Contains(dump, c[:6]+"-"+c[6:]) {
			v.PlainCPR++
		}
	}
	return v, nil
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// simOnce runs one seeded run and checks it.
func simulate(t testing.TB, seed int64, mutate string, steps int) (simViolations, simStats) {
	t.Helper()
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
	if _, err := admin.Exec(ctx, `TRUNCATE jobspor.sim_seqs`); err != nil {
		t.Fatal(err)
	}
	if err := simMutation(ctx, admin, mutate, true); err != nil {
		t.Fatal(err)
	}
	defer simMutation(ctx, admin, "", false)
	rng := rand.New(rand.NewSource(seed))
	r := &simRun{t: t, ctx: ctx, db: db, admin: admin, rng: rng, mutate: mutate, dir: simDir(t),
		led: &simLedger{ops: map[string]store.SyncOp{}, notes: map[string]string{}}}
	n := 3 + rng.Intn(simStaff-2)
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		ini := fmt.Sprintf("W%02d", i)
		path := filepath.Join(r.dir, ini+".db")
		simLaptopFile(t, path)
		s, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s.Now = func() time.Time { return at }
		if err := s.JoinOffice(db, ini, "d"+ini); err != nil {
			t.Fatal(err)
		}
		l := &simLaptop{initials: ini, lead: i == 1, s: s, rng: rand.New(rand.NewSource(seed*100 + int64(i))), online: true,
			dsn: cluster.DSN(RoleName(ini), db), pKill: 0.2, atOffice: &r.atOffice}
		l.cl = &Client{Store: s, Key: testKey, Mutate: mutate, Batch: 50, ApplyBatch: 7}
		r.laptops = append(r.laptops, l)
	}
	defer func() {
		for _, l := range r.laptops {
			l.drop()
			l.s.Close()
		}
		// the run's files go with the run, not with the test: a campaign
		// of thousands of runs in one process would fill /dev/shm
		os.RemoveAll(r.dir)
	}()
	watcher, err := watchCommitOrder(ctx, cluster.DSN("postgres", db), &r.atOffice)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.run(steps); err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	skipped, werr := watcher.skipped(ctx, admin)
	if werr != nil {
		t.Fatalf("seed %d: watcher: %v", seed, werr)
	}
	v, err := r.check()
	v.SkippablePulls = skipped
	if os.Getenv("JOBSPOR_SIM_DEBUG") != "" {
		fmt.Printf("seed %d: %d laptops\n", seed, n)
	}
	if err != nil {
		t.Fatalf("seed %d: check: %v", seed, err)
	}
	r.stats.ops = len(r.led.ops)
	r.stats.notes = len(r.led.notes)
	admin.QueryRow(ctx, `SELECT count(*) FILTER (WHERE outcome = 'conflict'), count(*) FILTER (WHERE outcome = 'rejected') FROM jobspor.applied_op`).
		Scan(&r.stats.conflicts, &r.stats.rejected)
	return v, r.stats
}

// TestSimulation: every run keeps the invariants. Seeds 1..JOBSPOR_SIM_RUNS
// (2 by default), or JOBSPOR_SIM_FROM..JOBSPOR_SIM_TO (make office-campaign,
// which also names a log: one line per JOBSPOR_SIM_CHUNK finished runs), or
// the one seed JOBSPOR_SIM_SEED. JOBSPOR_SIM_MUTATE=lww|nolock|norefresh
// runs them against a broken office, to see how often the checker says so.
func TestSimulation(t *testing.T) {
	from, to, err := simSeeds()
	if err != nil {
		t.Fatal(err)
	}
	mutate := os.Getenv("JOBSPOR_SIM_MUTATE")
	c := newSimCampaign(t, from, to)
	var total simStats
	failed := 0
	for seed := from; seed <= to; seed++ {
		c.begin(seed)
		v, st := simulate(t, seed, mutate, 20)
		if v.total() > 0 {
			failed++
			t.Errorf("seed %d: %+v (alone: %s)", seed, v, c.alone(seed))
		}
		c.add(seed, v, st)
		total.add(st)
	}
	t.Logf("%d runs (seeds %d-%d), %d with violations; %d operations, %d notes, %d conflicts, %d refusals, %d moves, %d covers",
		to-from+1, from, to, failed, total.ops, total.notes, total.conflicts, total.rejected, total.moves, total.covers)
}

// TestSimulationCatchesMutations: the checker is not blind. Each broken
// variant must fail within a few runs.
func TestSimulationCatchesMutations(t *testing.T) {
	if os.Getenv("JOBSPOR_SIM_MUTATIONS") == "" && !pgtest.InCI() {
		t.Skip("a minute long: make office-sim runs it, and CI always")
	}
	for _, m := range []string{"lww", "norefresh", "nolock"} {
		t.Run(m, func(t *testing.T) {
			for seed := int64(1); seed <= 12; seed++ {
				v, _ := simulate(t, 1000+seed, m, 25)
				if v.total() > 0 {
					t.Logf("%s caught at seed %d: %+v", m, 1000+seed, v)
					return
				}
			}
			t.Errorf("the mutation %s was not caught in 12 runs", m)
		})
	}
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// simDir is where a run's laptops keep their files: in memory (/dev/shm)
// where there is one, so the laptops' fsyncs do not set the pace.
func simDir(t testing.TB) string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if d, err := os.MkdirTemp("/dev/shm", "jobspor-sim-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(d) })
			return d
		}
	}
	return t.TempDir()
}
