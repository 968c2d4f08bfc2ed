package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobspor/model"
	"jobspor/model/testutil"
)

// TestFilesArePrivate: the database and its -wal and -shm hold CPR numbers,
// so none of them is readable by other users of the machine.
func TestFilesArePrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kontor", "jobspor.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	makeCitizen(t, s)
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v; want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
	if fi, _ := os.Stat(filepath.Dir(path)); fi.Mode().Perm() != 0o700 {
		t.Errorf("the folder has mode %v; want 0700", fi.Mode().Perm())
	}
}

// TestAnotherProgramsDatabaseIsRefusedUntouched: a --db pointing at some
// other program's SQLite file is refused, byte for byte as it was, and gets
// no -wal or -shm.
func TestAnotherProgramsDatabaseIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "andet.db")
	other, err := sql.Open("sqlite", path)
	must(t, err)
	_, err = other.Exec(`PRAGMA user_version = 3; CREATE TABLE kunder (navn TEXT); INSERT INTO kunder VALUES ('Ærø')`)
	must(t, err)
	must(t, other.Close())
	before, err := os.ReadFile(path)
	must(t, err)
	_, err = Open(path)
	var ue *model.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg.Text(), "ikke en Jobspor-database") {
		t.Fatalf("opening another program's database: %v; want it refused in Danish", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the refused file was changed")
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("the refused file got a %s file", side)
		}
	}
}

// TestAMistypedPathIsRefused: OpenExisting (every command but demo and
// init) creates nothing where no database is.
func TestAMistypedPathIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kontr")
	_, err := OpenExisting(filepath.Join(dir, "jobspor.db"))
	if err == nil || !strings.Contains(err.Error(), "findes ikke") {
		t.Fatalf("a path with no database: %v", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Error("the refused path's folder was created")
	}
}

// TestADatabaseIsMarkedAndReopens: a new database carries Jobspor's mark in
// its header, so it is recognised by reading the header alone.
func TestADatabaseIsMarkedAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	s, err := Open(path)
	must(t, err)
	must(t, s.Close())
	head, err := readHead(path, 100)
	must(t, err)
	if err := checkHead(path, head); err != nil || head[68] != 'J' || head[71] != 'P' {
		t.Fatalf("header of a new database: mark %q, %v", head[68:72], err)
	}
	s, err = OpenExisting(path)
	must(t, err)
	must(t, s.Close())
}

// TestAFullDiskIsSaidInDanishAndNothingIsHalfWritten: SQLite's "database or
// disk is full" reaches the caseworker as what happened and what to do, and
// the action that hit it left nothing behind.
func TestAFullDiskIsSaidInDanishAndNothingIsHalfWritten(t *testing.T) {
	s := newTestStore(t)
	var pages int
	must(t, s.db.QueryRow(`PRAGMA page_count`).Scan(&pages))
	_, err := s.db.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+8))
	must(t, err)
	var last error
	made := 0
	for i := 0; i < 200 && last == nil; i++ {
		last = s.CreateCitizen(testutil.Citizen(func(c *model.Citizen) { c.Notes = strings.Repeat("Æ", 4000) }))
		if last == nil {
			made++
		}
	}
	var ue *model.UserError
	if !errors.As(last, &ue) || !strings.Contains(ue.Msg.Text(), "Disken er fuld") {
		t.Fatalf("writing until the file is full: %v; want the Danish disk-full message", last)
	}
	if n := countRows(t, s, "citizens"); n != made {
		t.Fatalf("%d citizens in the file, %d saved: the failed one was half-written", n, made)
	}
}

// TestTextEditedOutOfANoteIsGoneFromTheFiles: after the note is changed, a
// byte search of the database and its -wal no longer finds the old text.
func TestTextEditedOutOfANoteIsGoneFromTheFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Notes = "Fortroligt: HEMMELIGNOTE om helbred" })
	c.Notes = "Intet særligt"
	must(t, s.UpdateCitizen(c))
	for _, p := range []string{path, path + "-wal"} {
		data, _ := os.ReadFile(p)
		if bytes.Contains(data, []byte("HEMMELIGNOTE")) {
			t.Errorf("%s still holds the text edited out of the note", filepath.Base(p))
		}
	}
}
