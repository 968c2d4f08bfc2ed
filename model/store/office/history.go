package office

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"jobspor/model/store"
)

// SendHistory sends what this laptop held before it joined in bulk: per
// table one COPY into a temporary table and one INSERT … SELECT, in one
// transaction, instead of an operation per record. What the office does
// not take that way (another laptop's CPR number, a text that looks like
// a CPR number, a row the rules refuse) goes to the outbox and meets the
// rules op by op, so its refusal is kept with its text.
func (c *Client) SendHistory(ctx context.Context) error {
	ops, err := c.Store.HistoryOps()
	if err != nil {
		return err
	}
	if ops, err = c.officeSettingsFromLeads(ctx, ops); err != nil {
		return err
	}
	if err := c.recordJoin(ctx); err != nil {
		return err
	}
	if len(ops) == 0 {
		return c.Store.MarkHistory(nil, nil)
	}
	accepted, err := c.bulk(ctx, ops)
	if err != nil {
		if _, ok := refused(err); !ok {
			return err
		}
		accepted = map[string]bool{} // the rules refused the bulk: all of it op by op
	}
	if err := c.fault(FaultAfterCommit); err != nil {
		return err
	}
	return c.Store.MarkHistory(ops, accepted)
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

func (c *Client) bulk(ctx context.Context, ops []store.SyncOp) (map[string]bool, error) {
	tx, err := c.Conn.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, lockSQL); err != nil {
		return nil, err
	}
	byTable := map[string][]store.SyncOp{}
	for _, op := range ops {
		if op.Kind == "upsert" && plainTexts(op) {
			byTable[op.Table] = append(byTable[op.Table], op)
		}
	}
	accepted := map[string]bool{}
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
	if err := c.bulkNotes(ctx, tx, ops, accepted); err != nil {
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
				if s, _ := v.(string); s == "" {
					v = me
				}
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
	// taken now, or by a killed earlier attempt: the rows the office holds and shows me
	gids := make([]string, len(ops))
	for i, op := range ops {
		gids[i] = op.Gid
	}
	got := map[string]bool{}
	r, err := tx.Query(ctx, `SELECT gid::text FROM jobspor.`+pgx.Identifier{table}.Sanitize()+` WHERE gid = ANY($1::uuid[])`, gids)
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

func (c *Client) bulkNotes(ctx context.Context, tx pgx.Tx, ops []store.SyncOp, accepted map[string]bool) error {
	var rows [][]any
	for _, op := range ops {
		if !accepted[op.Gid] {
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

// officeSettingsFromLeads leaves a caseworker's own letterhead out of the
// history she brings: the office's settings are the lead's to set, and the
// office's replace hers at the first pull (a refusal to show her would
// only say so).
func (c *Client) officeSettingsFromLeads(ctx context.Context, ops []store.SyncOp) ([]store.SyncOp, error) {
	var lead bool
	if err := c.Conn.QueryRow(ctx, `SELECT jobspor.i_am_lead()`).Scan(&lead); err != nil || lead {
		return ops, err
	}
	out := ops[:0:0]
	for _, op := range ops {
		if op.Table != "settings" {
			out = append(out, op)
		}
	}
	return out, nil
}
