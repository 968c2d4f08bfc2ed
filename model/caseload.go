package model

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// CaseRow is one citizen in the caseload list: no more than the list shows.
type CaseRow struct {
	ID             int64
	Name           string
	Masked         string
	NameKey        string
	CPRDigits      string // the full number, for search only: never shown
	PhoneDigits    string // the phone number's digits, for search
	Track          TrackID
	Status         Status
	Caseworker     string // initials; "" for none
	Done, Total    int    // the current track's actions (the opening phase's before a track)
	FirstContact   time.Time
	DaysSinceFirst int
	Next           time.Time // zero: no conversation planned
	Overdue        bool      // a planned conversation before today was never marked
	NoShow         bool      // the latest marked conversation was a no-show or cancelled
}

// CaseFilter narrows the caseload. AnyTrack false with Track "" means
// "still in the opening phase".
type CaseFilter struct {
	Query                 string
	Track                 TrackID
	AnyTrack              bool
	Status                Status
	NoConversationPlanned bool
	Scope                 Scope // whose citizens: one caseworker's, or the whole office
	NoCaseworker          bool  // only citizens no caseworker has
}

// FilterCaseload returns the rows matching f, in memory. The query matches
// any part of the name, case-insensitively, or the start of the birth date
// (DDMMYY, with or without "-xxxx"); never the CPR sequence digits.
func FilterCaseload(rows []CaseRow, f CaseFilter) []CaseRow {
	refs := AppendCaseloadRefs(make([]*CaseRow, 0, len(rows)), rows, f)
	out := make([]CaseRow, 0, len(refs))
	for _, r := range refs {
		out = append(out, *r)
	}
	return out
}

// AppendCaseloadRefs appends a pointer to each of rows matching f (see
// FilterCaseload) to out: a screen that filters on every key typed passes
// its last result's backing array, and neither copies the matching rows
// (10,000 of 232 bytes each for an empty search) nor allocates anew per key.
func AppendCaseloadRefs(out []*CaseRow, rows []CaseRow, f CaseFilter) []*CaseRow {
	q := FoldName(f.Query)
	digits := queryDigits(q)
	for i := range rows {
		r := &rows[i]
		if inScope(r, f) && matches(r, f, q, digits) {
			out = append(out, r)
		}
	}
	return out
}

// inScope: the row is one of the citizens f's scope covers.
func inScope(r *CaseRow, f CaseFilter) bool {
	return f.Scope.Includes(r.Caseworker) && (!f.NoCaseworker || r.Caseworker == "")
}

// matches: the row passes f's track, status and plan filters and its search.
func matches(r *CaseRow, f CaseFilter, q, digits string) bool {
	if !f.AnyTrack && r.Track != f.Track || f.Status != "" && r.Status != f.Status ||
		f.NoConversationPlanned && !r.Next.IsZero() {
		return false
	}
	return q == "" || strings.Contains(r.NameKey, q) || digitsMatch(r, digits)
}

// MatchesElsewhere counts the rows the search matches that f's scope (one
// caseworker's citizens, or those without one) leaves out: the citizens a
// search "for Mine" would otherwise hide. Zero without a search or a scope.
func MatchesElsewhere(rows []CaseRow, f CaseFilter) int {
	if strings.TrimSpace(f.Query) == "" || f.Scope.All() && !f.NoCaseworker {
		return 0
	}
	q := FoldName(f.Query)
	digits := queryDigits(q)
	n := 0
	for i := range rows {
		if r := &rows[i]; !inScope(r, f) && matches(r, f, q, digits) {
			n++
		}
	}
	return n
}

// CaseSort is a column of the caseload to sort by.
type CaseSort int

const (
	SortByName CaseSort = iota
	SortByTrack
	SortByProgress
	SortByDays
	SortByNext
	SortByFlag
	SortByCaseworker
)

// SortCaseload sorts rows in place; ties keep name order.
func SortCaseload(rows []CaseRow, by CaseSort, desc bool) {
	cmp := caseCompare(by, desc)
	sort.SliceStable(rows, func(i, j int) bool { return cmp(&rows[i], &rows[j]) < 0 })
}

// SortCaseloadRefs is SortCaseload for the pointers AppendCaseloadRefs
// gives (moving 8 bytes a row, not 232).
func SortCaseloadRefs(rows []*CaseRow, by CaseSort, desc bool) {
	slices.SortStableFunc(rows, caseCompare(by, desc))
}

// caseCompare orders two rows by the column (descending if desc), then by
// name.
func caseCompare(by CaseSort, desc bool) func(a, b *CaseRow) int {
	less := caseLess(by)
	return func(a, b *CaseRow) int {
		x, y := a, b
		if desc {
			x, y = y, x
		}
		switch {
		case less(x, y):
			return -1
		case less(y, x):
			return 1
		}
		return strings.Compare(a.NameKey, b.NameKey)
	}
}

func caseLess(by CaseSort) func(a, b *CaseRow) bool {
	switch by {
	case SortByTrack:
		return func(a, b *CaseRow) bool { return a.Track < b.Track }
	case SortByProgress:
		return func(a, b *CaseRow) bool { return a.Done*b.Total < b.Done*a.Total }
	case SortByDays:
		return func(a, b *CaseRow) bool { return a.DaysSinceFirst < b.DaysSinceFirst }
	case SortByNext:
		return func(a, b *CaseRow) bool { return nextKey(a) < nextKey(b) }
	case SortByFlag:
		return func(a, b *CaseRow) bool { return flagKey(a) > flagKey(b) }
	case SortByCaseworker:
		return func(a, b *CaseRow) bool { return a.Caseworker < b.Caseworker }
	}
	return func(a, b *CaseRow) bool { return a.NameKey < b.NameKey }
}

// nextKey sorts "none planned" after every date.
func nextKey(r *CaseRow) int64 {
	if r.Next.IsZero() {
		return 1 << 62
	}
	return r.Next.Unix()
}

func flagKey(r *CaseRow) int {
	k := 0
	if r.Overdue {
		k += 2
	}
	if r.NoShow {
		k++
	}
	return k
}

// queryDigits is the query as digits when it is a number: a CPR number with
// or without its dash (or masked, "050695-xxxx"), or a phone number with
// spaces or +45; "" when it holds anything else.
func queryDigits(q string) string {
	q = strings.TrimPrefix(strings.TrimSuffix(strings.TrimSpace(q), "xxxx"), "+45")
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == '-' || r == ' ' || r == '+':
			return -1
		}
		return 'x'
	}, q)
	if digits == "" || !AllDigits(digits) {
		return ""
	}
	return digits
}

// digitsMatch: the start of the CPR number (birth date, or all of it), or
// four or more digits anywhere in the phone number.
func digitsMatch(r *CaseRow, digits string) bool {
	if digits == "" {
		return false
	}
	return strings.HasPrefix(r.CPRDigits, digits) || len(digits) >= 4 && strings.Contains(r.PhoneDigits, digits)
}

// PhoneDigits keeps a phone number's digits, without a leading 45 country code.
func PhoneDigits(phone string) string {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, phone)
	if strings.HasPrefix(strings.TrimSpace(phone), "+45") {
		d = strings.TrimPrefix(d, "45")
	}
	return d
}
