package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csvRow is one data row with its line number in the file (1 = header).
type csvRow struct {
	Line   int
	Fields map[string]string
}

// importError names the line and says what is wrong, in Danish.
func importError(line int, format string, args ...any) error {
	return NewUserError("error.import", nil, line, fmt.Sprintf(format, args...))
}

// readCSV reads a CSV file as Danish Excel writes it (UTF-8 with BOM, `;`)
// or plain UTF-8 with `,`. The header must hold every required column
// (case-insensitive); every row must have the header's number of fields.
func readCSV(data []byte, required []string) ([]csvRow, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, NewUserError("error.import.empty", nil)
	}
	if line, ok := invalidUTF8Line(data); ok {
		return nil, importError(line, "filen er ikke gemt som UTF-8 (gem den som »CSV UTF-8« i Excel)")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = 0
	header, err := r.Read()
	if err != nil {
		return nil, csvErr(err)
	}
	cols, err := headerColumns(header, required)
	if err != nil {
		return nil, err
	}
	return readRows(r, header, cols)
}

func readRows(r *csv.Reader, header []string, cols map[string]int) ([]csvRow, error) {
	var out []csvRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, csvErr(err)
		}
		line, _ := r.FieldPos(0)
		row := csvRow{Line: line, Fields: map[string]string{}}
		for name, i := range cols {
			row.Fields[name] = strings.TrimSpace(rec[i])
		}
		out = append(out, row)
	}
}

func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			return importError(pe.Line, "forkert antal kolonner")
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			return importError(pe.Line, "anførselstegn er ikke lukket korrekt")
		}
		return importError(pe.Line, "%v", pe.Err)
	}
	return NewUserError("error.import.read", err)
}

// delimiter is `;` when the header line has one, else `,`.
func delimiter(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte(";")) >= bytes.Count(first, []byte(",")) {
		return ';'
	}
	return ','
}

func invalidUTF8Line(data []byte) (int, bool) {
	for i, line := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(line) {
			return i + 1, true
		}
	}
	return 0, false
}

// headerColumns maps each required column to its index in the header.
func headerColumns(header, required []string) (map[string]int, error) {
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.ToLower(strings.TrimSpace(h))] = i
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
		return nil, importError(1, "kolonnen %s mangler (kolonnerne skal være: %s)", strings.Join(missing, ", "), strings.Join(required, ";"))
	}
	return cols, nil
}
