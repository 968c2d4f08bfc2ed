package office

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
)

// SendHistory sends what this laptop held before it joined in bulk: per
// table one COPY into a temporary table and one INSERT … SELECT, in one
// transaction, instead of an operation per record. What the office does
// not take that way (another laptop's CPR number, a text that looks like
// a CPR number, a row the rules refuse) goes to the outbox and meets the
// rules op by op, so its refusal is kept with its text. Before it, a copy
// of the database is kept, the office's own data matched (history_join.go)
// and what the caseworker's role may not write left out; cases held for
// colleagues are handed to them in the same transaction. c.Joined then
// says what was done.
func (c *Client) SendHistory(ctx context.Context) error {
	rep := &model.JoinReport{}
	var err error
	if rep.Copy, err = c.Store.KeepCopyBeforeOffice(); err != nil {
		return err
	}
	var me string
	var lead bool
	if err := c.Conn.QueryRow(ctx, `SELECT coalesce(jobspor.me(), ''), jobspor.i_am_lead()`).Scan(&me, &lead); err != nil {
		return err
	}
	if err := c.adoptOfficeRows(ctx, rep); err != nil {
		return err
	}
	ops, err := c.Store.HistoryOps()
	if err != nil {
		return err
	}
	roster, err := officeRoster(ctx, c.Conn)
	if err != nil {
		return err
	}
	ops = forRole(ops, lead, roster, rep)
	owners := ownersAtJoin(ops, me)
	if err := c.recordJoin(ctx); err != nil {
		return err
	}
	if len(ops) == 0 {
		c.Joined = rep
		return c.Store.MarkHistory(nil, nil)
	}
	accepted, err := c.bulk(ctx, ops, owners, rep)
	if err != nil {
		if _, ok := refused(err); !ok {
			return err
		}
		accepted = map[string]bool{} // the rules refused the bulk: all of it op by op
		rep.HandedOver = nil
	}
	settleOwners(ops, owners, accepted, rep, me)
	countSent(ops, accepted, rep)
	if err := c.fault(FaultAfterCommit); err != nil {
		return err
	}
	c.Joined = rep
	if err := c.Store.MarkHistory(ops, accepted); err != nil {
		return err
	}
	return c.auditHandOvers(owners, accepted, rep)
}

// plainTexts says whether no text of the operation looks like a CPR number.
func plainTexts(op store.SyncOp) bool {
	refs, _, _, _ := tableInfo(op.Table)
	for k, v := range op.Fields {
		if _, isRef := refs[k]; isRef {
			continue // a gid
		}
		if s, ok := v.(string); ok && k != "cpr" && cprLike.MatchString(s) {
			return false
		}
	}
	for _, n := range op.Notes {
		if cprLike.MatchString(n.Body) {
			return false
		}
	}
	return true
}

func (c *Client) bulk(ctx context.Context, ops []store.SyncOp, owners map[string]string, rep *model.JoinReport) (map[string]bool, error) {
	tx, err := c.Conn.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, lockSQL); err != nil {
		return nil, err
	}
	// cases this join handed over before (a send killed after the office's
	// commit): the office has them and all that went with them
	handed, err := handedBefore(ctx, tx, owners)
	if err != nil {
		return nil, err
	}
	byTable := map[string][]store.SyncOp{}
	accepted := map[string]bool{}
	for _, op := range ops {
		if op.Kind == "upsert" && plainTexts(op) {
			if handed[op.Citizen] {
				accepted[op.Gid] = true
				continue
			}
			byTable[op.Table] = append(byTable[op.Table], op)
		}
	}
	for _, t := range store.SyncTables {
		list := byTable[t.Name]
		if len(list) == 0 {
			continue
		}
		// a child whose parent was not taken waits for the op-by-op path
		var ready []store.SyncOp
		for _, op := range list {
			if t.Citizen != "" && t.Name != "citizens" && !accepted[op.Citizen] && !c.visible(ctx, tx, op.Citizen) {
				continue
			}
			ready = append(ready, op)
		}
		if len(ready) == 0 {
			continue
		}
		// a table the rules refuse (say, the roster, which only a lead writes) goes op by op
		if _, err := tx.Exec(ctx, `SAVEPOINT history`); err != nil {
			return nil, err
		}
		got, err := c.bulkTable(ctx, tx, t.Name, t.Refs, t.Citizen != "" && t.Name != "citizens", ready)
		if _, isRule := refused(err); err != nil && isRule {
			if _, err := tx.Exec(ctx, `ROLLBACK TO SAVEPOINT history`); err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("history of %s: %w", t.Name, err)
		}
		for g := range got {
			accepted[g] = true
		}
	}
	if err := c.bulkNotes(ctx, tx, ops, accepted, handed); err != nil {
		return nil, err
	}
	if err := handOver(ctx, tx, owners, accepted, handed, rep); err != nil {
		return nil, err
	}
	if err := c.fault(FaultBeforeCommit); err != nil {
		return nil, err
	}
	return accepted, tx.Commit(ctx)
}

func (c *Client) visible(ctx context.Context, tx pgx.Tx, citizen string) bool {
	var n int
	tx.QueryRow(ctx, `SELECT count(*) FROM jobspor.citizens WHERE gid = $1`, citizen).Scan(&n)
	return n > 0
}

func (c *Client) bulkTable(ctx context.Context, tx pgx.Tx, table string, refs map[string]string, withCitizen bool, ops []store.SyncOp) (map[string]bool, error) {
	var me string
	if err := tx.QueryRow(ctx, `SELECT coalesce(jobspor.me(), '')`).Scan(&me); err != nil {
		return nil, err
	}
	var fields []string
	for f := range ops[0].Fields {
		if !(table == "citizens" && f == "cpr") {
			fields = append(fields, f)
		}
	}
	sort.Strings(fields)
	cols := []string{"gid"}
	for _, f := range fields {
		cols = append(cols, serverCol(refs, f))
	}
	if table == "citizens" {
		cols = append(cols, "cpr_ct", "cpr_mac")
	}
	if withCitizen && ops[0].Fields["citizen_id"] == nil {
		cols = append(cols, "citizen_gid")
	}
	rows := make([][]any, 0, len(ops))
	for _, op := range ops {
		row := []any{op.Gid}
		for _, f := range fields {
			v := dbValue(op.Fields[f])
			if table == "citizens" && f == "caseworker" {
				v = me // a colleague's case too: handed to her after (handOver)
			}
			row = append(row, v)
		}
		if table == "citizens" {
			cpr, _ := op.Fields["cpr"].(string)
			ct, mac, err := c.Key.SealCPR(cpr)
			if err != nil {
				return nil, err
			}
			row = append(row, ct, mac)
		}
		if len(row) < len(cols) {
			row = append(row, op.Citizen)
		}
		rows = append(rows, row)
	}
	tmp := "history_" + table
	ident := make([]string, len(cols))
	for i, c := range cols {
		ident[i] = pgx.Identifier{c}.Sanitize()
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE `+tmp+` (LIKE jobspor.`+pgx.Identifier{table}.Sanitize()+` INCLUDING DEFAULTS) ON COMMIT DROP`); err != nil {
		return nil, err
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{tmp}, cols, pgx.CopyFromRows(rows)); err != nil {
		return nil, err
	}
	list := strings.Join(ident, ", ")
	// no RETURNING: under row-level security it would apply the SELECT policy to
	// rows the same statement makes, which may_see cannot see yet
	if _, err := tx.Exec(ctx, `INSERT INTO jobspor.`+pgx.Identifier{table}.Sanitize()+` (`+list+`) SELECT `+list+` FROM `+tmp+`
		ON CONFLICT DO NOTHING`); err != nil {
		return nil, err
	}
	// taken: the rows the office now holds as sent (inserted now, or by a
	// send killed after the office's commit). A row the office held already
	// with other values (the same record changed elsewhere) is not: it goes
	// op by op and meets the office's version as an edit, a conflict for a
	// person where a field differs.
	var same []string
	for _, col := range ident[1:] {
		if col == `"cpr_ct"` || (table == "citizens" && col == `"caseworker"`) {
			continue // sealed anew each time (cpr_mac compares); a case may have moved since
		}
		same = append(same, "t."+col+" IS NOT DISTINCT FROM h."+col)
	}
	q := `SELECT h.gid::text FROM ` + tmp + ` h JOIN jobspor.` + pgx.Identifier{table}.Sanitize() + ` t ON t.gid = h.gid`
	if len(same) > 0 {
		q += ` WHERE ` + strings.Join(same, " AND ")
	}
	got := map[string]bool{}
	r, err := tx.Query(ctx, q)
	if err != nil {
		return nil, err
	}
	for r.Next() {
		var g string
		if err := r.Scan(&g); err != nil {
			r.Close()
			return nil, err
		}
		got[g] = true
	}
	r.Close()
	if err := r.Err(); err != nil {
		return nil, err
	}
	return got, nil
}

func (c *Client) bulkNotes(ctx context.Context, tx pgx.Tx, ops []store.SyncOp, accepted, handed map[string]bool) error {
	var rows [][]any
	for _, op := range ops {
		if !accepted[op.Gid] || handed[op.Citizen] {
			continue
		}
		for _, n := range op.Notes {
			rows = append(rows, []any{n.Gid, op.Citizen, op.Table, op.Gid, n.Field, n.Body, op.At})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE history_note (gid uuid, citizen_gid uuid, parent_kind text, parent_gid uuid,
		field text, body text, written_at text) ON COMMIT DROP`); err != nil {
		return err
	}
	cols := []string{"gid", "citizen_gid", "parent_kind", "parent_gid", "field", "body", "written_at"}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"history_note"}, cols, pgx.CopyFromRows(rows)); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO jobspor.note (gid, citizen_gid, parent_kind, parent_gid, field, body, author, written_at)
		SELECT gid, citizen_gid, parent_kind, parent_gid, field, body, '', written_at FROM history_note
		ON CONFLICT DO NOTHING`)
	return err
}

// recordJoin writes the laptop's audit chain head into the office's audit,
// which continues from it. The hash goes in groups of four characters, so
// no run of digits in it can look like a CPR number.
func (c *Client) recordJoin(ctx context.Context) error {
	head, err := c.Store.AuditHead()
	if err != nil {
		return err
	}
	var groups []string
	for h := head.Hash; len(h) > 0; {
		n := min(4, len(h))
		groups, h = append(groups, h[:n]), h[n:]
	}
	_, err = c.Conn.Exec(ctx, `SELECT jobspor.joined($1)`, fmt.Sprintf("laptop audit rows %d, last %d, hash %s",
		head.Rows, head.LastID, strings.Join(groups, ":")))
	return err
}
