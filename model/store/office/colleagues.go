package office

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"jobspor/model"
	"jobspor/model/store"
)

// Colleagues and cover in the window (issue 26): the roster and this
// caseworker's covers come with every pull and are kept on the laptop;
// the hand-over and granting cover need the office to answer.

// Colleagues is the office's roster as the last sync brought it.
func (v *Service) Colleagues() ([]model.Colleague, error) { return v.Store.OfficeColleagues() }

// Covering are the cases this laptop covers for absent colleagues, by
// citizen, whose cover holds today.
func (v *Service) Covering() (map[int64]model.Cover, error) { return v.Store.CoveredCases() }

// IsLead says whether this laptop's caseworker leads the office (as the
// last sync saw the roster).
func (v *Service) IsLead() (bool, error) {
	st, err := v.syncState()
	if err != nil || !st.Active {
		return false, err
	}
	team, err := v.Store.OfficeColleagues()
	for _, c := range team {
		if c.Initials == st.Initials {
			return c.Lead, err
		}
	}
	return false, err
}

// HandOver moves the citizens to a colleague with the office's audited
// move_case, records it in the laptop's audit trail, and syncs: a case
// this caseworker no longer may see leaves the laptop.
func (v *Service) HandOver(ids []int64, to string) error {
	to = strings.ToUpper(strings.TrimSpace(to))
	err := v.atOffice(func(ctx context.Context, cl *Client) error {
		if _, err := cl.Push(ctx); err != nil { // the office must know the cases first
			return err
		}
		// all the cases or none: one refused leaves every one where it was
		err := pgx.BeginFunc(ctx, cl.Conn, func(tx pgx.Tx) error {
			for _, id := range ids {
				gid, err := v.Store.CitizenGid(id)
				if err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, `SELECT jobspor.move_case($1, $2)`, gid, to); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		// audited here too before the pull takes the cases off this laptop
		if err := v.Store.LogOfficeAudit("office hand-over", ids, "-> "+to); err != nil {
			return err
		}
		return cl.Pull(ctx)
	})
	return officeError(err, "office.handover.offline", "office.handover.notallowed")
}

// CoverColleague grants to cover for every case the absent colleague owns
// until a day (to and including it), with a reason: lead only, audited at
// the office and on the laptop. It returns how many cases were covered.
func (v *Service) CoverColleague(absent, to string, until time.Time, reason string) (int, error) {
	absent, to = strings.ToUpper(strings.TrimSpace(absent)), strings.ToUpper(strings.TrimSpace(to))
	reason = strings.TrimSpace(reason)
	switch {
	case absent == "" || to == "":
		return 0, model.NewUserError("office.cover.who", nil)
	case absent == to:
		return 0, model.NewUserError("office.cover.self", nil, absent)
	case reason == "":
		return 0, model.NewUserError("office.cover.reason", nil)
	case cprLike.MatchString(reason):
		return 0, model.NewUserError("office.cover.cpr", nil)
	case model.DateOnly(until).Before(model.DateOnly(v.Store.Now())):
		return 0, model.NewUserError("office.cover.past", nil, until.Format("02-01-2006"))
	}
	var n int
	err := v.atOffice(func(ctx context.Context, cl *Client) error {
		if _, err := cl.Push(ctx); err != nil { // the office must know the cases first
			return err
		}
		err := cl.Conn.QueryRow(ctx, `SELECT jobspor.cover_colleague($1, $2, $3, $4)`, absent, to,
			until.Format(model.DateLayout), reason).Scan(&n)
		if err != nil {
			return err
		}
		return cl.Pull(ctx)
	})
	if err != nil {
		return 0, officeError(err, "office.cover.offline", "office.cover.notlead")
	}
	detail := fmt.Sprintf("%s -> %s until %s (%d cases): %s", absent, to, until.Format(model.DateLayout), n, reason)
	return n, v.Store.LogOfficeAudit("office cover", nil, detail)
}

// CoverGrants are the covers in force at the office, per absent
// caseworker (lead only; counts, no names).
func (v *Service) CoverGrants() ([]model.CoverGrant, error) {
	var out []model.CoverGrant
	err := v.atOffice(func(ctx context.Context, cl *Client) error {
		rows, err := cl.Conn.Query(ctx, `SELECT absent, coverer, until::text, reason, granted_by, cases
			FROM jobspor.cover_overview ORDER BY until, absent, coverer`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var g model.CoverGrant
			var until string
			if err := rows.Scan(&g.Absent, &g.Coverer, &until, &g.Reason, &g.GrantedBy, &g.Cases); err != nil {
				return err
			}
			g.Until, _ = time.Parse(model.DateLayout, until)
			out = append(out, g)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, officeError(err, "office.cover.offline", "office.cover.notlead")
	}
	return out, nil
}

// LastSyncs is when each caseworker on the roster last met the office
// (lead only; a zero time: never).
func (v *Service) LastSyncs() (map[string]time.Time, error) {
	out := map[string]time.Time{}
	err := v.atOffice(func(ctx context.Context, cl *Client) error {
		rows, err := cl.Conn.Query(ctx, `SELECT initials, last_sync FROM jobspor.staff_sync`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var who string
			var at *time.Time
			if err := rows.Scan(&who, &at); err != nil {
				return err
			}
			out[who] = time.Time{}
			if at != nil {
				out[who] = *at
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, officeError(err, "office.cover.offline", "office.cover.notlead")
	}
	return out, nil
}

// atOffice runs fn logged in at the office as this laptop's caseworker.
func (v *Service) atOffice(fn func(context.Context, *Client) error) error {
	ctx := context.Background()
	st, err := v.syncState()
	if err != nil {
		return err
	}
	if !st.Active {
		return model.NewUserError("office.none", nil)
	}
	return v.withClient(ctx, st, func(cl *Client) error { return fn(ctx, cl) })
}

// officeError says in Danish why the office did not do it: it did not
// answer (offline), it refused for want of the right (refused: only a
// lead, only the owner), a caseworker not on the roster, or a user error
// as it came.
func officeError(err error, offline, refused string) error {
	var ue *model.UserError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ue):
		return err
	case IsUnreachable(err):
		return model.NewUserError(offline, err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "42501": // insufficient_privilege
			return model.NewUserError(refused, err)
		case "23503": // foreign_key_violation
			return model.NewUserError("office.colleague.unknown", err)
		case "23514": // check_violation
			return model.NewUserError("office.cover.bad", err)
		}
	}
	return err
}

// coverPull is what a pull reads of the roster and of this caseworker's
// covers; gone are the cases covered only by a cover the laptop's clock
// has seen end (the office's own clock ends it too, at its next sync).
type coverPull struct {
	me     string
	staff  []model.Colleague
	covers []store.CoverRow
	ended  map[string]bool
}

// readCover reads the roster and this caseworker's covers in the pull's
// transaction, and which covers have ended by the laptop's day today.
func (c *Client) readCover(ctx context.Context, tx pgx.Tx) (coverPull, error) {
	cp := coverPull{staff: []model.Colleague{}, covers: []store.CoverRow{}, ended: map[string]bool{}}
	var leadReads bool
	if err := tx.QueryRow(ctx, `SELECT coalesce(jobspor.me(), ''), jobspor.lead_reads_cases()`).Scan(&cp.me, &leadReads); err != nil {
		return cp, err
	}
	rows, err := tx.Query(ctx, `SELECT initials, name, is_lead FROM jobspor.staff ORDER BY initials`)
	if err != nil {
		return cp, err
	}
	for rows.Next() {
		var s model.Colleague
		if err := rows.Scan(&s.Initials, &s.Name, &s.Lead); err != nil {
			rows.Close()
			return cp, err
		}
		cp.staff = append(cp.staff, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return cp, err
	}
	rows, err = tx.Query(ctx, `SELECT v.citizen_gid::text, v.until::text, v.reason, v.granted_by, c.caseworker = v.initials
		FROM jobspor.cover v JOIN jobspor.citizens c ON c.gid = v.citizen_gid WHERE v.initials = $1`, cp.me)
	if err != nil {
		return cp, err
	}
	defer rows.Close()
	today := model.DateOnly(c.Store.Now()).Format(model.DateLayout)
	for rows.Next() {
		var r store.CoverRow
		var owns bool
		if err := rows.Scan(&r.Citizen, &r.Until, &r.Reason, &r.GrantedBy, &owns); err != nil {
			return cp, err
		}
		if r.Until < today {
			if !owns && !leadReads {
				cp.ended[r.Citizen] = true
			}
			continue
		}
		cp.covers = append(cp.covers, r)
	}
	return cp, rows.Err()
}

// into gives the batch the roster and the covers, and drops the cases
// whose cover the laptop's clock has seen end: they are no longer visible
// here, and their rows and notes stay away.
func (cp coverPull) into(b *store.PullBatch) {
	b.Staff, b.Covers = cp.staff, cp.covers
	if len(cp.ended) == 0 {
		return
	}
	vis := b.Visible[:0]
	for _, g := range b.Visible {
		if !cp.ended[g] {
			vis = append(vis, g)
		}
	}
	b.Visible = vis
	rows := b.Rows[:0]
	for _, r := range b.Rows {
		if !cp.ended[r.Citizen] {
			rows = append(rows, r)
		}
	}
	b.Rows = rows
	notes := b.Notes[:0]
	for _, n := range b.Notes {
		if !cp.ended[n.Citizen] {
			notes = append(notes, n)
		}
	}
	b.Notes = notes
}
