package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"jobspor/model"
)

func TestOpenMigratesEmptyDatabaseWithSafeSettings(t *testing.T) {
	s := newTestStore(t)
	want := map[string]int{"user_version": SchemaVersion(), "foreign_keys": 1, "secure_delete": 1, "synchronous": 2}
	for name, v := range want {
		if got, err := s.pragma(name); err != nil || got != v {
			t.Errorf("PRAGMA %s = %d (%v), want %d", name, got, err, v)
		}
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jobspor.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Name = "Åse Ærø Sørensen" })
	if err := s.SaveProgress(&model.Progress{CitizenID: c.ID, ActionID: "opening.goals.1", Done: true, DoneOn: c.FirstContact, Note: "Lager og køkken"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	got, err := s2.Citizen(c.ID)
	if err != nil || got.Name != "Åse Ærø Sørensen" {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
	p, _ := s2.ProgressFor(c.ID)
	if !p["opening.goals.1"].Done || p["opening.goals.1"].Note != "Lager og køkken" {
		t.Fatalf("progress after reopen: %+v", p)
	}
}

func TestNewerDatabaseIsRefusedAndLeftUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jobspor.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(path)
	var u *model.UserError
	if !errors.As(err, &u) || u.Msg.Key != "error.db.newer" {
		t.Fatalf("Open of a newer database: %v, want error.db.newer", err)
	}
	if !strings.Contains(u.Msg.Text(), "nyere version") {
		t.Errorf("message is not clear Danish: %q", u.Msg.Text())
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("refusing a newer database changed the file")
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("refusing a newer database created a -wal file")
	}
}

func TestFileThatIsNotADatabaseIsRefusedAndLeftUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "borgere.csv")
	content := []byte("navn;cpr\nSøren;010190-1234\n")
	os.WriteFile(path, content, 0o600)
	_, err := Open(path)
	var u *model.UserError
	if !errors.As(err, &u) || u.Msg.Key != "error.db.notdb" {
		t.Fatalf("Open of a CSV file: %v, want error.db.notdb", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, content) {
		t.Fatal("the file was changed")
	}
}

func TestForeignKeysAreEnforced(t *testing.T) {
	s := newTestStore(t)
	err := s.SaveProgress(&model.Progress{CitizenID: 4242, ActionID: "opening.goals.1"})
	if !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("progress for a missing citizen: %v, want ErrNotFound", err)
	}
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestInvalidCitizenIsRefusedWithEveryProblemAndNothingWritten(t *testing.T) {
	s := newTestStore(t)
	c := &model.Citizen{Name: "  ", CPR: "310490-1234", Email: "ikke en adresse", Phone: "ring mig",
		Notes: strings.Repeat("x", 10000)}
	err := s.CreateCitizen(c)
	var v *model.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("CreateCitizen: %v, want a ValidationError", err)
	}
	for _, field := range []string{"name", "cpr", "email", "phone", "notes", "benefit", "education", "status", "first_contact"} {
		if _, ok := v.Problem(field); !ok {
			t.Errorf("no problem reported for %s (got %v)", field, v)
		}
	}
	if m, _ := v.Problem("notes"); !strings.Contains(m.Text(), "5000") {
		t.Errorf("notes message does not state the limit: %q", m.Text())
	}
	if n := countRows(t, s, "citizens") + countRows(t, s, "audit"); n != 0 {
		t.Fatalf("%d rows written for an invalid citizen", n)
	}
}

func TestDuplicateCPRIsAFieldProblem(t *testing.T) {
	s := newTestStore(t)
	makeCitizen(t, s, func(c *model.Citizen) { c.CPR = "120385-4321" })
	c := validCitizen()
	c.CPR = "1203854321"
	err := s.CreateCitizen(c)
	var v *model.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("duplicate CPR: %v", err)
	}
	if _, ok := v.Problem("cpr"); !ok {
		t.Fatalf("duplicate CPR not reported on the cpr field: %v", v)
	}
}

func TestAuditTrailRecordsEveryViewAndChangeAndIsAppendOnly(t *testing.T) {
	s := newTestStore(t)
	c := makeCitizen(t, s)
	if _, err := s.ViewCitizen(c.ID); err != nil {
		t.Fatal(err)
	}
	c.Phone = "+45 20 30 40 50"
	if err := s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	s.SaveProgress(&model.Progress{CitizenID: c.ID, ActionID: "opening.cv.1", Done: true, DoneOn: c.FirstContact})
	entries, _ := s.AuditFor(c.ID)
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action+":"+e.Detail)
		if e.User == "" || e.At.IsZero() {
			t.Errorf("audit entry without user or time: %+v", e)
		}
	}
	want := "create:,view:,update:phone,progress:opening.cv.1"
	if got := strings.Join(actions, ","); got != want {
		t.Fatalf("audit = %s, want %s", got, want)
	}
	for _, stmt := range []string{"UPDATE audit SET user_name = 'x'", "DELETE FROM audit"} {
		if _, err := s.db.Exec(stmt); err == nil {
			t.Errorf("%s succeeded on the audit trail", stmt)
		}
	}
}

// TestAPrintOfManyIsOneRowNamingEach: a batch of handouts for many citizens
// is audited as one sealed row naming them all by ID (a thousand rows per
// batch cost more than the batch's pages), and each citizen's own audit
// (the right-of-access export) still shows that print; a citizen left out
// does not get it, a print for one citizen stays that citizen's own row,
// a citizen named twice counts once, and the chain still checks.
func TestAPrintOfManyIsOneRowNamingEach(t *testing.T) {
	s := newTestStore(t)
	var ids []int64
	for i := 0; i < 5; i++ {
		ids = append(ids, makeCitizen(t, s).ID)
	}
	printed := []int64{ids[3], ids[0], ids[1], ids[4], ids[0]} // not ids[2]; in the batch's order, one twice
	must(t, s.LogAuditMany(model.AuditPrint, printed, "ydelse"))
	must(t, s.LogAuditMany(model.AuditPrint, []int64{ids[2], ids[2]}, "folder")) // two notices to one citizen
	var row int64
	for _, id := range ids {
		entries, err := s.AuditFor(id)
		if err != nil {
			t.Fatal(err)
		}
		var prints []string
		for _, e := range entries {
			if e.Action == model.AuditPrint {
				prints = append(prints, e.Detail)
				if e.CitizenID == 0 && row != 0 && e.ID != row {
					t.Errorf("citizen %d's print is row %d, another's row %d: want one row for the batch", id, e.ID, row)
				}
				if e.CitizenID == 0 {
					row = e.ID
				}
			}
		}
		want := "ydelse: 4 borgere: " + model.IDRanges(printed)
		if id == ids[2] {
			want = "folder"
		}
		if got := strings.Join(prints, "|"); got != want {
			t.Errorf("prints in citizen %d's audit: %q, want %q", id, got, want)
		}
	}
	var rows int
	if err := s.db.QueryRow(`SELECT count(*) FROM audit WHERE action = 'print'`).Scan(&rows); err != nil || rows != 2 {
		t.Errorf("%d print rows (%v), want 2: one for the batch, one for the single print", rows, err)
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Errorf("check after the prints: %v %v", problems, err)
	}
}

func TestTwoJobsporsOnOneFileBothWriteSafely(t *testing.T) {
	path := filepath.Join(t.TempDir(), "delt.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for _, s := range []*Store{a, b} {
		wg.Add(1)
		go func(s *Store) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				errs <- s.CreateCitizen(validCitizen())
			}
		}(s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent write failed: %v", err)
		}
	}
	if n := countRows(t, a, "citizens"); n != 100 {
		t.Fatalf("%d citizens, want 100", n)
	}
}

func TestDatabaseHeldByAnotherWriterGivesClearMessage(t *testing.T) {
	old := busyTimeoutMS
	busyTimeoutMS = 100
	defer func() { busyTimeoutMS = old }()
	path := filepath.Join(t.TempDir(), "optaget.db")
	a, err := Open(path)
	must(t, err)
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tx, err := a.db.Begin() // immediate: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	err = b.CreateCitizen(validCitizen())
	var u *model.UserError
	if !errors.As(err, &u) || u.Msg.Key != "error.db.busy" {
		t.Fatalf("write while another holds the lock: %v, want error.db.busy", err)
	}
}

func TestCheckFindsNoProblemsInAFreshDatabase(t *testing.T) {
	s := newTestStore(t)
	makeCitizen(t, s)
	problems, err := s.Check()
	if err != nil || len(problems) != 0 {
		t.Fatalf("Check = %v, %v", problems, err)
	}
}
