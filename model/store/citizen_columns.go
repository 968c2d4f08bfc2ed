package store

import (
	"database/sql"
	"strings"
	"time"

	"jobspor/model"
)

// The citizens table's columns are declared once, here: each names its
// column and the Citizen field it holds. The insert, the update, every read
// of a whole citizen, the demo filler, the audit's list of changed fields
// and the right-of-access export are all built from this list, so a new
// column is a migration, a field on model.Citizen and one line below (and
// the office's migration, as for any synced column).
//
// Not here: held_days (kept by triggers from the conversations) and gid
// (the office's id, kept by the sync).

// citizenColumn is one column of the citizens table.
type citizenColumn struct {
	name string
	// value is what the column stores for c; nil for id, which the
	// database assigns.
	value func(c *model.Citizen) any
	// dest is where a read of the column goes; nil for a column that is
	// never read back (name_key, derived from the name).
	dest func(c *model.Citizen) any
	// export is what the right-of-access export shows; nil for a column
	// left out of it (name_key: a folded copy of the name).
	export func(c *model.Citizen) any
	// written says when the store writes the column.
	written writeWhen
}

// writeWhen is when the store writes a citizen's column.
type writeWhen int

const (
	// edited columns hold what the caseworker typed: written by the insert
	// and the update, and named in the audit when they change.
	edited writeWhen = iota
	// derived columns follow from other fields: written by the insert and
	// the update, never named in the audit.
	derived
	// stampedOnce is set by the insert only (created_at).
	stampedOnce
	// stamped is set by the insert and every update (updated_at).
	stamped
	// assigned is the database's own (the rowid): never written.
	assigned
)

// citizenTable is the citizens table, column by column, in the order of
// every read and of the export.
var citizenTable = []citizenColumn{
	{name: "id", written: assigned, dest: func(c *model.Citizen) any { return &c.ID }, export: func(c *model.Citizen) any { return c.ID }},
	textColumn("name", func(c *model.Citizen) *string { return &c.Name }),
	{name: "name_key", written: derived, value: func(c *model.Citizen) any { return model.FoldName(c.Name) }},
	textColumn("cpr", func(c *model.Citizen) *model.CPR { return &c.CPR }).exported(func(c *model.Citizen) any { return c.CPR.Formatted() }),
	textColumn("phone", func(c *model.Citizen) *string { return &c.Phone }),
	textColumn("email", func(c *model.Citizen) *string { return &c.Email }),
	textColumn("benefit", func(c *model.Citizen) *model.Benefit { return &c.Benefit }),
	textColumn("education", func(c *model.Citizen) *model.Education { return &c.Education }),
	dateColumn("first_contact", func(c *model.Citizen) *time.Time { return &c.FirstContact }),
	textColumn("status", func(c *model.Citizen) *model.Status { return &c.Status }),
	textColumn("track", func(c *model.Citizen) *model.TrackID { return &c.Track }),
	textColumn("notes", func(c *model.Citizen) *string { return &c.Notes }),
	momentColumn("created_at", stampedOnce, func(c *model.Citizen) *time.Time { return &c.CreatedAt }),
	momentColumn("updated_at", stamped, func(c *model.Citizen) *time.Time { return &c.UpdatedAt }),
	textColumn("postcode", func(c *model.Citizen) *string { return &c.Postcode }),
	textColumn("reach", func(c *model.Citizen) *model.Reach { return &c.Reach }),
	textColumn("caseworker", func(c *model.Citizen) *string { return &c.Caseworker }),
	dateColumn("unemployed_since", func(c *model.Citizen) *time.Time { return &c.UnemployedSince }),
	dateColumn("transferred_on", func(c *model.Citizen) *time.Time { return &c.TransferredOn }),
	// the export gives the typed birth date, or the one the CPR number holds
	// when none was typed (the two agree when both are there)
	dateColumn("birth_date", func(c *model.Citizen) *time.Time { return &c.BirthDate }).exported(func(c *model.Citizen) any {
		if c.BirthDate.IsZero() {
			b, _ := c.Born()
			return dateText(b)
		}
		return dateText(c.BirthDate)
	}),
	dateColumn("registered_on", func(c *model.Citizen) *time.Time { return &c.RegisteredOn }),
	textColumn("other_benefit", func(c *model.Citizen) *string { return &c.OtherBenefit }),
	textColumn("reception_variant", func(c *model.Citizen) *string { return &c.ReceptionVariant }),
	dateColumn("benefit_since", func(c *model.Citizen) *time.Time { return &c.BenefitSince }),
}

// textColumn is a column holding a text field as it is.
func textColumn[T ~string](name string, field func(*model.Citizen) *T) citizenColumn {
	value := func(c *model.Citizen) any { return string(*field(c)) }
	return citizenColumn{name: name, written: edited, value: value, export: value,
		dest: func(c *model.Citizen) any { return field(c) }}
}

// dateColumn is a column holding a date ("" when unset).
func dateColumn(name string, field func(*model.Citizen) *time.Time) citizenColumn {
	value := func(c *model.Citizen) any { return dateText(*field(c)) }
	return citizenColumn{name: name, written: edited, value: value, export: value,
		dest: func(c *model.Citizen) any { return scanDate(field(c)) }}
}

// momentColumn is a column holding a moment the store stamps.
func momentColumn(name string, when writeWhen, field func(*model.Citizen) *time.Time) citizenColumn {
	value := func(c *model.Citizen) any { return field(c).UTC().Format(time.RFC3339) }
	return citizenColumn{name: name, written: when, value: value, export: value,
		dest: func(c *model.Citizen) any { return scanMoment(field(c)) }}
}

// exported replaces what the export shows for the column.
func (col citizenColumn) exported(f func(*model.Citizen) any) citizenColumn {
	col.export = f
	return col
}

// citizenColumnsWhere are the names of the columns keep picks.
func citizenColumnsWhere(keep func(citizenColumn) bool) []string {
	var names []string
	for _, col := range citizenTable {
		if keep(col) {
			names = append(names, col.name)
		}
	}
	return names
}

func (col citizenColumn) read() bool { return col.dest != nil }

func (col citizenColumn) inserted() bool { return col.written != assigned }

func (col citizenColumn) updated() bool {
	return col.written == edited || col.written == derived || col.written == stamped
}

// The statements, built once from citizenTable.
var (
	// citizenColumns is the select list of a whole citizen (scanCitizen reads it).
	citizenColumns   = strings.Join(citizenColumnsWhere(citizenColumn.read), ", ")
	insertCitizenSQL = func() string {
		names := citizenColumnsWhere(citizenColumn.inserted)
		return `INSERT INTO citizens (` + strings.Join(names, ", ") + `) VALUES (` +
			strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + `)`
	}()
	updateCitizenSQL = `UPDATE citizens SET ` +
		strings.Join(citizenColumnsWhere(citizenColumn.updated), " = ?, ") + ` = ? WHERE id = ?`
)

// citizenValues are c's values for the columns keep picks, in table order.
func citizenValues(c *model.Citizen, keep func(citizenColumn) bool) []any {
	var args []any
	for _, col := range citizenTable {
		if keep(col) {
			args = append(args, col.value(c))
		}
	}
	return args
}

// insertCitizen writes c as a new row (its CreatedAt and UpdatedAt already
// stamped) and sets c.ID. exec is the transaction's or a prepared
// statement's Exec.
func insertCitizen(exec func(args ...any) (sql.Result, error), c *model.Citizen) error {
	res, err := exec(citizenValues(c, citizenColumn.inserted)...)
	if err != nil {
		return err
	}
	c.ID, err = res.LastInsertId()
	return err
}

// scanCitizenRow reads a row selected with citizenColumns into c.
func scanCitizenRow(r rowScanner, c *model.Citizen) error {
	dest := make([]any, 0, len(citizenTable))
	for _, col := range citizenTable {
		if col.read() {
			dest = append(dest, col.dest(c))
		}
	}
	return r.Scan(dest...)
}

// changedFields names the edited columns whose values differ, never the
// values: the audit trail must not become a second copy of the personal
// data.
func changedFields(a, b *model.Citizen) string {
	var f []string
	for _, col := range citizenTable {
		if col.written == edited && col.value(a) != col.value(b) {
			f = append(f, col.name)
		}
	}
	return strings.Join(f, ",")
}

// citizenRecord is the citizen as the right-of-access export gives it: every
// exported column, in table order.
func citizenRecord(c *model.Citizen) model.ExportRow {
	row := make(model.ExportRow, 0, len(citizenTable))
	for _, col := range citizenTable {
		if col.export != nil {
			row = append(row, model.ExportField{Key: col.name, Value: col.export(c)})
		}
	}
	return row
}
