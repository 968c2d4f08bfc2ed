package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"jobspor/model"
)

// OpResult is the office's answer to one pushed operation.
type OpResult struct {
	OpID    string
	Table   string
	Gid     string
	Citizen string
	// Outcome is applied, conflict or rejected.
	Outcome string
	// Version is the record's version at the office after the operation (0: unchanged or none).
	Version   int64
	Conflicts []Conflict
}

// Conflict is an edit the office did not take as it was: a field another
// caseworker changed since this laptop's base (conflict), or an operation
// a rule refused (rejected). Both texts are kept.
type Conflict struct {
	OpID    string
	Citizen string
	Table   string
	Record  string
	Field   string
	Outcome string
	Mine    string
	Theirs  string
	Author  string
	// MineAt is when this laptop made its edit (as it said); TheirsBy and
	// TheirsAt who made the office's value and when the office took it
	// (for a note: its author and when it was written).
	MineAt, TheirsBy, TheirsAt string
	// HandedAt is, for a note written after a hand-over, when its author
	// lost the case.
	HandedAt string
	// CitizenID and CitizenName are the local citizen's (read by Conflicts;
	// 0 and "" when the case is not on this laptop).
	CitizenID   int64
	CitizenName string
	// CitizenCPR is the local citizen's CPR number (read by Conflicts; ""
	// none): shown only masked.
	CitizenCPR model.CPR
	// Members are, for the one question about a case the office refused
	// because it already has the citizen (OpID CaseRefusedPrefix + her
	// gid), the case's refusals, each with its text.
	Members []Conflict
	// Code says, in a word a program reads, why the office refused the
	// operation ("" none known): RefusedCPRTaken. The text (Theirs) is for
	// the person; grouping and counting read the code.
	Code string
}

// AckPush records the office's answers in one transaction: the operations
// leave the outbox, versions advance, conflicts and refusals are kept for a
// person, and records left in conflict are fetched whole at the next pull.
func (s *Store) AckPush(results []OpResult) error {
	if len(results) == 0 {
		return nil
	}
	return s.syncTx("office push", func(tx *sql.Tx) error {
		for _, r := range results {
			if _, err := tx.Exec(`DELETE FROM outbox WHERE op_id = ?`, r.OpID); err != nil {
				return err
			}
			if r.Version > 0 {
				if _, err := tx.Exec(`UPDATE sync_record SET version = max(version, ?) WHERE gid = ?`, r.Version, r.Gid); err != nil {
					return err
				}
			}
			if r.Outcome != "applied" && r.Gid != "" {
				if _, err := tx.Exec(`INSERT OR IGNORE INTO sync_refresh (gid, tbl) VALUES (?, ?)`, r.Gid, r.Table); err != nil {
					return err
				}
			}
			for _, c := range r.Conflicts {
				if err := putConflict(tx, c); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func putConflict(tx *sql.Tx, c Conflict) error {
	_, err := tx.Exec(`INSERT INTO sync_conflict (op_id, citizen_gid, tbl, record_gid, field, outcome, mine, theirs, author,
		mine_at, theirs_by, theirs_at, handed_at, code)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO UPDATE SET
		field = CASE WHEN instr(field, excluded.field) > 0 THEN field ELSE field || ', ' || excluded.field END,
		mine = CASE WHEN instr(field, excluded.field) > 0 THEN mine ELSE mine || char(10) || excluded.mine END,
		theirs = CASE WHEN instr(field, excluded.field) > 0 THEN theirs ELSE theirs || char(10) || excluded.theirs END,
		code = CASE WHEN code = '' THEN excluded.code ELSE code END`,
		c.OpID, c.Citizen, c.Table, c.Record, c.Field, c.Outcome, c.Mine, c.Theirs, c.Author,
		c.MineAt, c.TheirsBy, c.TheirsAt, c.HandedAt, c.Code)
	return err
}

// replaceOfficeConflicts puts the office's open conflicts in place of
// those it sent before; this laptop's own notices (two versions of a note,
// a row twice) stay until resolved, and the notes written after a
// hand-over are kept.
func replaceOfficeConflicts(tx *sql.Tx, b PullBatch) error {
	codes, err := refusalCodes(tx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM sync_conflict WHERE resolution = '' AND op_id NOT LIKE 'note:%' AND op_id NOT LIKE 'pull:%' AND op_id NOT LIKE 'late:%'`); err != nil {
		return err
	}
	if err := markLateNotes(tx, b.Notes); err != nil {
		return err
	}
	for _, c := range b.Conflicts {
		if c.Code == "" {
			c.Code = codes[c.OpID] // an office older than the code (N-1) sends none: the one known here stays
		}
		if err := putConflict(tx, c); err != nil {
			return err
		}
	}
	return nil
}

// refusalCodes are the codes of the open refusals this laptop holds, by op id.
func refusalCodes(tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.Query(`SELECT op_id, code FROM sync_conflict WHERE resolution = '' AND code <> ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	codes := map[string]string{}
	for rows.Next() {
		var id, code string
		if err := rows.Scan(&id, &code); err != nil {
			return nil, err
		}
		codes[id] = code
	}
	return codes, rows.Err()
}

// Conflicts lists the conflicts and refusals not yet resolved; the
// refusals of a case whose citizen the office already has are one
// (groupRefusedCases).
func (s *Store) Conflicts() ([]Conflict, error) {
	cs, err := s.openConflicts()
	if err != nil {
		return nil, err
	}
	gids, err := caseRefusedGids(s.db)
	if err != nil {
		return nil, err
	}
	return groupRefusedCases(cs, gids), nil
}

// openConflicts are the conflicts and refusals not yet resolved, one by one.
func (s *Store) openConflicts() ([]Conflict, error) {
	rows, err := s.db.Query(`SELECT k.op_id, k.citizen_gid, k.tbl, k.record_gid, k.field, k.outcome, k.mine, k.theirs, k.author,
		k.mine_at, k.theirs_by, k.theirs_at, k.handed_at, k.code, coalesce(c.id, 0), coalesce(c.name, ''), coalesce(c.cpr, '')
		FROM sync_conflict k LEFT JOIN citizens c ON c.gid = k.citizen_gid AND k.citizen_gid <> ''
		WHERE k.resolution = '' ORDER BY k.rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Conflict
	for rows.Next() {
		var c Conflict
		if err := rows.Scan(&c.OpID, &c.Citizen, &c.Table, &c.Record, &c.Field, &c.Outcome, &c.Mine, &c.Theirs, &c.Author,
			&c.MineAt, &c.TheirsBy, &c.TheirsAt, &c.HandedAt, &c.Code, &c.CitizenID, &c.CitizenName, &c.CitizenCPR); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ResolveConflict stores a person's choice (theirs, mine, dismissed) and audits it.
func (s *Store) ResolveConflict(opID, resolution string) error {
	return s.SettleConflict(opID, resolution, "")
}

// LocalNotice says whether a conflict id is this laptop's own notice (two
// versions of a note, a row twice, a note written after a hand-over):
// nothing at the office to close.
func LocalNotice(opID string) bool { return strings.Contains(opID, ":") }

// SettleConflict stores a person's choice for a conflict in one
// transaction: "mine" writes this laptop's value again and "edited" the
// value given, each as a new edit (it goes to the office based on its
// current version); "theirs" keeps the office's value; "dismissed" and
// "seen" close a refusal or a notice. The choice is audited, and a choice
// about the office's conflict waits to be sent with the next sync.
func (s *Store) SettleConflict(opID, how, value string) error {
	return s.inTx("resolve conflict", func(tx *sql.Tx) error {
		if strings.HasPrefix(opID, CaseRefusedPrefix) {
			return s.settleRefusedCase(tx, opID, how)
		}
		c, citizen, err := openConflict(tx, opID)
		if err != nil {
			return err
		}
		switch how {
		case "mine":
			err = s.writeConflictField(tx, c, c.Mine)
		case "edited":
			err = s.writeConflictField(tx, c, value)
		}
		if err != nil {
			return err
		}
		sent := 0
		if LocalNotice(opID) {
			sent = 1
		}
		if _, err := tx.Exec(`UPDATE sync_conflict SET resolution = ?, resolved_at = ?, resolved_by = ?, sent = ?
			WHERE op_id = ? AND resolution = ''`, how, s.Now().UTC().Format(time.RFC3339), s.auditUser(), sent, opID); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s %s.%s %s", opID, c.Table, c.Field, how)
		if how == "edited" && c.Field != "cpr" {
			detail += ": " + value
		}
		return appendAudit(tx, s.auditRow("office conflict", citizen, detail))
	})
}

// openConflict reads an open conflict and the local citizen it concerns.
func openConflict(tx *sql.Tx, opID string) (Conflict, sql.NullInt64, error) {
	c := Conflict{OpID: opID}
	var citizen sql.NullInt64
	err := tx.QueryRow(`SELECT k.citizen_gid, k.tbl, k.record_gid, k.field, k.outcome, k.mine, c.id
		FROM sync_conflict k LEFT JOIN citizens c ON c.gid = k.citizen_gid AND k.citizen_gid <> ''
		WHERE k.op_id = ? AND k.resolution = ''`, opID).Scan(&c.Citizen, &c.Table, &c.Record, &c.Field, &c.Outcome, &c.Mine, &citizen)
	if errors.Is(err, sql.ErrNoRows) {
		return c, citizen, model.NewUserError("office.conflict.unknown", nil, opID)
	}
	return c, citizen, err
}

// writeConflictField writes value into the conflict's field of its record,
// as a caseworker's edit (the outbox takes it with the transaction). A
// citizen is checked as the citizen form checks it: a value it would refuse
// is refused here too, and nothing is written.
func (s *Store) writeConflictField(tx *sql.Tx, c Conflict, value string) error {
	t, ok := syncTableByName(c.Table)
	if !ok || c.Field == "*" || c.Outcome != "conflict" || strings.ContainsAny(c.Field, `":, `) {
		return model.NewUserError("office.conflict.notfield", nil, c.Field)
	}
	cols, err := tableColumns(tx, t.Name)
	if err != nil {
		return err
	}
	if !cols[c.Field] || localOnly[c.Field] {
		return model.NewUserError("office.conflict.notfield", nil, c.Field)
	}
	res, err := tx.Exec(`UPDATE `+t.Name+` SET "`+c.Field+`" = ? WHERE gid = ?`, value, c.Record)
	if err != nil {
		return model.NewUserError("office.conflict.badvalue", err, value)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return model.NewUserError("office.conflict.gone", nil)
	}
	if t.Name != "citizens" {
		return nil
	}
	cit, err := scanCitizen(tx.QueryRow(`SELECT `+citizenColumns+` FROM citizens WHERE gid = ?`, c.Record))
	if err != nil {
		return err
	}
	return cit.ValidateOn(s.Now())
}

// Resolution is a person's choice about one of the office's conflicts,
// made on this laptop and not yet at the office.
type Resolution struct {
	OpID, How, At string
}

// PendingResolutions are the choices not yet sent to the office.
func (s *Store) PendingResolutions() ([]Resolution, error) {
	rows, err := s.db.Query(`SELECT op_id, resolution, resolved_at FROM sync_conflict WHERE sent = 0 AND resolution <> '' ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Resolution
	for rows.Next() {
		var r Resolution
		if err := rows.Scan(&r.OpID, &r.How, &r.At); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ResolutionsSent records that the office has these choices.
func (s *Store) ResolutionsSent(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return s.syncTx("office resolutions", func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.Exec(`UPDATE sync_conflict SET sent = 1 WHERE op_id = ?`, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// syncTx runs fn in one transaction whose own writes never reach the
// outbox: what the office sent, or the office's answers. Changes a
// caseworker made before are turned into operations first.
func (s *Store) syncTx(what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return explainBusy(fmt.Errorf("%s: begin: %w", what, err))
	}
	defer tx.Rollback()
	if err := s.recordOps(tx); err != nil {
		return explainBusy(err)
	}
	if err := fn(tx); err != nil {
		return explainBusy(err)
	}
	if _, err := tx.Exec(`DELETE FROM sync_changes`); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return explainBusy(fmt.Errorf("%s: commit: %w", what, err))
	}
	s.gen.Add(1)
	if what == "office pull" {
		s.scrubWAL() // a pull can purge a case or overwrite its texts: gone from the -wal too
	}
	return nil
}

// ServerRow is one record as the office has it, in the laptop's column
// names (references as gids, the CPR number already decrypted).
type ServerRow struct {
	Table   string
	Gid     string
	Citizen string
	Version int64
	Deleted bool
	Fields  map[string]any
}

// ServerNote is one version of a free text at the office.
type ServerNote struct {
	Gid, Citizen, ParentKind, Parent, Field, Supersedes, Body, Author string
	// Late: written by a caseworker who no longer had the case (a former
	// owner, a cover that ended); HandedAt is when she lost it.
	Late                bool
	WrittenAt, HandedAt string
	Seq                 int64
}

// PullBatch is what one pull brought, applied in one transaction.
type PullBatch struct {
	// Visible are the citizens this caseworker may have now; nil: unknown
	// (nothing is purged).
	Visible   []string
	Rows      []ServerRow
	Notes     []ServerNote
	Conflicts []Conflict
	Since     int64
	// Staff is the office's roster, Covers the covers this caseworker
	// holds (nil: not read; they stay as they are).
	Staff  []model.Colleague
	Covers []CoverRow
	// Office is what the office says of itself (lead, figures, capacity);
	// nil: nothing new.
	Office *model.OfficeInfo
	// Postcodes are the office's postcode list, up to PostcodesSeq, when
	// it changed since the last pull (nil: it did not).
	Postcodes    []model.Postcode
	PostcodesSeq int64
	// Whole are the cases this pull fetched whole (newly visible here).
	Whole []string
	// Size is the most records, free texts or purged cases one transaction
	// applies (0: ApplyBatchSize).
	Size int
	// Between, if set, is called after each of the pull's transactions but
	// the last, with how many are done of how many; an error stops the
	// pull there (what is applied stays; the next pull does the rest).
	Between func(done, total int) error
}

// PullWant is what the next pull must fetch besides everything after Since.
type PullWant struct {
	Since int64
	// Local are the citizens this laptop holds.
	Local map[string]bool
	// Refresh are records to fetch whole.
	Refresh []string
}

// PullWant reads where the last pull ended and what to fetch whole.
func (s *Store) PullWant() (PullWant, error) {
	w := PullWant{Local: map[string]bool{}}
	st, err := s.SyncState()
	if err != nil {
		return w, err
	}
	w.Since = st.Since
	rows, err := s.db.Query(`SELECT gid FROM citizens WHERE gid IS NOT NULL`)
	if err != nil {
		return w, err
	}
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			rows.Close()
			return w, err
		}
		w.Local[g] = true
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT gid, tbl FROM sync_refresh`)
	if err != nil {
		return w, err
	}
	defer rows.Close()
	for rows.Next() {
		var g, tbl string
		if err := rows.Scan(&g, &tbl); err != nil {
			return w, err
		}
		w.Refresh = append(w.Refresh, g)
		if tbl == wholeCase {
			delete(w.Local, g) // a pull stopped before its end: the case is fetched whole again
		}
	}
	return w, rows.Err()
}

// ApplyBatchSize is how many records (or free texts, or cases to purge)
// one transaction of a pull applies by default: a few hundred keep each
// transaction to a fraction of a second, so the window's own reads and
// saves never wait long for the laptop's one connection.
const ApplyBatchSize = 250

// ApplyPull applies what the office sent in bounded transactions (at most
// b.Size records, free texts or purged cases each), so that the window's
// saves and reads go through between them: cases no longer visible are
// purged (their unsent operations stay in the outbox), records are
// written parents first, each free text gets its newest version, and the
// last transaction replaces the office's conflicts and records the pull's
// end. Until that last one commits, the laptop's since does not move and
// the cases fetched whole stay marked to be fetched whole: a pull stopped
// between two transactions (a kill, a lost connection) is simply done
// again by the next one, and every step finds what it already wrote.
func (s *Store) ApplyPull(b PullBatch, at time.Time) error {
	size := b.Size
	if size <= 0 {
		size = ApplyBatchSize
	}
	p := &pullApply{s: s, b: b, at: at, size: size}
	steps, err := p.plan()
	if err != nil {
		return err
	}
	for i, step := range steps {
		what := "office pull step"
		if i == len(steps)-1 {
			what = "office pull"
		}
		err := s.syncTx(what, step)
		if err == nil && i < len(steps)-1 && b.Between != nil {
			err = b.Between(i+1, len(steps))
		}
		if err != nil && i > 0 {
			return errors.Join(ErrPullUnfinished, err)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ErrPullUnfinished is in the error of a pull stopped after some of its
// transactions: part of it is on the laptop, and the next pull does it
// again whole.
var ErrPullUnfinished = errors.New("the pull was stopped before its end")

// pullApply is one pull being applied, transaction by transaction.
type pullApply struct {
	s    *Store
	b    PullBatch
	at   time.Time
	size int
	pc   *pullCtx
	ns   *noteSet
}

// plan splits the pull into its transactions: marking the cases fetched
// whole, purging (in chunks), the records (parents first, in chunks), the
// free texts (in chunks), and the end.
func (p *pullApply) plan() ([]func(tx *sql.Tx) error, error) {
	var steps []func(tx *sql.Tx) error
	if p.b.Visible != nil {
		gone, err := p.s.invisibleCases(p.b.Visible)
		if err != nil {
			return nil, err
		}
		for _, part := range chunks(len(gone), p.size) {
			g := gone[part[0]:part[1]]
			steps = append(steps, func(tx *sql.Tx) error { return purgeCases(tx, g) })
		}
	}
	rank := map[string]int{}
	for i, t := range SyncTables {
		rank[t.Name] = i
	}
	rows := append([]ServerRow(nil), p.b.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rank[rows[i].Table] < rank[rows[j].Table] })
	for _, part := range chunks(len(rows), p.size) {
		r := rows[part[0]:part[1]]
		steps = append(steps, func(tx *sql.Tx) error { return p.applyRows(tx, r) })
	}
	p.ns = newNoteSet(p.b.Notes)
	keys := p.ns.headKeys()
	for _, part := range chunks(len(keys), p.size) {
		k := keys[part[0]:part[1]]
		steps = append(steps, func(tx *sql.Tx) error {
			var made map[noteKey]bool
			if p.pc != nil {
				made = p.pc.made
			}
			return applyNotes(tx, p.ns, made, k)
		})
	}
	if len(steps) == 0 {
		return []func(tx *sql.Tx) error{p.end}, nil // nothing new: one transaction, as an idle pull always was
	}
	return append(append([]func(tx *sql.Tx) error{p.begin}, steps...), p.end), nil
}

// chunks splits n items into [from, to) parts of at most size.
func chunks(n, size int) [][2]int {
	var out [][2]int
	for i := 0; i < n; i += size {
		out = append(out, [2]int{i, min(i+size, n)})
	}
	return out
}

// begin marks the cases this pull fetches whole: a pull stopped before its
// end fetches them whole again, though their citizens are then here.
func (p *pullApply) begin(tx *sql.Tx) error {
	for _, g := range p.b.Whole {
		if _, err := tx.Exec(`INSERT INTO sync_refresh (gid, tbl) VALUES (?, ?) ON CONFLICT (gid) DO UPDATE SET tbl = excluded.tbl`,
			g, wholeCase); err != nil {
			return err
		}
	}
	return nil
}

// wholeCase marks, in sync_refresh, a citizen whose whole case a pull
// began to fetch and has not finished.
const wholeCase = "*case"

// applyRows writes a chunk of records; what the window saved since the
// last chunk (now in the outbox) is left as it is and fetched whole later.
func (p *pullApply) applyRows(tx *sql.Tx, rows []ServerRow) error {
	if p.pc == nil { // read once, after the purge: the versions held, the records to fetch whole
		pc, err := newPullCtx(tx)
		if err != nil {
			return err
		}
		pc.heads = p.ns.heads
		p.pc = pc
	} else if err := p.pc.readPending(tx); err != nil {
		return err
	}
	for _, r := range rows {
		if err := p.s.applyRow(tx, p.pc, r, p.at); err != nil {
			return fmt.Errorf("apply %s %s: %w", r.Table, r.Gid, err)
		}
	}
	return nil
}

// end replaces the office's open conflicts, keeps the notes written after
// a hand-over, the roster, covers, the office's figures and postcodes, and
// records the pull's end: since moves only here.
func (p *pullApply) end(tx *sql.Tx) error {
	b := p.b
	if err := replaceOfficeConflicts(tx, b); err != nil {
		return err
	}
	// fetched whole now, except what has unsent changes here (skipped by this
	// pull: fetched whole after they are sent)
	if _, err := tx.Exec(`DELETE FROM sync_refresh WHERE gid NOT IN (SELECT gid FROM outbox)`); err != nil {
		return err
	}
	if err := applyColleagues(tx, b.Staff, b.Covers); err != nil {
		return err
	}
	if err := putOfficeInfo(tx, b.Office); err != nil {
		return err
	}
	if err := putPostcodes(tx, b); err != nil {
		return err
	}
	_, err := tx.Exec(`UPDATE sync_state SET since = max(since, ?), last_sync = ?, last_error = '' WHERE id = 1`,
		b.Since, p.at.UTC().Format(time.RFC3339))
	return err
}

// invisibleCases are the cases this caseworker no longer has: those that
// were at the office (a version) and are not visible now. A case made here
// and not yet accepted stays.
func (s *Store) invisibleCases(visible []string) ([]string, error) {
	vis := make(map[string]bool, len(visible))
	for _, g := range visible {
		vis[g] = true
	}
	rows, err := s.db.Query(`SELECT c.gid FROM citizens c JOIN sync_record r ON r.gid = c.gid WHERE r.version > 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var gone []string
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return nil, err
		}
		if !vis[g] {
			gone = append(gone, g)
		}
	}
	return gone, rows.Err()
}

// purgeCases removes these cases from the laptop (those already gone are
// skipped); their unsent operations stay in the outbox.
func purgeCases(tx *sql.Tx, gids []string) error {
	for _, g := range gids {
		id, err := localID(tx, "citizens", g)
		if err != nil {
			return err
		}
		if id != 0 {
			if err := deleteCitizen(tx, id); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`DELETE FROM sync_note WHERE parent_gid IN (SELECT gid FROM sync_record WHERE citizen_gid = ?)`, g); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM sync_record WHERE citizen_gid = ? AND last_op NOT IN (SELECT op_id FROM outbox)`, g); err != nil {
			return err
		}
	}
	return nil
}

// localID finds the rowid of the row with gid (0: none here).
func localID(tx *sql.Tx, table, gid string) (int64, error) {
	var id int64
	err := tx.QueryRow(`SELECT rowid FROM `+table+` WHERE gid = ?`, gid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// settingByKey finds the laptop's row of an office setting saved here
// before it had a gid (say, on a laptop that joined before settings
// travelled), and gives it the office's gid: the office's value then
// replaces it, as for every office setting.
func settingByKey(tx *sql.Tx, r ServerRow) (int64, error) {
	key, _ := r.Fields["key"].(string)
	var id int64
	err := tx.QueryRow(`SELECT rowid FROM settings WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	_, err = tx.Exec(`UPDATE settings SET gid = ? WHERE rowid = ?`, r.Gid, id)
	return id, err
}

func hasPending(tx *sql.Tx, gid string) (bool, error) {
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM outbox WHERE gid = ?`, gid).Scan(&n)
	return n > 0, err
}

// tableColumns lists a table's columns.
func tableColumns(tx *sql.Tx, table string) (map[string]bool, error) {
	rows, err := tx.Query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols := map[string]bool{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols[c] = true
	}
	return cols, rows.Err()
}

// applyRow writes one record as the office has it. A record with unsent
// changes here is left as it is and fetched whole at the next pull.
// pullCtx is what one pull's apply reads once: the versions this laptop
// holds, the records with unsent changes or to be fetched whole, each
// table's columns.
type pullCtx struct {
	heads map[noteKey]ServerNote
	// made are the free texts of records this pull made, written with them
	made    map[noteKey]bool
	version map[string]int64
	pending map[string]bool
	refresh map[string]bool
	cols    map[string]map[string]bool
}

// readPending reads again which records have unsent changes (the window
// may have saved between two of the pull's transactions).
func (pc *pullCtx) readPending(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT gid FROM outbox`)
	if err != nil {
		return err
	}
	defer rows.Close()
	pc.pending = map[string]bool{}
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return err
		}
		pc.pending[g] = true
	}
	return rows.Err()
}

func newPullCtx(tx *sql.Tx) (*pullCtx, error) {
	pc := &pullCtx{made: map[noteKey]bool{}, version: map[string]int64{}, pending: map[string]bool{}, refresh: map[string]bool{}, cols: map[string]map[string]bool{}}
	for q, fn := range map[string]func(g string, v int64){
		`SELECT gid, version FROM sync_record`: func(g string, v int64) { pc.version[g] = v },
		`SELECT gid, 0 FROM outbox`:            func(g string, _ int64) { pc.pending[g] = true },
		`SELECT gid, 0 FROM sync_refresh`:      func(g string, _ int64) { pc.refresh[g] = true },
	} {
		rows, err := tx.Query(q)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var g string
			var v int64
			if err := rows.Scan(&g, &v); err != nil {
				rows.Close()
				return nil, err
			}
			fn(g, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return pc, nil
}

func (s *Store) applyRow(tx *sql.Tx, pc *pullCtx, r ServerRow, at time.Time) error {
	t, ok := syncTableByName(r.Table)
	if !ok {
		return fmt.Errorf("unknown table %s", r.Table)
	}
	if pc.pending[r.Gid] {
		_, err := tx.Exec(`INSERT OR IGNORE INTO sync_refresh (gid, tbl) VALUES (?, ?)`, r.Gid, r.Table)
		return err
	}
	if v, ok := pc.version[r.Gid]; ok && v == r.Version && !r.Deleted && !pc.refresh[r.Gid] {
		return nil // this laptop holds this version already (say, its own history, sent in bulk)
	}
	id, err := localID(tx, t.Name, r.Gid)
	if err != nil {
		return err
	}
	if id == 0 && t.Name == "settings" {
		if id, err = settingByKey(tx, r); err != nil {
			return err
		}
	}
	if r.Deleted {
		if id != 0 {
			if t.Name == "citizens" {
				err = deleteCitizen(tx, id)
			} else {
				_, err = tx.Exec(`DELETE FROM `+t.Name+` WHERE rowid = ?`, id)
			}
			if err != nil {
				return err
			}
		}
		_, err := tx.Exec(`DELETE FROM sync_record WHERE gid = ?`, r.Gid)
		return err
	}
	cols := pc.cols[t.Name]
	if cols == nil {
		if cols, err = tableColumns(tx, t.Name); err != nil {
			return err
		}
		pc.cols[t.Name] = cols
	}
	names := []string{}
	vals := []any{}
	for col, v := range r.Fields {
		if !cols[col] || localOnly[col] {
			continue
		}
		if parent, ok := t.Refs[col]; ok && v != nil {
			g, _ := v.(string)
			pid, err := localID(tx, parent, g)
			if err != nil {
				return err
			}
			if pid == 0 {
				if col == "citizen_id" || col == "conversation_id" || col == "edition_id" {
					return nil // its parent is not here (not visible): nothing to hang it on
				}
				v = nil
			} else {
				v = pid
			}
		}
		if f, ok := v.(float64); ok {
			v = int64(f)
		}
		names, vals = append(names, col), append(vals, v)
	}
	if cols["name_key"] {
		name, _ := r.Fields["name"].(string)
		names, vals = append(names, "name_key"), append(vals, model.FoldName(name))
	}
	if cols["updated_at"] {
		names, vals = append(names, "updated_at"), append(vals, at.UTC().Format(time.RFC3339))
	}
	if id != 0 {
		set := make([]string, len(names))
		for i, n := range names {
			set[i] = `"` + n + `" = ?`
		}
		if _, err := tx.Exec(`UPDATE `+t.Name+` SET `+strings.Join(set, ", ")+` WHERE rowid = ?`, append(vals, id)...); err != nil {
			return err
		}
	} else {
		names, vals = append(names, "gid"), append(vals, r.Gid)
		for _, f := range t.Notes { // a new record gets its free texts with it
			body := requiredText[t.Name+"."+f]
			if h, ok := pc.heads[noteKey{r.Gid, f}]; ok {
				body = h.Body
			}
			names, vals = append(names, f), append(vals, body)
		}
		q := make([]string, len(names))
		quoted := make([]string, len(names))
		for i, n := range names {
			q[i], quoted[i] = "?", `"`+n+`"`
		}
		res, err := tx.Exec(`INSERT INTO `+t.Name+` (`+strings.Join(quoted, ", ")+`) VALUES (`+strings.Join(q, ", ")+`)
			ON CONFLICT DO NOTHING`, vals...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// a row of this laptop holds the same key (say, the same action ticked on two
			// laptops): both stay, and a person sees it
			return putConflict(tx, Conflict{OpID: "pull:" + r.Gid, Citizen: r.Citizen, Table: t.Name, Record: r.Gid,
				Field: "*", Outcome: "conflict", Mine: "(en række på denne computer)", Theirs: "(kontorets række)"})
		}
		if err := newRecordNotes(tx, pc, t, r.Gid); err != nil {
			return err
		}
	}
	_, err = tx.Exec(`INSERT INTO sync_record (gid, tbl, citizen_gid, version) VALUES (?, ?, ?, ?)
		ON CONFLICT (gid) DO UPDATE SET version = excluded.version, citizen_gid = excluded.citizen_gid`,
		r.Gid, t.Name, r.Citizen, r.Version)
	return err
}

// newRecordNotes records which versions of its free texts a record the
// pull just made holds, in the same transaction: an edit the window makes
// before the pull's free texts are applied is then no new version.
func newRecordNotes(tx *sql.Tx, pc *pullCtx, t *syncTable, gid string) error {
	for _, f := range t.Notes {
		h, ok := pc.heads[noteKey{gid, f}]
		if !ok {
			continue
		}
		if _, err := tx.Exec(`INSERT INTO sync_note (parent_gid, field, note_gid, hash) VALUES (?, ?, ?, ?)
			ON CONFLICT (parent_gid, field) DO UPDATE SET note_gid = excluded.note_gid, hash = excluded.hash`,
			gid, f, h.Gid, noteHash(h.Body)); err != nil {
			return err
		}
		pc.made[noteKey{gid, f}] = true
	}
	return nil
}

// applyNotes puts each free text's newest version into its column: of the
// versions no other supersedes, the one the office numbered last. (Two
// versions of one note both stay at the office.)
type noteKey struct{ parent, field string }

// noteHeads are each free text's newest version among notes.
func noteHeads(notes []ServerNote) map[noteKey]ServerNote {
	heads := map[noteKey]ServerNote{}
	superseded := map[string]bool{}
	for _, n := range notes {
		if n.Supersedes != "" {
			superseded[n.Supersedes] = true
		}
	}
	for _, n := range notes {
		if superseded[n.Gid] {
			continue
		}
		k := noteKey{n.Parent, n.Field}
		if h, ok := heads[k]; !ok || n.Seq > h.Seq {
			heads[k] = n
		}
	}
	return heads
}

// requiredText stands in for a free text a record must have when the
// office sent the record without it (its note refused, say).
var requiredText = map[string]string{"track_changes.reason": "(begrundelsen er ikke hentet)",
	"exemptions.reason": "(begrundelsen er ikke hentet)"}

// noteSet is a pull's free texts, indexed once: each text's newest
// version, which versions are superseded, and the versions of each text.
type noteSet struct {
	all        []ServerNote
	heads      map[noteKey]ServerNote
	superseded map[string]bool
	by         map[string]string // a version's gid -> the version it supersedes
	of         map[noteKey][]ServerNote
}

func newNoteSet(notes []ServerNote) *noteSet {
	ns := &noteSet{all: notes, heads: noteHeads(notes), superseded: map[string]bool{},
		by: make(map[string]string, len(notes)), of: map[noteKey][]ServerNote{}}
	for _, n := range notes {
		if n.Supersedes != "" {
			ns.superseded[n.Supersedes] = true
		}
		ns.by[n.Gid] = n.Supersedes
		k := noteKey{n.Parent, n.Field}
		ns.of[k] = append(ns.of[k], n)
	}
	return ns
}

// headKeys are the texts with a newest version, in a fixed order.
func (ns *noteSet) headKeys() []noteKey {
	keys := make([]noteKey, 0, len(ns.heads))
	for k := range ns.heads {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].parent != keys[j].parent {
			return keys[i].parent < keys[j].parent
		}
		return keys[i].field < keys[j].field
	})
	return keys
}

// reaches says whether the version from supersedes (directly or through
// versions in this pull) the version to.
func (ns *noteSet) reaches(from, to string) bool {
	for i, g := 0, from; g != "" && i <= len(ns.all); i++ {
		next := ns.by[g]
		if next == to {
			return true
		}
		g = next
	}
	return false
}

func applyNotes(tx *sql.Tx, ns *noteSet, made map[noteKey]bool, keys []noteKey) error {
	for _, k := range keys {
		if made[k] {
			continue // written with its record, by this pull
		}
		n := ns.heads[k]
		t, ok := syncTableByName(n.ParentKind)
		if !ok || !isNoteColumn(t, k.field) {
			continue
		}
		pending, err := hasPending(tx, k.parent)
		if err != nil {
			return err
		}
		if pending { // this laptop's own edit is on its way; the record is fetched whole later
			if _, err := tx.Exec(`INSERT OR IGNORE INTO sync_refresh (gid, tbl) VALUES (?, ?)`, k.parent, t.Name); err != nil {
				return err
			}
			continue
		}
		// a version this laptop already has (or one it wrote and that was superseded) is not written back
		var cur string
		err = tx.QueryRow(`SELECT note_gid FROM sync_note WHERE parent_gid = ? AND field = ?`, k.parent, k.field).Scan(&cur)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if cur == n.Gid {
			// the newest is this laptop's own: a colleague's version written
			// beside it is shown too (both stay at the office)
			if err := noteBeside(tx, t, k, ns, n); err != nil {
				return err
			}
			continue
		}
		if cur != "" && !ns.reaches(n.Gid, cur) {
			// two versions of one note (written apart): both stay at the office;
			// here the newest fills the field and a person sees the other beside it
			var mine string
			if err := tx.QueryRow(`SELECT "`+k.field+`" FROM `+t.Name+` WHERE gid = ?`, k.parent).Scan(&mine); err == nil && mine != n.Body {
				if err := putConflict(tx, Conflict{OpID: "note:" + n.Gid, Citizen: n.Citizen, Table: t.Name, Record: k.parent,
					Field: k.field, Outcome: "conflict", Mine: mine, Theirs: n.Body, Author: n.Author,
					TheirsBy: n.Author, TheirsAt: n.WrittenAt}); err != nil {
					return err
				}
			}
		}
		res, err := tx.Exec(`UPDATE `+t.Name+` SET "`+k.field+`" = ? WHERE gid = ?`, n.Body, k.parent)
		if err != nil {
			return err
		}
		if m, _ := res.RowsAffected(); m == 0 {
			continue // the record is not here
		}
		if _, err := tx.Exec(`INSERT INTO sync_note (parent_gid, field, note_gid, hash) VALUES (?, ?, ?, ?)
			ON CONFLICT (parent_gid, field) DO UPDATE SET note_gid = excluded.note_gid, hash = excluded.hash`,
			k.parent, k.field, n.Gid, noteHash(n.Body)); err != nil {
			return err
		}
	}
	return nil
}

// noteBeside keeps, for a person to see, every other version of the note
// head that neither supersedes nor is superseded (two versions written
// apart), when this laptop's field holds head.
func noteBeside(tx *sql.Tx, t *syncTable, k noteKey, ns *noteSet, head ServerNote) error {
	for _, o := range ns.of[k] {
		if o.Gid == head.Gid || ns.superseded[o.Gid] || ns.reaches(head.Gid, o.Gid) {
			continue
		}
		err := putConflict(tx, Conflict{OpID: "note:" + o.Gid, Citizen: o.Citizen, Table: t.Name, Record: k.parent,
			Field: k.field, Outcome: "conflict", Mine: head.Body, Theirs: o.Body, Author: o.Author,
			TheirsBy: o.Author, TheirsAt: o.WrittenAt})
		if err != nil {
			return err
		}
	}
	return nil
}

// markLateNotes keeps, for a person to see, each note a colleague wrote
// after she lost the case (issue 26: "skrevet efter overdragelse"), when
// its record is on this laptop. Seen once, it stays seen.
func markLateNotes(tx *sql.Tx, notes []ServerNote) error {
	var me string
	if err := tx.QueryRow(`SELECT initials FROM sync_state WHERE id = 1`).Scan(&me); err != nil {
		return err
	}
	for _, n := range notes {
		if !n.Late || n.Author == me {
			continue
		}
		t, ok := syncTableByName(n.ParentKind)
		if !ok || !isNoteColumn(t, n.Field) {
			continue
		}
		if id, err := localID(tx, t.Name, n.Parent); err != nil || id == 0 {
			if err != nil {
				return err
			}
			continue
		}
		_, err := tx.Exec(`INSERT OR IGNORE INTO sync_conflict (op_id, citizen_gid, tbl, record_gid, field, outcome, mine, theirs,
			author, theirs_by, theirs_at, handed_at) VALUES (?, ?, ?, ?, ?, 'conflict', '', ?, ?, ?, ?, ?)`,
			"late:"+n.Gid, n.Citizen, t.Name, n.Parent, n.Field, n.Body, n.Author, n.Author, n.WrittenAt, n.HandedAt)
		if err != nil {
			return err
		}
	}
	return nil
}

func isNoteColumn(t *syncTable, col string) bool {
	for _, n := range t.Notes {
		if n == col {
			return true
		}
	}
	return false
}

// FailedSync records that a sync did not reach the office (an unreachable
// server is normal: the laptop works on).
func (s *Store) FailedSync(msg string) error {
	_, err := s.db.Exec(`UPDATE sync_state SET last_error = ? WHERE id = 1`, msg)
	return err
}

// MarkHistorySent records that the bulk upload of this laptop's history is done.
func (s *Store) MarkHistorySent() error {
	_, err := s.db.Exec(`UPDATE sync_state SET history_sent = 1 WHERE id = 1`)
	return err
}

// CitizenGid is the citizen's global id (given one if it has none).
func (s *Store) CitizenGid(id int64) (string, error) {
	var g string
	err := s.inTx("audit", func(tx *sql.Tx) error {
		var err error
		g, err = s.ensureGid(tx, "citizens", id)
		if errors.Is(err, sql.ErrNoRows) {
			return model.NewUserError("error.citizen.noid", nil, id)
		}
		return err
	})
	return g, err
}

// CitizenIDByGid is the local rowid of the citizen with gid (0: not here).
func (s *Store) CitizenIDByGid(gid string) (int64, error) {
	var id int64
	err := s.db.QueryRow(`SELECT id FROM citizens WHERE gid = ?`, gid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// OfficeStatus reads the laptop's office state.
func (s *Store) OfficeStatus() (model.OfficeStatus, error) {
	st, err := s.SyncState()
	if err != nil {
		return model.OfficeStatus{}, err
	}
	o := model.OfficeStatus{Configured: st.Active, Server: model.ServerAddress(st.Server), Initials: st.Initials, LastSync: st.LastSync,
		LastError: st.LastError, Reachable: st.LastError == ""}
	// the conflicts this caseworker is asked about: her own and this laptop's
	// notices (a colleague's conflict on a shared case is hers to settle);
	// a case whose citizen the office already has is one question, as
	// Conflicts groups it (sync_case_refused.go)
	err = s.db.QueryRow(`WITH dup AS (`+caseRefusedSQL+`)
		SELECT (SELECT count(*) FROM outbox),
		(SELECT count(*) FROM sync_conflict WHERE resolution = '' AND NOT (outcome = 'rejected' AND citizen_gid IN dup)
			AND (instr(op_id, ':') > 0 OR author IN ('', ?)))
		+ (SELECT count(DISTINCT citizen_gid) FROM sync_conflict WHERE resolution = '' AND outcome = 'rejected' AND citizen_gid IN dup),
		(SELECT count(*) FROM citizens)`, RefusedCPRTaken, st.Initials).
		Scan(&o.Pending, &o.Conflicts, &o.Citizens)
	return o, err
}

// UseMine writes a conflict's "mine" value again as a new edit (it goes to
// the outbox based on the office's current version).
func (s *Store) UseMine(c Conflict) error {
	return s.inTx("resolve conflict", func(tx *sql.Tx) error { return s.writeConflictField(tx, c, c.Mine) })
}

// SyncedText is the free text field of the record with gid as this laptop
// holds it ("" when the record is not here).
func (s *Store) SyncedText(gid, field string) (string, error) {
	var table string
	err := s.db.QueryRow(`SELECT tbl FROM sync_record WHERE gid = ?`, gid).Scan(&table)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	t, ok := syncTableByName(table)
	if !ok || !isNoteColumn(t, field) {
		return "", fmt.Errorf("no free text %s.%s", table, field)
	}
	var body string
	err = s.db.QueryRow(`SELECT "`+field+`" FROM `+t.Name+` WHERE gid = ?`, gid).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return body, err
}
