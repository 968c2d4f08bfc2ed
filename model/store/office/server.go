// Package office is the laptop's side of the office tier on PostgreSQL
// (OFFICE.md): the server schema as embedded, numbered migrations, the
// caseworkers' roles, and push and pull between a laptop's SQLite store and
// the office's PostgreSQL. Only this package speaks to PostgreSQL.
package office

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"jobspor/model"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Schema is the PostgreSQL schema Jobspor's office lives in.
const Schema = "jobspor"

// The roles: the owner owns every object and never logs in; every
// caseworker's login role is a member of staff; leads also of lead.
const (
	OwnerRole = "jobspor_owner"
	StaffRole = "jobspor_staff"
	LeadRole  = "jobspor_lead"
)

func migrationNames() []string {
	entries, _ := migrationFS.ReadDir("migrations")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// SchemaVersion is the newest server migration this build knows.
func SchemaVersion() int { return len(migrationNames()) }

func ensureRole(ctx context.Context, c *pgx.Conn, role string, login bool) error {
	var exists bool
	if err := c.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, role).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	kind := "NOLOGIN"
	if login {
		kind = "LOGIN"
	}
	_, err := c.Exec(ctx, fmt.Sprintf(`CREATE ROLE %s %s`, pgx.Identifier{role}.Sanitize(), kind))
	return err
}

// Init makes (or brings up to date) the office's schema on the database
// admin is connected to, as a superuser: the roles, then each pending
// migration in its own transaction, run as the owner role.
func Init(ctx context.Context, admin *pgx.Conn) (applied int, err error) {
	for _, r := range []string{OwnerRole, StaffRole, LeadRole} {
		if err := ensureRole(ctx, admin, r, false); err != nil {
			return 0, fmt.Errorf("role %s: %w", r, err)
		}
	}
	if _, err := admin.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+Schema+` AUTHORIZATION `+OwnerRole); err != nil {
		return 0, fmt.Errorf("schema: %w", err)
	}
	if _, err := admin.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+Schema+`.schema_migration (
		version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return 0, fmt.Errorf("migration table: %w", err)
	}
	if _, err := admin.Exec(ctx, `GRANT USAGE ON SCHEMA `+Schema+` TO `+StaffRole+`;
		GRANT SELECT ON `+Schema+`.schema_migration TO `+StaffRole); err != nil {
		return 0, fmt.Errorf("migration table: %w", err)
	}
	for i, name := range migrationNames() {
		done, err := applyMigration(ctx, admin, i+1, name)
		if err != nil {
			return applied, err
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

func applyMigration(ctx context.Context, admin *pgx.Conn, version int, name string) (bool, error) {
	tx, err := admin.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	// one initialiser at a time
	if _, err := tx.Exec(ctx, `LOCK TABLE `+Schema+`.schema_migration IN EXCLUSIVE MODE`); err != nil {
		return false, err
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+Schema+`.schema_migration WHERE version = $1`, version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	script, err := migrationFS.ReadFile("migrations/" + name)
	if err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, `SET LOCAL ROLE `+OwnerRole+`; SET LOCAL search_path = `+Schema+`, pg_temp`); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, string(script)); err != nil {
		return false, fmt.Errorf("server migration %s: %w", name, err)
	}
	if _, err := tx.Exec(ctx, `RESET ROLE; INSERT INTO `+Schema+`.schema_migration (version, name) VALUES (`+strconv.Itoa(version)+`, '`+name+`')`); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}

// RoleName is the login role of the caseworker with these initials.
func RoleName(initials string) string {
	return "jobspor_" + strings.ToLower(initials)
}

// Caseworker is one row of the office's roster.
type Caseworker struct {
	Initials string
	Name     string
	Lead     bool
	// Password is the role's password (SCRAM); empty: none set here (the
	// tests log in over a trusted socket).
	Password string
	// Recipient is the caseworker's age X25519 public key, WrappedKey the
	// office key encrypted to it.
	Recipient  string
	WrappedKey []byte
}

// AddCaseworker makes the caseworker's login role and roster row.
func AddCaseworker(ctx context.Context, admin *pgx.Conn, cw Caseworker) error {
	initials := strings.ToUpper(strings.TrimSpace(cw.Initials))
	role := RoleName(initials)
	if err := ensureRole(ctx, admin, role, true); err != nil {
		return fmt.Errorf("role %s: %w", role, err)
	}
	id := pgx.Identifier{role}.Sanitize()
	if _, err := admin.Exec(ctx, `GRANT `+StaffRole+` TO `+id); err != nil {
		return err
	}
	if cw.Lead {
		if _, err := admin.Exec(ctx, `GRANT `+LeadRole+` TO `+id); err != nil {
			return err
		}
	}
	if cw.Password != "" {
		if _, err := admin.Exec(ctx, `SET password_encryption = 'scram-sha-256'`); err != nil {
			return err
		}
		lit := "'" + strings.ReplaceAll(cw.Password, "'", "''") + "'"
		if _, err := admin.Exec(ctx, `ALTER ROLE `+id+` PASSWORD `+lit); err != nil {
			return err
		}
	}
	_, err := admin.Exec(ctx, `INSERT INTO `+Schema+`.staff (initials, name, role_name, is_lead, age_recipient, wrapped_key)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (initials) DO UPDATE SET name = excluded.name, is_lead = excluded.is_lead,
			age_recipient = excluded.age_recipient, wrapped_key = coalesce(excluded.wrapped_key, staff.wrapped_key)`,
		initials, cw.Name, role, cw.Lead, cw.Recipient, cw.WrappedKey)
	return err
}

// refused says whether err is the server's rules refusing an operation (row-level
// security, a trigger, a constraint) rather than trouble with the connection.
func refused(err error) (*pgconn.PgError, bool) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return nil, false
	}
	switch pe.Code[:2] {
	case "40", "08", "57", "53", "55": // serialization, connection, shutdown, resources, lock
		return pe, false
	}
	return pe, true
}

// ErrNewerOffice: the office's schema is newer than this Jobspor knows.
var errNewerOffice = model.NewUserError("office.newer", nil)

// checkVersion refuses to sync with an office whose schema is newer than
// this build's (it says "update Jobspor" and pushes nothing). An older
// office by one migration is accepted (N-1).
func checkVersion(ctx context.Context, conn *pgx.Conn) error {
	var v int
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM `+Schema+`.schema_migration`).Scan(&v); err != nil {
		return err
	}
	if v > SchemaVersion() {
		return errNewerOffice
	}
	if v < SchemaVersion()-1 {
		return model.NewUserError("office.older", nil, v, SchemaVersion())
	}
	return nil
}
