package office

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// A simulated laptop starts from a copy of one freshly migrated database,
// made once per test process: migrating a new SQLite file for each of a
// run's 3-15 laptops was a third of a run's time. The copy is what a new
// Jobspor would have made there: the database and its audit anchor
// (<db>.audit) beside it, both private (0600). What must differ between
// laptops does: the gids of the records are given by JoinOffice on each
// copy, the lock file is made by store.Open beside each copy, and the
// audit's kept head lives in the config folder under the copy's own path
// (none yet, as for a new database).
var simTmpl struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// simTemplateFiles are the files of a database a laptop starts with.
var simTemplateFiles = []string{"", ".audit"}

func makeSimTemplate() (string, error) {
	simTmpl.once.Do(func() {
		base := ""
		if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
			base = "/dev/shm"
		}
		simTmpl.dir, simTmpl.err = os.MkdirTemp(base, "jobspor-sim-template-")
		if simTmpl.err != nil {
			return
		}
		simTmpl.path = filepath.Join(simTmpl.dir, "template.db")
		s, err := store.Open(simTmpl.path)
		if err != nil {
			simTmpl.err = err
			return
		}
		if err := s.Close(); err != nil {
			simTmpl.err = err
			return
		}
		// Close checkpoints and empties the -wal: the database file is whole
		for _, side := range []string{"-wal", "-journal"} {
			if fi, err := os.Stat(simTmpl.path + side); err == nil && fi.Size() > 0 {
				simTmpl.err = fmt.Errorf("the template left a %s of %d bytes", side, fi.Size())
				return
			}
		}
	})
	return simTmpl.path, simTmpl.err
}

// removeSimTemplate removes the template's folder (TestMain, after the tests).
func removeSimTemplate() {
	if simTmpl.dir != "" {
		os.RemoveAll(simTmpl.dir)
	}
}

// simLaptopFile puts a copy of the template at path (which must not exist).
func simLaptopFile(t testing.TB, path string) {
	t.Helper()
	tmpl, err := makeSimTemplate()
	if err != nil {
		t.Fatalf("simulation template: %v", err)
	}
	for i, side := range simTemplateFiles {
		err := copyPrivate(tmpl+side, path+side)
		if i > 0 && errors.Is(err, os.ErrNotExist) {
			continue // no audit row yet: no anchor either
		}
		if err != nil {
			t.Fatalf("copy the simulation template: %v", err)
		}
	}
}

// copyPrivate copies the file from to a new file to, readable by the user only.
func copyPrivate(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// TestSimLaptopsStartAsNewJobsporDatabases: a laptop's copy of the template
// is a private Jobspor database that passes its own check, before and after
// a close, and gives a new citizen as many ids as a new database does, none
// of them shared with another laptop's copy.
func TestSimLaptopsStartAsNewJobsporDatabases(t *testing.T) {
	dir := t.TempDir()
	open := func(name string, copied bool) *store.Store {
		path := filepath.Join(dir, name+".db")
		if copied {
			simLaptopFile(t, path)
			for i, side := range simTemplateFiles {
				fi, err := os.Stat(path + side)
				if i > 0 && errors.Is(err, os.ErrNotExist) {
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				if fi.Mode().Perm() != 0o600 {
					t.Errorf("%s%s is %v, not private", name, side, fi.Mode().Perm())
				}
			}
		}
		s, err := store.Open(path)
		if err != nil {
			t.Fatalf("open %s: %v", name, err)
		}
		if probs, err := s.Check(); err != nil || len(probs) > 0 {
			t.Fatalf("%s does not pass its check: %v %v", name, probs, err)
		}
		if err := s.JoinOffice("sim", name, "d"+name); err != nil {
			t.Fatal(err)
		}
		return s
	}
	// the same work on each laptop: its records and ops are its own
	records := func(s *store.Store) map[string]string {
		c := testutil.Citizen(func(c *model.Citizen) { c.Notes = "Første samtale" })
		if err := s.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
		ops, err := s.PendingOps(100)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, op := range ops {
			m[op.Gid] = op.Table
			m[op.ID] = "op"
			for _, n := range op.Notes {
				m[n.Gid] = "note"
			}
		}
		return m
	}
	fresh := open("W00", false)
	defer fresh.Close()
	a, b := open("W01", true), open("W02", true)
	want, ra, rb := records(fresh), records(a), records(b)
	if len(ra) != len(want) || len(rb) != len(want) || len(want) < 3 {
		t.Errorf("a copy made %d and %d ids for a new citizen, a new database %d", len(ra), len(rb), len(want))
	}
	for id, kind := range ra {
		if _, twin := rb[id]; twin {
			t.Errorf("two laptops share the id %s of a %s", id, kind)
		}
	}
	for _, s := range []*store.Store{a, b} {
		path := s.Path()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s, err := store.OpenExisting(path)
		if err != nil {
			t.Fatal(err)
		}
		if probs, err := s.Check(); err != nil || len(probs) > 0 {
			t.Errorf("%s after a close: %v %v", filepath.Base(path), probs, err)
		}
		s.Close()
	}
}
