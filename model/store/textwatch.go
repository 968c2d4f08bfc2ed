package store

import (
	"bytes"
	"database/sql"
	"fmt"
	"sync/atomic"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// textWatch learns, row by row through SQLite's pre-update hook, whether a
// transaction overwrote or deleted text: a deleted row that held any text or
// blob, or an updated row whose text or blob changed. Such a transaction
// leaves the old text in the -wal's earlier frames, so the -wal must be
// emptied after it. Inserts never remove text. Cascaded deletes and rows
// removed by REPLACE reach the hook too.
type textWatch struct {
	removed atomic.Bool
	// audited counts the audit rows the transaction wrote: it is anchored
	// (anchor.go).
	audited atomic.Int64
	// tables, citizens, settings and anything are what the transaction
	// changed (changes.go); tables nil: not followed.
	tables   citizenIDColumns
	citizens map[int64]bool
	settings map[string]bool
	anything bool
}

func (w *textWatch) attach(conn *sql.Conn) error {
	return conn.Raw(func(dc any) error {
		h, ok := dc.(sqlite.HookRegisterer)
		if !ok {
			return fmt.Errorf("the SQLite driver offers no pre-update hook")
		}
		h.RegisterPreUpdateHook(w.row)
		return nil
	})
}

func (w *textWatch) detach(conn *sql.Conn) {
	conn.Raw(func(dc any) error {
		if h, ok := dc.(sqlite.HookRegisterer); ok {
			h.RegisterPreUpdateHook(nil)
		}
		return nil
	})
}

func (w *textWatch) row(d sqlite.SQLitePreUpdateData) {
	w.note(&d)
	if d.Op == sqlite3.SQLITE_INSERT && d.TableName == "audit" && d.DatabaseName == "main" {
		w.audited.Add(1)
	}
	if w.removed.Load() || d.Op == sqlite3.SQLITE_INSERT {
		return
	}
	n := d.Count()
	old := make([]any, n)
	if d.Old(old...) != nil {
		w.removed.Store(true) // cannot tell: assume the worst
		return
	}
	var now []any
	if d.Op == sqlite3.SQLITE_UPDATE {
		now = make([]any, n)
		if d.New(now...) != nil {
			w.removed.Store(true)
			return
		}
	}
	for i, v := range old {
		if !holdsText(v) {
			continue
		}
		if now == nil || !sameValue(v, now[i]) {
			w.removed.Store(true)
			return
		}
	}
}

func holdsText(v any) bool {
	switch x := v.(type) {
	case string:
		return x != ""
	case []byte:
		return len(x) > 0
	}
	return false
}

func sameValue(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []byte:
		y, ok := b.([]byte)
		return ok && bytes.Equal(x, y)
	}
	return false
}
