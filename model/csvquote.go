package model

import "strings"

// quoteSpot is where a file's quoting goes wrong: the line and field
// (0-based) of the quote that opens an unclosed field, or of a quote inside
// an unquoted field (bare).
type quoteSpot struct {
	line, field int
	bare        bool
}

// quoteScan follows a CSV text's quoting the way encoding/csv reads it
// (strict quotes, no leading-space trimming), to name the quote that
// encoding/csv refuses: it reports an unclosed quote where it notices,
// which can be many lines after the quote opened.
type quoteScan struct {
	line, field int
	atStart     bool // at the first character of a field
	quoted      bool
	open        quoteSpot // where the current quoted field opened
}

// quoteProblem finds the first quoting encoding/csv refuses in text. Like
// encoding/csv, it drops one CR at the very end of the text.
func quoteProblem(text string, comma byte) (quoteSpot, bool) {
	text = strings.TrimSuffix(text, "\r")
	s := quoteScan{line: 1, atStart: true}
	for i := 0; i < len(text); i++ {
		var bad bool
		if s.quoted {
			i, bad = s.inQuotes(text, i, comma)
		} else {
			bad = s.outside(text[i], comma)
		}
		if bad {
			return s.open, true
		}
	}
	return s.open, s.quoted
}

// inQuotes reads text[i] inside a quoted field and returns the index of the
// last byte it used; bad when a closing quote is followed by anything but
// a quote, the delimiter, a line end or the end of the text.
func (s *quoteScan) inQuotes(text string, i int, comma byte) (int, bool) {
	switch {
	case text[i] == '\n':
		s.line++
	case text[i] != '"':
	case i+1 < len(text) && text[i+1] == '"':
		return i + 1, false
	case i+1 == len(text) || text[i+1] == comma || text[i+1] == '\n':
		s.quoted = false
	default:
		return i, true
	}
	return i, false
}

// outside reads one byte outside quotes; bad for a quote inside a field.
func (s *quoteScan) outside(c, comma byte) bool {
	wasStart := s.atStart
	s.atStart = false
	switch c {
	case comma:
		s.field, s.atStart = s.field+1, true
	case '\n':
		s.line, s.field, s.atStart = s.line+1, 0, true
	case '"':
		s.open = quoteSpot{line: s.line, field: s.field, bare: !wasStart}
		s.quoted = wasStart
		return !wasStart
	}
	return false
}
