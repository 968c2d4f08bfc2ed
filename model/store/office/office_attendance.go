package office

// The office's attendance charts (issue 26): each laptop reports its
// caseworker's own pattern, the server adds them up, every pull that reads
// the office's figures reads the sums too.

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
)

// hasAttendance: the office's schema has the attendance reports (an office
// one migration older is still served, without them).
func hasAttendance(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) (bool, error) {
	var ok bool
	err := q.QueryRow(ctx, `SELECT to_regclass('jobspor.attendance_report') IS NOT NULL`).Scan(&ok)
	return ok, err
}

// reportAttendance sends the pattern of the caseworker's own citizens'
// conversations (not those covered: their owner reports them), in one
// transaction: the slots again only when they changed, the day and moment
// of the report every time.
func (c *Client) reportAttendance(ctx context.Context) error {
	if ok, err := hasAttendance(ctx, c.Conn); err != nil || !ok {
		return err
	}
	st, err := c.Store.SyncState()
	if err != nil {
		return err
	}
	day := model.Day(c.Store.Now())
	counts, err := c.Store.AttendanceReport(st.Initials, day)
	if err != nil {
		return err
	}
	tx, err := c.Conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	// one report of hers at a time: a second sync of this laptop (the
	// window's beside `office sync`) waits, then finds this one's slots
	// instead of replacing them too and failing on a duplicate slot
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('jobspor.attendance_report'), hashtext(jobspor.me()))`); err != nil {
		return err
	}
	held, err := readCounts(ctx, tx, `SELECT months, kind, slot, total, missed FROM jobspor.attendance_report`)
	if err != nil {
		return err
	}
	if !sameCounts(held, counts) {
		if err := replaceCounts(ctx, tx, counts); err != nil {
			return err
		}
		c.reportChanged = true // the office's sums moved: read them again
	}
	if _, err := tx.Exec(ctx, `INSERT INTO jobspor.attendance_reported (initials, period_to, reported_at)
		VALUES (jobspor.me(), $1, now()) ON CONFLICT (initials) DO UPDATE SET period_to = excluded.period_to,
		reported_at = excluded.reported_at`, day.Format(model.DateLayout)); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// replaceCounts puts the caseworker's slots in place of those she reported.
func replaceCounts(ctx context.Context, tx pgx.Tx, counts []model.AttendanceCount) error {
	if _, err := tx.Exec(ctx, `DELETE FROM jobspor.attendance_report WHERE initials = jobspor.me()`); err != nil {
		return err
	}
	months, slots, totals, missed := make([]int32, len(counts)), make([]int32, len(counts)), make([]int32, len(counts)), make([]int32, len(counts))
	kinds := make([]string, len(counts))
	for i, a := range counts {
		months[i], kinds[i], slots[i], totals[i], missed[i] = int32(a.Months), a.Kind, int32(a.Slot), int32(a.Total), int32(a.Missed)
	}
	_, err := tx.Exec(ctx, `INSERT INTO jobspor.attendance_report (initials, months, kind, slot, total, missed)
		SELECT jobspor.me(), * FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::int[])`,
		months, kinds, slots, totals, missed)
	return err
}

func readCounts(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, sql string) ([]model.AttendanceCount, error) {
	rows, err := q.Query(ctx, sql)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.AttendanceCount{}
	for rows.Next() {
		var a model.AttendanceCount
		if err := rows.Scan(&a.Months, &a.Kind, &a.Slot, &a.Total, &a.Missed); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// sameCounts: the same slots with the same counts, in any order.
func sameCounts(a, b []model.AttendanceCount) bool {
	if len(a) != len(b) {
		return false
	}
	key := func(x model.AttendanceCount) model.AttendanceCount { return x }
	set := map[model.AttendanceCount]bool{}
	for _, x := range a {
		set[key(x)] = true
	}
	return !slices.ContainsFunc(b, func(x model.AttendanceCount) bool { return !set[x] })
}

// officeAttendance reads the office's sums in the pull's transaction, and
// the office's planned conversations in the week after now's day; nil on
// an office without attendance reports.
func officeAttendance(ctx context.Context, tx pgx.Tx, now time.Time) (*model.OfficeAttendance, error) {
	if ok, err := hasAttendance(ctx, tx); err != nil || !ok {
		return nil, err
	}
	a := &model.OfficeAttendance{Planned: map[string]int{}}
	var err error
	if a.Counts, err = readCounts(ctx, tx, `SELECT months, kind, slot, total, missed FROM jobspor.office_attendance
		ORDER BY months, kind, slot`); err != nil {
		return nil, err
	}
	var oldest *time.Time
	if err := tx.QueryRow(ctx, `SELECT caseworkers, oldest_report, computed_at FROM jobspor.office_attendance_reported`).
		Scan(&a.Caseworkers, &oldest, &a.ComputedAt); err != nil {
		return nil, err
	}
	if oldest != nil {
		a.OldestReport = *oldest
	}
	monday := model.NextMonday(now)
	rows, err := tx.Query(ctx, `SELECT day, planned FROM jobspor.office_planned($1, $2)`,
		monday.Format(model.WallLayout), monday.AddDate(0, 0, 5).Format(model.WallLayout))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var n int
		if err := rows.Scan(&day, &n); err != nil {
			return nil, err
		}
		a.Planned[day] = n
	}
	return a, rows.Err()
}

// CompanyContact marks on the roster whether a colleague holds company
// contact, as this laptop's caseworker (the office refuses anyone but a
// lead): from the window's Kontor.
func (v *Service) CompanyContact(ctx context.Context, initials string, holds bool) error {
	st, err := v.syncState()
	if err != nil {
		return err
	}
	if !st.Active {
		return model.NewUserError("office.none", nil)
	}
	conn, err := v.connect(ctx, st.Server, st.Initials)
	if err != nil {
		return officeError(err, "office.contact.offline", "office.contact.notlead")
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, `SELECT jobspor.set_company_contact($1, $2)`, initials, holds)
	return officeError(err, "office.contact.offline", "office.contact.notlead")
}
