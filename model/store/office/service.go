package office

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"jobspor/model"
	"jobspor/model/store"
)

// Service is the office as the command line sees it: one laptop's store
// and the office it belongs to.
type Service struct {
	Store *store.Store
	// IdentityPath is the caseworker's age identity (readable by the user only).
	IdentityPath string
	// ConnectTimeout bounds a connection attempt: an unreachable office is normal.
	ConnectTimeout time.Duration
	// ApplyBatch is how many records one local transaction of a pull
	// applies (0: store.ApplyBatchSize; tests make it small).
	ApplyBatch int
	// Log, if set, gets a line at each step of a sync (start, the pull
	// fetched, each local transaction applied, end): how a benchmark sees
	// when a pull ran. New sets it when $JOBSPOR_OFFICE_LOG is set.
	Log *log.Logger
	// rules compute the caseworker's figures reported at each sync (UseRules).
	rules rulesHolder
}

// Open opens the laptop's database for office commands.
func Open(dbPath string) (*Service, error) {
	s, err := store.OpenExisting(dbPath)
	if err != nil {
		return nil, err
	}
	return New(s), nil
}

// New is the office over a store already open (the window's own).
func New(s *store.Store) *Service {
	v := &Service{Store: s, IdentityPath: DefaultIdentityPath(), ConnectTimeout: 5 * time.Second}
	if os.Getenv("JOBSPOR_OFFICE_LOG") != "" {
		v.Log = log.New(os.Stderr, "", log.Ltime|log.Lmicroseconds)
	}
	return v
}

// logf writes a line to Log, if set.
func (v *Service) logf(format string, args ...any) {
	if v.Log != nil {
		v.Log.Printf("office: "+format, args...)
	}
}

// Close closes the database.
func (v *Service) Close() error { return v.Store.Close() }

// DefaultIdentityPath is where the caseworker's age identity lives:
// $JOBSPOR_OFFICE_IDENTITY, else the user's config folder.
func DefaultIdentityPath() string {
	if p := os.Getenv("JOBSPOR_OFFICE_IDENTITY"); p != "" {
		return p
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "jobspor", "office-identity.txt")
}

// connect logs in to server; as a caseworker's role when initials is set,
// with the password written in server, else the one kept for this office
// and caseworker (SavePassword), else PGPASSWORD or ~/.pgpass. A password
// the server refuses is said as such, not as an office out of reach.
func (v *Service) connect(ctx context.Context, server, initials string) (*pgx.Conn, error) {
	conn := server
	if initials != "" {
		conn = withUser(server, RoleName(initials))
	}
	cfg, err := pgx.ParseConfig(conn)
	if err != nil {
		return nil, model.NewUserError("office.server.bad", err, model.ServerAddress(server))
	}
	if initials != "" && model.ServerPassword(server) == "" {
		kept, err := v.password(model.ServerAddress(server), initials)
		if err != nil {
			return nil, err
		}
		if kept != "" {
			cfg.Password = kept
		}
	}
	if v.ConnectTimeout > 0 {
		cfg.ConnectTimeout = v.ConnectTimeout
	}
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, loginError(err, server, initials, cfg.User)
	}
	return c, nil
}

// loginError: a login the server refused (wrong password, no such role, not
// let in by pg_hba.conf) is the caseworker's to fix, said in Danish; any
// other failed connection is an office out of reach.
func loginError(err error, server, initials, user string) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "28P01" || pe.Code == "28000") {
		if initials != "" {
			return model.NewUserError("office.login.wrong", err, strings.ToUpper(initials), model.ServerAddress(server))
		}
		return model.NewUserError("office.admin.wrong", err, user, model.ServerAddress(server))
	}
	return unreachable{err}
}

// withUser sets the user of a URL or key=value connection string.
func withUser(server, role string) string {
	return model.ServerLogin(server, role, "")
}

// unreachable is a connection that did not come about: normal for a laptop.
type unreachable struct{ err error }

func (u unreachable) Error() string { return "office unreachable: " + u.err.Error() }
func (u unreachable) Unwrap() error { return u.err }

// Is makes an unreachable office model.ErrOfficeUnreachable to the window.
func (u unreachable) Is(target error) bool { return target == model.ErrOfficeUnreachable }

// IsUnreachable says whether err means the office could not be reached.
func IsUnreachable(err error) bool {
	var u unreachable
	if errors.As(err, &u) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return false
	}
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || pgconn.SafeToRetry(err) || errors.Is(err, context.DeadlineExceeded)
}

// Init makes the office on server (as its administrator): roles, schema,
// the office key, and the lead (initials, name), whose identity the key is
// wrapped to. It returns the lead's age recipient.
func (v *Service) Init(server, initials, name string) (string, error) {
	ctx := context.Background()
	id, err := LoadOrMakeIdentity(v.IdentityPath)
	if err != nil {
		return "", err
	}
	admin, err := v.connect(ctx, server, "")
	if err != nil {
		return "", err
	}
	defer admin.Close(ctx)
	if _, err := Init(ctx, admin); err != nil {
		return "", err
	}
	var leads int
	if err := admin.QueryRow(ctx, `SELECT count(*) FROM jobspor.staff WHERE wrapped_key IS NOT NULL`).Scan(&leads); err != nil {
		return "", err
	}
	if leads > 0 {
		return "", model.NewUserError("office.init.done", nil)
	}
	key, err := NewKey()
	if err != nil {
		return "", err
	}
	wrapped, err := key.Wrap(id.Recipient().String())
	if err != nil {
		return "", err
	}
	// The lead's own login gets a password of its own, kept on this laptop
	// (protected, like a colleague's): she joins with it, never with the
	// administrator's.
	password, err := newPassword()
	if err != nil {
		return "", err
	}
	if err := v.SavePassword(server, initials, password); err != nil {
		return "", err
	}
	cw := Caseworker{Initials: initials, Name: name, Lead: true, Password: password, Recipient: id.Recipient().String(),
		WrappedKey: wrapped}
	if err := AddCaseworker(ctx, admin, cw); err != nil {
		return "", err
	}
	_, err = admin.Exec(ctx, `INSERT INTO jobspor.audit (actor, action, detail) VALUES ($1, 'office init', $2)`,
		strings.ToUpper(initials), "schema "+fmt.Sprint(SchemaVersion()))
	return id.Recipient().String(), err
}

// AddCaseworker adds a caseworker to the roster (as the administrator,
// from the lead's laptop): a login role with a new password, and the
// office key wrapped to the caseworker's age recipient when given. It
// returns the password, to hand over once.
func (v *Service) AddCaseworker(server, initials, name string, lead bool, recipient string) (string, error) {
	ctx := context.Background()
	var wrapped []byte
	if recipient != "" {
		key, err := v.officeKeyAsAdmin(ctx, server)
		if err != nil {
			return "", err
		}
		if wrapped, err = key.Wrap(recipient); err != nil {
			return "", model.NewUserError("office.recipient.bad", err, recipient)
		}
	}
	admin, err := v.connect(ctx, server, "")
	if err != nil {
		return "", err
	}
	defer admin.Close(ctx)
	password, err := newPassword()
	if err != nil {
		return "", err
	}
	err = AddCaseworker(ctx, admin, Caseworker{Initials: initials, Name: name, Lead: lead, Password: password,
		Recipient: recipient, WrappedKey: wrapped})
	return password, err
}

// newPassword is a fresh login password (144 random bits).
func newPassword() (string, error) {
	pw := make([]byte, 18)
	if _, err := rand.Read(pw); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(pw), nil
}

// officeKeyAsAdmin unwraps the office key with this laptop's identity from
// the roster row wrapped to it.
func (v *Service) officeKeyAsAdmin(ctx context.Context, server string) (Key, error) {
	id, err := LoadOrMakeIdentity(v.IdentityPath)
	if err != nil {
		return Key{}, err
	}
	admin, err := v.connect(ctx, server, "")
	if err != nil {
		return Key{}, err
	}
	defer admin.Close(ctx)
	var wrapped []byte
	err = admin.QueryRow(ctx, `SELECT wrapped_key FROM jobspor.staff WHERE age_recipient = $1`, id.Recipient().String()).Scan(&wrapped)
	if err != nil {
		return Key{}, model.NewUserError("office.key.missing", err)
	}
	return Unwrap(wrapped, id)
}

// officeKey unwraps the office key from the caseworker's own roster row.
func officeKey(ctx context.Context, conn *pgx.Conn, id *age.X25519Identity) (Key, error) {
	var wrapped []byte
	err := conn.QueryRow(ctx, `SELECT wrapped_key FROM jobspor.staff WHERE initials = jobspor.me()`).Scan(&wrapped)
	if err != nil || wrapped == nil {
		return Key{}, model.NewUserError("office.key.missing", err)
	}
	return Unwrap(wrapped, id)
}

// Recipient is this laptop's age recipient (made on first use), for the
// lead's add-caseworker.
func (v *Service) Recipient() (string, error) {
	id, err := LoadOrMakeIdentity(v.IdentityPath)
	if err != nil {
		return "", err
	}
	return id.Recipient().String(), nil
}

// Join makes this laptop part of the office on server as initials: from
// now on every change goes to the outbox; then the laptop's history is
// sent in bulk and the office's cases pulled.
func (v *Service) Join(server, initials string) (model.OfficeStatus, error) {
	return v.JoinWith(context.Background(), server, initials, nil)
}

// JoinSteps is how many steps a join reports to its progress callback
// before the first pull's tables (connect, key, join here, history, push),
// and after them (the end). The local apply of the first pull counts as
// many steps as the tables fetched: the bar moves through both halves.
const joinSteps = 6

// JoinWith is Join that ctx can cancel and that reports its progress (done
// of total steps; may be nil). A join failed before its first pull was
// applied leaves the laptop as it was: not in an office. A join cancelled
// (ctx) stops at the apply's next transaction and leaves the office too:
// the colleagues' cases that had arrived are removed again, the laptop's
// own citizens are as they were; what the office's shared lists (job
// list, prospects, settings) had brought stays, and the error then says
// so (model.ErrJoinCancelledKept).
func (v *Service) JoinWith(ctx context.Context, server, initials string, progress func(done, total int)) (model.OfficeStatus, error) {
	return v.JoinAs(ctx, server, initials, "", progress)
}

// JoinAs is JoinWith logging in with password (typed in Kontor, read from
// a file by the command line; "" for the one written in server or kept on
// this laptop). Once the office has let the caseworker in, the password is
// kept protected by the OS (SavePassword); the database keeps the address
// without user and password.
func (v *Service) JoinAs(ctx context.Context, server, initials, password string, progress func(done, total int)) (model.OfficeStatus, error) {
	if password != "" {
		server = model.ServerLogin(server, "", password)
	}
	fetch := len(store.SyncTables)
	total := joinSteps + 2*fetch
	step := func(n int) {
		if progress != nil {
			progress(n, total)
		}
	}
	id, err := LoadOrMakeIdentity(v.IdentityPath)
	if err != nil {
		return model.OfficeStatus{}, err
	}
	conn, err := v.connect(ctx, server, initials)
	if err != nil {
		return model.OfficeStatus{}, err
	}
	defer conn.Close(context.Background())
	step(1)
	if err := checkVersion(ctx, conn); err != nil {
		return model.OfficeStatus{}, err
	}
	key, err := officeKey(ctx, conn, id)
	if err != nil {
		return model.OfficeStatus{}, err
	}
	step(2)
	if pw := model.ServerPassword(server); pw != "" {
		if err := v.SavePassword(server, initials, pw); err != nil {
			return model.OfficeStatus{}, err
		}
	}
	if err := v.Store.JoinOffice(model.ServerAddress(server), initials, v.Store.NewGid()); err != nil {
		return model.OfficeStatus{}, err
	}
	step(3)
	own := 0 // the laptop's own citizens, at the office once its history is sent
	if w, err := v.Store.PullWant(); err == nil {
		own = len(w.Local)
	}
	sent, applying := false, false
	cl := &Client{Store: v.Store, Conn: conn, Key: key, Rules: v.rules.p.Load(), ApplyBatch: v.ApplyBatch,
		Progress: func(n int) { step(joinSteps - 1 + n) },
		Applied: func(done, of int) {
			applying = true
			step(joinSteps - 1 + fetch + done*fetch/max(of, 1))
		}}
	history := func(n int) {
		sent = sent || n == 4 // step 4: the history is at the office
		step(n)
	}
	if err := v.firstSync(ctx, cl, history); err != nil {
		return model.OfficeStatus{}, v.joinFailed(ctx, err, applying, sent && own > 0)
	}
	step(total)
	st, err := v.Store.OfficeStatus()
	st.Join = cl.Joined
	return st, err
}

// joinFailed leaves the office after a first sync that failed or was
// cancelled, unless the first pull had been applied in part and the
// caseworker did not cancel: then the laptop stays joined and the next
// sync finishes the pull (no colleague's half case on a laptop in no office).
// A cancelled join whose history had reached the office says so
// (model.ErrJoinCancelledSent): the office keeps the laptop's own
// citizens, under its caseworker's initials.
func (v *Service) joinFailed(ctx context.Context, err error, applying, sent bool) error {
	st, _ := v.Store.SyncState()
	if st.LastSync != "" {
		return err
	}
	cancelled := ctx.Err() != nil
	if !cancelled && errors.Is(err, store.ErrPullUnfinished) {
		return err
	}
	if aerr := v.Store.AbandonJoin(); aerr != nil {
		return errors.Join(err, aerr)
	}
	if cancelled && sent {
		err = errors.Join(model.ErrJoinCancelledSent, err)
	}
	if cancelled && (applying || errors.Is(err, store.ErrPullUnfinished)) {
		return errors.Join(model.ErrJoinCancelledKept, err)
	}
	return err
}

// firstSync sends the laptop's history, pushes and makes the first pull.
func (v *Service) firstSync(ctx context.Context, cl *Client, step func(int)) error {
	if err := cl.SendHistory(ctx); err != nil {
		return err
	}
	step(4)
	if err := checkVersion(ctx, cl.Conn); err != nil {
		return err
	}
	if _, err := cl.Push(ctx); err != nil {
		return err
	}
	step(5)
	return cl.Pull(ctx)
}

// Sync pushes and pulls. An unreachable office is not an error: the status
// says so and the changes wait.
func (v *Service) Sync() (model.OfficeStatus, error) {
	st, _, err := v.SyncWith(context.Background())
	return st, err
}

// SyncWith is Sync that ctx can cancel; changed says whether the pull
// brought anything from the office (the window then reads its lists again).
func (v *Service) SyncWith(ctx context.Context) (status model.OfficeStatus, changed bool, err error) {
	st, err := v.syncState()
	if err != nil {
		return model.OfficeStatus{}, false, err
	}
	if !st.Active {
		return model.OfficeStatus{}, false, model.NewUserError("office.none", nil)
	}
	office := v.officeMark()
	held, err := v.Store.PullWant() // the cases held before: a pull that only takes cases away or brings them whole moves no since
	if err != nil {
		return model.OfficeStatus{}, false, err
	}
	v.logf("sync started")
	err = v.withClient(ctx, st, func(cl *Client) error { return cl.Sync(ctx) })
	v.logf("sync ended (error: %v)", err)
	if err != nil && IsUnreachable(err) {
		v.Store.FailedSync(err.Error())
		status, err = v.Store.OfficeStatus()
		return status, false, err
	}
	if err != nil {
		return model.OfficeStatus{}, false, err
	}
	after, err := v.Store.SyncState()
	if err != nil {
		return model.OfficeStatus{}, false, err
	}
	now, err := v.Store.PullWant()
	if err != nil {
		return model.OfficeStatus{}, false, err
	}
	status, err = v.Store.OfficeStatus()
	return status, after.Since != st.Since || v.officeMark() != office || !sameCases(held.Local, now.Local), err
}

// sameCases: the laptop holds the same cases as before.
func sameCases(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for g := range a {
		if !b[g] {
			return false
		}
	}
	return true
}

// Roster is the office's caseworkers with each one's last sync, as this
// laptop's caseworker sees them (the lead's Kontor shows it).
func (v *Service) Roster(ctx context.Context) ([]model.StaffMember, error) {
	st, err := v.syncState()
	if err != nil {
		return nil, err
	}
	if !st.Active {
		return nil, model.NewUserError("office.none", nil)
	}
	conn, err := v.connect(ctx, st.Server, st.Initials)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.Background())
	return readRoster(ctx, conn)
}

func readRoster(ctx context.Context, conn *pgx.Conn) ([]model.StaffMember, error) {
	rows, err := conn.Query(ctx, `SELECT initials, name, is_lead, wrapped_key IS NOT NULL, last_sync,
		company_contact FROM jobspor.staff ORDER BY initials`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.StaffMember
	for rows.Next() {
		var m model.StaffMember
		var last *time.Time
		if err := rows.Scan(&m.Initials, &m.Name, &m.Lead, &m.HasKey, &last, &m.CompanyContact); err != nil {
			return nil, err
		}
		if last != nil {
			m.LastSync = *last
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (v *Service) withClient(ctx context.Context, st store.SyncState, fn func(*Client) error) error {
	id, err := LoadOrMakeIdentity(v.IdentityPath)
	if err != nil {
		return err
	}
	conn, err := v.connect(ctx, st.Server, st.Initials)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if err := checkVersion(ctx, conn); err != nil {
		return err
	}
	key, err := officeKey(ctx, conn, id)
	if err != nil {
		return err
	}
	if !st.HistorySent {
		cl := &Client{Store: v.Store, Conn: conn, Key: key, Rules: v.rules.p.Load()}
		if err := cl.SendHistory(ctx); err != nil {
			return err
		}
	}
	cl := &Client{Store: v.Store, Conn: conn, Key: key, Rules: v.rules.p.Load(), ApplyBatch: v.ApplyBatch}
	if v.Log != nil {
		cl.Fault = func(point string) error {
			if point == FaultBeforeApply {
				v.logf("pull fetched, applying")
			}
			return nil
		}
		cl.Applied = func(done, total int) { v.logf("pull applied %d of %d", done, total) }
	}
	return fn(cl)
}

// Status reads the laptop's office state (no connection needed).
func (v *Service) Status() (model.OfficeStatus, error) {
	if _, err := v.syncState(); err != nil {
		return model.OfficeStatus{}, err
	}
	return v.Store.OfficeStatus()
}

// Joined says whether this laptop is in an office (configured in its
// sync state), without counting what Status counts.
func (v *Service) Joined() (bool, error) { return v.Store.OfficeJoined() }

// Move hands citizens to a colleague (owner or lead), then syncs.
func (v *Service) Move(ids []int64, to string) error {
	return v.onServer(ids, func(ctx context.Context, cl *Client, gid string) error {
		_, err := cl.Conn.Exec(ctx, `SELECT jobspor.move_case($1, $2)`, gid, strings.ToUpper(to))
		return err
	})
}

// Cover grants a colleague cover of citizens until a day, with a reason (lead only).
func (v *Service) Cover(ids []int64, to string, until time.Time, reason string) error {
	return v.onServer(ids, func(ctx context.Context, cl *Client, gid string) error {
		_, err := cl.Conn.Exec(ctx, `SELECT jobspor.grant_cover($1, $2, $3, $4)`, gid, strings.ToUpper(to),
			until.Format(model.DateLayout), reason)
		return err
	})
}

func (v *Service) onServer(ids []int64, fn func(context.Context, *Client, string) error) error {
	ctx := context.Background()
	st, err := v.syncState()
	if err != nil {
		return err
	}
	if !st.Active {
		return model.NewUserError("office.none", nil)
	}
	return v.withClient(ctx, st, func(cl *Client) error {
		if _, err := cl.Push(ctx); err != nil { // the office must know the cases first
			return err
		}
		for _, id := range ids {
			gid, err := v.Store.CitizenGid(id)
			if err != nil {
				return err
			}
			if err := fn(ctx, cl, gid); err != nil {
				var pe *pgconn.PgError
				if errors.As(err, &pe) {
					return model.NewUserError("office.refused", err, id, pe.Message)
				}
				return err
			}
		}
		return cl.Pull(ctx)
	})
}

// OfficeKind is the laptop's kind of office (the office's own once
// joined): an a-kasse calls its citizens members.
func (v *Service) OfficeKind() (model.OfficeKind, error) { return v.Store.OfficeKind() }

// Conflicts lists the open conflicts, refusals and notices this laptop's
// caseworker is asked about (a colleague's own conflicts on a shared case
// are hers to settle), with the citizen's name when the case is here.
func (v *Service) Conflicts() ([]model.OfficeConflict, error) {
	st, err := v.Store.SyncState()
	if err != nil {
		return nil, err
	}
	cs, err := v.Store.Conflicts()
	if err != nil {
		return nil, err
	}
	out := make([]model.OfficeConflict, 0, len(cs))
	for _, c := range cs {
		if !store.LocalNotice(c.OpID) && c.Author != "" && c.Author != st.Initials {
			continue
		}
		out = append(out, officeConflict(c))
	}
	return out, nil
}

// officeConflict is a conflict as the window shows it (with its members,
// when it is one question for a whole case).
func officeConflict(c store.Conflict) model.OfficeConflict {
	o := model.OfficeConflict{ID: c.OpID, Table: c.Table, Field: c.Field, Outcome: c.Outcome,
		Mine: c.Mine, Theirs: c.Theirs, Author: c.Author, CitizenID: c.CitizenID, CitizenName: c.CitizenName,
		CitizenCPR: c.CitizenCPR.Masked(), Kind: model.KindOfConflict(c.OpID, c.Outcome), MineAt: c.MineAt, TheirsBy: c.TheirsBy, TheirsAt: c.TheirsAt,
		HandedAt: c.HandedAt}
	for _, m := range c.Members {
		o.Members = append(o.Members, officeConflict(m))
	}
	return o
}

// Settle stores a person's choice for one conflict on this laptop, in one
// transaction, audited: "theirs" (keep the office's value), "mine" (write
// mine again, as a new edit), "edited" (write value, as a new edit),
// "dismissed" (a refusal seen) or "seen" (a notice seen). It needs no
// connection: the choice and the edit reach the office with the next sync.
func (v *Service) Settle(id, how, value string) error {
	switch how {
	case "theirs", "mine", "edited", "dismissed", "seen":
	default:
		return model.NewUserError("office.conflict.how", nil, how)
	}
	return v.Store.SettleConflict(id, how, value)
}

// Resolve stores a person's choice for a conflict (the command line's
// theirs, mine or dismissed), then tells the office at once when it can
// be reached; else the next sync does.
func (v *Service) Resolve(id, how string) error {
	switch how {
	case "theirs", "mine", "dismissed":
	default:
		return model.NewUserError("office.conflict.how", nil, how)
	}
	if err := v.Store.SettleConflict(id, how, ""); err != nil {
		return err
	}
	if store.LocalNotice(id) && !strings.HasPrefix(id, store.CaseRefusedPrefix) {
		return nil // a notice of this laptop's own: nothing at the office to close
	}
	ctx := context.Background()
	st, err := v.syncState()
	if err != nil || !st.Active {
		return err
	}
	err = v.withClient(ctx, st, func(cl *Client) error { return cl.pushResolutions(ctx) })
	if err != nil && IsUnreachable(err) {
		return nil // resolved here; the next sync carries it to the office
	}
	return err
}
