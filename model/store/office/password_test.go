package office

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office/pgtest"
	"jobspor/model/testutil"
)

// passwordOffice starts a server that checks passwords (the administrator
// trusted on its socket for the setup, every caseworker by SCRAM), makes
// the office there with LE as lead, and adds AB for laptop ab. It returns
// the server's address without user or password and AB's password.
func passwordOffice(t *testing.T, port int, ab *Service) (address, password string) {
	t.Helper()
	c, err := pgtest.StartPasswords(port)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, c.DSN("postgres", "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `CREATE DATABASE jobspor`); err != nil {
		t.Fatal(err)
	}
	admin.Close(ctx)
	setup := c.DSN("postgres", "jobspor")
	lead := service(t, "LE")
	if _, err := lead.Init(setup, "LE", "Lene Eriksen"); err != nil {
		t.Fatal(err)
	}
	rec, err := ab.Recipient()
	if err != nil {
		t.Fatal(err)
	}
	if password, err = lead.AddCaseworker(setup, "AB", "Anna Berg", false, rec); err != nil {
		t.Fatal(err)
	}
	// the lead's own login has a password of its own, kept on her laptop:
	// she joins with it, the server checking it
	if _, err := lead.Join(model.ServerAddress(setup), "LE"); err != nil {
		t.Fatalf("the lead joins with the password Init kept for her: %v", err)
	}
	return model.ServerAddress(setup), password
}

// holds says whether the laptop's database (file and -wal) holds secret.
func holds(t *testing.T, path, secret string) bool {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) {
			return true
		}
	}
	return false
}

// restoredHolds makes a backup of the laptop's database, restores it and
// says whether the restored copy holds secret.
func restoredHolds(t *testing.T, s *store.Store, secret string) bool {
	t.Helper()
	if err := s.SetBackupPassphrase("hemmelig sætning til backup"); err != nil {
		t.Fatal(err)
	}
	info, err := s.Backup(t.TempDir(), 3)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "restored.db")
	if _, err := store.Restore(info.Path, out, "hemmelig sætning til backup"); err != nil {
		t.Fatal(err)
	}
	return holds(t, out, secret)
}

// A caseworker joins with the password her lead gave her: the office lets
// her in, the password is kept protected beside her identity (a file only
// she can read), and neither the laptop's database nor a backup of it nor
// the status holds it; the next sync logs in with the kept password. A
// wrong password is refused in Danish, not as an office out of reach.
func TestTheOfficePasswordIsKeptOutOfTheDatabase(t *testing.T) {
	ab := service(t, "AB")
	if err := ab.Store.CreateCitizen(testutil.Citizen(func(c *model.Citizen) { c.Name = "Borger Før" })); err != nil {
		t.Fatal(err)
	}
	address, password := passwordOffice(t, 55478, ab)
	ctx := context.Background()

	_, err := ab.JoinAs(ctx, address, "AB", password+"x", nil)
	var ue *model.UserError
	if !errors.As(err, &ue) || ue.Msg.Key != "office.login.wrong" || IsUnreachable(err) {
		t.Fatalf("a wrong password gives %v, want office.login.wrong", err)
	}
	if err := model.SetTexts(assets.DanishTexts); err != nil {
		t.Fatal(err)
	}
	if text := ue.Msg.Text(); !strings.Contains(text, "afviste adgangskoden for AB") || strings.Contains(text, "SQLSTATE") {
		t.Fatalf("a wrong password says %q", text)
	}
	if st, _ := ab.Status(); st.Configured {
		t.Fatal("after a refused password the laptop counts itself in the office")
	}
	if _, err := ab.JoinAs(ctx, address, "AB", "", nil); err == nil {
		t.Fatal("joined without a password")
	}

	st, err := ab.JoinAs(ctx, address, "AB", password, nil)
	if err != nil {
		t.Fatalf("join with the lead's password: %v", err)
	}
	if strings.Contains(st.Server, password) || st.Server != address {
		t.Fatalf("the status shows the server as %q", st.Server)
	}
	ss, _ := ab.Store.SyncState()
	if ss.Server != address {
		t.Fatalf("the database keeps the server as %q, want %q", ss.Server, address)
	}
	ab.Store.Close()
	reopened, err := store.Open(ab.Store.Path())
	if err != nil {
		t.Fatal(err)
	}
	ab.Store = reopened
	if holds(t, reopened.Path(), password) {
		t.Fatal("the laptop's database holds the office password")
	}
	if restoredHolds(t, reopened, password) {
		t.Fatal("a backup of the laptop's database holds the office password")
	}
	kept := ab.passwordPath(address, "AB")
	b, err := os.ReadFile(kept)
	if err != nil {
		t.Fatalf("the password is not kept beside the identity: %v", err)
	}
	if fi, _ := os.Stat(kept); runtime.GOOS != "windows" && (fi.Mode().Perm() != 0o600 || string(b) != password) {
		t.Fatalf("the kept password: mode %v, %d bytes", fi.Mode().Perm(), len(b))
	}
	if filepath.Dir(kept) != filepath.Dir(ab.IdentityPath) {
		t.Fatalf("the password is kept in %s, the identity in %s", kept, ab.IdentityPath)
	}
	if other := ab.passwordPath(address+" connect_timeout=3", "AB"); other == kept {
		t.Fatal("two offices share one kept password")
	}
	if st, err := ab.Sync(); err != nil || !st.Reachable {
		t.Fatalf("a sync with the kept password: %+v %v", st, err)
	}
	if err := ab.SavePassword(address, "AB", "forkert"); err != nil {
		t.Fatal(err)
	}
	if _, err := ab.Sync(); !errors.As(err, &ue) || ue.Msg.Key != "office.login.wrong" {
		t.Fatalf("a sync with a password the office no longer takes: %v", err)
	}
}

// A laptop joined by an earlier Jobspor kept the whole address, password
// and all, in its database: the next status or sync moves the password to
// its protected file, keeps the address without it (file and -wal hold it
// no more) and syncs with the moved password.
func TestAnOldAddressHoldingThePasswordIsMovedOut(t *testing.T) {
	ab := service(t, "AB")
	address, password := passwordOffice(t, 55479, ab)
	if _, err := ab.JoinAs(context.Background(), address, "AB", password, nil); err != nil {
		t.Fatal(err)
	}
	// as the earlier version left it: the password in the stored address, none kept apart
	old := model.ServerLogin(address, "jobspor_ab", password)
	if err := ab.Store.SetOfficeServer(old); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(ab.passwordPath(address, "AB")); err != nil {
		t.Fatal(err)
	}
	if !holds(t, ab.Store.Path(), password) {
		t.Fatal("the earlier version's database does not hold the password: the test sees nothing")
	}
	st, err := ab.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Server != address {
		t.Fatalf("after the move the status shows %q", st.Server)
	}
	if ss, _ := ab.Store.SyncState(); ss.Server != address {
		t.Fatalf("after the move the database keeps %q", ss.Server)
	}
	if holds(t, ab.Store.Path(), password) {
		t.Fatal("after the move the database file or its -wal still holds the password")
	}
	if got, err := ab.password(address, "AB"); err != nil || got != password {
		t.Fatalf("the moved password: %q %v", got, err)
	}
	if st, err := ab.Sync(); err != nil || !st.Reachable {
		t.Fatalf("a sync after the move: %+v %v", st, err)
	}
}
