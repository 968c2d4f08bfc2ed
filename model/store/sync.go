package store

// The laptop's side of the office (issue 24, OFFICE.md): global ids, the
// outbox written in the same transaction as every change, and the local
// sync state. The PostgreSQL side lives in model/store/office.

import (
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"jobspor/model"
)

// syncTable describes one table that syncs with the office.
type syncTable struct {
	Name string
	// Citizen is how a row names its citizen: "" for office data, "self"
	// for citizens, else the column holding the citizen's rowid, or
	// "conversation_id" for rows hanging off a conversation.
	Citizen string
	// Refs are the columns holding another synced table's rowid; in an
	// operation they travel as that row's gid.
	Refs map[string]string
	// Notes are the free-text columns: at the office each is a chain of
	// append-only note rows.
	Notes []string
}

// SyncTables are the synced tables, parents before children.
var SyncTables = []syncTable{
	{Name: "caseworkers"},
	{Name: "jobs"},
	{Name: "prospect_editions"},
	{Name: "prospects", Refs: map[string]string{"edition_id": "prospect_editions"}},
	// settings: only the office's own (model.OfficeSettingKeys) have gids and travel.
	{Name: "settings"},
	{Name: "citizens", Citizen: "self", Notes: []string{"notes"}},
	{Name: "progress", Citizen: "citizen_id", Notes: []string{"note"}},
	{Name: "conversations", Citizen: "citizen_id", Notes: []string{"notes", "agreements"}},
	{Name: "job_goals", Citizen: "citizen_id", Notes: []string{"note"}},
	{Name: "openings", Citizen: "citizen_id", Notes: []string{"upskilling_need"}},
	{Name: "track_changes", Citizen: "citizen_id", Notes: []string{"reason"}},
	{Name: "upskillings", Citizen: "citizen_id", Notes: []string{"note"}},
	{Name: "educations", Citizen: "citizen_id", Notes: []string{"note"}},
	{Name: "company_efforts", Citizen: "citizen_id", Notes: []string{"conditions", "note"}},
	{Name: "temp_agencies", Citizen: "citizen_id", Notes: []string{"note"}},
	{Name: "reception_steps", Citizen: "citizen_id"},
	{Name: "benefit_cases", Citizen: "citizen_id"},
	{Name: "notices", Citizen: "citizen_id"},
	{Name: "youth_flags", Citizen: "citizen_id"},
	{Name: "exemptions", Citizen: "citizen_id", Notes: []string{"reason"}},
	{Name: "case_closings", Citizen: "citizen_id", Notes: []string{"note"}},
	{Name: "applications", Citizen: "citizen_id", Refs: map[string]string{"job_id": "jobs", "agreed_in": "conversations"}},
	{Name: "conversation_jobs", Citizen: "conversation_id", Refs: map[string]string{"conversation_id": "conversations", "job_id": "jobs"}},
}

func init() {
	for i := range SyncTables {
		t := &SyncTables[i]
		if t.Citizen == "citizen_id" {
			if t.Refs == nil {
				t.Refs = map[string]string{}
			}
			t.Refs["citizen_id"] = "citizens"
		}
	}
}

// syncTableByName finds a synced table's description.
func syncTableByName(name string) (*syncTable, bool) {
	for i := range SyncTables {
		if SyncTables[i].Name == name {
			return &SyncTables[i], true
		}
	}
	return nil, false
}

// localOnly are columns that never travel: the rowid key, the gid (sent
// beside the fields), and what each side derives or stamps itself.
var localOnly = map[string]bool{"id": true, "gid": true, "name_key": true, "held_days": true, "updated_at": true}

// SyncOp is one operation in the outbox, as sent to the office.
type SyncOp struct {
	ID     string `json:"id"`
	Schema int    `json:"schema"`
	Kind   string `json:"kind"` // "upsert" or "delete"
	Table  string `json:"table"`
	Gid    string `json:"gid"`
	// Citizen is the case the record belongs to ("" for office data).
	Citizen string `json:"citizen,omitempty"`
	// Base is the office's version this laptop's copy was based on (0: a
	// record the office has not seen from here).
	Base int64 `json:"base"`
	// Prev is this laptop's earlier operation on the record, not yet at
	// the office when this one was made: this one is based on its result.
	Prev string `json:"prev,omitempty"`
	// Fields are the record's columns (references as gids, free texts aside).
	Fields map[string]any `json:"fields,omitempty"`
	Notes  []NoteOp       `json:"notes,omitempty"`
	By     string         `json:"by"`
	At     string         `json:"at"`
}

// NoteOp is a new version of one free text: at the office an append-only
// note row that supersedes the previous version.
type NoteOp struct {
	Field      string `json:"field"`
	Gid        string `json:"gid"`
	Supersedes string `json:"supersedes,omitempty"`
	Body       string `json:"body"`
}

// NewGid makes a UUIDv7 at the store's time: 48 bits of Unix milliseconds,
// then random bits.
func (s *Store) NewGid() string { return newGid(s.Now()) }

func newGid(now time.Time) string {
	var b [16]byte
	if _, err := rand.Read(b[6:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	ms := uint64(now.UnixMilli())
	var t [8]byte
	binary.BigEndian.PutUint64(t[:], ms<<16)
	copy(b[:6], t[:6])
	b[6] = 0x70 | b[6]&0x0f
	b[8] = 0x80 | b[8]&0x3f
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// gidSQL makes a UUIDv7 per row in SQL, for bulk backfills; ?1 is the time
// in Unix milliseconds. random() is evaluated per row.
const gidSQL = `printf('%08x-%04x-7%03x-%04x-%012x', ?1 >> 16, ?1 & 65535, random() & 4095,
	32768 | (random() & 16383), random() & 281474976710655)`

// fillGids gives every row of every synced table without a gid one.
func fillGids(tx *sql.Tx, now time.Time) error {
	for _, t := range SyncTables {
		var has int
		if err := tx.QueryRow(`SELECT count(*) FROM pragma_table_info(?) WHERE name = 'gid'`, t.Name).Scan(&has); err != nil {
			return fmt.Errorf("gids for %s: %w", t.Name, err)
		}
		if has == 0 {
			continue // a later migration gives it its gid (and fills them)
		}
		if t.Name == "settings" {
			if err := fillSettingGids(tx); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.Exec(`UPDATE `+t.Name+` SET gid = `+gidSQL+` WHERE gid IS NULL`, now.UnixMilli()); err != nil {
			return fmt.Errorf("gids for %s: %w", t.Name, err)
		}
	}
	return nil
}

// fillSettingGids gives the office's settings their gids, derived from
// their keys (the same setting on two laptops is one record at the office);
// the laptop's own settings get none and never travel.
func fillSettingGids(tx *sql.Tx) error {
	for _, k := range model.OfficeSettingKeys {
		if _, err := tx.Exec(`UPDATE settings SET gid = ? WHERE key = ? AND gid IS NULL`, derivedGid("settings", k), k); err != nil {
			return fmt.Errorf("gid for setting %s: %w", k, err)
		}
	}
	return nil
}

// syncActive reads whether this laptop is in an office.
func (s *Store) loadSyncActive() error {
	var active bool
	err := s.db.QueryRow(`SELECT active FROM sync_state WHERE id = 1`).Scan(&active)
	if err != nil {
		return fmt.Errorf("read sync state: %w", err)
	}
	s.office.Store(active)
	return nil
}

type syncChange struct {
	tbl string
	rid int64
	gid sql.NullString
	op  string
}

// recordOps turns the rows the transaction touched (noted by the sync
// triggers) into outbox operations, in the same transaction. Store.inTx
// calls it before every commit while an office is configured.
func (s *Store) recordOps(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT tbl, rid, gid, op FROM sync_changes ORDER BY n`)
	if err != nil {
		return fmt.Errorf("read changes: %w", err)
	}
	type key struct {
		tbl string
		rid int64
	}
	net := map[key]*syncChange{}
	var order []key
	for rows.Next() {
		var c syncChange
		if err := rows.Scan(&c.tbl, &c.rid, &c.gid, &c.op); err != nil {
			rows.Close()
			return err
		}
		k := key{c.tbl, c.rid}
		prev, seen := net[k]
		if !seen {
			cc := c
			net[k], order = &cc, append(order, k)
			continue
		}
		switch {
		case c.op == "delete" && prev.op == "insert":
			prev.op = "none" // made and removed in one transaction
		case c.op == "delete":
			prev.op, prev.gid = "delete", c.gid
		case c.op == "insert": // a rowid reused after a delete in the same transaction
			if prev.op == "delete" {
				prev.op = "update"
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(order) == 0 {
		return nil
	}
	// Parents first, so a child's references have gids.
	rank := map[string]int{}
	for i, t := range SyncTables {
		rank[t.Name] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return rank[order[i].tbl] < rank[order[j].tbl] })
	st, err := syncStateIn(tx)
	if err != nil {
		return err
	}
	now := s.Now().UTC()
	for _, k := range order {
		c := net[k]
		if c.op == "none" {
			continue
		}
		op, err := s.buildOp(tx, c, st, now)
		if err != nil {
			return err
		}
		if op == nil {
			continue
		}
		if err := enqueue(tx, op, now); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(`DELETE FROM sync_changes`); err != nil {
		return fmt.Errorf("clear changes: %w", err)
	}
	return nil
}

// SyncState is the laptop's office settings and progress.
type SyncState struct {
	Active      bool
	Server      string
	Initials    string
	Device      string
	Since       int64
	LastSync    string
	LastError   string
	HistorySent bool
}

func syncStateIn(q queryRower) (SyncState, error) {
	var st SyncState
	err := q.QueryRow(`SELECT active, server, initials, device, since, last_sync, last_error, history_sent
		FROM sync_state WHERE id = 1`).Scan(&st.Active, &st.Server, &st.Initials, &st.Device, &st.Since,
		&st.LastSync, &st.LastError, &st.HistorySent)
	if err != nil {
		return st, fmt.Errorf("read sync state: %w", err)
	}
	return st, nil
}

// SyncState reads the office settings and progress.
func (s *Store) SyncState() (SyncState, error) { return syncStateIn(s.db) }

// OfficeJoined says whether an office is configured in sync_state (one
// row's flag): the cheap question, where OfficeStatus counts changes
// waiting and conflicts too.
func (s *Store) OfficeJoined() (bool, error) {
	var active bool
	if err := s.db.QueryRow(`SELECT active FROM sync_state WHERE id = 1`).Scan(&active); err != nil {
		return false, fmt.Errorf("read sync state: %w", err)
	}
	return active, nil
}

// ensureGid returns the row's gid, giving it one if it has none.
func (s *Store) ensureGid(tx *sql.Tx, table string, rid int64) (string, error) {
	var g sql.NullString
	if err := tx.QueryRow(`SELECT gid FROM `+table+` WHERE rowid = ?`, rid).Scan(&g); err != nil {
		return "", fmt.Errorf("gid of %s %d: %w", table, rid, err)
	}
	if g.Valid {
		return g.String, nil
	}
	gid := s.NewGid()
	if key := naturalKeys[table]; key != nil {
		var err error
		if gid, err = s.naturalGid(tx, table, key, rid); err != nil {
			return "", err
		}
	}
	if _, err := tx.Exec(`UPDATE `+table+` SET gid = ? WHERE rowid = ?`, gid, rid); err != nil {
		return "", fmt.Errorf("give %s %d a gid: %w", table, rid, err)
	}
	return gid, nil
}

// naturalKeys are the tables whose rows a case has at most one of per key
// (an action ticked, a reception step, the one benefit case): their gid is
// derived from the key, so the same row made on two laptops is one record
// at the office, and two edits of it meet as edits, not as twins.
var naturalKeys = map[string][]string{
	"progress":          {"citizen_id", "action_id"},
	"reception_steps":   {"citizen_id", "step_id"},
	"openings":          {"citizen_id"},
	"educations":        {"citizen_id"},
	"benefit_cases":     {"citizen_id"},
	"youth_flags":       {"citizen_id"},
	"case_closings":     {"citizen_id"},
	"conversation_jobs": {"conversation_id", "job_id"},
	"settings":          {"key"},
}

// naturalGid derives a row's gid from its table and key (references as gids).
func (s *Store) naturalGid(tx *sql.Tx, table string, key []string, rid int64) (string, error) {
	t, _ := syncTableByName(table)
	row, err := readRow(tx, table, rid)
	if err != nil || row == nil {
		return "", fmt.Errorf("key of %s %d: %v", table, rid, err)
	}
	parts := []string{table}
	for _, col := range key {
		if parent, ok := t.Refs[col]; ok {
			g, err := s.ensureGid(tx, parent, asInt(row[col]))
			if err != nil {
				return "", err
			}
			parts = append(parts, g)
			continue
		}
		parts = append(parts, fmt.Sprint(row[col]))
	}
	return derivedGid(parts...), nil
}

// readRow reads one row as column -> value.
func readRow(tx *sql.Tx, table string, rid int64) (map[string]any, error) {
	rows, err := tx.Query(`SELECT * FROM `+table+` WHERE rowid = ?`, rid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, rows.Err()
	}
	vals, err := scanValues(rows, len(cols))
	if err != nil {
		return nil, err
	}
	row := make(map[string]any, len(cols))
	for i, c := range cols {
		row[c] = vals[i]
	}
	return row, rows.Err()
}

// scanValues reads the current row's n columns as they are stored, text
// as strings.
func scanValues(rows *sql.Rows, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	for i, v := range vals {
		if b, ok := v.([]byte); ok {
			vals[i] = string(b)
		}
	}
	return vals, nil
}

func noteHash(body string) string {
	h := sha256.Sum256([]byte(body))
	return hex.EncodeToString(h[:16])
}

func asInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case nil:
		return 0
	}
	return 0
}

// citizenGidOf finds the gid of the citizen a row belongs to.
func (s *Store) citizenGidOf(tx *sql.Tx, t *syncTable, row map[string]any, selfGid string) (string, error) {
	switch t.Citizen {
	case "":
		return "", nil
	case "self":
		return selfGid, nil
	case "conversation_id":
		var cid int64
		if err := tx.QueryRow(`SELECT citizen_id FROM conversations WHERE id = ?`, asInt(row["conversation_id"])).Scan(&cid); err != nil {
			return "", fmt.Errorf("citizen of conversation: %w", err)
		}
		return s.ensureGid(tx, "citizens", cid)
	}
	return s.ensureGid(tx, "citizens", asInt(row[t.Citizen]))
}

// buildOp makes the operation for one touched row (nil: nothing to send).
func (s *Store) buildOp(tx *sql.Tx, c *syncChange, st SyncState, now time.Time) (*SyncOp, error) {
	t, ok := syncTableByName(c.tbl)
	if !ok {
		return nil, fmt.Errorf("sync: unknown table %s", c.tbl)
	}
	op := &SyncOp{ID: s.NewGid(), Schema: SchemaVersion(), Table: t.Name, By: st.Initials, At: now.Format(time.RFC3339)}
	if c.op == "delete" {
		if !c.gid.Valid {
			return nil, nil // never had a gid: never left this laptop
		}
		op.Kind, op.Gid = "delete", c.gid.String
		rec, err := recordIn(tx, op.Gid)
		if err != nil {
			return nil, err
		}
		op.Citizen, op.Base, op.Prev = rec.citizen, rec.version, rec.pendingPrev(tx)
		if t.Name == "citizens" {
			op.Citizen = op.Gid
		}
		if _, err := tx.Exec(`DELETE FROM sync_note WHERE parent_gid = ?`, op.Gid); err != nil {
			return nil, err
		}
		return op, setLastOp(tx, op, t.Name)
	}
	gid, err := s.ensureGid(tx, t.Name, c.rid)
	if err != nil {
		return nil, err
	}
	row, err := readRow(tx, t.Name, c.rid)
	if err != nil {
		return nil, fmt.Errorf("read %s %d: %w", t.Name, c.rid, err)
	}
	if row == nil {
		return nil, nil // gone again (deleted later in the transaction under another rowid)
	}
	op.Kind, op.Gid = "upsert", gid
	if op.Citizen, err = s.citizenGidOf(tx, t, row, gid); err != nil {
		return nil, err
	}
	rec, err := recordIn(tx, gid)
	if err != nil {
		return nil, err
	}
	op.Base, op.Prev = rec.version, rec.pendingPrev(tx)
	isNote := map[string]bool{}
	for _, n := range t.Notes {
		isNote[n] = true
	}
	op.Fields = map[string]any{}
	for col, v := range row {
		if localOnly[col] || isNote[col] {
			continue
		}
		if parent, ok := t.Refs[col]; ok {
			if v == nil {
				op.Fields[col] = nil
				continue
			}
			pg, err := s.ensureGid(tx, parent, asInt(v))
			if err != nil {
				return nil, err
			}
			op.Fields[col] = pg
			continue
		}
		op.Fields[col] = v
	}
	for _, f := range t.Notes {
		body, _ := row[f].(string)
		var prevGid, prevHash string
		err := tx.QueryRow(`SELECT note_gid, hash FROM sync_note WHERE parent_gid = ? AND field = ?`, gid, f).Scan(&prevGid, &prevHash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		h := noteHash(body)
		if h == prevHash || (prevGid == "" && body == "") {
			continue
		}
		n := NoteOp{Field: f, Gid: s.NewGid(), Supersedes: prevGid, Body: body}
		op.Notes = append(op.Notes, n)
		if _, err := tx.Exec(`INSERT INTO sync_note (parent_gid, field, note_gid, hash) VALUES (?, ?, ?, ?)
			ON CONFLICT (parent_gid, field) DO UPDATE SET note_gid = excluded.note_gid, hash = excluded.hash`,
			gid, f, n.Gid, h); err != nil {
			return nil, err
		}
	}
	return op, setLastOp(tx, op, t.Name)
}

type record struct {
	gid, citizen, lastOp string
	version              int64
}

func recordIn(tx *sql.Tx, gid string) (record, error) {
	r := record{gid: gid}
	err := tx.QueryRow(`SELECT citizen_gid, version, last_op FROM sync_record WHERE gid = ?`, gid).Scan(&r.citizen, &r.version, &r.lastOp)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	return r, err
}

// pendingPrev is the record's last operation if it is still in the outbox.
func (r record) pendingPrev(tx *sql.Tx) string {
	if r.lastOp == "" {
		return ""
	}
	var n int
	if tx.QueryRow(`SELECT count(*) FROM outbox WHERE op_id = ?`, r.lastOp).Scan(&n); n == 0 {
		return ""
	}
	return r.lastOp
}

func setLastOp(tx *sql.Tx, op *SyncOp, table string) error {
	_, err := tx.Exec(`INSERT INTO sync_record (gid, tbl, citizen_gid, last_op) VALUES (?, ?, ?, ?)
		ON CONFLICT (gid) DO UPDATE SET last_op = excluded.last_op, citizen_gid = excluded.citizen_gid`,
		op.Gid, table, op.Citizen, op.ID)
	if err != nil {
		return fmt.Errorf("record last op: %w", err)
	}
	return nil
}

func enqueue(tx *sql.Tx, op *SyncOp, now time.Time) error {
	b, err := json.Marshal(op)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO outbox (op_id, tbl, gid, payload, created_at) VALUES (?, ?, ?, ?, ?)`,
		op.ID, op.Table, op.Gid, string(b), now.Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}

// JoinOffice makes this laptop part of an office: from now on every change
// is written to the outbox in its own transaction. Rows without a gid get
// one; the history itself goes to the office in bulk (HistorySent).
func (s *Store) JoinOffice(server, initials, device string) error {
	err := s.inTx("join office", func(tx *sql.Tx) error {
		if err := fillGids(tx, s.Now()); err != nil {
			return err
		}
		_, err := tx.Exec(`UPDATE sync_state SET active = 1, server = ?, initials = ?, device = ? WHERE id = 1`,
			server, strings.ToUpper(initials), device)
		return err
	})
	if err != nil {
		return err
	}
	s.office.Store(true)
	return nil
}

// SetOfficeServer keeps the office's address as given (one transaction):
// an address that held a password, moved out to its protected file by the
// office tier, is replaced, and the -wal is emptied into the database,
// where secure_delete has zeroed the old text, so neither file keeps it.
func (s *Store) SetOfficeServer(server string) error {
	err := s.inTx("office address", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE sync_state SET server = ? WHERE id = 1`, server)
		return err
	})
	if err != nil {
		return err
	}
	s.scrubWAL()
	return nil
}

// PendingOps reads up to limit operations from the outbox, oldest first.
func (s *Store) PendingOps(limit int) ([]SyncOp, error) {
	rows, err := s.db.Query(`SELECT payload FROM outbox ORDER BY n LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	defer rows.Close()
	var ops []SyncOp
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		var op SyncOp
		if err := json.Unmarshal([]byte(p), &op); err != nil {
			return nil, fmt.Errorf("outbox payload: %w", err)
		}
		ops = append(ops, op)
	}
	return ops, rows.Err()
}

// PendingCount is how many changes are not yet at the office.
func (s *Store) PendingCount() (int, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM outbox`).Scan(&n)
	return n, err
}

// HistoryOps builds an operation for every record this laptop holds that
// never went to the office (no sync record), parents first, without writing
// anything: the history a laptop brings when it joins, sent in bulk. It
// reads each table once. Their notes get gids derived from their text, so
// a resend makes no twins. Every row has a gid (JoinOffice gave them).
func (s *Store) HistoryOps() ([]SyncOp, error) {
	st, err := s.SyncState()
	if err != nil {
		return nil, err
	}
	at := s.Now().UTC().Format(time.RFC3339)
	known := map[string]bool{}
	if err := eachRow(s.db, `SELECT gid FROM sync_record`, func(v []any) { known[v[0].(string)] = true }); err != nil {
		return nil, err
	}
	gids := map[string]map[int64]string{} // table -> rowid -> gid, for references
	convCitizen := map[int64]int64{}
	var ops []SyncOp
	for _, t := range SyncTables {
		gids[t.Name] = map[int64]string{}
		isNote := map[string]bool{}
		for _, n := range t.Notes {
			isNote[n] = true
		}
		rows, err := s.db.Query(`SELECT rowid, * FROM ` + t.Name)
		if err != nil {
			return nil, err
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals, err := scanValues(rows, len(cols))
			if err != nil {
				rows.Close()
				return nil, err
			}
			row := map[string]any{}
			for i, c := range cols[1:] {
				row[c] = vals[i+1]
			}
			rid := asInt(vals[0])
			gid, _ := row["gid"].(string)
			gids[t.Name][rid] = gid
			if t.Name == "conversations" {
				convCitizen[rid] = asInt(row["citizen_id"])
			}
			if gid == "" || known[gid] {
				continue
			}
			op := SyncOp{ID: newGid(s.Now()), Schema: SchemaVersion(), Kind: "upsert", Table: t.Name, Gid: gid,
				By: st.Initials, At: at, Fields: map[string]any{}}
			switch t.Citizen {
			case "self":
				op.Citizen = gid
			case "conversation_id":
				op.Citizen = gids["citizens"][convCitizen[asInt(row["conversation_id"])]]
			case "citizen_id":
				op.Citizen = gids["citizens"][asInt(row["citizen_id"])]
			}
			for c, v := range row {
				if localOnly[c] || isNote[c] {
					continue
				}
				if parent, ok := t.Refs[c]; ok && v != nil {
					v = gids[parent][asInt(v)]
				}
				op.Fields[c] = v
			}
			for _, f := range t.Notes {
				if body, _ := row[f].(string); body != "" {
					op.Notes = append(op.Notes, NoteOp{Field: f, Gid: derivedGid(gid, f, body), Body: body})
				}
			}
			ops = append(ops, op)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return ops, nil
}

func eachRow(db *sql.DB, q string, fn func([]any)) error {
	rows, err := db.Query(q)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return err
		}
		fn(vals)
	}
	return rows.Err()
}

// derivedGid is a UUID (version 8) derived from its parts.
func derivedGid(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	b := h[:16]
	b[6] = 0x80 | b[6]&0x0f
	b[8] = 0x80 | b[8]&0x3f
	x := hex.EncodeToString(b)
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

// MarkHistory records the history the office took in bulk (accepted:
// version 1, its notes), puts the rest in the outbox to go op by op (and
// meet the office's rules one by one), and, with the last, notes that the
// history is sent. It writes ApplyBatchSize operations a transaction, so
// the window's saves go through between them; stopped before its last,
// the next join sends what is left again (the office keeps what it has).
func (s *Store) MarkHistory(ops []SyncOp, accepted map[string]bool) error {
	parts := chunks(len(ops), ApplyBatchSize)
	for _, part := range parts {
		if err := s.syncTx("office history", func(tx *sql.Tx) error {
			return s.markHistory(tx, ops[part[0]:part[1]], accepted)
		}); err != nil {
			return err
		}
	}
	return s.syncTx("office history", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE sync_state SET history_sent = 1 WHERE id = 1`)
		return err
	})
}

func (s *Store) markHistory(tx *sql.Tx, ops []SyncOp, accepted map[string]bool) error {
	now := s.Now().UTC()
	rec, err := tx.Prepare(`INSERT INTO sync_record (gid, tbl, citizen_gid, version) VALUES (?, ?, ?, 1)
		ON CONFLICT (gid) DO UPDATE SET version = max(version, 1)`)
	if err != nil {
		return err
	}
	defer rec.Close()
	note, err := tx.Prepare(`INSERT INTO sync_note (parent_gid, field, note_gid, hash) VALUES (?, ?, ?, ?)
		ON CONFLICT (parent_gid, field) DO UPDATE SET note_gid = excluded.note_gid, hash = excluded.hash`)
	if err != nil {
		return err
	}
	defer note.Close()
	for i := range ops {
		op := &ops[i]
		if accepted[op.Gid] {
			if _, err := rec.Exec(op.Gid, op.Table, op.Citizen); err != nil {
				return err
			}
			if err := ownUnassigned(tx, op); err != nil {
				return err
			}
		} else {
			if err := enqueue(tx, op, now); err != nil {
				return err
			}
			if err := setLastOp(tx, op, op.Table); err != nil {
				return err
			}
		}
		for _, n := range op.Notes {
			if _, err := note.Exec(op.Gid, n.Field, n.Gid, noteHash(n.Body)); err != nil {
				return err
			}
		}
	}
	return nil
}

// AbandonJoin undoes a join that did not finish (cancelled, or the office
// refused it before the first pull was applied): the laptop is no longer in
// an office and keeps no office state; its records stay as they are (their
// gids are harmless). The colleagues' cases a first pull stopped midway
// had begun to bring (marked to be fetched whole) are removed: no half
// case of someone else stays on a laptop in no office. A later join sends
// its history again.
func (s *Store) AbandonJoin() error {
	err := s.syncTx("office leave", func(tx *sql.Tx) error {
		if err := purgeArrived(tx); err != nil {
			return fmt.Errorf("leave the office: %w", err)
		}
		for _, q := range []string{`DELETE FROM outbox`, `DELETE FROM sync_record`, `DELETE FROM sync_note`,
			`DELETE FROM sync_refresh`, `DELETE FROM sync_conflict`, `DELETE FROM settings WHERE key = '` + keyJoinCopy + `'`,
			`UPDATE sync_state SET active = 0, server = '', initials = '', device = '', since = 0,
				last_sync = '', last_error = '', history_sent = 0 WHERE id = 1`} {
			if _, err := tx.Exec(q); err != nil {
				return fmt.Errorf("leave the office: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.office.Store(false)
	return nil
}

// purgeArrived removes the cases a pull began to fetch whole and did not
// finish (sync_refresh's whole-case marks).
func purgeArrived(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT gid FROM sync_refresh WHERE tbl = ?`, wholeCase)
	if err != nil {
		return err
	}
	var gids []string
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			rows.Close()
			return err
		}
		gids = append(gids, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return purgeCases(tx, gids)
}
