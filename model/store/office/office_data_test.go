package office

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
)

const (
	settingName = "019ab0a0-3c00-7000-8000-0000000005e1"
	jobHot      = "019ab0a0-3c00-7000-8000-0000000005e2"
)

const newSetting = `INSERT INTO jobspor.settings (gid, key, value) VALUES ($1, 'office.name', $2)`

const newJob = `INSERT INTO jobspor.jobs (gid, title, code, employer, place, deadline, how_to_apply, contact, source, added_on, hot, postcode)
	VALUES ($1, $2, '', 'Coop', 'Vejle', '', '', '', '', '2026-11-23', 1, '7100')`

// The office's data (issue 26) logged in as each role: every caseworker
// reads the office's settings, jobs and figures; only a lead writes the
// settings; anyone adds a job (a hot one too), only a lead edits one; a
// caseworker reports only her own figures; the office's figures are sums
// without names, and the capacity names initials only.
func TestTheOfficesDataIsReadByAllAndWrittenAsTheDesignSays(t *testing.T) {
	db := freshDB(t)
	ab, cd, le := login(t, db, "AB"), login(t, db, "CD"), login(t, db, "LE")
	refusedSQL(t, ab, "a caseworker writes the office's settings", newSetting, settingName, "Snyd")
	exec(t, le, newSetting, settingName, "Jobcenter Vest")
	refusedSQL(t, ab, "a caseworker edits the office's settings", `UPDATE jobspor.settings SET value = 'x', version = version + 1`)
	if n := count(t, ab, `SELECT count(*) FROM jobspor.settings WHERE value = 'Jobcenter Vest'`); n != 1 {
		t.Errorf("a caseworker sees %d of the office's settings", n)
	}
	exec(t, ab, newJob, jobHot, "Lagermedarbejder i dag")
	if n := count(t, cd, `SELECT count(*) FROM jobspor.jobs WHERE hot = 1`); n != 1 {
		t.Errorf("a colleague sees %d hot jobs, wants the one AB added", n)
	}
	refusedSQL(t, cd, "a caseworker edits a job", `UPDATE jobspor.jobs SET title = 'x', version = version + 1 WHERE gid = $1`, jobHot)
	exec(t, le, `UPDATE jobspor.jobs SET hot = 0, version = version + 1 WHERE gid = $1`, jobHot)

	report := `INSERT INTO jobspor.figure_report (initials, first_on_course, first_total, ontime_on_course, ontime_total)
		VALUES ($1, $2, $3, $4, $5)`
	exec(t, ab, report, "AB", 3, 4, 7, 10)
	exec(t, cd, report, "CD", 1, 1, 2, 5)
	refusedSQL(t, cd, "a caseworker reports a colleague's figures", `UPDATE jobspor.figure_report SET first_total = 99 WHERE initials = 'AB'`)
	refusedSQL(t, cd, "a caseworker reports as a colleague", report, "LE", 0, 0, 0, 0)
	if n := count(t, cd, `SELECT count(*) FROM jobspor.figure_report`); n != 1 {
		t.Errorf("CD reads %d caseworkers' reports, wants her own", n)
	}
	var first, firstTotal, onTime, onTimeTotal, cws int
	if err := ab.QueryRow(bg, `SELECT first_on_course, first_total, ontime_on_course, ontime_total, caseworkers FROM jobspor.office_figures`).
		Scan(&first, &firstTotal, &onTime, &onTimeTotal, &cws); err != nil {
		t.Fatal(err)
	}
	if first != 4 || firstTotal != 5 || onTime != 9 || onTimeTotal != 15 || cws != 2 {
		t.Errorf("the office's figures are %d/%d and %d/%d from %d, want 4/5 and 9/15 from 2", first, firstTotal, onTime, onTimeTotal, cws)
	}
	exec(t, ab, newCitizen, caseA, "Borger A", "AB")
	if n := count(t, cd, `SELECT cases FROM jobspor.office_capacity('2026-11-23T00:00', '2026-11-30T00:00') WHERE initials = 'AB'`); n != 1 {
		t.Errorf("the capacity counts %d active cases for AB, want 1", n)
	}
	if n := count(t, cd, `SELECT count(*) FROM jobspor.office_capacity('2026-11-23T00:00', '2026-11-30T00:00')`); n != len(roster) {
		t.Errorf("the capacity names %d caseworkers, want the roster's %d", n, len(roster))
	}
}

// The office's postcode list: the lead's import reaches a caseworker's
// laptop at her next sync and replaces hers; a caseworker's own import
// does not reach the office.
func TestTheLeadsPostcodesReachTheCaseworker(t *testing.T) {
	db := fmt.Sprintf("postcodes%d", dbSeq.Add(1)) // emptyDB's names repeat across tests
	if _, err := login(t, "postgres", "postgres").Exec(bg, `CREATE DATABASE `+db); err != nil {
		t.Fatal(err)
	}
	server := cluster.DSN("postgres", db)
	lead, ab := service(t, "LE"), service(t, "AB")
	if _, err := lead.Init(server, "LE", "Lene Eriksen"); err != nil {
		t.Fatal(err)
	}
	if _, err := lead.Join(server, "LE"); err != nil {
		t.Fatal(err)
	}
	rec, err := ab.Recipient()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lead.AddCaseworker(server, "AB", "Anna Berg", false, rec); err != nil {
		t.Fatal(err)
	}
	if _, err := ab.Join(server, "AB"); err != nil {
		t.Fatal(err)
	}
	list := []model.Postcode{{Code: "7100", Town: "Vejle", Municipality: 630, MunicipName: "Vejle", Region: 1083, RegionName: "Syddanmark"},
		{Code: "6000", Town: "Kolding", Municipality: 621, MunicipName: "Kolding", Region: 1083, RegionName: "Syddanmark"}}
	if _, err := ab.Store.ImportPostcodes([]model.Postcode{{Code: "9999", Town: "Snyd", Municipality: 1, MunicipName: "X", Region: 1, RegionName: "Y"}}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := ab.Sync(); err != nil {
		t.Fatal(err)
	}
	if _, err := lead.Store.ImportPostcodes(list, false); err != nil {
		t.Fatal(err)
	}
	if _, err := lead.Sync(); err != nil {
		t.Fatal(err)
	}
	if _, err := ab.Sync(); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"7100", "6000"} {
		if got, err := ab.Store.Postcodes(code); err != nil || len(got) != 1 || got[0].Town != list[0].Town && got[0].Town != list[1].Town {
			t.Errorf("postcode %s on the caseworker's laptop: %+v %v", code, got, err)
		}
	}
	if got, _ := ab.Store.Postcodes("9999"); len(got) != 0 {
		t.Errorf("the caseworker's own postcode stayed beside the office's list: %+v", got)
	}
	if n := count(t, login(t, db, "LE"), `SELECT count(*) FROM jobspor.postcodes WHERE code = '9999'`); n != 0 {
		t.Error("a caseworker's postcode import reached the office")
	}
}

// BenchmarkOfficeInfoOf15000: what every pull adds for the office's own
// data (lead flag, figures, capacity, the fortnight's meetings) on an
// office of 15,000 citizens.
func BenchmarkOfficeInfoOf15000(b *testing.B) {
	benchSetup(b)
	cl, _ := joined(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx, err := cl.Conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		if err != nil {
			b.Fatal(err)
		}
		info, err := officeInfo(ctx, tx, cl.Store.Now())
		tx.Rollback(ctx)
		if err != nil || len(info.Capacity) == 0 {
			b.Fatalf("%+v %v", info, err)
		}
	}
}
