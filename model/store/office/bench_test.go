package office

// The office benchmarks (make office-bench): a laptop owning 1,000
// citizens joins an office holding 15,000; a push of 200 operations; an
// idle pull; a pull after a colleague's day; 15 laptops syncing at once.

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

var (
	benchOnce   sync.Once
	benchErr    error
	benchLaptop string // a closed SQLite file: 1,000 demo citizens of AB, never joined
)

const benchTemplate = "bench15k"

// benchSetup makes, once, a server template holding 15,000 citizens of
// other caseworkers (a note and a conversation each) and a laptop with 1,000.
func benchSetup(b *testing.B) {
	b.Helper()
	benchOnce.Do(func() {
		ctx := context.Background()
		admin, err := pgx.Connect(ctx, cluster.DSN("postgres", "postgres"))
		if err != nil {
			benchErr = err
			return
		}
		defer admin.Close(ctx)
		if _, benchErr = admin.Exec(ctx, `CREATE DATABASE `+benchTemplate+` TEMPLATE `+template); benchErr != nil {
			return
		}
		c, err := pgx.Connect(ctx, cluster.DSN("postgres", benchTemplate))
		if err != nil {
			benchErr = err
			return
		}
		if _, benchErr = c.Exec(ctx, `
			INSERT INTO jobspor.citizens (gid, name, phone, email, benefit, education, first_contact, status, track,
				created_at, postcode, reach, unemployed_since, transferred_on, birth_date, caseworker)
			SELECT ('019ab0a0-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Borger ' || i, '', '', 'dagpenge',
				'skilled', '2026-11-01', 'active', '', '2026-11-01T10:00:00Z', '', '', '', '', '', CASE WHEN i % 2 = 0 THEN 'CD' ELSE 'EF' END
			FROM generate_series(1, 15000) i;
			ALTER TABLE jobspor.note DISABLE TRIGGER b_rules; -- the loader is no caseworker: authors set here
			INSERT INTO jobspor.note (gid, citizen_gid, parent_kind, parent_gid, field, body, author)
			SELECT ('019ab0a0-0001-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, g, 'citizens', g, 'notes', 'Note om borgeren', 'CD'
			FROM (SELECT i, ('019ab0a0-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid g FROM generate_series(1, 15000) i) x;
			ALTER TABLE jobspor.note ENABLE TRIGGER b_rules;
			INSERT INTO jobspor.conversations (gid, citizen_gid, start, "end", kind, form, attendance, created_at)
			SELECT ('019ab0a0-0002-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, ('019ab0a0-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
				'2026-11-24T10:00', '2026-11-24T10:45', 'job', 'phone', 'held', '2026-11-01T10:00:00Z'
			FROM generate_series(1, 15000) i;
			ANALYZE;`); benchErr != nil {
			return
		}
		c.Close(ctx)
		dir, err := os.MkdirTemp("", "jobspor-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchLaptop = filepath.Join(dir, "laptop.db")
		s, err := store.Open(benchLaptop)
		if err != nil {
			benchErr = err
			return
		}
		at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return at }
		content := testutil.Content(b)
		if _, benchErr = s.SeedDemo(content.Guide, model.DemoOptions{Citizens: 1000, Seed: 1, Today: at, Caseworkers: 1}); benchErr != nil {
			return
		}
		if benchErr = s.SaveCaseworker(&model.Caseworker{Initials: "AB", Name: "Anna Berg"}); benchErr != nil {
			return
		}
		list, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
		if err != nil {
			benchErr = err
			return
		}
		ids := make([]int64, len(list))
		for i, c := range list {
			ids[i] = c.ID
		}
		if benchErr = s.AssignCaseworker(ids, "AB"); benchErr != nil {
			return
		}
		benchErr = s.Close()
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}

// benchDB clones the 15,000-citizen office (outside the timer).
func benchDB(b *testing.B) string {
	b.Helper()
	ctx := context.Background()
	admin := login(b, "postgres", "postgres")
	name := fmt.Sprintf("b%d", dbSeq.Add(1))
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name+` TEMPLATE `+benchTemplate); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { admin.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`) })
	return name
}

// laptopCopy is a fresh copy of the 1,000-citizen laptop.
func laptopCopy(b *testing.B) *store.Store {
	b.Helper()
	dst := filepath.Join(simDir(b), "laptop.db")
	in, err := os.Open(benchLaptop)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	out.Close()
	s, err := store.Open(dst)
	if err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }
	b.Cleanup(func() { s.Close() })
	return s
}

// joined is a laptop of 1,000 citizens joined to a 15,000-citizen office.
func joined(b *testing.B) (*Client, string) {
	b.Helper()
	db := benchDB(b)
	s := laptopCopy(b)
	cl := joinWithHistory(b, s, db, "AB")
	return cl, db
}

// BenchmarkFirstJoin1000Of15000: a laptop owning 1,000 citizens joins an
// office holding 15,000: its history in bulk, then the first pull.
func BenchmarkFirstJoin1000Of15000(b *testing.B) {
	benchSetup(b)
	var wait time.Duration
	defer func() { b.ReportMetric(float64(wait.Microseconds())/1000, "longest-db-wait-ms") }()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := benchDB(b)
		s := laptopCopy(b)
		conn := login(b, db, "AB")
		b.StartTimer()
		if err := s.JoinOffice(db, "AB", "d"); err != nil {
			b.Fatal(err)
		}
		cl := &Client{Store: s, Conn: conn, Key: testKey}
		stop := storetest.ProbeReads(s, &wait)
		if err := cl.SendHistory(context.Background()); err != nil {
			b.Fatal(err)
		}
		if err := cl.Sync(context.Background()); err != nil {
			b.Fatal(err)
		}
		stop()
		b.StopTimer()
		if n, _ := s.PendingCount(); n > 10 {
			b.Fatalf("%d operations left op by op after the join", n)
		}
		b.StartTimer()
	}
}

// BenchmarkPush200: one push of 200 operations (edits of 200 citizens).
func BenchmarkPush200(b *testing.B) {
	benchSetup(b)
	cl, _ := joined(b)
	list, err := cl.Store.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for j := 0; j < 200; j++ {
			c, err := cl.Store.Citizen(list[j%len(list)].ID)
			if err != nil {
				b.Fatal(err)
			}
			c.Phone = fmt.Sprintf("%08d", i*1000+j)
			if err := cl.Store.UpdateCitizen(c); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if n, err := cl.Push(context.Background()); err != nil || n != 200 {
			b.Fatalf("pushed %d: %v", n, err)
		}
	}
}

// BenchmarkIdlePull: a pull when nothing changed.
func BenchmarkIdlePull(b *testing.B) {
	benchSetup(b)
	cl, _ := joined(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := cl.Pull(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPullAfterAColleaguesDay: a colleague covering 100 of the cases
// edits 100 citizens, writes 100 notes and plans 50 conversations; then
// the owner's laptop pulls.
func BenchmarkPullAfterAColleaguesDay(b *testing.B) {
	benchSetup(b)
	cl, db := joined(b)
	// the lead cannot read the cases: she grants cover by the gids the owner gives her
	var gids []string
	rows, err := cl.Conn.Query(context.Background(), `SELECT gid::text FROM jobspor.citizens ORDER BY gid LIMIT 100`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var g string
		rows.Scan(&g)
		gids = append(gids, g)
	}
	rows.Close()
	le := login(b, db, "LE")
	for _, g := range gids {
		if _, err := le.Exec(context.Background(), `SELECT jobspor.grant_cover($1, 'CD', '2999-12-31', 'Ferie')`, g); err != nil {
			b.Fatal(err)
		}
	}
	cd := newLaptop(b, db, "CD")
	cd.sync(b)
	cl.Pull(context.Background())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		var list []model.CitizenSummary
		for _, g := range gids {
			id, err := cd.s.CitizenIDByGid(g)
			if err != nil || id == 0 {
				b.Fatalf("CD does not hold covered case %s: %v", g, err)
			}
			list = append(list, model.CitizenSummary{ID: id})
		}
		for j := 0; j < 100; j++ {
			c, err := cd.s.Citizen(list[j%len(list)].ID)
			if err != nil {
				b.Fatal(err)
			}
			c.Phone, c.Notes = fmt.Sprintf("%08d", i*1000+j), fmt.Sprintf("Dagens note %d", i*1000+j)
			if err := cd.s.UpdateCitizen(c); err != nil {
				b.Fatal(err)
			}
			if j < 50 {
				start := time.Date(2026, 12, 1+j%20, 9+j%8, 0, 0, 0, time.Local)
				if err := cd.s.PlanConversation(testutil.Conversation(c.ID, start, 30)); err != nil {
					b.Fatal(err)
				}
			}
		}
		cd.sync(b)
		b.StartTimer()
		if err := cl.Pull(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// Benchmark15LaptopsSyncAtOnce: 15 laptops with 20 new citizens each sync at
// the same time. ops/s: the ops sent (counted in the outboxes before) per
// second of the syncs; the lock's wait per push, mean and longest.
func Benchmark15LaptopsSyncAtOnce(b *testing.B) {
	db := simDatabase(b)
	ctx := context.Background()
	admin := login(b, db, "postgres")
	if _, err := admin.Exec(ctx, `TRUNCATE `+simTables+` CASCADE`); err != nil {
		b.Fatal(err)
	}
	var laps []*laptop
	var mu sync.Mutex
	var waited, longest time.Duration
	var pushes int
	timeLock := func(take func() error) error {
		asked := model.Now()
		err := take()
		d := model.Now().Sub(asked)
		mu.Lock()
		waited, longest, pushes = waited+d, max(longest, d), pushes+1
		mu.Unlock()
		return err
	}
	for i := 1; i <= simStaff; i++ {
		l := newLaptop(b, db, fmt.Sprintf("W%02d", i))
		l.cl.AroundLock = timeLock
		laps = append(laps, l)
	}
	ops := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for k, l := range laps {
			for j := 0; j < 20; j++ {
				c := testutil.Citizen(func(c *model.Citizen) { c.Name, c.Notes = fmt.Sprintf("Borger %d-%d-%d", i, k, j), "Note" })
				if err := l.s.CreateCitizen(c); err != nil {
					b.Fatal(err)
				}
			}
			n, err := l.s.PendingCount()
			if err != nil {
				b.Fatal(err)
			}
			ops += n
		}
		b.StartTimer()
		var wg sync.WaitGroup
		errs := make(chan error, len(laps))
		for _, l := range laps {
			wg.Add(1)
			go func(l *laptop) {
				defer wg.Done()
				if err := l.cl.Sync(ctx); err != nil {
					errs <- err
				}
			}(l)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(ops)/b.Elapsed().Seconds(), "ops/s")
	if pushes > 0 {
		b.ReportMetric(float64(waited.Microseconds())/1000/float64(pushes), "mean-lock-wait-ms")
		b.ReportMetric(float64(longest.Microseconds())/1000, "longest-lock-wait-ms")
	}
}
