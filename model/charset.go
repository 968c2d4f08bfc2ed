package model

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Import files come from Excel in one of two encodings: "CSV UTF-8" (UTF-8
// with a byte-order mark) and Danish Excel's "CSV (semikolonsepareret)"
// (Windows-1252, no mark, CRLF). decodeCSV turns either into UTF-8 text with
// "\n" line ends and refuses files that are not text in one of them.
//
// Detection: a UTF-8 byte-order mark means UTF-8 (a byte that is not UTF-8
// is then refused where it stands, see csvFile.checkField); without a mark,
// valid UTF-8 is UTF-8 and anything else is Windows-1252. UTF-16 (a UTF-16
// mark, or NUL bytes in a quarter of the first KiB) and Excel workbooks are
// refused as wholes. CR-only line ends (old Mac) are read as line ends; CR-only
// text that is not UTF-8 is "CSV (Macintosh)" (Mac Roman), which would turn
// æøå into other letters, so it is refused.

var (
	utf8BOM  = []byte("\xef\xbb\xbf")
	xlsxMark = []byte("PK\x03\x04")
	xlsMark  = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
)

// decodeCSV returns the file as UTF-8 text with "\n" line ends.
func decodeCSV(data []byte) (string, error) {
	if err := refuseNonText(data); err != nil {
		return "", err
	}
	crOnly := bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0
	text, ok := bytes.CutPrefix(data, utf8BOM)
	if !ok && !utf8.Valid(text) {
		if crOnly {
			return "", NewUserError("error.import.mac", nil)
		}
		return lineEnds(decodeWindows1252(text), crOnly), nil
	}
	return lineEnds(string(text), crOnly), nil
}

// refuseNonText refuses UTF-16 text and Excel workbooks, which are not CSV.
func refuseNonText(data []byte) error {
	switch {
	case bytes.HasPrefix(data, xlsxMark), bytes.HasPrefix(data, xlsMark):
		return NewUserError("error.import.workbook", nil)
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")), looksUTF16(data):
		return NewUserError("error.import.utf16", nil)
	}
	return nil
}

// looksUTF16 is true when NUL bytes make up a quarter of the first KiB:
// UTF-16 text without a mark, where every Latin letter has a NUL beside it.
// A few NUL bytes in text are refused where they stand instead.
func looksUTF16(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return len(head) >= 4 && bytes.Count(head, []byte{0})*4 >= len(head)
}

// crsBeforeLF is a line end: CRLF, or CR CR LF from a CRLF file whose line
// ends were converted a second time.
var crsBeforeLF = regexp.MustCompile("\r+\n")

// lineEnds turns CRLF (and CR CR LF), and CR when the file has no LF at
// all, into LF. Any other CR is refused where it stands, except at the
// very end, where encoding/csv drops one.
func lineEnds(text string, crOnly bool) string {
	if crOnly {
		return strings.ReplaceAll(text, "\r", "\n")
	}
	return crsBeforeLF.ReplaceAllLiteralString(text, "\n")
}

// windows1252 holds the characters of bytes 0x80–0x9F. The five bytes the
// code page leaves undefined become the C1 control characters of the same
// number (as in the WHATWG encoding standard) and are refused as such.
var windows1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}

// decodeWindows1252 decodes Windows-1252: bytes 0xA0–0xFF are Latin-1
// (æ 0xE6, ø 0xF8, å 0xE5), 0x80–0x9F come from the table.
func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/4)
	for _, c := range data {
		if c >= 0x80 && c < 0xa0 {
			b.WriteRune(windows1252[c-0x80])
		} else {
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
