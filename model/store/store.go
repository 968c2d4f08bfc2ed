package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"os"
	"os/user"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // the driver "sqlite"

	"jobspor/model"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is Jobspor's database: one SQLite file in WAL mode.
type Store struct {
	db   *sql.DB
	path string
	// User is the local user name written to the audit trail.
	User string
	// Now returns the current time; tests replace it.
	Now func() time.Time
	// lock is the database's lock, held shared while the Store is open
	// (nil for a restore's own look at a file, or where it cannot be made).
	lock *dbLock
	// gen counts the committed transactions that changed records (not
	// those that only appended to the audit trail): screens kept in memory
	// compare it to know whether what they show may have changed.
	gen atomic.Uint64
	// changes remembers what the last transactions changed (ChangesSince);
	// tables are the tables with a citizen_id column, read at open.
	changes changeLog
	tables  citizenIDColumns
	// me is the caseworker User works as ("Jeg er"), read at open and kept
	// by SetMe, so an audit row written inside a transaction can name them
	// without a read of its own.
	me atomic.Pointer[meChoice]
	// office is whether this laptop is in an office (sync_state.active):
	// then every transaction writes its changes to the outbox.
	office atomic.Bool
	// committed is where this Store's last anchored write, committed, left
	// the audit chain: Close confirms it in the anchor file.
	committed atomic.Pointer[anchoredHead]
}

// Generation is a number that grows with every committed change to the
// records (audit rows of views and exports aside). Two equal readings
// mean nothing a screen shows changed in between, from this Store.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// auditOnly are the transactions that write nothing but audit rows.
var auditOnly = map[string]bool{"audit": true, "view citizen": true, "export": true}

// busyTimeoutMS is how long a writer waits for another Jobspor holding the
// database before it gives up with a clear message.
var busyTimeoutMS = 5000

// dsn applies the settings to every pooled connection (they go in the DSN,
// not through db.Exec, which would reach one pooled connection only): a plain
// path, never a file: URI, whose '#' would silently cut the path short.
func dsn(path string) string {
	return fmt.Sprintf("%s?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)"+
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=secure_delete(1)&_pragma=temp_store(2)&_txlock=immediate",
		path, busyTimeoutMS)
}

// Open opens (creating if needed) and migrates the database at path.
// A database written by a newer Jobspor, or a file that is not Jobspor's,
// is refused and left untouched.
func Open(path string) (*Store, error) {
	exists, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	return open(path, exists, true)
}

// OpenExisting opens the database at path like Open, but refuses a path
// where there is none: a mistyped --db never creates an empty database.
func OpenExisting(path string) (*Store, error) {
	exists, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, model.NewUserError("error.db.missing", nil, path)
	}
	return open(path, true, true)
}

// open opens the file. own is false for a restore's look at a file: else
// the Store holds the database's lock (shared: a restore waits for it to be
// closed) and sweeps what a killed backup or restore left beside it.
func open(path string, exists, own bool) (*Store, error) {
	if err := prepareFile(path, exists); err != nil {
		return nil, err
	}
	var lock *dbLock
	if own {
		var busy bool
		var err error
		lock, busy, err = holdDB(path)
		if busy {
			return nil, model.NewUserError("error.db.restoring", nil, path)
		}
		if err != nil && !errors.Is(err, os.ErrPermission) && !isReadOnlyFS(err) {
			return nil, model.NewUserError("error.db.open", err)
		}
		// A folder no one may write in: nothing can be restored there
		// either, so the database is opened without its lock.
		sweepTemp(path)
		if !exists {
			forgetHead(path) // a new database is no rollback of one that was there
		}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		lock.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, User: localUser(), Now: model.Now, lock: lock}
	if err := s.migrate(); err != nil {
		db.Close()
		lock.release()
		return nil, explainBusy(err)
	}
	if err := s.readCitizenTables(); err != nil {
		db.Close()
		lock.release()
		return nil, explainBusy(err)
	}
	if err := s.loadSyncActive(); err != nil {
		db.Close()
		lock.release()
		return nil, err
	}
	if me, err := s.Me(); err == nil {
		s.me.Store(&meChoice{user: s.User, initials: me})
	}
	if folder, err := s.setting(keyBackupFolder); err == nil && folder != "" {
		sweepStale(folder) // a backup killed half-way into the office's folder
	}
	return s, nil
}

// Close moves everything in the -wal into the database and empties it, so
// text removed from a record is gone from the files, then closes.
func (s *Store) Close() error {
	s.confirmClose()
	if s.lock != nil {
		keepHead(s.path, s.Now())
	}
	s.scrubWAL()
	err := s.db.Close()
	s.lock.release()
	s.lock = nil
	return err
}

// scrubWAL checkpoints the -wal into the database and truncates it: with
// secure_delete on, text edited out of a record then survives in neither.
// A reader in another process can keep it from finishing; the next
// checkpoint does it.
func (s *Store) scrubWAL() {
	s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

func localUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "ukendt"
}

// SchemaVersion is the newest migration this build knows.
func SchemaVersion() int { return len(migrationNames()) }

func migrationNames() []string {
	entries, _ := migrationFS.ReadDir("migrations")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func newerError(v int) error {
	return model.NewUserError("error.db.newer",
		nil, v, SchemaVersion())
}

// migrationHooks run in Go after a migration's SQL, in its transaction.
var migrationHooks = map[string]func(*sql.Tx) error{
	"0005_audit_chain.sql": sealExisting,
	"0009_case_life.sql":   allowOfficeCancelled,
}

// storeMigrationHooks are hooks that need the Store (its clock), keyed by
// the migration's name without its number.
var storeMigrationHooks = map[string]func(*Store, *sql.Tx) error{
	"office_sync.sql":    func(s *Store, tx *sql.Tx) error { return fillGids(tx, s.now()) },
	"exemption_sync.sql": func(s *Store, tx *sql.Tx) error { return fillGids(tx, s.now()) },
}

// now is the store's clock, or the system clock for a Store made bare (a
// schema built in memory to compare with).
func (s *Store) now() time.Time {
	if s.Now == nil {
		return model.Now()
	}
	return s.Now()
}

// migrate applies each pending migration together with its version bump in
// one transaction.
func (s *Store) migrate() error {
	names := migrationNames()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v == len(names) {
		return nil // up to date: no write lock taken
	}
	defer s.scrubWAL() // the new header (version, mark) reaches the main file
	for {
		done, err := s.migrateOne(names)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migrateOne(names []string) (bool, error) {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("begin migration: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if v > len(names) {
		return false, newerError(v)
	}
	if v == len(names) {
		return true, nil
	}
	script, err := migrationFS.ReadFile("migrations/" + names[v])
	if err != nil {
		return false, fmt.Errorf("read migration %s: %w", names[v], err)
	}
	if _, err := tx.Exec(string(script)); err != nil {
		return false, fmt.Errorf("migration %s: %w", names[v], err)
	}
	if hook := migrationHooks[names[v]]; hook != nil {
		if err := hook(tx); err != nil {
			return false, fmt.Errorf("migration %s: %w", names[v], err)
		}
	}
	if hook := storeMigrationHooks[strings.TrimLeft(names[v], "0123456789_")]; hook != nil {
		if err := hook(s, tx); err != nil {
			return false, fmt.Errorf("migration %s: %w", names[v], err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("bump schema version to %d: %w", v+1, err)
	}
	return false, tx.Commit()
}

// explainBusy turns SQLite's errors (in use, disk full, read-only, damaged)
// into messages for the caseworker.
func explainBusy(err error) error {
	if m, ok := model.DatabaseProblem(err); ok {
		return &model.UserError{Msg: m, Cause: err}
	}
	return err
}

// inTx runs fn in one immediate transaction: one user action, all or nothing.
// Whether the -wal is emptied afterwards is decided by what the transaction
// did (see textWatch), never by its label.
func (s *Store) inTx(what string, fn func(tx *sql.Tx) error) error {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return explainBusy(fmt.Errorf("%s: connect: %w", what, err))
	}
	defer conn.Close()
	w := &textWatch{tables: s.tables}
	if err := w.attach(conn); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer w.detach(conn)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return explainBusy(fmt.Errorf("%s: begin: %w", what, err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return explainBusy(err)
	}
	if s.office.Load() {
		// In an office: the changes go to the outbox in this same transaction.
		if err := s.recordOps(tx); err != nil {
			return explainBusy(fmt.Errorf("%s: outbox: %w", what, err))
		}
	}
	var anchored *anchoredHead
	if n := w.audited.Load(); n > 0 {
		// Anchored before the commit, under the write lock: the anchor's
		// lines follow the commits' order.
		if anchored, err = s.anchorWrite(tx, n); err != nil {
			return explainBusy(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return explainBusy(fmt.Errorf("%s: commit: %w", what, err))
	}
	if anchored != nil {
		s.committed.Store(anchored) // confirmed at Close (confirmClose)
	}
	if !auditOnly[what] {
		s.changes.mu.Lock()
		s.changes.record(s.gen.Add(1), w)
		s.changes.mu.Unlock()
	}
	if w.removed.Load() {
		// The -wal still holds the pages as they were before: checkpoint it
		// into the database (where secure_delete has zeroed the old text)
		// and empty it.
		conn.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	return nil
}

// Check runs SQLite's integrity and foreign-key checks, compares the schema
// with Jobspor's, and verifies the sealed audit trail, also against the
// anchor file — all in one snapshot of the database, so writers beside it
// cause no false alarm. It returns the problems found; none means the
// database is sound, and then the chain's head is recorded for the next
// check.
//
// The full check (SQLite's integrity_check) reads every page and checks
// that each index matches its table: 87 % of a check's time, growing a
// little faster than the database (n log n). It is for the caseworker's
// "jobspor check" and for a backup or restore to be trusted; QuickCheck is
// for routine use.
func (s *Store) Check() ([]model.Message, error) { return s.check(false) }

// QuickCheck is Check with SQLite's quick_check: every page and record is
// read and checked, but not whether each index matches its table — linear
// in the database's size, for a check in the window's background.
func (s *Store) QuickCheck() ([]model.Message, error) { return s.check(true) }

// checkCacheKiB is the page cache the full check reads through (SQLite's
// default is 2 MB): past it, a third of a full check's time at 10,000
// citizens went to reading pages again. The quick check keeps the usual
// cache: at 10,000 demo citizens it took the same CPU time (0.61-0.66 s
// against 0.68 s) and 46 MB instead of 157 MB, and in the window, which
// runs it after start, the larger cache's pages stayed resident all day.
const checkCacheKiB = 64 << 10

// largerCache gives q's connection checkCacheKiB of page cache; the
// function returned puts back what it had.
func largerCache(q interface {
	Exec(string, ...any) (sql.Result, error)
	QueryRow(string, ...any) *sql.Row
}) func() {
	var was int64
	if err := q.QueryRow(`PRAGMA cache_size`).Scan(&was); err != nil {
		return func() {}
	}
	if _, err := q.Exec(fmt.Sprintf(`PRAGMA cache_size = -%d`, checkCacheKiB)); err != nil {
		return func() {}
	}
	done := false
	return func() {
		if !done {
			done = true
			q.Exec(fmt.Sprintf(`PRAGMA cache_size = %d`, was))
			// the pages past the usual cache go back at once, not when
			// the connection closes (the window keeps it all day)
			q.Exec(`PRAGMA shrink_memory`)
		}
	}
}

func (s *Store) check(quick bool) ([]model.Message, error) {
	tx, err := s.db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, explainBusy(fmt.Errorf("check: %w", err))
	}
	defer tx.Rollback()
	restore := func() {}
	if !quick { // the window's quick check keeps the usual cache: its pages would stay with the window all day
		restore = largerCache(tx)
	}
	defer restore()
	problems, err := integrityProblems(tx, quick)
	if err != nil {
		return nil, err
	}
	fk, err := foreignKeyProblems(tx)
	if err != nil {
		return nil, err
	}
	restore()
	problems = append(problems, fk...)
	schema, err := s.schemaCheck(tx)
	if err != nil {
		return nil, err
	}
	problems = append(problems, schema...)
	head, problem, err := verifyAuditIn(tx)
	if err != nil {
		return nil, err
	}
	start, err := auditStart(tx)
	if err != nil {
		return nil, err
	}
	var later []anchorLine
	if problem == nil {
		problem, later, err = s.againstAnchor(tx, head, start)
		if err != nil {
			return nil, err
		}
	}
	tx.Rollback() // the snapshot ends: the commits made meanwhile are looked up
	if problem == nil {
		problem = s.checkLater(later, head)
	}
	problems = append(problems, msgs(problem)...)
	if len(problems) == 0 {
		err := s.recordAnchor("check", head, start)
		if err == nil {
			keepHead(s.path, s.Now())
		}
		return nil, err
	}
	return problems, nil
}

func msgs(m *model.Message) []model.Message {
	if m == nil {
		return nil
	}
	return []model.Message{*m}
}

// integrityProblems runs the full integrity check through a larger page
// cache (the Store's own connection: a restore's look at a file).
func (s *Store) integrityProblems() ([]model.Message, error) {
	defer largerCache(s.db)()
	return integrityProblems(s.db, false)
}

func integrityProblems(q auditQ, quick bool) ([]model.Message, error) {
	var problems []model.Message
	pragma := "PRAGMA integrity_check"
	if quick {
		pragma = "PRAGMA quick_check"
	}
	rows, err := q.Query(pragma)
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, model.Message{Key: "check.integrity", Args: []any{line}})
		}
	}
	return problems, rows.Err()
}

func foreignKeyProblems(q auditQ) ([]model.Message, error) {
	rows, err := q.Query("PRAGMA foreign_key_check")
	if err != nil {
		return nil, fmt.Errorf("foreign key check: %w", err)
	}
	defer rows.Close()
	var problems []model.Message
	for rows.Next() {
		var table, parent string
		var rowid, fkid sql.NullInt64
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, fmt.Errorf("foreign key check: %w", err)
		}
		problems = append(problems, model.Message{Key: "check.foreignkey", Args: []any{table, rowid.Int64, parent}})
	}
	return problems, rows.Err()
}
