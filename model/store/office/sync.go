package office

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
)

// Client syncs one laptop's store with the office, logged in as its caseworker.
type Client struct {
	Store *store.Store
	Conn  *pgx.Conn
	Key   Key
	// Batch is how many operations one push sends (one transaction).
	Batch int
	// Fault, if set, is asked at each point of a sync whether to stop
	// there as if the process died (the simulation's kills).
	Fault func(point string) error
	// Mutate breaks the design on purpose, for the simulation's checker:
	// "lww" (last write wins), "nolock" (no commit-order lock), "norefresh"
	// (no full refresh of a case newly visible).
	Mutate string
	// Progress, if set, is told how many of the synced tables a pull has
	// fetched so far (the window's progress bar at a first join).
	Progress func(tablesFetched int)
	// Applied, if set, is told after each local transaction of a pull but
	// its last how many of them are done (the bar moves through the apply).
	Applied func(done, total int)
	// ApplyBatch is how many records one local transaction of a pull
	// applies (0: store.ApplyBatchSize).
	ApplyBatch int
	// Rules, when set, compute the caseworker's figures, reported at every
	// sync (issue 26); reportChanged: this sync's report changed them.
	Rules         *model.RuleSet
	reportChanged bool
	// AroundLock, if set, is how each push takes the office's commit-order
	// lock: it calls take (the 15-laptop benchmark times the wait).
	AroundLock func(take func() error) error
	// Joined is what SendHistory did with the laptop's history (the
	// join's summary); nil before it ran.
	Joined *model.JoinReport
	// codes: whether the office keeps a refusal's code (0 not asked yet,
	// 1 yes, -1 an office one migration older); see conflictCodes.
	codes int8
}

// Fault points.
const (
	FaultBeforeOp     = "before op"
	FaultBeforeCommit = "before commit"
	FaultAfterCommit  = "after the server's commit"
	FaultBeforeApply  = "between pull and local apply"
	// FaultBetweenBatches is asked after each local transaction of a pull
	// but its last (the window's saves go through there).
	FaultBetweenBatches = "between two batches of a pull's local apply"
)

func (c *Client) fault(point string) error {
	if c.Fault == nil {
		return nil
	}
	return c.Fault(point)
}

// lockSQL takes the office's commit-order lock (see next_seq in the schema).
const lockSQL = `SELECT pg_advisory_xact_lock(hashtext('jobspor.change_seq'))`

// tableInfo is what sync needs to know of a synced table.
func tableInfo(name string) (refs map[string]string, notes []string, caseData bool, ok bool) {
	for _, t := range store.SyncTables {
		if t.Name == name {
			return t.Refs, t.Notes, t.Citizen != "", true
		}
	}
	return nil, nil, false, false
}

// serverCol is the office's column for a laptop's column.
func serverCol(refs map[string]string, col string) string {
	if _, ok := refs[col]; ok {
		return strings.TrimSuffix(col, "_id") + "_gid"
	}
	if col == "cpr" {
		return "cpr_mac" // compared by its blind index; written as cpr_ct and cpr_mac
	}
	return col
}

// Push sends the outbox in batches, each one PostgreSQL transaction, and
// records each batch's answers locally in one SQLite transaction.
func (c *Client) Push(ctx context.Context) (sent int, err error) {
	batch := c.Batch
	if batch <= 0 {
		batch = 200
	}
	for {
		ops, err := c.Store.PendingOps(batch)
		if err != nil || len(ops) == 0 {
			return sent, err
		}
		if err := newerOps(ops); err != nil {
			return sent, err // nothing of this batch is sent; it waits in the outbox
		}
		results, err := c.pushBatch(ctx, ops)
		if err != nil {
			return sent, err
		}
		if err := c.Store.AckPush(results); err != nil {
			return sent, err
		}
		sent += len(ops)
		if len(ops) < batch {
			return sent, nil
		}
	}
}

func (c *Client) pushBatch(ctx context.Context, ops []store.SyncOp) ([]store.OpResult, error) {
	tx, err := c.Conn.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.Background())
	if c.Mutate != "nolock" {
		// one writer at a time: commit order is change order, and no lock-order deadlocks
		take := func() error { _, err := tx.Exec(ctx, lockSQL); return err }
		if c.AroundLock != nil {
			err = c.AroundLock(take)
		} else {
			err = take()
		}
		if err != nil {
			return nil, err
		}
	}
	results := make([]store.OpResult, 0, len(ops))
	for _, op := range ops {
		if err := c.fault(FaultBeforeOp); err != nil {
			return nil, err
		}
		r, err := c.applyOp(ctx, tx, op)
		if err != nil {
			return nil, fmt.Errorf("op %s on %s: %w", op.ID, op.Table, err)
		}
		results = append(results, r)
	}
	if err := c.fault(FaultBeforeCommit); err != nil {
		return nil, err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, err
	}
	if err := c.fault(FaultAfterCommit); err != nil {
		return nil, err // the office has it, the laptop never heard: sent again, answered from applied_op
	}
	return results, nil
}

// The schema version on every op (OFFICE.md, "Versions of Jobspor"): an op
// carries the laptop schema (store.SchemaVersion) its payload was written
// in, and the Jobspor that pushes it reads it into the office's columns.
// That Jobspor takes its own schema N and the one before it, N-1: ops a
// caseworker queued offline before the laptop's Jobspor was updated go to
// the office as they are (a migration of a synced table keeps the previous
// payload readable for one version). An op from a newer Jobspor than this
// one (a database put back under an older Jobspor) is never read by
// guesswork: the push stops before it, says "opdater Jobspor" and sends
// nothing of its batch; the ops wait in the outbox. An op older than N-1
// (or without a schema) is refused at the office like a rule's refusal:
// its fields and every note's text are kept in refusals a person sees,
// each with the reason, and the op has its one outcome.

// opSchemaOK says whether this Jobspor reads an op's payload (N or N-1).
func opSchemaOK(schema int) bool {
	n := store.SchemaVersion()
	return schema == n || schema == n-1
}

// newerOps refuses to push a batch holding an op from a newer Jobspor.
func newerOps(ops []store.SyncOp) error {
	for _, op := range ops {
		if op.Schema > store.SchemaVersion() {
			return model.NewUserError("office.op.newer", nil, op.Schema, store.SchemaVersion())
		}
	}
	return nil
}

// oldOpReason is the office's reason for refusing an op from too old a
// Jobspor (kept with the refusal, in Danish: a person reads it).
func oldOpReason(schema int) string {
	n := store.SchemaVersion()
	return fmt.Sprintf("Ændringen er lavet i en ældre udgave af Jobspor (skema %d), som kontoret ikke længere læser "+
		"(skema %d og %d). Teksten er gemt her: skriv den ind igen.", schema, n-1, n)
}

var cprLike = regexp.MustCompile(`(^|[^0-9])([0-3][0-9][01][0-9][0-9][0-9])-?([0-9]{4})([^0-9]|$)`)

// maskCPR hides anything that looks like a CPR number in a text bound for
// the office (the laptop keeps the whole text in its own conflict row).
func maskCPR(s string) string {
	return cprLike.ReplaceAllString(s, "${1}XXXXXX-XXXX${4}")
}

// bookkeeping are columns saying who or when a row was made: when two
// laptops made the same row (keyed by its case), they are no conflict.
var bookkeeping = map[string]bool{"by_user": true, "created_by": true, "created_at": true, "closed_by": true, "closed_at": true}

// norm is a value's text for comparing the laptop's and the office's.
func norm(v any) string {
	switch x := v.(type) {
	case nil:
		return "\x00"
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

// dbValue turns a JSON-decoded field into what the office's column takes.
func dbValue(v any) any {
	if f, ok := v.(float64); ok && f == float64(int64(f)) {
		return int64(f)
	}
	return v
}

func nullUUID(s string) any {
	if s == "" {
		return nil
	}
	return s
}

type opState struct {
	res      store.OpResult
	rejected bool
	conflict bool
}

func (c *Client) conflictRow(ctx context.Context, tx pgx.Tx, st *opState, op store.SyncOp, field, outcome string, base, server int64, mine, theirs string) error {
	return c.conflictNote(ctx, tx, st, op, field, "", outcome, base, server, mine, theirs, "")
}

// refusedRecord keeps the office's refusal of the record itself: its
// fields (mine), the server's text (reason) and the refusal's code.
func (c *Client) refusedRecord(ctx context.Context, tx pgx.Tx, st *opState, op store.SyncOp, mine, reason, code string) error {
	return c.conflictNote(ctx, tx, st, op, "*", "", "rejected", op.Base, 0, mine, reason, code)
}

// conflictNote keeps a conflict or refusal; note is the note it holds ("" none),
// code the refusal's code ("" none known).
func (c *Client) conflictNote(ctx context.Context, tx pgx.Tx, st *opState, op store.SyncOp, field, note, outcome string, base, server int64, mine, theirs, code string) error {
	mineFull := mine
	mine, theirs = maskCPR(mine), maskCPR(theirs)
	if field == "cpr" {
		mine, theirs, mineFull = "(CPR-nummer)", "(CPR-nummer)", "(CPR-nummer)"
	}
	theirsBy, theirsAt, err := whoWrote(ctx, tx, op.Gid, server)
	if err != nil {
		return err
	}
	withCode, err := c.conflictCodes(ctx, tx)
	if err != nil {
		return err
	}
	cols, vals, args := "", "", []any{op.ID, nullUUID(op.Citizen), op.Table, nullUUID(op.Gid), field, nullUUID(note), outcome,
		base, server, mine, theirs, op.At, theirsBy, theirsAt}
	if withCode {
		cols, vals, args = ", code", ", $15", append(args, code)
	}
	_, err = tx.Exec(ctx, `INSERT INTO jobspor.conflict (op_id, citizen_gid, tbl, record_gid, field, note_gid, outcome,
		base_version, server_version, mine, theirs, author, mine_at, theirs_by, theirs_at`+cols+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, jobspor.me(), $12, $13, $14`+vals+`) ON CONFLICT (op_id, field) DO NOTHING`,
		args...)
	if err != nil {
		return err
	}
	st.res.Conflicts = append(st.res.Conflicts, store.Conflict{OpID: op.ID, Citizen: op.Citizen, Table: op.Table,
		Record: op.Gid, Field: field, Outcome: outcome, Mine: mineFull, Theirs: theirs, Author: op.By,
		MineAt: op.At, TheirsBy: theirsBy, TheirsAt: stamp(theirsAt), Code: code})
	if outcome == "rejected" {
		st.rejected = true
	} else {
		st.conflict = true
	}
	return nil
}

// whoWrote is who made the office's version of a record, and when the
// office took it (nil: unknown, as for versions older than the office's
// schema 5, or no version at all).
func whoWrote(ctx context.Context, tx pgx.Tx, gid string, version int64) (string, *time.Time, error) {
	if version <= 0 || gid == "" {
		return "", nil, nil
	}
	var by string
	var at *time.Time
	err := tx.QueryRow(ctx, `SELECT updated_by, at FROM jobspor.history WHERE gid = $1 AND version = $2`, gid, version).Scan(&by, &at)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil, nil
	}
	return by, at, err
}

// stamp is a time from the office as the laptop keeps it ("" unknown).
func stamp(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// pushResolutions sends the choices a person made on this laptop about
// the office's conflicts (offline too): the office closes them, once.
func (c *Client) pushResolutions(ctx context.Context) error {
	rs, err := c.Store.PendingResolutions()
	if err != nil || len(rs) == 0 {
		return err
	}
	tx, err := c.Conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	ids := make([]string, 0, len(rs))
	for _, r := range rs {
		how := r.How
		if how == "seen" {
			how = "dismissed"
		}
		at, err := time.Parse(time.RFC3339, r.At)
		if err != nil {
			at = c.Store.Now()
		}
		// the person's time as this laptop said it (never used for order)
		// closed once, audited at the office (a second laptop's choice finds it closed)
		if _, err := tx.Exec(ctx, `SELECT jobspor.resolve_conflict($1, $2, $3)`, r.OpID, how, at); err != nil {
			return err
		}
		ids = append(ids, r.OpID)
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	return c.Store.ResolutionsSent(ids)
}

// applyOp applies one operation inside the push's transaction. The
// server's refusals (row-level security, triggers, constraints) become
// rejected conflict rows holding the text; nothing is dropped.
func (c *Client) applyOp(ctx context.Context, tx pgx.Tx, op store.SyncOp) (store.OpResult, error) {
	st := &opState{res: store.OpResult{OpID: op.ID, Table: op.Table, Gid: op.Gid, Citizen: op.Citizen}}
	tag, err := tx.Exec(ctx, `INSERT INTO jobspor.applied_op (op_id, author, tbl, record_gid, outcome)
		VALUES ($1, jobspor.me(), $2, $3, 'pending') ON CONFLICT (op_id) DO NOTHING`, op.ID, op.Table, nullUUID(op.Gid))
	if err != nil {
		return st.res, err
	}
	if tag.RowsAffected() == 0 { // sent before, the answer was lost: the first outcome stands
		return c.storedOutcome(ctx, tx, st.res)
	}
	if _, err := tx.Exec(ctx, `SAVEPOINT rec`); err != nil {
		return st.res, err
	}
	var base *int64
	var rv int64
	refusedRec, reason, code := false, "", "" // whether and why the office refuses the record
	if !opSchemaOK(op.Schema) {
		refusedRec, reason = true, oldOpReason(op.Schema)
	} else {
		var rerr error
		rv, rerr = c.applyRecord(ctx, tx, op, st, &base)
		if rerr != nil {
			pe, isRule := refused(rerr)
			if !isRule {
				return st.res, rerr
			}
			if _, err := tx.Exec(ctx, `ROLLBACK TO SAVEPOINT rec`); err != nil {
				return st.res, err
			}
			st.res.Conflicts, st.conflict = nil, false
			refusedRec, reason, code, rv = true, pe.Message, refusalCode(pe), 0
		}
	}
	if refusedRec {
		mine, _ := json.Marshal(op.Fields)
		if op.Kind == "delete" {
			mine = []byte("(slettet)")
		}
		if err := c.refusedRecord(ctx, tx, st, op, string(mine), reason, code); err != nil {
			return st.res, err
		}
	}
	for i, n := range op.Notes {
		if !opSchemaOK(op.Schema) { // its notes are not read either: each kept with the reason
			if err := c.conflictNote(ctx, tx, st, op, "note:"+n.Field, n.Gid, "rejected", op.Base, 0, n.Body, reason, ""); err != nil {
				return st.res, err
			}
			continue
		}
		if err := c.addNote(ctx, tx, op, n, i, st); err != nil {
			return st.res, err
		}
	}
	outcome := "applied"
	switch {
	case st.rejected:
		outcome = "rejected"
	case st.conflict:
		outcome = "conflict"
	}
	st.res.Outcome, st.res.Version = outcome, rv
	_, err = tx.Exec(ctx, `UPDATE jobspor.applied_op SET outcome = $2, result_version = nullif($3, 0), base_version = $4 WHERE op_id = $1`,
		op.ID, outcome, rv, base)
	return st.res, err
}

func (c *Client) storedOutcome(ctx context.Context, tx pgx.Tx, res store.OpResult) (store.OpResult, error) {
	var rv *int64
	if err := tx.QueryRow(ctx, `SELECT outcome, result_version FROM jobspor.applied_op WHERE op_id = $1`, res.OpID).Scan(&res.Outcome, &rv); err != nil {
		return res, err
	}
	if rv != nil {
		res.Version = *rv
	}
	code, err := c.codeColumn(ctx, tx)
	if err != nil {
		return res, err
	}
	rows, err := tx.Query(ctx, `SELECT field, outcome, mine, theirs, `+code+` FROM jobspor.conflict WHERE op_id = $1`, res.OpID)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	for rows.Next() {
		cf := store.Conflict{OpID: res.OpID, Citizen: res.Citizen, Table: res.Table, Record: res.Gid}
		if err := rows.Scan(&cf.Field, &cf.Outcome, &cf.Mine, &cf.Theirs, &cf.Code); err != nil {
			return res, err
		}
		res.Conflicts = append(res.Conflicts, cf)
	}
	return res, rows.Err()
}

func (c *Client) addNote(ctx context.Context, tx pgx.Tx, op store.SyncOp, n store.NoteOp, i int, st *opState) error {
	sp := "note" + strconv.Itoa(i)
	if _, err := tx.Exec(ctx, `SAVEPOINT `+sp); err != nil {
		return err
	}
	citizen := op.Citizen
	// A plain INSERT: under row-level security ON CONFLICT would need to see
	// the row, and refuse a former owner's late note. applied_op makes it idempotent.
	_, err := tx.Exec(ctx, `INSERT INTO jobspor.note (gid, citizen_gid, parent_kind, parent_gid, field, supersedes, body, author, written_at)
		VALUES ($1, $2, $3, $4, $5, (SELECT gid FROM jobspor.note WHERE gid = $6), $7, '', $8)`,
		n.Gid, citizen, op.Table, op.Gid, n.Field, nullUUID(n.Supersedes), n.Body, op.At)
	if err == nil {
		_, err = tx.Exec(ctx, `RELEASE SAVEPOINT `+sp)
		return err
	}
	pe, isRule := refused(err)
	if !isRule {
		return err
	}
	if _, err := tx.Exec(ctx, `ROLLBACK TO SAVEPOINT `+sp); err != nil {
		return err
	}
	if pe.Code == "23505" && pe.ConstraintName == "note_pkey" {
		// a note's gid is new, or derived from its record, field and text
		// (a laptop's history): this very text is at the office already
		return nil
	}
	return c.conflictNote(ctx, tx, st, op, "note:"+n.Field, n.Gid, "rejected", op.Base, 0, n.Body, pe.Message, refusalCode(pe))
}

// applyRecord writes the record's fields: a create, an edit based on a
// version, or a delete. It returns the version it produced (0: none).
func (c *Client) applyRecord(ctx context.Context, tx pgx.Tx, op store.SyncOp, st *opState, baseOut **int64) (int64, error) {
	refs, _, caseData, ok := tableInfo(op.Table)
	if !ok {
		return 0, fmt.Errorf("unknown table %q", op.Table)
	}
	table := "jobspor." + pgx.Identifier{op.Table}.Sanitize()
	var raw []byte
	err := tx.QueryRow(ctx, `SELECT to_jsonb(t) FROM `+table+` t WHERE gid = $1 FOR UPDATE`, op.Gid).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		if op.Kind == "delete" {
			return 0, nil // never reached the office: nothing to delete
		}
		return c.insertRecord(ctx, tx, op, refs, caseData, table)
	}
	if err != nil {
		return 0, err
	}
	var cur map[string]any
	if err := json.Unmarshal(raw, &cur); err != nil {
		return 0, err
	}
	curVer := int64(cur["version"].(float64))
	base := op.Base
	if op.Prev != "" { // chained to this laptop's earlier operation: based on its result, if it had one
		var outcome string
		var prv *int64
		err := tx.QueryRow(ctx, `SELECT outcome, result_version FROM jobspor.applied_op WHERE op_id = $1`, op.Prev).Scan(&outcome, &prv)
		if err == nil && outcome != "rejected" && prv != nil {
			base = *prv
		}
	}
	*baseOut = &base
	if cur["deleted"] == true && op.Kind == "upsert" {
		// made again after a delete (a row keyed by its case, say a closing after a reopening): revived
		assign, args, err := c.assignments(ctx, tx, refs, op.Fields, 2)
		if err != nil {
			return 0, err
		}
		var nv int64
		err = tx.QueryRow(ctx, `UPDATE `+table+` SET `+strings.Join(append(assign, "deleted = false"), ", ")+`, version = version + 1
			WHERE gid = $1 RETURNING version`, append([]any{op.Gid}, args...)...).Scan(&nv)
		return nv, err
	}
	if op.Kind == "delete" {
		if cur["deleted"] == true {
			return 0, nil
		}
		if curVer != base && c.Mutate != "lww" {
			return 0, c.conflictRow(ctx, tx, st, op, "(slettet)", "conflict", base, curVer, "(slettet)", "(ændret af en kollega)")
		}
		var nv int64
		err := tx.QueryRow(ctx, `UPDATE `+table+` SET deleted = true, version = version + 1 WHERE gid = $1 RETURNING version`, op.Gid).Scan(&nv)
		return nv, err
	}
	var atBase map[string]any
	switch {
	case base == curVer:
		atBase = cur
	case base > 0:
		var hist []byte
		err := tx.QueryRow(ctx, `SELECT data FROM jobspor.history WHERE gid = $1 AND version = $2`, op.Gid, base).Scan(&hist)
		if err == nil {
			json.Unmarshal(hist, &atBase)
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return 0, err
		}
	}
	set := map[string]any{}
	keys := make([]string, 0, len(op.Fields))
	for f := range op.Fields {
		keys = append(keys, f)
	}
	sort.Strings(keys)
	for _, f := range keys {
		if f == "caseworker" && op.Table == "citizens" {
			continue // a case changes hands only with office move
		}
		if bookkeeping[f] && atBase == nil {
			continue // who made a row both laptops made: the office's stays
		}
		mine := op.Fields[f]
		skey := serverCol(refs, f)
		mineN := norm(mine)
		if f == "cpr" {
			mineN = "\x00"
			if s, _ := mine.(string); s != "" {
				mineN = `\x` + hex.EncodeToString(c.Key.IndexCPR(s))
			}
		}
		curN := norm(cur[skey])
		if mineN == curN {
			continue
		}
		if c.Mutate == "lww" {
			set[f] = mine
			continue
		}
		if atBase != nil {
			baseN := norm(atBase[skey])
			if mineN == baseN {
				continue // not changed here
			}
			if curN == baseN {
				same := base == curVer
				if !same {
					var distinct int
					if err := tx.QueryRow(ctx, `SELECT count(DISTINCT data -> $3) FROM jobspor.history WHERE gid = $1 AND version >= $2`,
						op.Gid, base, skey).Scan(&distinct); err != nil {
						return 0, err
					}
					same = distinct == 1
				}
				if same { // another field moved on since the base: edits of different fields merge
					set[f] = mine
					continue
				}
			}
		}
		theirs := norm(cur[skey])
		if cur[skey] == nil {
			theirs = ""
		}
		if err := c.conflictRow(ctx, tx, st, op, f, "conflict", base, curVer, norm(mine), theirs); err != nil {
			return 0, err
		}
	}
	if len(set) == 0 {
		return 0, nil
	}
	assign, args, err := c.assignments(ctx, tx, refs, set, 2)
	if err != nil {
		return 0, err
	}
	var nv int64
	err = tx.QueryRow(ctx, `UPDATE `+table+` SET `+strings.Join(assign, ", ")+`, version = version + 1 WHERE gid = $1 RETURNING version`,
		append([]any{op.Gid}, args...)...).Scan(&nv)
	return nv, err
}

// assignments makes "col = $n" for each field, numbering from n.
func (c *Client) assignments(ctx context.Context, tx pgx.Tx, refs map[string]string, fields map[string]any, n int) ([]string, []any, error) {
	var out []string
	var args []any
	keys := make([]string, 0, len(fields))
	for f := range fields {
		keys = append(keys, f)
	}
	sort.Strings(keys)
	for _, f := range keys {
		v := fields[f]
		if f == "cpr" {
			s, _ := v.(string)
			ct, mac, err := c.Key.SealCPR(s)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, fmt.Sprintf("cpr_ct = $%d", n), fmt.Sprintf("cpr_mac = $%d", n+1))
			args, n = append(args, ct, mac), n+2
			continue
		}
		out = append(out, fmt.Sprintf("%s = $%d", pgx.Identifier{serverCol(refs, f)}.Sanitize(), n))
		args, n = append(args, dbValue(v)), n+1
	}
	return out, args, nil
}

func (c *Client) insertRecord(ctx context.Context, tx pgx.Tx, op store.SyncOp, refs map[string]string, caseData bool, table string) (int64, error) {
	fields := map[string]any{}
	for f, v := range op.Fields {
		fields[f] = v
	}
	if op.Table == "citizens" {
		if s, _ := fields["caseworker"].(string); s == "" {
			var me string
			if err := tx.QueryRow(ctx, `SELECT coalesce(jobspor.me(), '')`).Scan(&me); err != nil {
				return 0, err
			}
			fields["caseworker"] = me
		}
	}
	assign, args, err := c.assignments(ctx, tx, refs, fields, 2)
	if err != nil {
		return 0, err
	}
	cols := []string{"gid"}
	vals := []string{"$1"}
	for _, a := range assign {
		i := strings.Index(a, " = ")
		cols, vals = append(cols, a[:i]), append(vals, a[i+3:])
	}
	all := append([]any{op.Gid}, args...)
	if caseData && op.Table != "citizens" && fields["citizen_id"] == nil {
		cols, vals = append(cols, "citizen_gid"), append(vals, fmt.Sprintf("$%d", len(all)+1))
		all = append(all, op.Citizen)
	}
	_, err = tx.Exec(ctx, `INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES (`+strings.Join(vals, ", ")+`)`, all...)
	if err != nil {
		return 0, err
	}
	return 1, nil
}

var debugPull = false

// Pull fetches, in one REPEATABLE READ READ ONLY transaction, what changed
// at the office since the last pull, every case newly visible whole, and
// the open conflicts; then applies it locally in transactions of at most
// ApplyBatch records (see store.ApplyPull: since moves with the last).
func (c *Client) Pull(ctx context.Context) error {
	// covers past their day end for everybody; the lead's view shows this sync
	if _, err := c.Conn.Exec(ctx, `SELECT jobspor.expire_cover(), jobspor.synced()`); err != nil {
		return err
	}
	want, err := c.Store.PullWant()
	if err != nil {
		return err
	}
	tx, err := c.Conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	cover, err := c.readCover(ctx, tx) // the roster and this caseworker's covers (colleagues.go)
	if err != nil {
		return err
	}
	batch := store.PullBatch{Since: want.Since, Visible: []string{}}
	rows, err := tx.Query(ctx, `SELECT gid::text FROM jobspor.citizens WHERE NOT deleted`)
	if err != nil {
		return err
	}
	var full []string
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			rows.Close()
			return err
		}
		batch.Visible = append(batch.Visible, g)
		if !want.Local[g] && c.Mutate != "norefresh" {
			full = append(full, g) // newly visible: the whole case, not only what changed after since
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	refresh := want.Refresh
	if refresh == nil {
		refresh = []string{}
	}
	if full == nil {
		full = []string{}
	}
	officeData, err := hasOfficeData(ctx, tx)
	if err != nil {
		return err
	}
	for i, t := range store.SyncTables {
		if c.Progress != nil {
			c.Progress(i)
		}
		if t.Name == "settings" && !officeData {
			continue // an office one migration older: no shared settings yet
		}
		q := `SELECT to_jsonb(t) FROM jobspor.` + pgx.Identifier{t.Name}.Sanitize() + ` t
			WHERE change_seq > $1 OR gid = ANY($3::uuid[])`
		if t.Citizen != "" {
			q += ` OR citizen_gid = ANY($2::uuid[])`
		} else {
			q += ` OR $2::uuid[] IS NULL`
		}
		rows, err := tx.Query(ctx, q, want.Since, full, refresh)
		if err != nil {
			return fmt.Errorf("pull %s: %w", t.Name, err)
		}
		for rows.Next() {
			var raw []byte
			if err := rows.Scan(&raw); err != nil {
				rows.Close()
				return err
			}
			r, seq, err := c.serverRow(t.Name, t.Refs, raw)
			if err != nil {
				rows.Close()
				return err
			}
			batch.Rows = append(batch.Rows, r)
			if seq > batch.Since {
				batch.Since = seq
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	rows, err = tx.Query(ctx, `SELECT gid::text, citizen_gid::text, parent_kind, parent_gid::text, field,
		coalesce(supersedes::text, ''), body, author, late, written_at, handed_at, change_seq FROM jobspor.note
		WHERE change_seq > $1 OR citizen_gid = ANY($2::uuid[]) OR parent_gid = ANY($3::uuid[])`, want.Since, full, refresh)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n store.ServerNote
		var handed *time.Time
		if err := rows.Scan(&n.Gid, &n.Citizen, &n.ParentKind, &n.Parent, &n.Field, &n.Supersedes, &n.Body, &n.Author, &n.Late,
			&n.WrittenAt, &handed, &n.Seq); err != nil {
			rows.Close()
			return err
		}
		n.HandedAt = stamp(handed)
		batch.Notes = append(batch.Notes, n)
		if n.Seq > batch.Since {
			batch.Since = n.Seq
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	code, err := c.codeColumn(ctx, tx)
	if err != nil {
		return err
	}
	rows, err = tx.Query(ctx, `SELECT op_id::text, coalesce(citizen_gid::text, ''), tbl, coalesce(record_gid::text, ''), field,
		outcome, mine, theirs, author, mine_at, theirs_by, theirs_at, `+code+` FROM jobspor.conflict WHERE resolved_at IS NULL ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var cf store.Conflict
		var at *time.Time
		if err := rows.Scan(&cf.OpID, &cf.Citizen, &cf.Table, &cf.Record, &cf.Field, &cf.Outcome, &cf.Mine, &cf.Theirs, &cf.Author,
			&cf.MineAt, &cf.TheirsBy, &at, &cf.Code); err != nil {
			rows.Close()
			return err
		}
		cf.TheirsAt = stamp(at)
		batch.Conflicts = append(batch.Conflicts, cf)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if officeData {
		if batch.Office, err = c.officeInfoIfDue(ctx, tx); err != nil {
			return err
		}
		if err := c.pullPostcodes(ctx, tx, &batch); err != nil {
			return err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	if err := c.fault(FaultBeforeApply); err != nil {
		return err
	}
	if debugPull {
		fmt.Printf("pull: since %d -> %d, %d visible, %d full, %d refresh, %d rows, %d notes, %d conflicts\n",
			want.Since, batch.Since, len(batch.Visible), len(full), len(refresh), len(batch.Rows), len(batch.Notes), len(batch.Conflicts))
	}
	cover.into(&batch)
	batch.Whole, batch.Size = full, c.ApplyBatch
	batch.Between = func(done, total int) error {
		if err := ctx.Err(); err != nil {
			return err // cancelled: stopped here; the next pull does it again whole
		}
		if c.Applied != nil {
			c.Applied(done, total)
		}
		return c.fault(FaultBetweenBatches)
	}
	return c.Store.ApplyPull(batch, c.Store.Now())
}

// serverRow turns an office row (as JSON) into the laptop's columns.
func (c *Client) serverRow(table string, refs map[string]string, raw []byte) (store.ServerRow, int64, error) {
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return store.ServerRow{}, 0, err
	}
	r := store.ServerRow{Table: table, Fields: map[string]any{}}
	r.Gid, _ = m["gid"].(string)
	r.Citizen, _ = m["citizen_gid"].(string)
	if v, ok := m["version"].(float64); ok {
		r.Version = int64(v)
	}
	r.Deleted, _ = m["deleted"].(bool)
	seq := int64(0)
	if v, ok := m["change_seq"].(float64); ok {
		seq = int64(v)
	}
	back := map[string]string{}
	for local := range refs {
		back[serverCol(refs, local)] = local
	}
	for k, v := range m {
		switch k {
		case "gid", "version", "change_seq", "updated_by", "deleted", "cpr_mac":
			continue
		case "cpr_ct":
			cpr := ""
			if s, _ := v.(string); strings.HasPrefix(s, `\x`) {
				ct, err := hex.DecodeString(s[2:])
				if err != nil {
					return r, 0, err
				}
				if cpr, err = c.Key.OpenCPR(ct); err != nil {
					return r, 0, err
				}
			}
			r.Fields["cpr"] = cpr
			continue
		}
		if local, ok := back[k]; ok {
			r.Fields[local] = v
			continue
		}
		if k == "citizen_gid" {
			continue
		}
		r.Fields[k] = v
	}
	return r, seq, nil
}

// Sync pushes, then pulls.
func (c *Client) Sync(ctx context.Context) error {
	if err := checkVersion(ctx, c.Conn); err != nil {
		return err
	}
	if _, err := c.Push(ctx); err != nil {
		return err
	}
	if err := c.pushResolutions(ctx); err != nil {
		return err
	}
	if ok, err := hasOfficeData(ctx, c.Conn); err != nil || !ok {
		if err != nil {
			return err
		}
		return c.Pull(ctx)
	}
	if err := c.reportFigures(ctx); err != nil {
		return err
	}
	if err := c.reportAttendance(ctx); err != nil {
		return err
	}
	if err := c.sendPostcodes(ctx); err != nil {
		return err
	}
	return c.Pull(ctx)
}
