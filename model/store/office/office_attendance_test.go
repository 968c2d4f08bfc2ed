package office

import (
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// The office's attendance (issue 26) logged in as each role: a caseworker
// reports and reads only her own slots, never as a colleague; the office's
// sums add up every caseworker's; counts that cannot be (more missed than
// held) are refused; only a lead sets company contact, and it moves the
// roster's stamp so every laptop reads the capacity again.
func TestTheOfficesAttendanceIsSummedAndEachReportsHerOwn(t *testing.T) {
	db := freshDB(t)
	ab, cd, le := login(t, db, "AB"), login(t, db, "CD"), login(t, db, "LE")
	report := `INSERT INTO jobspor.attendance_report (initials, months, kind, slot, total, missed) VALUES ($1, $2, $3, $4, $5, $6)`
	exec(t, ab, report, "AB", 6, "hour", 9, 4, 1)
	exec(t, ab, report, "AB", 6, "weekday", 1, 4, 1)
	exec(t, cd, report, "CD", 6, "hour", 9, 2, 2)
	exec(t, cd, report, "CD", 3, "hour", 9, 1, 1)
	refusedSQL(t, cd, "a caseworker reports as a colleague", report, "AB", 6, "hour", 10, 5, 0)
	refusedSQL(t, cd, "a caseworker changes a colleague's report", `UPDATE jobspor.attendance_report SET total = 99 WHERE initials = 'AB'`)
	refusedSQL(t, cd, "a caseworker deletes a colleague's report", `DELETE FROM jobspor.attendance_report WHERE initials = 'AB'`)
	refusedSQL(t, ab, "more missed than held", report, "AB", 6, "hour", 11, 1, 2)
	refusedSQL(t, ab, "an hour past midnight", report, "AB", 6, "hour", 24, 1, 0)
	if n := count(t, cd, `SELECT count(*) FROM jobspor.attendance_report`); n != 2 {
		t.Errorf("CD reads %d slots, wants her own 2", n)
	}
	var total, missed int
	if err := le.QueryRow(bg, `SELECT total, missed FROM jobspor.office_attendance WHERE months = 6 AND kind = 'hour' AND slot = 9`).
		Scan(&total, &missed); err != nil {
		t.Fatal(err)
	}
	if total != 6 || missed != 3 {
		t.Errorf("the office's 9 o'clock over 6 months: %d of %d missed, want 3 of 6", missed, total)
	}
	exec(t, ab, `INSERT INTO jobspor.attendance_reported (initials, period_to) VALUES (jobspor.me(), '2026-11-23')`)
	refusedSQL(t, cd, "a caseworker stamps a colleague's report", `UPDATE jobspor.attendance_reported SET period_to = '2020-01-01'`)
	if n := count(t, cd, `SELECT caseworkers FROM jobspor.office_attendance_reported`); n != 1 {
		t.Errorf("the office's attendance holds %d reports, want 1", n)
	}

	refusedSQL(t, ab, "a caseworker sets company contact", `SELECT jobspor.set_company_contact('AB', true)`)
	seq := count(t, ab, `SELECT jobspor.office_seq()`)
	exec(t, le, `SELECT jobspor.set_company_contact('cd', true)`)
	if n := count(t, ab, `SELECT count(*) FROM jobspor.staff WHERE company_contact`); n != 1 {
		t.Errorf("%d caseworkers hold company contact, want CD", n)
	}
	if after := count(t, ab, `SELECT jobspor.office_seq()`); after <= seq {
		t.Errorf("company contact set left the office's stamp at %d (was %d)", after, seq)
	}
	if n := count(t, le, `SELECT count(*) FROM jobspor.audit WHERE action = 'company contact'`); n != 1 {
		t.Errorf("company contact set is audited %d times, want once", n)
	}
	refusedSQL(t, le, "company contact for someone not on the roster", `SELECT jobspor.set_company_contact('ZZ', true)`)
}

// Two syncs of one laptop at once (the window's own and `office sync`, or
// the window's start beside a save's) each report the caseworker's
// attendance: the second waits for the first and finds its report, instead
// of both replacing her slots and one failing on a duplicate slot (seen
// under load in the window's test TestTheOfficesAttendanceChartSumsTwoLaptops).
func TestTwoSyncsOfOneLaptopAtOnceReportHerAttendanceOnce(t *testing.T) {
	db := freshDB(t)
	ab := newLaptop(t, db, "AB")
	second := &Client{Store: ab.s, Conn: login(t, db, "AB"), Key: testKey}
	c := storetest.AddCitizen(t, ab.s, func(c *model.Citizen) { c.Name, c.Caseworker = "Alma Andersen", "AB" })
	for i := 0; i < 20; i++ {
		// a new conversation held: her counts change, so each sync replaces them
		start := time.Date(2026, 10, 1+i, 9+i%6, 0, 0, 0, time.Local)
		storetest.Plan(t, ab.s, c.ID, start, 30, func(cv *model.Conversation) { cv.Attendance = model.AttendanceHeld })
		errs := make(chan error, 2)
		for _, cl := range []*Client{ab.cl, second} {
			go func(cl *Client) { errs <- cl.reportAttendance(bg) }(cl)
		}
		for k := 0; k < 2; k++ {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: a sync's attendance report failed: %v", i, err)
			}
		}
	}
	want, err := ab.s.AttendanceReport("AB", model.Day(ab.s.Now()))
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, ab.cl.Conn, `SELECT count(*) FROM jobspor.attendance_report`); n != len(want) {
		t.Errorf("the office holds %d of her slots, the laptop counts %d", n, len(want))
	}
}
