package cli

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"jobspor/model/store/office/pgtest"
)

// officeServer starts a throw-away PostgreSQL with start on port (stopped
// when the test ends) and returns the administrator's address of an empty
// database "jobspor" on it. Without PostgreSQL the test skips, or fails in CI.
func officeServer(t *testing.T, start func(port int) (*pgtest.Cluster, error), port int) string {
	t.Helper()
	if !pgtest.Available() {
		if pgtest.InCI() {
			t.Fatal("the office tests need PostgreSQL")
		}
		t.Skip("the office tests need PostgreSQL")
	}
	c, err := start(port)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, c.DSN("postgres", "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `CREATE DATABASE jobspor`); err != nil {
		t.Fatal(err)
	}
	return c.DSN("postgres", "jobspor")
}
