package office

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

const (
	caseA = "019ab0a0-3c00-7000-8000-00000000000a"
	caseC = "019ab0a0-3c00-7000-8000-00000000000c"
	noteA = "019ab0a0-3c00-7000-8000-0000000000a1"
)

var bg = context.Background()

// exec runs sql and fails the test on an error.
func exec(t *testing.T, c *pgx.Conn, sql string, args ...any) {
	t.Helper()
	if _, err := c.Exec(bg, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// refusedSQL runs sql in a savepoint-free autocommit statement and wants an error.
func refusedSQL(t *testing.T, c *pgx.Conn, what, sql string, args ...any) {
	t.Helper()
	tag, err := c.Exec(bg, sql, args...)
	if err == nil && tag.RowsAffected() > 0 {
		t.Errorf("%s: allowed (%s)", what, tag)
	}
	wantRefusal(t, what, err)
}

// mustRefuse wants a refusal by the rules.
func mustRefuse(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: allowed", what)
		return
	}
	wantRefusal(t, what, err)
}

// wantRefusal accepts no error (nothing done) or a refusal by the rules,
// never a mistake in the test's own SQL.
func wantRefusal(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		t.Errorf("%s: %v", what, err)
		return
	}
	switch pe.Code {
	case "42501", "23514", "P0002", "23503": // privilege/RLS, check/trigger, no such case, no such caseworker
	default:
		t.Errorf("%s: not a refusal by the rules: %v", what, err)
	}
}

func count(t *testing.T, c *pgx.Conn, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := c.QueryRow(bg, sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

const newCitizen = `INSERT INTO jobspor.citizens (gid, name, phone, email, benefit, education, first_contact, status, track,
	created_at, postcode, reach, unemployed_since, transferred_on, birth_date, caseworker)
	VALUES ($1, $2, '', '', 'dagpenge', 'skilled', '2026-11-01', 'active', '', '2026-11-01T10:00:00Z', '', '', '', '', '', $3)`

const newNote = `INSERT INTO jobspor.note (gid, citizen_gid, parent_kind, parent_gid, field, body, author)
	VALUES ($1, $2, 'citizens', $2, 'notes', $3, '')`

// The row-level security suite: logged in as each role, what must fail fails.
func TestRowLevelSecurityRefusesWhatMustFail(t *testing.T) {
	db := freshDB(t)
	ab, cd, le := login(t, db, "AB"), login(t, db, "CD"), login(t, db, "LE")
	exec(t, ab, newCitizen, caseA, "Borger A", "AB")
	exec(t, ab, newNote, noteA, caseA, "Første samtale")
	exec(t, cd, newCitizen, caseC, "Borger C", "CD")

	t.Run("a case is created only for oneself", func(t *testing.T) {
		refusedSQL(t, cd, "CD creates a case for AB", newCitizen, "019ab0a0-3c00-7000-8000-0000000000ff", "X", "AB")
	})
	t.Run("another caseworker's case", func(t *testing.T) {
		if n := count(t, cd, `SELECT count(*) FROM jobspor.citizens WHERE gid = $1`, caseA); n != 0 {
			t.Error("CD sees AB's case")
		}
		if n := count(t, cd, `SELECT count(*) FROM jobspor.note`); n != 0 {
			t.Error("CD sees AB's notes")
		}
		if n := count(t, cd, `SELECT count(*) FROM jobspor.history WHERE gid = $1`, caseA); n != 0 {
			t.Error("CD sees the history of AB's case")
		}
		refusedSQL(t, cd, "CD edits AB's case", `UPDATE jobspor.citizens SET phone = '1', version = version + 1 WHERE gid = $1`, caseA)
		refusedSQL(t, cd, "CD writes a note on AB's case", newNote, "019ab0a0-3c00-7000-8000-0000000000c1", caseA, "snyd")
		refusedSQL(t, cd, "CD adds a conversation to AB's case", `INSERT INTO jobspor.conversations (gid, citizen_gid, start, "end", kind, form, attendance, created_at)
			VALUES ('019ab0a0-3c00-7000-8000-0000000000c2', $1, '2026-11-24T10:00', '2026-11-24T10:45', 'job', 'phone', 'planned', '')`, caseA)
		if n := count(t, ab, `SELECT count(*) FROM jobspor.citizens`); n != 1 {
			t.Errorf("AB sees %d cases, wants her own 1", n)
		}
	})
	t.Run("a changed or deleted note", func(t *testing.T) {
		refusedSQL(t, ab, "AB changes her note", `UPDATE jobspor.note SET body = 'rettet' WHERE gid = $1`, noteA)
		refusedSQL(t, ab, "AB deletes her note", `DELETE FROM jobspor.note WHERE gid = $1`, noteA)
		// not even the owner role's trigger lets it through
		su := login(t, db, "postgres")
		refusedSQL(t, su, "an update of a note past RLS", `UPDATE jobspor.note SET body = 'rettet' WHERE gid = $1`, noteA)
		if n := count(t, ab, `SELECT count(*) FROM jobspor.note WHERE body = 'Første samtale'`); n != 1 {
			t.Error("the note changed")
		}
	})
	t.Run("a skipped version", func(t *testing.T) {
		refusedSQL(t, ab, "version +2", `UPDATE jobspor.citizens SET phone = '2', version = version + 2 WHERE gid = $1`, caseA)
		refusedSQL(t, ab, "version unchanged", `UPDATE jobspor.citizens SET phone = '2' WHERE gid = $1`, caseA)
		exec(t, ab, `UPDATE jobspor.citizens SET phone = '3', version = version + 1 WHERE gid = $1`, caseA)
		if n := count(t, ab, `SELECT count(*) FROM jobspor.history WHERE gid = $1`, caseA); n != 2 {
			t.Errorf("history holds %d versions, wants 2", n)
		}
	})
	t.Run("a move by a non-owner", func(t *testing.T) {
		refusedSQL(t, cd, "CD moves AB's case to herself", `SELECT jobspor.move_case($1, 'CD')`, caseA)
		mustRefuse(t, "move_case by a non-owner", func() error { _, err := cd.Exec(bg, `SELECT jobspor.move_case($1, 'CD')`, caseA); return err }())
		mustRefuse(t, "a direct UPDATE of the caseworker was allowed", func() error {
			_, err := ab.Exec(bg, `UPDATE jobspor.citizens SET caseworker = 'CD', version = version + 1 WHERE gid = $1`, caseA)
			return err
		}())
		mustRefuse(t, "a non-lead granted cover", func() error {
			_, err := cd.Exec(bg, `SELECT jobspor.grant_cover($1, 'CD', '2099-01-01', 'ferie')`, caseA)
			return err
		}())
		mustRefuse(t, "a caseworker forged a visibility grant", func() error {
			_, err := cd.Exec(bg, `INSERT INTO jobspor.visibility VALUES (999999, $1, 'CD', true)`, caseA)
			return err
		}())
	})
	t.Run("a lead without permission to read cases", func(t *testing.T) {
		if n := count(t, le, `SELECT count(*) FROM jobspor.citizens`); n != 0 {
			t.Errorf("the lead reads %d cases though the office did not allow it", n)
		}
		if n := count(t, le, `SELECT count(*) FROM jobspor.note`); n != 0 {
			t.Error("the lead reads notes")
		}
		if n := count(t, le, `SELECT coalesce(sum(citizens), 0) FROM jobspor.figures_by_caseworker`); n != 2 {
			t.Errorf("the lead's figures count %d cases, want 2", n)
		}
		mustRefuse(t, "a caseworker reads the office figures", func() error { _, err := ab.Exec(bg, `SELECT * FROM jobspor.figures_by_caseworker`); return err }())
		refusedSQL(t, ab, "a caseworker lets the lead read cases", `UPDATE jobspor.office_setting SET value = 'on'`)
	})
	t.Run("the owner or the lead moves; the note after is late", func(t *testing.T) {
		var v int64
		if err := ab.QueryRow(bg, `SELECT jobspor.move_case($1, 'CD')`, caseA).Scan(&v); err != nil {
			t.Fatal(err)
		}
		if count(t, ab, `SELECT count(*) FROM jobspor.citizens WHERE gid = $1`, caseA) != 0 ||
			count(t, cd, `SELECT count(*) FROM jobspor.citizens WHERE gid = $1`, caseA) != 1 {
			t.Fatal("the move did not hand the case over")
		}
		// AB may still add a note she wrote offline; it is marked late, and she cannot read it back
		exec(t, ab, newNote, "019ab0a0-3c00-7000-8000-0000000000a2", caseA, "Skrevet offline")
		if count(t, cd, `SELECT count(*) FROM jobspor.note WHERE citizen_gid = $1 AND late`, caseA) != 1 {
			t.Error("the late note is not marked late")
		}
		if count(t, ab, `SELECT count(*) FROM jobspor.note`) != 0 {
			t.Error("AB reads notes of a case handed away")
		}
		// EF never had it: no late notes from her
		refusedSQL(t, login(t, db, "EF"), "EF writes on a case she never had", newNote, "019ab0a0-3c00-7000-8000-0000000000e1", caseA, "x")
		// the lead moves it back without reading it
		exec(t, le, `SELECT jobspor.move_case($1, 'AB')`, caseA)
	})
	t.Run("CPR in any server text", func(t *testing.T) {
		for _, sql := range []string{
			`UPDATE jobspor.citizens SET name = 'Borger 0101901234', version = version + 1 WHERE gid = '` + caseA + `'`,
			`UPDATE jobspor.citizens SET email = '010190-1234', version = version + 1 WHERE gid = '` + caseA + `'`,
		} {
			_, err := ab.Exec(bg, sql)
			mustRefuse(t, sql, err)
		}
		mustRefuse(t, "a note with a CPR number was accepted", func() error {
			_, err := ab.Exec(bg, newNote, "019ab0a0-3c00-7000-8000-0000000000a3", caseA, "CPR 010190-1234 står her")
			return err
		}())
		mustRefuse(t, "a conflict with a CPR number was accepted", func() error {
			_, err := ab.Exec(bg, `INSERT INTO jobspor.conflict (op_id, tbl, field, outcome, mine, theirs, author)
			VALUES ('019ab0a0-3c00-7000-8000-0000000000a4', 'citizens', 'cpr', 'conflict', '0101901234', '', 'AB')`)
			return err
		}())
	})
	t.Run("default deny: no role of the office writes where it has no grant", func(t *testing.T) {
		for _, sql := range []string{
			`DELETE FROM jobspor.citizens`,
			`DELETE FROM jobspor.history`,
			`INSERT INTO jobspor.audit (actor, action) VALUES ('AB', 'forged')`,
			`UPDATE jobspor.staff SET is_lead = true`,
			`INSERT INTO jobspor.cover VALUES ('` + caseA + `', 'CD', '2099-01-01', 'x', 'AB')`,
		} {
			if _, err := cd.Exec(bg, sql); err == nil || !strings.Contains(err.Error(), "permission denied") {
				t.Errorf("%s: %v", sql, err)
			}
		}
	})
}
