package store

import (
	"sync"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"jobspor/model"
)

// What a committed transaction changed, learnt row by row through the
// pre-update hook (textWatch): the citizens whose rows, or rows of their
// own (a conversation, a notice, a ticked step), it wrote; the settings it
// wrote; or, for any other table, "anything". A screen kept in memory asks
// ChangesSince(its generation) and re-reads only those citizens.

// maxTracked is how many citizens one transaction is followed for; more
// (an import, a purge) count as a change to anything.
const maxTracked = 64

// changeLogSize is how many transactions are remembered.
const changeLogSize = 256

// change is what one transaction changed.
type change struct {
	gen      uint64
	citizens []int64
	settings []string
	anything bool
}

// changeLog remembers the last transactions' changes, by generation.
type changeLog struct {
	mu      sync.Mutex
	entries []change // oldest first, at most changeLogSize
}

// citizenIDColumns: the column of citizen_id in each table that has one (read
// at open); the citizens table is its rowid.
type citizenIDColumns map[string]int

func (s *Store) readCitizenTables() error {
	rows, err := s.db.Query(`SELECT m.name, p.cid FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND p.name = 'citizen_id'`)
	if err != nil {
		return err
	}
	defer rows.Close()
	t := citizenIDColumns{}
	for rows.Next() {
		var name string
		var cid int
		if err := rows.Scan(&name, &cid); err != nil {
			return err
		}
		t[name] = cid
	}
	s.tables = t
	return rows.Err()
}

// note records what one row's change touched.
func (w *textWatch) note(d *sqlite.SQLitePreUpdateData) {
	if w.tables == nil || w.anything {
		return
	}
	if d.DatabaseName != "main" {
		w.anything = true
		return
	}
	switch d.TableName {
	case "audit", "audit_chain", "audit_start", "sqlite_sequence", "attendance_hours":
		// the trail; the office's counts by hour, kept by triggers from
		// the conversations (whose citizens are named)
		return
	case "citizens":
		if d.Op != sqlite3.SQLITE_INSERT {
			w.citizen(d.OldRowID)
		}
		if d.Op != sqlite3.SQLITE_DELETE {
			w.citizen(d.NewRowID)
		}
		return
	case "settings":
		w.setting(d)
		return
	case "outbox", "sync_record", "sync_note", "sync_state", "sync_changes", "sync_refresh":
		// the office's bookkeeping, written beside each change (whose own
		// rows name its citizen) and by a sync; no screen shows it. An open
		// conflict (sync_conflict) counts as a change to anything.
		return
	}
	col, ok := w.tables[d.TableName]
	if !ok {
		w.anything = true
		return
	}
	vals := make([]any, d.Count())
	if d.Op != sqlite3.SQLITE_INSERT {
		if d.Old(vals...) != nil {
			w.anything = true
			return
		}
		w.citizenValue(vals[col])
	}
	if d.Op != sqlite3.SQLITE_DELETE {
		if d.New(vals...) != nil {
			w.anything = true
			return
		}
		w.citizenValue(vals[col])
	}
}

func (w *textWatch) citizenValue(v any) {
	switch id := v.(type) {
	case int64:
		w.citizen(id)
	case nil: // no citizen (an audit-like row without one)
	default:
		w.anything = true
	}
}

func (w *textWatch) citizen(id int64) {
	if w.citizens == nil {
		w.citizens = map[int64]bool{}
	}
	w.citizens[id] = true
	if len(w.citizens) > maxTracked {
		w.anything = true
	}
}

func (w *textWatch) setting(d *sqlite.SQLitePreUpdateData) {
	vals := make([]any, d.Count())
	var err error
	if d.Op == sqlite3.SQLITE_INSERT {
		err = d.New(vals...)
	} else {
		err = d.Old(vals...)
	}
	key, ok := vals[0].(string)
	if err != nil || !ok {
		w.anything = true
		return
	}
	if w.settings == nil {
		w.settings = map[string]bool{}
	}
	w.settings[key] = true
}

// record adds a committed transaction's change under generation gen
// (l.mu held, the generation taken under it).
func (l *changeLog) record(gen uint64, w *textWatch) {
	c := change{gen: gen, anything: w.anything || w.tables == nil}
	for id := range w.citizens {
		c.citizens = append(c.citizens, id)
	}
	for k := range w.settings {
		c.settings = append(c.settings, k)
	}
	if len(l.entries) == changeLogSize {
		l.entries = append(l.entries[:0], l.entries[1:]...)
	}
	l.entries = append(l.entries, c)
}

// ChangesSince says what changed after generation gen (up to the present
// Generation): the citizens and settings written, or Anything when the
// changes are not all known (another table, too many, or too long ago).
func (s *Store) ChangesSince(gen uint64) model.Changes {
	s.changes.mu.Lock()
	defer s.changes.mu.Unlock()
	now := s.gen.Load()
	out := model.Changes{}
	if now == gen {
		return out
	}
	seen, keys := map[int64]bool{}, map[string]bool{}
	next := gen + 1
	for _, c := range s.changes.entries {
		if c.gen <= gen {
			continue
		}
		if c.gen != next { // a generation not in the log
			return model.Changes{Anything: true}
		}
		next++
		if c.anything {
			return model.Changes{Anything: true}
		}
		for _, id := range c.citizens {
			if !seen[id] {
				seen[id] = true
				out.Citizens = append(out.Citizens, id)
			}
		}
		for _, k := range c.settings {
			if !keys[k] {
				keys[k] = true
				out.Settings = append(out.Settings, k)
			}
		}
	}
	if next <= now { // the log ends before the present generation
		return model.Changes{Anything: true}
	}
	return out
}
