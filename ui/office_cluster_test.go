package ui

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"jobspor/model/store/office/pgtest"
)

// The office's window tests (issue 26) run against a real PostgreSQL: one
// throw-away cluster for the package, started by the first test that asks
// for it and stopped by TestMain. Each test gets its own empty database;
// it makes the office there itself (office.Service's Init, AddCaseworker,
// Join), as a lead and her colleagues would.
var (
	officeOnce    sync.Once
	officeCluster *pgtest.Cluster
	officeErr     error
	officeSeq     atomic.Int64
)

// officePort is the ui package's own port (the office package uses 55473).
const officePort = 55474

// officeServer returns the connection string of a fresh, empty database on
// the package's cluster, as its administrator; dropped when t ends. Without
// PostgreSQL the test is skipped, except in CI, where it fails.
func officeServer(t testing.TB) string {
	t.Helper()
	officeOnce.Do(func() {
		if !pgtest.Available() {
			officeErr = fmt.Errorf("PostgreSQL is not installed (apt-get install postgresql)")
			return
		}
		officeCluster, officeErr = pgtest.Start(officePort)
	})
	if officeErr != nil {
		if pgtest.InCI() {
			t.Fatalf("the office tests need PostgreSQL: %v", officeErr)
		}
		t.Skipf("the office tests need PostgreSQL: %v", officeErr)
	}
	return freshDatabase(t, officeCluster)
}

// freshDatabase makes an empty database on cluster c, dropped when t ends,
// and returns its connection string as the administrator.
func freshDatabase(t testing.TB, c *pgtest.Cluster) string {
	t.Helper()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, c.DSN("postgres", "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("ui%d", officeSeq.Add(1))
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a, err := pgx.Connect(ctx, c.DSN("postgres", "postgres"))
		if err == nil {
			a.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
			a.Close(ctx)
		}
	})
	return c.DSN("postgres", name)
}

// stopOfficeCluster stops the clusters if a test started them (TestMain).
func stopOfficeCluster() {
	if officeCluster != nil {
		officeCluster.Stop()
	}
	if passwordCluster != nil {
		passwordCluster.Stop()
	}
}

// The cluster above trusts every login on its socket. passwordServer is a
// second one that checks passwords as an office's server does: its
// administrator (postgres) is trusted on the socket for the setup, every
// caseworker's role logs in with its SCRAM password.
var (
	passwordOnce    sync.Once
	passwordCluster *pgtest.Cluster
	passwordErr     error
)

const passwordPort = 55475

// passwordServer returns the administrator's connection string of a fresh,
// empty database on the password-checking cluster; dropped when t ends.
func passwordServer(t testing.TB) string {
	t.Helper()
	passwordOnce.Do(func() {
		if !pgtest.Available() {
			passwordErr = fmt.Errorf("PostgreSQL is not installed (apt-get install postgresql)")
			return
		}
		passwordCluster, passwordErr = pgtest.StartPasswords(passwordPort)
	})
	if passwordErr != nil {
		if pgtest.InCI() {
			t.Fatalf("the office tests need PostgreSQL: %v", passwordErr)
		}
		t.Skipf("the office tests need PostgreSQL: %v", passwordErr)
	}
	return freshDatabase(t, passwordCluster)
}
