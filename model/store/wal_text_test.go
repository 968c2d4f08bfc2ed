package store

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
)

// textColumns lists every table of the schema with the columns that can hold
// text (declared TEXT or BLOB, or with no type).
func textColumns(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	rows, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	must(t, err)
	var tables []string
	for rows.Next() {
		var n string
		must(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string][]string{}
	for _, tb := range tables {
		cols, err := s.db.Query(`SELECT name, upper(type) FROM pragma_table_info(?)`, tb)
		must(t, err)
		for cols.Next() {
			var name, typ string
			must(t, cols.Scan(&name, &typ))
			if typ == "" || strings.Contains(typ, "TEXT") || strings.Contains(typ, "CHAR") || strings.Contains(typ, "BLOB") || strings.Contains(typ, "CLOB") {
				out[tb] = append(out[tb], name)
			}
		}
		cols.Close()
	}
	return out
}

// aRow picks one row of table and says how to find it again: a WHERE clause
// over its key (rowid, or the primary key of a WITHOUT ROWID table) and the
// key's values; ok is false when the table is empty.
type aRow struct {
	cols []string
	vals []any
}

func pickRow(t *testing.T, s *Store, table string) (aRow, bool) {
	t.Helper()
	var r aRow
	rows, err := s.db.Query(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, table)
	must(t, err)
	for rows.Next() {
		var n string
		must(t, rows.Scan(&n))
		r.cols = append(r.cols, n)
	}
	rows.Close()
	var withoutRowid int
	must(t, s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = ? AND sql LIKE '%WITHOUT ROWID%'`, table).Scan(&withoutRowid))
	if withoutRowid == 0 {
		r.cols = []string{"rowid"}
	}
	quoted := make([]string, len(r.cols))
	for i, c := range r.cols {
		quoted[i] = fmt.Sprintf("%q", c)
	}
	r.vals = make([]any, len(r.cols))
	ptrs := make([]any, len(r.cols))
	for i := range r.vals {
		ptrs[i] = &r.vals[i]
	}
	err = s.db.QueryRow(fmt.Sprintf(`SELECT %s FROM %q LIMIT 1`, strings.Join(quoted, ", "), table)).Scan(ptrs...)
	if err == sql.ErrNoRows {
		return r, false
	}
	must(t, err)
	return r, true
}

// where is the clause finding the row again, after column col was set to v.
func (r aRow) where(col string, v any) (string, []any) {
	var parts []string
	args := make([]any, len(r.vals))
	for i, c := range r.cols {
		parts = append(parts, fmt.Sprintf("%q = ?", c))
		args[i] = r.vals[i]
		if c == col && v != nil {
			args[i] = v
		}
	}
	return strings.Join(parts, " AND "), args
}

// set writes v into col of the row, in one transaction labelled what.
func (r aRow) set(s *Store, what, table, col string, old, v any) error {
	w, args := r.where(col, old)
	return s.inTx(what, func(tx *sql.Tx) error {
		_, err := tx.Exec(fmt.Sprintf(`UPDATE %q SET %q = ? WHERE %s`, table, col, w), append([]any{v}, args...)...)
		return err
	})
}

// inFiles says which of the database and its -wal hold text.
func inFiles(path, text string) []string {
	var found []string
	for _, p := range []string{path, path + "-wal"} {
		data, _ := os.ReadFile(p)
		if bytes.Contains(data, []byte(text)) {
			found = append(found, filepath.Base(p))
		}
	}
	return found
}

// TestEveryFreeTextColumnEditedOrDeletedIsGoneFromTheFiles writes a marker
// into every text column of every table (rows from the demo), then edits it
// out again in a transaction whose label nothing knows, and finally deletes
// rows holding a marker: after each, neither the database nor its -wal may
// still hold the old text. The -wal is emptied because of what the
// transaction did, not what it is called.
func TestEveryFreeTextColumnEditedOrDeletedIsGoneFromTheFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local)
	c := benchContent()
	_, err = s.SeedDemo(loadGuide(t), model.DemoOptions{Citizens: 12, Seed: 3, Today: now, Reception: c.Reception, Catalogue: c.Catalogue, Jobs: 20})
	must(t, err)
	// A row in the tables the demo leaves empty, through the store.
	var cid int64
	must(t, s.db.QueryRow(`SELECT min(id) FROM citizens`).Scan(&cid))
	must(t, s.SaveUpskilling(&model.Upskilling{CitizenID: cid, Kind: model.UpskillingFVU, Title: "Dansk FVU", Status: model.UpskillingPlanned, Note: "n"}))
	must(t, s.SaveTempAgency(&model.TempAgency{CitizenID: cid, Agency: "Vikar A/S", Registered: now, Note: "n"}))
	for _, q := range []string{
		`INSERT INTO disco_groups (code, level, title) VALUES ('9', 1, 'Andet manuelt arbejde')`,
		`INSERT INTO postcodes (code, municipality, municipality_name, region, region_name, town) VALUES ('8000', 751, 'Aarhus', 1082, 'Midtjylland', 'Aarhus C')`,
		`INSERT INTO settings (key, value) VALUES ('office.name', 'Jobcenter Test')`,
		`INSERT INTO applications (citizen_id, text, status, created_at) SELECT min(id), 'Lagerjob', 'applied', '2026-11-23' FROM citizens`,
		`INSERT INTO openings (citizen_id, upskilling_need, updated_at) SELECT min(id), 'Truckcertifikat', '2026-11-23' FROM citizens`,
		`INSERT INTO catalogue_titles (title, code) VALUES ('Lagerarbejder', '932100')`,
		`INSERT INTO educations (citizen_id, chosen, note) SELECT min(id), 'SOSU', 'n' FROM citizens`,
		`INSERT INTO company_efforts (citizen_id, kind, company, start, end) SELECT min(id), 'praktik', 'Firma', '2026-11-23', '2026-12-23' FROM citizens`,
		`INSERT INTO youth_flags (citizen_id, flagged_on) SELECT min(id), '2026-11-23' FROM citizens WHERE id NOT IN (SELECT citizen_id FROM youth_flags)`,
	} {
		_, err := s.db.Exec(q)
		must(t, err)
	}

	edited, skipped := 0, []string{}
	cols := textColumns(t, s)
	for table, names := range cols {
		if table == "audit" || table == "audit_chain" {
			continue // append-only: triggers refuse any change
		}
		for _, col := range names {
			r, ok := pickRow(t, s, table)
			if !ok {
				skipped = append(skipped, table+" (empty)")
				break
			}
			marker := fmt.Sprintf("GAMMELTEKST%sX%sX", table, col)
			if r.set(s, "write marker", table, col, nil, marker) != nil {
				continue // not free text: a code, a key or a checked value refuses other text
			}
			must(t, r.set(s, "unknown label", table, col, marker, "ny-"+table+"-"+col))
			edited++
			if f := inFiles(path, marker); len(f) > 0 {
				t.Errorf("%s.%s: the text edited out is still in %v", table, col, f)
			}
		}
	}
	if edited < 40 {
		t.Fatalf("only %d text columns could be edited: the test no longer reaches the schema", edited)
	}
	t.Logf("%d text columns edited; skipped %v", edited, skipped)

	// Deleting a row takes its text along: cascades included.
	deleted := 0
	for table, names := range cols {
		if table == "audit" || table == "audit_chain" || len(names) == 0 {
			continue
		}
		r, ok := pickRow(t, s, table)
		if !ok {
			continue
		}
		for _, col := range names {
			marker := fmt.Sprintf("SLETTETEKST%sX%sX", table, col)
			if r.set(s, "write marker", table, col, nil, marker) != nil {
				continue
			}
			w, args := r.where(col, marker)
			if s.inTx("another unknown label", func(tx *sql.Tx) error {
				_, err := tx.Exec(fmt.Sprintf(`DELETE FROM %q WHERE %s`, table, w), args...)
				return err
			}) != nil {
				break // a row others refer to
			}
			deleted++
			if f := inFiles(path, marker); len(f) > 0 {
				t.Errorf("%s: the deleted row's text is still in %v", table, f)
			}
			break
		}
	}
	if deleted < 5 {
		t.Fatalf("only %d rows could be deleted", deleted)
	}
}

// TestTrackRecordsEditedAreGoneFromTheFiles: upskilling, company and
// temp-agency saves edit text out like every other save.
func TestTrackRecordsEditedAreGoneFromTheFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	c := makeCitizen(t, s)
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local)
	u := &model.Upskilling{CitizenID: c.ID, Kind: model.UpskillingFVU, Title: "Dansk FVU", Status: model.UpskillingPlanned, Note: "HEMMELIGUPSKILL"}
	must(t, s.SaveUpskilling(u))
	u.Note = "ok"
	must(t, s.SaveUpskilling(u))
	ce := &model.CompanyEffort{CitizenID: c.ID, Kind: model.CompanyKinds[0], Company: "Firma", Start: now, End: now.AddDate(0, 1, 0), Note: "HEMMELIGFIRMA"}
	must(t, s.SaveCompanyEffort(ce))
	ce.Note = "ok"
	must(t, s.SaveCompanyEffort(ce))
	ta := &model.TempAgency{CitizenID: c.ID, Agency: "Vikar A/S", Registered: now, Note: "HEMMELIGVIKAR"}
	must(t, s.SaveTempAgency(ta))
	ta.Note = "ok"
	must(t, s.SaveTempAgency(ta))
	for _, m := range []string{"HEMMELIGUPSKILL", "HEMMELIGFIRMA", "HEMMELIGVIKAR"} {
		if f := inFiles(path, m); len(f) > 0 {
			t.Errorf("%s edited out is still in %v", m, f)
		}
	}
}
