package store

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

// notInExport are the columns of citizen-linked tables the right-of-access
// export leaves out on purpose, each with its reason ("*" for every
// table). Every other column of every such table must reach the export.
var notInExport = map[string]string{
	"citizens.name_key":       "a folded copy of the name, for search",
	"citizens.held_days":      "derived from the conversations, which are exported",
	"applications.created_at": "bookkeeping: when the line was typed (the audit trail, exported, says it)",
	"*.gid":                   "the office's id of the record: a random number, nothing about the citizen",
}

// TestEveryCitizenColumnIsInTheExport reads the schema (pragma table_info)
// of every table that holds a citizen's rows, changes each column of the
// citizen's row in turn to another value the column accepts (a marker text,
// another date, another number, another code found in the table), and
// fails on a column whose change leaves the export as it was: its content
// is not in the right-of-access export. Append-only tables (the audit)
// refuse changes: their stored values must stand in the export as they are.
func TestEveryCitizenColumnIsInTheExport(t *testing.T) {
	s := newTestStore(t)
	content := testutil.Content(t)
	_, err := s.SeedDemo(content.Guide, model.DemoOptions{Citizens: 12, Seed: 3, Today: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC),
		Reception: content.Reception, Catalogue: content.Catalogue, Jobs: 20})
	must(t, err)
	cid := everyRecord(t, s, content)
	tables := citizenTables(t, s)
	checked, missing := 0, []string{}
	for _, table := range tables {
		cols := columnsOf(t, s, table)
		for _, col := range cols {
			if notInExport["*."+col] != "" || notInExport[table+"."+col] != "" {
				continue
			}
			switch exportReaches(t, s, cid, table, col) {
			case columnExported:
				checked++
			case columnMissing:
				missing = append(missing, table+"."+col)
			case columnUnchecked:
				t.Errorf("%s.%s: the test found no value to try (the citizen has no row, or the column takes no other value): give it one", table, col)
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("%s: the citizen's data in this column is not in the right-of-access export", m)
	}
	for key := range notInExport {
		table, col, _ := strings.Cut(key, ".")
		if table != "*" && !hasColumn(t, s, table, col) {
			t.Errorf("notInExport names %s, which the schema no longer has", key)
		}
	}
	if len(tables) < 18 || checked < 120 {
		t.Fatalf("only %d columns of %d tables were checked: the test no longer reaches the schema", checked, len(tables))
	}
	t.Logf("%d columns of %d citizen-linked tables checked", checked, len(tables))
}

type reach int

const (
	columnExported reach = iota
	columnMissing
	columnUnchecked
)

// exportReaches tries other values in the column of one of the citizen's
// rows and says whether the export changed with one of them.
func exportReaches(t *testing.T, s *Store, cid int64, table, col string) reach {
	t.Helper()
	var rowid int64
	var old any
	if s.db.QueryRow(fmt.Sprintf(`SELECT rowid, %q FROM %q WHERE %s LIMIT 1`, col, table, aboutCitizen(table)), cid).Scan(&rowid, &old) != nil {
		return columnUnchecked
	}
	before := exportJSON(t, s, cid)
	tried := false
	for _, v := range otherValues(t, s, table, col, old) {
		if _, err := s.db.Exec(fmt.Sprintf(`UPDATE %q SET %q = ? WHERE rowid = ?`, table, col), v, rowid); err != nil {
			continue // the column refuses this value (a check, a key, an append-only table)
		}
		e, err := s.gatherExport(cid)
		_, rerr := s.db.Exec(fmt.Sprintf(`UPDATE %q SET %q = ? WHERE rowid = ?`, table, col), old, rowid)
		must(t, rerr)
		if err != nil {
			continue // the value does not read as the column's kind
		}
		tried = true
		if after, _ := json.Marshal(unstamped(e)); string(after) != before {
			return columnExported
		}
	}
	if tried {
		return columnMissing
	}
	return storedValueShown(t, s, cid, table, col, before)
}

// storedValueShown checks a column that takes no other value (an
// append-only table): a value the citizen's rows hold in it stands in the
// export.
func storedValueShown(t *testing.T, s *Store, cid int64, table, col, export string) reach {
	t.Helper()
	var v any
	q := fmt.Sprintf(`SELECT %q FROM %q WHERE %s AND %q IS NOT NULL AND %q <> '' ORDER BY rowid DESC LIMIT 1`, col, table, aboutCitizen(table), col, col)
	if s.db.QueryRow(q, cid).Scan(&v) != nil {
		return columnUnchecked
	}
	text := fmt.Sprint(v)
	if _, isNumber := v.(int64); isNumber {
		if regexp.MustCompile(`:` + text + `[,}]`).MatchString(export) {
			return columnExported
		}
		return columnMissing
	}
	quoted, _ := json.Marshal(text)
	if strings.Contains(export, strings.Trim(string(quoted), `"`)) {
		return columnExported
	}
	return columnMissing
}

// otherValues are values to try in place of old: a marker text, the date or
// time moved by three days, the digits changed, a number changed, and the
// other values the column holds in other rows.
func otherValues(t *testing.T, s *Store, table, col string, old any) []any {
	t.Helper()
	out := []any{fmt.Sprintf("EKSPORT%sX%sX", strings.ReplaceAll(table, "_", ""), strings.ReplaceAll(col, "_", ""))}
	switch v := old.(type) {
	case int64:
		out = append(out, 1-v, v+1, v+1000)
	case string:
		for _, layout := range []string{model.DateLayout, model.WallLayout, time.RFC3339} {
			if d, err := time.Parse(layout, v); err == nil {
				out = append(out, d.AddDate(0, 0, 3).Format(layout))
			}
		}
		if v == "" {
			out = append(out, "2026-11-24", "2026-11-24T10:00", "2026-11-24T10:00:00Z")
		}
		out = append(out, strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '0' + (r-'0'+1)%10
			}
			return r
		}, v))
	case nil:
		out = append(out, int64(1))
	}
	out = append(out, checkedValues(t, s, table, col)...)
	rows, err := s.db.Query(fmt.Sprintf(`SELECT DISTINCT %q FROM %q WHERE %q IS NOT ? LIMIT 6`, col, table, col), old)
	must(t, err)
	defer rows.Close()
	for rows.Next() {
		var other any
		must(t, rows.Scan(&other))
		out = append(out, other)
	}
	kept := out[:0]
	for _, v := range out {
		if v != old {
			kept = append(kept, v)
		}
	}
	return kept
}

// checkedValues are the values a CHECK (col IN ('a', 'b')) of the table
// allows in the column: the codes a column of that kind holds.
func checkedValues(t *testing.T, s *Store, table, col string) []any {
	t.Helper()
	var schema string
	must(t, s.db.QueryRow(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&schema))
	var out []any
	in := regexp.MustCompile(`\b` + regexp.QuoteMeta(col) + `\s+IN\s*\(([^)]*)\)`)
	for _, m := range in.FindAllStringSubmatch(schema, -1) {
		for _, v := range regexp.MustCompile(`'([^']*)'`).FindAllStringSubmatch(m[1], -1) {
			out = append(out, v[1])
		}
	}
	return out
}

// aboutCitizen is the condition that picks the citizen's rows of table (one argument: the citizen's id).
func aboutCitizen(table string) string {
	switch table {
	case "citizens":
		return "id = ?"
	case "conversation_jobs":
		return "conversation_id IN (SELECT id FROM conversations WHERE citizen_id = ?)"
	}
	return "citizen_id = ?"
}

func columnsOf(t *testing.T, s *Store, table string) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	must(t, err)
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		must(t, rows.Scan(&c))
		cols = append(cols, c)
	}
	return cols
}

// exportJSON is the citizen's export as JSON, without the moment it was made.
func exportJSON(t *testing.T, s *Store, id int64) string {
	t.Helper()
	b, err := json.Marshal(unstamped(mustExport(t, s, id)))
	must(t, err)
	return string(b)
}

// unstamped blanks the export's own moment, which is not the citizen's data.
func unstamped(e *model.Export) *model.Export {
	e.ExportedAt = ""
	return e
}

func hasColumn(t *testing.T, s *Store, table, col string) bool {
	var n int
	must(t, s.db.QueryRow(`SELECT count(*) FROM pragma_table_info(?) WHERE name = ?`, table, col).Scan(&n))
	return n > 0
}

func mustExport(t *testing.T, s *Store, id int64) *model.Export {
	t.Helper()
	e, err := s.gatherExport(id)
	must(t, err)
	return e
}
