package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
)

// TestCommandLineMistakesAreSaidInDanishAndChangeNothing: each command line
// gets its Danish message and exit code, never hangs, and leaves the
// database byte for byte as it was (no audit row of something that did not
// happen).
func TestCommandLineMistakesAreSaidInDanishAndChangeNothing(t *testing.T) {
	db, ids := dbWith(t, "Mette")
	s, err := store.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCaseworker(&model.Caseworker{Initials: "AL", Name: "Anne Lund"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "rør.db")
	if err := mkfifo(fifo); err != nil {
		t.Fatal(err)
	}
	pass := filepath.Join(dir, "kode.txt")
	os.WriteFile(pass, []byte("Ærø-kontoret 2026\n"), 0o600)
	missing := filepath.Join(dir, "findes-ikke.csv")
	huge := filepath.Join(dir, "alle-job.csv") // beyond the stated limit: refused before it is read
	row := "Køkkenmedhjælper;941210;Kantinen på Ærø;Ærøskøbing;;Ring;;Jobnet;nej\n"
	os.WriteFile(huge, []byte("titel;disco;arbejdsgiver;sted;frist;ansøgning;kontakt;kilde;hot\n"+
		strings.Repeat(row, model.MaxImportBytes/len(row)+1)), 0o600)
	cases := []struct {
		args []string
		code int
		say  string
	}{
		{[]string{"caseworker", "move", "--to", "AL", "--citizen", "999999", "--db", db}, 1, "ingen borger med ID 999999"},
		{[]string{"caseworker", "move", "--to", "AL", "--citizen", itoa(ids[0]) + ",999999", "--db", db}, 1, "ingen borger med ID 999999"},
		{[]string{"caseworker", "add", "ZZ", "\x1b[31mRød\x1b[0m", "--db", db}, 1, "styretegn"},
		{[]string{"import", "jobs", missing, "--db", db}, 1, "findes ikke"},
		{[]string{"import", "jobs", dir, "--db", db}, 1, "er en mappe"},
		{[]string{"import", "jobs", huge, "--db", db}, 1, "er for stor til én indlæsning (højst 32 MB"},
		{[]string{"import", "related", fifo, "--db", db}, 1, "ikke en almindelig fil"},
		{[]string{"backup", "--passphrase-file", missing, "--to", filepath.Join(dir, "usb"), "--db", db}, 1, "findes ikke"},
		{[]string{"backup", "--passphrase-file", dir, "--to", filepath.Join(dir, "usb"), "--db", db}, 1, "er en mappe"},
		{[]string{"match", "--job", "999999", "--db", db}, 1, "intet job med ID 999999"},
		{[]string{"list", "--db="}, 2, `ugyldig værdi "" for --db`},
		{[]string{"backup", "--db", ""}, 2, `ugyldig værdi "" for --db`},
		{[]string{"list", "--db", fifo}, 1, "ikke en Jobspor-database"},
		{[]string{"restore", "/dev/zero", "--db", db, "--passphrase-file", pass}, 1, "ikke en sikkerhedskopi"},
		{[]string{"restore", dir, "--db", db, "--passphrase-file", pass}, 1, "ikke en sikkerhedskopi"},
	}
	for _, c := range cases {
		before, _ := os.ReadFile(db)
		type result struct {
			code      int
			out, errs string
		}
		done := make(chan result, 1)
		go func() {
			code, out, errs := run(t, &fakeHandouts{}, c.args...)
			done <- result{code, out, errs}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%q hangs", c.args)
		}
		if r.code != c.code || !strings.Contains(r.errs, c.say) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d saying %q", c.args, r.code, r.errs, c.code, c.say)
		}
		if strings.ContainsRune(r.out+r.errs, 0x1b) {
			t.Errorf("%q: a terminal escape sequence was echoed", c.args)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Errorf("%q changed the database", c.args)
		}
	}
}

// TestEveryCommandOnAReadOnlyDatabaseSpeaksDanish: a database (and its
// folder) nobody may write: reading commands work, writing ones say so in
// Danish, none prints SQLite's or Go's English. Root may write anyway, so
// the test runs only as an ordinary user.
func TestEveryCommandOnAReadOnlyDatabaseSpeaksDanish(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only files")
	}
	db, ids := dbWith(t, "Mette")
	dir := filepath.Dir(db)
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	english := []string{"attempt to", "unable to", "permission denied", "read-only file system", "no such", "open ", "database is"}
	for _, args := range [][]string{
		{"list"}, {"check"}, {"today", "--date", "2026-11-24"}, {"export", "--citizen", itoa(ids[0])},
		{"caseworker", "add", "ZZ", "Zenia"}, {"close", "--citizen", itoa(ids[0]), "--reason", "moved"},
		{"purge"}, {"import", "related", db}, {"match", "--citizen", itoa(ids[0])},
	} {
		code, out, errs := run(t, &fakeHandouts{}, append(args, "--db", db)...)
		for _, w := range english {
			if strings.Contains(strings.ToLower(errs), w) {
				t.Errorf("%v: exit %d, stderr %q: English (%q)", args, code, errs, w)
			}
		}
		t.Logf("%v: exit %d, %q %q", args, code, strings.TrimSpace(out), strings.TrimSpace(errs))
	}
}
