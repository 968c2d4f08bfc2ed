package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"jobspor/model"
)

// The schema a database must have is the one Jobspor's own migrations
// create: check names every table, trigger, view or index that is not
// theirs (a trigger added with sqlite3 that copies CPR numbers into
// handouts, say), changed, or missing.

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	Type, Name, SQL string
}

type queryer interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// readSchema reads the schema's objects, keyed by type and name; SQLite's
// own (sqlite_sequence, automatic indexes) are left out.
func readSchema(q queryer) (map[string]schemaObject, error) {
	rows, err := q.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	defer rows.Close()
	out := map[string]schemaObject{}
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.Type, &o.Name, &o.SQL); err != nil {
			return nil, fmt.Errorf("read the schema: %w", err)
		}
		o.SQL = strings.Join(strings.Fields(o.SQL), " ")
		out[o.Type+" "+o.Name] = o
	}
	return out, rows.Err()
}

var expectedSchemas = struct {
	sync.Mutex
	m map[int]map[string]schemaObject
}{m: map[int]map[string]schemaObject{}}

// expectedSchema is the schema migrations 1..version create, built once in
// a database in memory.
func expectedSchema(version int) (map[string]schemaObject, error) {
	expectedSchemas.Lock()
	defer expectedSchemas.Unlock()
	if m, ok := expectedSchemas.m[version]; ok {
		return m, nil
	}
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	names := migrationNames()
	if version > len(names) {
		return nil, newerError(version)
	}
	s := &Store{db: db, Now: model.Now}
	for {
		done, err := s.migrateOne(names[:version])
		if err != nil {
			return nil, err
		}
		if done {
			break
		}
	}
	m, err := readSchema(db)
	if err != nil {
		return nil, err
	}
	expectedSchemas.m[version] = m
	return m, nil
}

var schemaKinds = map[string]string{"table": "tabel", "index": "indeks", "trigger": "trigger", "view": "visning"}

// schemaProblems compares a schema with the expected one.
func schemaProblems(have, want map[string]schemaObject) []model.Message {
	var out []model.Message
	keys := make([]string, 0, len(have)+len(want))
	for k := range have {
		keys = append(keys, k)
	}
	for k := range want {
		if _, ok := have[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		h, inHave := have[k]
		w, inWant := want[k]
		o := h
		if !inHave {
			o = w
		}
		kind := schemaKinds[o.Type]
		if kind == "" {
			kind = o.Type
		}
		switch {
		case !inWant:
			out = append(out, model.Message{Key: "check.schema.foreign", Args: []any{kind, o.Name}})
		case !inHave:
			out = append(out, model.Message{Key: "check.schema.missing", Args: []any{kind, o.Name}})
		case h.SQL != w.SQL:
			out = append(out, model.Message{Key: "check.schema.changed", Args: []any{kind, o.Name}})
		}
	}
	return out
}

// schemaCheck compares the database's schema with its version's.
func (s *Store) schemaCheck(q queryer) ([]model.Message, error) {
	var v int
	rows, err := q.Query(`PRAGMA user_version`)
	if err != nil {
		return nil, fmt.Errorf("read schema version: %w", err)
	}
	if rows.Next() {
		rows.Scan(&v)
	}
	rows.Close()
	want, err := expectedSchema(v)
	if err != nil {
		return nil, err
	}
	have, err := readSchema(q)
	if err != nil {
		return nil, err
	}
	return schemaProblems(have, want), nil
}

// schemaFits tells whether an unmarked file is Jobspor's: one written
// before the mark, or one a killed first start left (its migrations partly
// in the -wal). Its schema, with the -wal applied, must be exactly the one
// Jobspor's migrations create for its version, and its mark none or ours.
// The file is not opened where it is (that could change another program's
// file): a private copy of it and its -wal is.
func schemaFits(path string) bool {
	dir, err := os.MkdirTemp("", "jobspor-check-")
	if err != nil {
		return false
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, "copy.db")
	if copyFile(path, cp) != nil { // a copy, never a link: SQLite may write to what it opens
		return false
	}
	if _, err := os.Lstat(path + "-wal"); err == nil && copyFile(path+"-wal", cp+"-wal") != nil {
		return false
	}
	db, err := sql.Open("sqlite", cp)
	if err != nil {
		return false
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var version int
	var app uint32
	if db.QueryRow(`PRAGMA user_version`).Scan(&version) != nil || db.QueryRow(`PRAGMA application_id`).Scan(&app) != nil {
		return false
	}
	if (app != 0 && app != applicationID) || version > SchemaVersion() {
		return false
	}
	have, err := readSchema(db)
	if err != nil {
		return false
	}
	want, err := expectedSchema(version)
	return err == nil && len(schemaProblems(have, want)) == 0
}
