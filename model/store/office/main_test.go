package office

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"jobspor/model/store/office/pgtest"
	"jobspor/model/testutil"
)

// One throw-away cluster for the package; each test gets its own database
// cloned from a template that already holds the schema and the roster.
var (
	cluster *pgtest.Cluster
	dbSeq   atomic.Int64
)

const template = "jobspor_template"

// The roster of the template: two caseworkers, a third, and a lead.
var roster = []Caseworker{
	{Initials: "AB", Name: "Anna Berg"},
	{Initials: "CD", Name: "Carl Dahl"},
	{Initials: "EF", Name: "Eva Frost"},
	{Initials: "LE", Name: "Lene Eriksen", Lead: true},
}

func TestMain(m *testing.M) {
	if spec := os.Getenv("JOBSPOR_SIM_CHILD"); spec != "" {
		os.Exit(simChild(spec)) // a laptop process of TestSimulationWithRealKills
	}
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if !pgtest.Available() {
		if pgtest.InCI() {
			fmt.Println("FAIL: CI is set and no PostgreSQL is installed (apt-get install postgresql)")
			return 1
		}
		fmt.Println("SKIP: the office tests need PostgreSQL (apt-get install postgresql)")
		return 0
	}
	// the audit's kept heads and the office identities go to a temp folder,
	// never into the user's own configuration folder
	defer testutil.PrivateConfigDir()()
	c, err := pgtest.Start(55473)
	if err != nil {
		fmt.Println("start PostgreSQL:", err)
		return 1
	}
	cluster = c
	defer c.Stop()
	if err := makeTemplate(); err != nil {
		fmt.Println("template:", err)
		return 1
	}
	defer removeSimTemplate()
	fmt.Println("PostgreSQL started and office schema loaded")
	return m.Run()
}

func makeTemplate() error {
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, cluster.DSN("postgres", "postgres"))
	if err != nil {
		return err
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+template); err != nil {
		return err
	}
	tc, err := pgx.Connect(ctx, cluster.DSN("postgres", template))
	if err != nil {
		return err
	}
	defer tc.Close(ctx)
	if _, err := Init(ctx, tc); err != nil {
		return err
	}
	for _, cw := range roster {
		if err := AddCaseworker(ctx, tc, cw); err != nil {
			return err
		}
	}
	return nil
}

// freshDB makes a database for one test from the template and returns its name.
func freshDB(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, cluster.DSN("postgres", "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("t%d", dbSeq.Add(1))
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name+` TEMPLATE `+template); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a, err := pgx.Connect(ctx, cluster.DSN("postgres", "postgres"))
		if err == nil {
			a.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
			a.Close(ctx)
		}
	})
	return name
}

// login connects to db as a caseworker's role ("postgres" for the superuser).
func login(t testing.TB, db, initials string) *pgx.Conn {
	t.Helper()
	role := "postgres"
	if initials != "postgres" {
		role = RoleName(initials)
	}
	c, err := pgx.Connect(context.Background(), cluster.DSN(role, db))
	if err != nil {
		t.Fatalf("login %s: %v", initials, err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}
