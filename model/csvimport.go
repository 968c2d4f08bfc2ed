package model

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// csvRow is one data row with its line number in the file (1 = header).
type csvRow struct {
	Line   int
	Fields map[string]string
}

// Longest field (in characters, after trimming) an imported column may
// hold: the forms' limits. Columns not listed in fieldMax may hold
// maxFieldText; columns an importer does not read have no limit.
const (
	maxFieldName = 200
	maxFieldText = 500
)

var fieldMax = map[string]int{"titel": maxFieldName, "arbejdsgiver": maxFieldName}

// fieldLimit is the most characters the column may hold.
func fieldLimit(column string) int {
	if n, ok := fieldMax[column]; ok {
		return n
	}
	return maxFieldText
}

// importError names the line and what is wrong: key's wording starts
// "Linje %d: ", the line comes first among its arguments.
func importError(line int, key string, args ...any) error {
	return NewUserError(key, nil, append([]any{line}, args...)...)
}

// importFieldError names the line and the column (1 = first; with the
// header's name for it when known) and says what is wrong, in Danish.
func importFieldError(line, col int, name, key string, args ...any) error {
	if name != "" {
		name = " (" + name + ")"
	}
	return NewUserError(key, nil, append([]any{line, col, name}, args...)...)
}

// csvFile is an import file being read: its text and what is known about
// its columns once the header is read.
type csvFile struct {
	text  string
	comma rune
	r     *csv.Reader
	names []string // header names as written (trimmed)
	max   []int    // per column: the most characters, 0 when not read
}

// readCSV reads an import file: "CSV UTF-8" or Danish Excel's Windows-1252
// (see decodeCSV), `;` or `,` between fields. The header must name every
// required column once (case-insensitive); every row must have the header's
// number of fields; no field may hold control characters (a tab is allowed)
// and no field read may be longer than its limit. Rows whose fields are all
// empty (Excel writes them for cleared rows) are skipped; a file without
// rows is refused.
func readCSV(data []byte, required []string) ([]csvRow, error) {
	var out []csvRow
	err := eachCSVRow(data, required, func(r csvRow) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// eachCSVRow is readCSV handing each row to fn as it is read, so a file of
// a million rows is never held as rows: fn's error stops the reading and is
// returned.
func eachCSVRow(data []byte, required []string, fn func(csvRow) error) error {
	text, err := decodeCSV(data)
	if err != nil {
		return err
	}
	if strings.TrimSpace(text) == "" {
		return NewUserError("error.import.empty", nil)
	}
	f := &csvFile{text: text, comma: delimiter(text)}
	f.r = csv.NewReader(strings.NewReader(text))
	f.r.Comma = f.comma
	f.r.ReuseRecord = true
	cols, line, err := f.readHeader(required)
	if err != nil {
		return err
	}
	n, err := f.eachRow(cols, fn)
	if err == nil && n == 0 {
		return importError(line+1, "import.norows")
	}
	return err
}

// readHeader reads and checks the header and returns the required columns'
// indexes and the header's line.
func (f *csvFile) readHeader(required []string) (map[string]int, int, error) {
	header, err := f.r.Read()
	if err != nil {
		return nil, 0, f.csvErr(err, header)
	}
	line, _ := f.r.FieldPos(0)
	f.max = make([]int, len(header))
	for i, h := range header {
		f.max[i] = maxFieldText
		if err := f.checkField(line, i, h); err != nil {
			return nil, 0, err
		}
	}
	cols, err := headerColumns(line, header, required)
	if err != nil {
		return nil, 0, err
	}
	f.setColumns(header, cols)
	return cols, line, nil
}

// setColumns records the header's names and the limit of each column read.
func (f *csvFile) setColumns(header []string, cols map[string]int) {
	f.names = make([]string, len(header))
	for i, h := range header {
		f.names[i], f.max[i] = strings.TrimSpace(h), 0
	}
	for name, i := range cols {
		f.max[i] = fieldLimit(name)
	}
}

// eachRow reads the rows after the header, checks each and hands it to fn;
// it returns how many rows were not blank.
func (f *csvFile) eachRow(cols map[string]int, fn func(csvRow) error) (int, error) {
	n := 0
	for {
		rec, err := f.r.Read()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, f.csvErr(err, rec)
		}
		if err := f.checkRecord(rec); err != nil {
			return n, err
		}
		if blankRecord(rec) {
			continue
		}
		line, _ := f.r.FieldPos(0)
		row := csvRow{Line: line, Fields: make(map[string]string, len(cols))}
		for name, i := range cols {
			row.Fields[name] = strings.TrimSpace(rec[i])
		}
		n++
		if err := fn(row); err != nil {
			return n, err
		}
	}
}

func (f *csvFile) checkRecord(rec []string) error {
	for i, v := range rec {
		line, _ := f.r.FieldPos(i)
		if err := f.checkField(line, i, v); err != nil {
			return err
		}
	}
	return nil
}

func blankRecord(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// checkField refuses a byte that is not UTF-8 (possible only in a file
// marked as UTF-8), a control character, and a field read that is longer
// than its column's limit. A tab is allowed anywhere; a line break inside a
// quoted field only in columns the importer does not read (every column
// it reads is one line in the app).
func (f *csvFile) checkField(line, i int, v string) error {
	if at := invalidUTF8(v); at >= 0 {
		return f.fieldErr(line+strings.Count(v[:at], "\n"), i,
			"import.notutf8", v[at])
	}
	if at, c := controlChar(v, f.max[i] == 0); at >= 0 {
		key, args := controlProblem(c)
		return f.fieldErr(line+strings.Count(v[:at], "\n"), i, key, args...)
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(v)); f.max[i] > 0 && n > f.max[i] {
		return f.fieldErr(line, i, "import.toolong", danishCount(n), danishCount(f.max[i]))
	}
	return nil
}

// fieldErr is importFieldError for field i (0-based) of the file.
func (f *csvFile) fieldErr(line, i int, key string, args ...any) error {
	name := ""
	if i < len(f.names) {
		name = f.names[i]
	}
	return importFieldError(line, i+1, name, key, args...)
}

// invalidUTF8 is the byte offset of the first byte that is not UTF-8, or -1.
func invalidUTF8(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

// controlChar finds the first control character other than a tab (and a
// line feed when allowed): its byte offset and the character, or -1.
func controlChar(s string, lineFeedOK bool) (int, rune) {
	for i, c := range s {
		if unicode.IsControl(c) && c != '\t' && (c != '\n' || !lineFeedOK) {
			return i, c
		}
	}
	return -1, 0
}

// controlProblem says in Danish which control character a field holds.
func controlProblem(c rune) (string, []any) {
	switch c {
	case 0:
		return "import.nul", nil
	case '\n':
		return "import.newline", nil
	case '\r':
		return "import.cr", nil
	}
	return "import.control", []any{c}
}

// danishCount writes n with Danish thousands separators: 1.048.576.
func danishCount(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// csvErr turns encoding/csv's errors into Danish ones naming the line and
// column; a quoting error is named where its quote opens.
func (f *csvFile) csvErr(err error, rec []string) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return NewUserError("error.import.read", fmt.Errorf("read CSV: %w", err))
	}
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return f.fieldCountErr(pe.StartLine, len(rec))
	case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
		return f.quoteErr(pe.StartLine)
	}
	return importError(pe.StartLine, "import.unreadable")
}

// fieldCountErr names the first missing or extra field of a row.
func (f *csvFile) fieldCountErr(line, got int) error {
	want := len(f.names)
	return f.fieldErr(line, min(got, want), "import.fieldcount",
		got, want, delimiterName(f.comma))
}

// quoteErr names the quote encoding/csv refused: where an unclosed quote
// opens, or where a quote stands inside an unquoted field.
func (f *csvFile) quoteErr(startLine int) error {
	spot, ok := quoteProblem(f.text, byte(f.comma))
	switch {
	case !ok:
		return importError(startLine, "import.quote")
	case spot.bare:
		return f.fieldErr(spot.line, spot.field, "import.barequote")
	}
	return f.fieldErr(spot.line, spot.field, "import.openquote",
		delimiterName(f.comma))
}

func delimiterName(comma rune) string {
	if comma == ';' {
		return "semikolon"
	}
	return "komma"
}

// delimiter is `;` when the header line has one, else `,`.
func delimiter(text string) rune {
	first, _, _ := strings.Cut(strings.TrimLeft(text, "\n"), "\n")
	if strings.Count(first, ";") >= strings.Count(first, ",") {
		return ';'
	}
	return ','
}

// headerColumns maps each required column to its index in the header; a
// column named twice (case-insensitive, trimmed) is refused.
func headerColumns(line int, header, required []string) (map[string]int, error) {
	idx := map[string]int{}
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(h))
		if first, dup := idx[key]; dup && key != "" {
			return nil, importFieldError(line, i+1, "", "import.duplicate", strings.TrimSpace(h), first+1)
		}
		idx[key] = i
	}
	cols := map[string]int{}
	var missing []string
	for _, name := range required {
		i, ok := idx[name]
		if !ok {
			missing = append(missing, name)
		}
		cols[name] = i
	}
	if len(missing) > 0 {
		return nil, importError(line, "import.missing", missingText(missing), strings.Join(required, ";"))
	}
	return cols, nil
}

func missingText(missing []string) string {
	if len(missing) == 1 {
		return fmt.Sprintf("kolonnen %s mangler", missing[0])
	}
	return fmt.Sprintf("kolonnerne %s mangler", strings.Join(missing, ", "))
}
