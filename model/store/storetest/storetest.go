// Package storetest gives the tests of the window, the handouts and the
// command line a fresh database in the test's temp folder, with the
// factory's citizens, conversations and openings saved in it.
package storetest

import (
	"path/filepath"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// Open opens a fresh, migrated database in t.TempDir(), closed at the end.
func Open(t testing.TB) *store.Store {
	t.Helper()
	return OpenAt(t, filepath.Join(t.TempDir(), "test.db"))
}

// OpenAt opens (creating) the database at path, closed at the end.
func OpenAt(t testing.TB, path string) *store.Store {
	t.Helper()
	testutil.Content(t) // the wording messages are read in
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// AddCitizen saves the factory's valid citizen, changed by mods first.
func AddCitizen(t testing.TB, s *store.Store, mods ...func(*model.Citizen)) *model.Citizen {
	t.Helper()
	c := testutil.Citizen(mods...)
	if err := s.CreateCitizen(c); err != nil {
		t.Fatalf("create citizen %q: %v", c.Name, err)
	}
	return c
}

// Plan saves a conversation made by testutil.Conversation.
func Plan(t testing.TB, s *store.Store, citizenID int64, start time.Time, minutes int, mods ...func(*model.Conversation)) *model.Conversation {
	t.Helper()
	c := testutil.Conversation(citizenID, start, minutes, mods...)
	if err := s.PlanConversation(c); err != nil {
		t.Fatalf("plan conversation at %s: %v", start.Format(model.WallLayout), err)
	}
	return c
}

// AddJob saves an opening made by testutil.Job.
func AddJob(t testing.TB, s *store.Store, title string, deadline time.Time, mods ...func(*model.Job)) *model.Job {
	t.Helper()
	j := testutil.Job(title, deadline, mods...)
	if err := s.SaveJob(j); err != nil {
		t.Fatalf("save job %q: %v", title, err)
	}
	return j
}
