package office

// What a laptop already in use brings when it joins (issues 24/26), and
// what the office takes of it. The rules, from the design (OFFICE.md):
//
//   - The office's own data (the job list, prospects, related titles and
//     the other office settings, the roster) is the office's. A row the
//     office already has (the same job, edition, setting or initials, see
//     store.OfficeDataKeys) is not sent again: the laptop takes the
//     office's gid and the first pull writes the office's version over its
//     copy. Sending it would make a second copy of every job, or, where
//     only a lead writes, an operation the office refuses: a "question" to
//     the caseworker that is no question.
//   - What the office does not have is sent where the role may write it:
//     anyone adds a job (an opening heard of this morning); a lead writes
//     all of it. The rest (a caseworker's own roster, prospects edition or
//     office setting) is not sent: it stays on the laptop, is named once
//     in the join's summary, and is in the copy kept before the join.
//   - Cases are the caseworkers'. A case this laptop held for a colleague
//     (an office formed from one shared laptop) is sent as the joining
//     caseworker's own, with every record and note, and handed to the
//     colleague in the same transaction with move_case: the office's
//     audited hand-over (SECURITY DEFINER, owner or lead). Row-level
//     security is unchanged: the colleague's laptop pulls the case whole,
//     and a lead who may not read cases loses it at her first pull. A
//     colleague not on the office's roster cannot take a case: it stays
//     with the caseworker who joined, and the summary says so.
//   - Everything else meets the office's rules as before: a record changed
//     at the office since is a conflict for a person; a refusal keeps its text.

import (
	"context"
	"sort"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
)

// leadOnly are the office-data tables only a lead writes (the server's
// policies in migrations 0002 and 0007); anyone adds a job.
var leadOnly = map[string]bool{"caseworkers": true, "prospect_editions": true, "prospects": true, "settings": true}

// officeKeyQueries read the keys of the office's own data, in the order of
// store.OfficeDataKeys (an edition by its gid). A row the office removed
// counts too: the laptop's copy of it is the office's, and the first pull
// removes it, rather than sending it back as new (a live row of the same
// key first).
var officeKeyQueries = map[string]string{
	"caseworkers":       `SELECT gid::text, initials, '' FROM jobspor.caseworkers ORDER BY deleted`,
	"jobs":              `SELECT gid::text, title, employer, place, deadline, '' FROM jobspor.jobs ORDER BY deleted`,
	"prospect_editions": `SELECT gid::text, published, '' FROM jobspor.prospect_editions ORDER BY deleted`,
	"prospects":         `SELECT gid::text, coalesce(edition_gid::text, ''), region, title, '' FROM jobspor.prospects ORDER BY deleted`,
	"settings":          `SELECT gid::text, key, value FROM jobspor.settings ORDER BY deleted`,
}

// adoptOfficeRows matches the laptop's copy of the office's data with the
// office's (store.AdoptOfficeRows).
func (c *Client) adoptOfficeRows(ctx context.Context, rep *model.JoinReport) error {
	officeData, err := hasOfficeData(ctx, c.Conn)
	if err != nil {
		return err
	}
	have := map[string][]store.OfficeRow{}
	for table, q := range officeKeyQueries {
		if table == "settings" && !officeData {
			continue // an office one migration older: no shared settings yet
		}
		rows, err := c.Conn.Query(ctx, q)
		if err != nil {
			return err
		}
		list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.OfficeRow, error) {
			vals, err := r.Values()
			if err != nil {
				return store.OfficeRow{}, err
			}
			key := make([]string, 0, len(vals)-2)
			for _, v := range vals[1 : len(vals)-1] {
				s, _ := v.(string)
				key = append(key, s)
			}
			value, _ := vals[len(vals)-1].(string)
			gid, _ := vals[0].(string)
			return store.OfficeRow{Gid: gid, Key: store.KeyJoin(key...), Value: value}, nil
		})
		if err != nil {
			return err
		}
		have[table] = list
	}
	adopted, err := c.Store.AdoptOfficeRows(have)
	if err != nil {
		return err
	}
	for _, n := range adopted.Rows {
		rep.OfficeHad += n
	}
	rep.Settings = append(rep.Settings, adopted.Differed...)
	return nil
}

// forRole leaves out what the caseworker's role may not write (a
// non-lead's own rows of the lead's tables): counted in the report, kept
// (a colleague on her list whom the office's roster names is no loss).
func forRole(ops []store.SyncOp, lead bool, roster map[string]bool, rep *model.JoinReport) []store.SyncOp {
	if lead {
		return ops
	}
	out := ops[:0:0]
	notTaken := map[string]int{}
	for _, op := range ops {
		if !leadOnly[op.Table] {
			out = append(out, op)
			continue
		}
		if op.Table == "settings" {
			if k, _ := op.Fields["key"].(string); k != "" {
				rep.SettingsKept = append(rep.SettingsKept, k)
			}
			continue
		}
		if who, _ := op.Fields["initials"].(string); op.Table == "caseworkers" && roster[who] {
			continue
		}
		notTaken[op.Table]++
	}
	for _, t := range store.SyncTables {
		if n := notTaken[t.Name]; n > 0 {
			rep.NotTaken = append(rep.NotTaken, model.JoinNotTaken{Table: t.Name, Rows: n})
		}
	}
	sort.Strings(rep.SettingsKept)
	return out
}

// officeRoster is the initials on the office's roster.
func officeRoster(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}) (map[string]bool, error) {
	rows, err := q.Query(ctx, `SELECT initials FROM jobspor.staff`)
	if err != nil {
		return nil, err
	}
	staff, err := pgx.CollectRows(rows, pgx.RowTo[string])
	out := map[string]bool{}
	for _, s := range staff {
		out[s] = true
	}
	return out, err
}

// ownersAtJoin sends every case as the joining caseworker's own (the only
// way the office's rules let her bring its records and notes) and returns
// the cases held for a colleague: gid -> the colleague's initials.
func ownersAtJoin(ops []store.SyncOp, me string) map[string]string {
	owners := map[string]string{}
	for i := range ops {
		op := &ops[i]
		if op.Table != "citizens" || op.Kind != "upsert" {
			continue
		}
		if cw, _ := op.Fields["caseworker"].(string); cw != "" && cw != me {
			owners[op.Gid] = cw
		}
	}
	return owners
}

// handedBefore are the cases of owners this caseworker already handed
// over (a join's send killed after the office committed): the office's
// audit holds her moves, which she may read.
func handedBefore(ctx context.Context, tx pgx.Tx, owners map[string]string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(owners) == 0 {
		return out, nil
	}
	gids := make([]string, 0, len(owners))
	for g := range owners {
		gids = append(gids, g)
	}
	rows, err := tx.Query(ctx, `SELECT DISTINCT citizen_gid::text FROM jobspor.audit
		WHERE action = 'move' AND actor = jobspor.me() AND citizen_gid = ANY($1::uuid[])`, gids)
	if err != nil {
		return nil, err
	}
	list, err := pgx.CollectRows(rows, pgx.RowTo[string])
	for _, g := range list {
		out[g] = true
	}
	return out, err
}

// handOver hands the cases held for colleagues to them, in the history's
// transaction, through the office's audited move_case; a colleague not on
// the roster cannot take a case, so it stays with the caseworker joining.
func handOver(ctx context.Context, tx pgx.Tx, owners map[string]string, accepted, handed map[string]bool, rep *model.JoinReport) error {
	byTo := map[string][]string{}
	for g, to := range owners {
		if accepted[g] {
			byTo[to] = append(byTo[to], g)
		}
	}
	if len(byTo) == 0 {
		return nil
	}
	onRoster, err := officeRoster(ctx, tx)
	if err != nil {
		return err
	}
	tos := make([]string, 0, len(byTo))
	for to := range byTo {
		tos = append(tos, to)
	}
	sort.Strings(tos)
	for _, to := range tos {
		var move []string
		for _, g := range byTo[to] {
			if !handed[g] {
				move = append(move, g)
			}
		}
		if onRoster[to] && len(move) > 0 {
			if _, err := tx.Exec(ctx, `SELECT jobspor.move_case(g, $2) FROM unnest($1::uuid[]) g`, move, to); err != nil {
				return err
			}
		}
		rep.HandedOver = append(rep.HandedOver, model.JoinHandOver{Initials: to, Cases: len(byTo[to]), Kept: !onRoster[to]})
	}
	return nil
}

// settleOwners writes into each case's operation whose it is at the
// office now: a case handed over stays its colleague's; one whose colleague
// is not on the roster became the joining caseworker's (the laptop then
// says so too, see store.MarkHistory).
func settleOwners(ops []store.SyncOp, owners map[string]string, accepted map[string]bool, rep *model.JoinReport, me string) {
	kept := map[string]bool{}
	for _, h := range rep.HandedOver {
		kept[h.Initials] = h.Kept
	}
	for i := range ops {
		op := &ops[i]
		if to, ok := owners[op.Gid]; ok && op.Table == "citizens" && accepted[op.Gid] && kept[to] {
			op.Fields["caseworker"] = me
		}
	}
}

// auditHandOvers writes the join's hand-overs into the laptop's own audit
// trail too, as a hand-over from the window is (before the first pull takes
// the cases off a laptop whose caseworker may not read them).
func (c *Client) auditHandOvers(owners map[string]string, accepted map[string]bool, rep *model.JoinReport) error {
	for _, h := range rep.HandedOver {
		if h.Kept {
			continue
		}
		var ids []int64
		for g, to := range owners {
			if to != h.Initials || !accepted[g] {
				continue
			}
			id, err := c.Store.CitizenIDByGid(g)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		if err := c.Store.LogOfficeAudit("office hand-over", ids, "-> "+h.Initials+" (at the join)"); err != nil {
			return err
		}
	}
	return nil
}

// countSent counts what the office took in bulk.
func countSent(ops []store.SyncOp, accepted map[string]bool, rep *model.JoinReport) {
	for _, op := range ops {
		if !accepted[op.Gid] {
			continue
		}
		rep.Records++
		rep.Notes += len(op.Notes)
		switch op.Table {
		case "citizens":
			rep.Cases++
		case "jobs":
			rep.JobsAdded++
		}
	}
}
