package office

// The office's own data beyond the records (issue 26): the laptop reports
// its caseworker's figures, and the pull brings back what the office says of
// itself — lead or not, the figures added up by the server, the capacity.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
)

// rulesHolder is the rule set a laptop's figures are computed with; nil
// until the window hands it over (the command line reports none).
type rulesHolder struct{ p atomic.Pointer[model.RuleSet] }

// UseRules gives the office the rules the laptop's figures are computed
// with: from then on every sync reports the caseworker's own figures.
func (v *Service) UseRules(r *model.RuleSet) { v.rules.p.Store(r) }

// OfficeInfo is what the last sync brought of the office (no connection).
func (v *Service) OfficeInfo() (model.OfficeInfo, error) { return v.Store.OfficeInfo() }

// reportFigures sends the counts behind the two figures for the
// caseworker's own citizens (not those covered: their owner reports them).
func (c *Client) reportFigures(ctx context.Context) error {
	if c.Rules == nil {
		return nil
	}
	st, err := c.Store.SyncState()
	if err != nil {
		return err
	}
	comp, err := c.Store.ComplianceFor(c.Rules, c.Store.Now(), model.Mine(st.Initials))
	if err != nil {
		return err
	}
	r := model.ReportOf(comp)
	var held model.FigureReport
	err = c.Conn.QueryRow(ctx, `SELECT first_on_course, first_total, ontime_on_course, ontime_total
		FROM jobspor.figure_report WHERE initials = jobspor.me()`).Scan(&held.FirstOnCourse, &held.FirstTotal,
		&held.OnTimeOnCourse, &held.OnTimeTotal)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	c.reportChanged = err != nil || held != r // the office's sums moved: read them again
	_, err = c.Conn.Exec(ctx, `INSERT INTO jobspor.figure_report AS f (initials, first_on_course, first_total,
		ontime_on_course, ontime_total, reported_at) VALUES (jobspor.me(), $1, $2, $3, $4, now())
		ON CONFLICT (initials) DO UPDATE SET first_on_course = excluded.first_on_course, first_total = excluded.first_total,
		ontime_on_course = excluded.ontime_on_course, ontime_total = excluded.ontime_total, reported_at = now()`,
		r.FirstOnCourse, r.FirstTotal, r.OnTimeOnCourse, r.OnTimeTotal)
	return err
}

// officeInfoEvery is how old the office's figures may grow while nothing
// changed at the office before a pull reads them again (a colleague's
// report of unchanged cases moves no change sequence).
const officeInfoEvery = 5 * time.Minute

// officeInfoIfDue reads what the office says of itself when anything
// changed at the office since this laptop last read it (its change
// sequence moved: any colleague's change, a roster change; or this
// laptop's own report changed the sums), or what this
// laptop holds is older than officeInfoEvery by the server's clock; nil
// otherwise, so that an idle pull stays cheap (the capacity counts every case).
func (c *Client) officeInfoIfDue(ctx context.Context, tx pgx.Tx) (*model.OfficeInfo, error) {
	have, err := c.Store.OfficeInfo()
	if err != nil {
		return nil, err
	}
	var seq int64
	var age float64
	if err := tx.QueryRow(ctx, `SELECT jobspor.office_seq(), extract(epoch FROM now() - $1::timestamptz)::float8`,
		have.Figures.ComputedAt).Scan(&seq, &age); err != nil {
		return nil, err
	}
	if have.Known && seq == have.Seq && age < officeInfoEvery.Seconds() && !c.reportChanged {
		return nil, nil
	}
	info, err := officeInfo(ctx, tx, c.Store.Now())
	if info != nil {
		info.Seq = seq
	}
	return info, err
}

// officeInfo reads, in the pull's transaction, what the office says of
// itself: lead or not, the figures the server adds up, the capacity.
func officeInfo(ctx context.Context, tx pgx.Tx, now time.Time) (*model.OfficeInfo, error) {
	info := &model.OfficeInfo{Known: true}
	if err := tx.QueryRow(ctx, `SELECT jobspor.i_am_lead()`).Scan(&info.Lead); err != nil {
		return nil, err
	}
	f := &info.Figures
	var oldest *time.Time
	err := tx.QueryRow(ctx, `SELECT first_on_course, first_total, ontime_on_course, ontime_total, caseworkers,
		oldest_report, computed_at FROM jobspor.office_figures`).Scan(&f.First.OnCourse, &f.First.Total,
		&f.OnTime.OnCourse, &f.OnTime.Total, &f.Caseworkers, &oldest, &f.ComputedAt)
	if err != nil {
		return nil, err
	}
	if oldest != nil {
		f.OldestReport = *oldest
	}
	day := model.DateOnly(now)
	rows, err := tx.Query(ctx, `SELECT initials, company_contact, cases, booked FROM jobspor.office_capacity($1, $2)`,
		day.Format(model.WallLayout), day.AddDate(0, 0, 7).Format(model.WallLayout))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c model.OfficeColleague
		if err := rows.Scan(&c.Initials, &c.CompanyContact, &c.Cases, &c.Booked); err != nil {
			return nil, err
		}
		info.Capacity = append(info.Capacity, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if info.Meetings, err = officeMeetings(ctx, tx, now); err != nil {
		return nil, err
	}
	info.Attendance, err = officeAttendance(ctx, tx, now)
	return info, err
}

// officeMeetings are the whole office's meetings at the benefit office in
// the two weeks from now (their times are the laptops' wall clocks).
func officeMeetings(ctx context.Context, tx pgx.Tx, now time.Time) ([]model.OfficeMeeting, error) {
	from := model.DateOnly(now)
	rows, err := tx.Query(ctx, `SELECT meeting_at, meeting_place, caseworker FROM jobspor.office_meetings
		WHERE meeting_at >= $1 AND meeting_at < $2 ORDER BY meeting_at, caseworker`,
		from.Format(model.WallLayout), from.AddDate(0, 0, 14).Format(model.WallLayout))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.OfficeMeeting
	for rows.Next() {
		var m model.OfficeMeeting
		var at string
		if err := rows.Scan(&at, &m.Place, &m.Caseworker); err != nil {
			return nil, err
		}
		if m.At, err = time.ParseInLocation(model.WallLayout, at, time.Local); err != nil {
			continue // not a time this Jobspor wrote: left out of the overview
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetCompanyContact marks on the roster who holds company contact (a lead
// only: as the office's administrator, like AddCaseworker).
func (v *Service) SetCompanyContact(server, initials string, on bool) error {
	ctx := context.Background()
	admin, err := v.connect(ctx, server, "")
	if err != nil {
		return err
	}
	defer admin.Close(ctx)
	tx, err := admin.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	// the roster's stamp moves: every laptop reads the capacity again
	tag, err := tx.Exec(ctx, `UPDATE jobspor.staff SET company_contact = $2, roster_seq = jobspor.next_seq()
		WHERE initials = upper($1)`, initials, on)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return model.NewUserError("officejobs.nocaseworker", nil, strings.ToUpper(initials))
	}
	return tx.Commit(ctx)
}

// hasOfficeData: the office's schema has issue 26's office data (an office
// one migration older is still served, without it).
func hasOfficeData(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) (bool, error) {
	var ok bool
	err := q.QueryRow(ctx, `SELECT to_regclass('jobspor.figure_report') IS NOT NULL`).Scan(&ok)
	return ok, err
}

// HotJobs are the open jobs marked hot (10 råd, råd 1): one added on any
// laptop reaches every colleague's Today at the next sync.
func (v *Service) HotJobs(now time.Time) ([]model.Job, error) {
	jobs, err := v.Store.OpenJobs(now)
	if err != nil {
		return nil, err
	}
	var hot []model.Job
	for _, j := range jobs {
		if j.Hot {
			hot = append(hot, j)
		}
	}
	return hot, nil
}

// sendPostcodes gives the office the postcode list the lead imported on
// this laptop (a caseworker's import stays hers until the office's list
// replaces it at the next pull).
func (c *Client) sendPostcodes(ctx context.Context) error {
	rows, err := c.Store.PostcodesToSend()
	if err != nil || rows == nil {
		return err
	}
	var lead bool
	if err := c.Conn.QueryRow(ctx, `SELECT jobspor.i_am_lead()`).Scan(&lead); err != nil {
		return err
	}
	if lead {
		codes, towns, munis, muniNames, regions, regionNames := make([]string, len(rows)), make([]string, len(rows)),
			make([]int64, len(rows)), make([]string, len(rows)), make([]int64, len(rows)), make([]string, len(rows))
		for i, p := range rows {
			codes[i], towns[i], munis[i], muniNames[i] = p.Code, p.Town, int64(p.Municipality), p.MunicipName
			regions[i], regionNames[i] = int64(p.Region), p.RegionName
		}
		_, err := c.Conn.Exec(ctx, `INSERT INTO jobspor.postcodes AS p (code, town, municipality, municipality_name, region, region_name)
			SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::text[])
			ON CONFLICT (code, municipality) DO UPDATE SET town = excluded.town, municipality_name = excluded.municipality_name,
				region = excluded.region, region_name = excluded.region_name
			WHERE (p.town, p.municipality_name, p.region, p.region_name) IS DISTINCT FROM
				(excluded.town, excluded.municipality_name, excluded.region, excluded.region_name)`,
			codes, towns, munis, muniNames, regions, regionNames)
		if err != nil {
			return err
		}
	}
	return c.Store.PostcodesSent()
}

// pullPostcodes brings the office's postcode list when it changed since
// the last pull (in the pull's transaction).
func (c *Client) pullPostcodes(ctx context.Context, tx pgx.Tx, batch *store.PullBatch) error {
	have, err := c.Store.PostcodesSeq()
	if err != nil {
		return err
	}
	var seq int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(change_seq), 0) FROM jobspor.postcodes`).Scan(&seq); err != nil || seq <= have {
		return err
	}
	rows, err := tx.Query(ctx, `SELECT code, town, municipality, municipality_name, region, region_name FROM jobspor.postcodes`)
	if err != nil {
		return err
	}
	defer rows.Close()
	list := []model.Postcode{}
	for rows.Next() {
		var p model.Postcode
		var muni, region int64
		if err := rows.Scan(&p.Code, &p.Town, &muni, &p.MunicipName, &region, &p.RegionName); err != nil {
			return err
		}
		p.Municipality, p.Region = int(muni), int(region)
		list = append(list, p)
	}
	batch.Postcodes, batch.PostcodesSeq = list, seq
	return rows.Err()
}

// officeMark tells apart what the office said of itself and its postcode
// list before and after a sync: when it moved, the window shows it again
// (the office's figures on Today) even when no record changed.
func (v *Service) officeMark() string {
	info, _ := v.Store.OfficeInfo()
	seq, _ := v.Store.PostcodesSeq()
	return fmt.Sprint(info.Seq, info.Figures.ComputedAt.UnixNano(), seq)
}
