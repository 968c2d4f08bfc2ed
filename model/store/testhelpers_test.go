package store

import (
	"path/filepath"
	"testing"
	"time"

	"jobspor/assets"
	"jobspor/model"
)

// must stops the test when a setup step fails.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
}

// newTestStore opens a fresh, migrated database in the test's temp folder.
func newTestStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("open test store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// makeCitizen creates a valid citizen, changed by mods first.
func makeCitizen(t testing.TB, s *Store, mods ...func(*model.Citizen)) *model.Citizen {
	t.Helper()
	c := validCitizen()
	for _, m := range mods {
		m(c)
	}
	if err := s.CreateCitizen(c); err != nil {
		t.Fatalf("create citizen %q: %v", c.Name, err)
	}
	return c
}

// pragma reads one integer pragma.
func (s *Store) pragma(name string) (int, error) {
	var v int
	err := s.db.QueryRow("PRAGMA " + name).Scan(&v)
	return v, err
}

func day(s string) time.Time {
	d, err := time.Parse(model.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func loadGuide(t testing.TB) *model.Guide {
	t.Helper()
	g, err := model.ParseGuide(assets.GuideJSON)
	if err != nil {
		t.Fatalf("the embedded guide does not parse: %v", err)
	}
	return g
}
