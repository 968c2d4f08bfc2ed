package store

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

func init() { scryptWorkFactor = 10 } // fast passphrases in tests

const testPassphrase = "Ærø-kontoret 2026"

// backedUp is a store with citizens, conversations and a passphrase, and
// one backup of it in a folder.
func backedUp(t *testing.T) (*Store, model.BackupInfo) {
	t.Helper()
	s := newTestStore(t)
	for _, name := range []string{"Søren Ærø", "Åse Holm"} {
		c := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.Notes = name, "Note om "+name })
		must(t, s.PlanConversation(testutil.Conversation(c.ID, testutil.At("2026-11-24T10:00"), 45)))
	}
	must(t, s.SetBackupPassphrase(testPassphrase))
	info, err := s.Backup(filepath.Join(t.TempDir(), "usb"), 10)
	must(t, err)
	return s, info
}

// tableRows reads every row of every table, for comparing two databases.
func tableRows(t *testing.T, s *Store) map[string][][]any {
	t.Helper()
	out := map[string][][]any{}
	rows, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	must(t, err)
	var tables []string
	for rows.Next() {
		var n string
		must(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	rows.Close()
	for _, tb := range tables {
		out[tb] = readTable(t, s, tb)
	}
	return out
}

func readTable(t *testing.T, s *Store, table string) [][]any {
	t.Helper()
	rows, err := s.db.Query(fmt.Sprintf(`SELECT * FROM %q ORDER BY rowid`, table))
	if err != nil { // WITHOUT ROWID tables
		rows, err = s.db.Query(fmt.Sprintf(`SELECT * FROM %q`, table))
	}
	must(t, err)
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(t, rows.Scan(ptrs...))
		out = append(out, vals)
	}
	return out
}

func TestBackupAndRestoreRoundTripEveryTable(t *testing.T) {
	s, info := backedUp(t)
	if fi, err := os.Stat(info.Path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file %s: %v, mode %v; want it private", info.Path, err, fi.Mode())
	}
	raw, _ := os.ReadFile(info.Path)
	if strings.Contains(string(raw), "Søren") || strings.Contains(string(raw), "Note om") {
		t.Fatal("the backup holds names in clear text")
	}
	target := filepath.Join(t.TempDir(), "gendannet.db")
	if _, err := Restore(info.Path, target, testPassphrase); err != nil {
		t.Fatal(err)
	}
	r, err := OpenExisting(target)
	must(t, err)
	defer r.Close()
	want, got := tableRows(t, s), tableRows(t, r)
	want["settings"] = withoutLastBackup(want["settings"]) // written after the copy was taken
	for table := range want {
		if !reflect.DeepEqual(want[table], got[table]) {
			t.Errorf("restored table %s differs:\n%v\n%v", table, want[table], got[table])
		}
	}
	if len(want) != len(got) {
		t.Errorf("%d tables restored, %d backed up", len(got), len(want))
	}
	if problems, err := r.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check of the restored database: %v %v", problems, err)
	}
}

func withoutLastBackup(rows [][]any) [][]any {
	var out [][]any
	for _, r := range rows {
		if fmt.Sprint(r[0]) != keyLastBackup {
			out = append(out, r)
		}
	}
	return out
}

func TestAWrongPassphraseChangesNothing(t *testing.T) {
	_, info := backedUp(t)
	target := filepath.Join(t.TempDir(), "jobspor.db")
	keep, err := Open(target)
	must(t, err)
	makeCitizen(t, keep)
	must(t, keep.Close())
	before, _ := os.ReadFile(target)
	_, err = Restore(info.Path, target, "forkert kode")
	if err == nil || !strings.Contains(err.Error(), "Forkert adgangskode") {
		t.Fatalf("restore with a wrong passphrase: %v", err)
	}
	if after, _ := os.ReadFile(target); string(after) != string(before) {
		t.Fatal("a refused restore changed the database")
	}
}

func TestATruncatedBackupIsRefused(t *testing.T) {
	_, info := backedUp(t)
	raw, err := os.ReadFile(info.Path)
	must(t, err)
	cut := filepath.Join(t.TempDir(), "afbrudt.jobspor-backup")
	must(t, os.WriteFile(cut, raw[:len(raw)*2/3], 0o600))
	target := filepath.Join(t.TempDir(), "jobspor.db")
	_, err = Restore(cut, target, testPassphrase)
	if err == nil || !strings.Contains(err.Error(), "beskadiget eller ufuldstændig") {
		t.Fatalf("restore of a truncated backup: %v", err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatal("a refused restore left a database behind")
	}
}

func TestRestoreKeepsTheCurrentDatabaseAside(t *testing.T) {
	_, info := backedUp(t)
	target := filepath.Join(t.TempDir(), "jobspor.db")
	cur, err := Open(target)
	must(t, err)
	makeCitizen(t, cur, func(c *model.Citizen) { c.Name = "Kun i den nuværende" })
	must(t, cur.Close())
	got, err := Restore(info.Path, target, testPassphrase)
	must(t, err)
	aside, err := OpenExisting(got.KeptAside)
	must(t, err)
	defer aside.Close()
	if rows, _ := aside.ListCitizens(model.CitizenFilter{AnyTrack: true}); len(rows) != 1 || rows[0].Name != "Kun i den nuværende" {
		t.Fatalf("the database kept aside holds %+v", rows)
	}
}

func TestOnlyTheNewestBackupsAreKept(t *testing.T) {
	s, info := backedUp(t)
	folder := filepath.Dir(info.Path)
	clock := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	s.Now = func() time.Time { clock = clock.Add(time.Hour); return clock }
	for i := 0; i < 4; i++ {
		_, err := s.Backup(folder, 3)
		must(t, err)
	}
	names, _ := filepath.Glob(filepath.Join(folder, "*.jobspor-backup"))
	if len(names) != 3 {
		t.Fatalf("%d backups in the folder; want the newest 3", len(names))
	}
}

func TestABackupRecordsTheAuditHead(t *testing.T) {
	s, info := backedUp(t)
	a, ok := lastAnchorLine(t, s)
	if !ok || !sameHead(a.head, info.Audit) || info.Audit.Rows == 0 {
		t.Fatalf("anchor after backup %+v, backup's head %+v", a.head, info.Audit)
	}
}
