package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"jobspor/model"
)

// TestAForeignFileWithJobsporsTableNamesIsRefusedUntouched: another
// program's file at schema version 3 whose tables are called citizens and
// audit (as Jobspor's were before the mark) is not Jobspor's: refused in
// Danish, byte for byte as it was, without side files.
func TestAForeignFileWithJobsporsTableNamesIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "andet.db")
	other, err := sql.Open("sqlite", path)
	must(t, err)
	_, err = other.Exec(`PRAGMA user_version = 3;
		CREATE TABLE citizens (id INTEGER PRIMARY KEY, navn TEXT);
		CREATE TABLE audit (id INTEGER PRIMARY KEY, hvad TEXT);
		INSERT INTO citizens VALUES (1, 'Ærø')`)
	must(t, err)
	must(t, other.Close())
	before, err := os.ReadFile(path)
	must(t, err)
	_, err = OpenExisting(path)
	var ue *model.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg.Text(), "ikke en Jobspor-database") {
		t.Fatalf("opening another program's file with Jobspor's table names: %v; want it refused in Danish", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused file was changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the refused file got side files: %v", entries)
	}
}

// TestARelatedFileInWindows1252IsStoredAsUTF8: Danish Excel's CSV is
// stored (and shown again) as UTF-8 text, not as the file's raw bytes.
func TestARelatedFileInWindows1252IsStoredAsUTF8(t *testing.T) {
	s := newTestStore(t)
	cp1252 := []byte("titel;besl\xe6gtet;begrundelse\r\nK\xf8kkenmedhj\xe6lper;Kok;Samme k\xf8kken\r\n")
	n, err := s.SaveRelations(string(cp1252))
	must(t, err)
	if n != 1 {
		t.Fatalf("%d relations read", n)
	}
	stored, err := s.setting(relationsKey)
	must(t, err)
	if !utf8.ValidString(stored) || !strings.Contains(stored, "Køkkenmedhjælper;Kok;Samme køkken") {
		t.Fatalf("stored as %q; want UTF-8 text", stored)
	}
	r, err := s.Relations(nil)
	must(t, err)
	if !utf8.ValidString(r.Text()) || len(r.For("Køkkenmedhjælper")) != 1 {
		t.Fatalf("read back: %q, %v", r.Text(), r.For("Køkkenmedhjælper"))
	}
}

// TestCheckNamesEverySchemaObjectNotJobspors: triggers, views, indexes and
// tables added with sqlite3 (a trigger writing full CPR numbers into a
// handout header, one wiping notes), and Jobspor's own triggers dropped,
// are named by check, and such a database is neither backed up nor
// restored.
func TestCheckNamesEverySchemaObjectNotJobspors(t *testing.T) {
	cases := []struct {
		sql, say string
	}{
		{`CREATE TRIGGER cpr_header AFTER INSERT ON audit BEGIN UPDATE settings SET value = (SELECT group_concat(cpr) FROM citizens) WHERE key = 'office.header'; END`, "Fremmed trigger »cpr_header«"},
		{`CREATE TRIGGER wipe_notes AFTER UPDATE ON citizens BEGIN UPDATE citizens SET notes = '' WHERE id = NEW.id; END`, "Fremmed trigger »wipe_notes«"},
		{`CREATE VIEW alle_cpr AS SELECT cpr FROM citizens`, "Fremmed visning »alle_cpr«"},
		{`CREATE INDEX citizens_navn ON citizens (name)`, "Fremmed indeks »citizens_navn«"},
		{`CREATE TABLE kopi (cpr TEXT)`, "Fremmed tabel »kopi«"},
		{`DROP TRIGGER audit_no_delete`, "Der mangler trigger »audit_no_delete«"},
		{`DROP TRIGGER audit_chain_no_update`, "Der mangler trigger »audit_chain_no_update«"},
	}
	for _, c := range cases {
		s, _ := backedUp(t)
		_, err := s.db.Exec(c.sql)
		must(t, err)
		problems, err := s.Check()
		must(t, err)
		var said []string
		for _, p := range problems {
			said = append(said, p.Text())
		}
		if !strings.Contains(strings.Join(said, "\n"), c.say) {
			t.Errorf("%s: check says %q; want %q", c.sql, said, c.say)
		}
		if _, err := s.Backup(filepath.Join(t.TempDir(), "usb"), 5); err == nil || !strings.Contains(plainText(err), c.say) {
			t.Errorf("%s: backup %v; want it refused naming %q", c.sql, err, c.say)
		}
	}
}

func plainText(err error) string {
	var ue *model.UserError
	if errors.As(err, &ue) {
		return ue.Msg.Text()
	}
	return err.Error()
}

// TestAFirstStartKilledAnywhereIsCompletedByTheNext: the files a first
// start leaves when killed at any point of its migrations (the database
// and its -wal as they were on disk) open as a Jobspor database, which the
// next start completes and check finds sound.
func TestAFirstStartKilledAnywhereIsCompletedByTheNext(t *testing.T) {
	names := migrationNames()
	for upTo := 0; upTo <= len(names); upTo++ {
		dir := t.TempDir()
		path := filepath.Join(dir, "jobspor.db")
		must(t, prepareFile(path, false))
		db, err := sql.Open("sqlite", dsn(path))
		must(t, err)
		db.SetMaxOpenConns(1)
		s := &Store{db: db, path: path}
		var mode string
		must(t, db.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
		for i := 0; i < upTo; i++ {
			_, err := s.migrateOne(names[:i+1])
			must(t, err)
		}
		// The crash image: the files as they are now, before any close.
		img := filepath.Join(t.TempDir(), "jobspor.db")
		for _, side := range []string{"", "-wal"} {
			if _, err := os.Stat(path + side); err == nil {
				must(t, copyFile(path+side, img+side))
			}
		}
		db.Close()
		r, err := OpenExisting(img)
		if err != nil {
			t.Fatalf("after %d of %d migrations: %v", upTo, len(names), err)
		}
		if problems, err := r.Check(); err != nil || len(problems) > 0 {
			t.Fatalf("after %d migrations, completed: %v %v", upTo, problems, err)
		}
		r.Close()
	}
}
