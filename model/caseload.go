package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// CaseRow is one citizen in the caseload list: no more than the list shows.
type CaseRow struct {
	ID             int64
	Name           string
	Masked         string
	nameKey        string
	birth          string // DDMMYY, for search
	Track          TrackID
	Status         Status
	Done, Total    int // the current track's actions (the opening phase's before a track)
	FirstContact   time.Time
	DaysSinceFirst int
	Next           time.Time // zero: no conversation planned
	Overdue        bool      // a planned conversation before today was never marked
	NoShow         bool      // the latest marked conversation was a no-show or cancelled
}

// Caseload loads every citizen with progress and conversation flags in four
// queries, however many citizens there are.
func (s *Store) Caseload(g *Guide, now time.Time) ([]CaseRow, error) {
	return s.caseload(g, now, 0)
}

// CaseRowFor loads one citizen's caseload row, to refresh the list after a
// change without reloading every row.
func (s *Store) CaseRowFor(g *Guide, now time.Time, id int64) (CaseRow, error) {
	rows, err := s.caseload(g, now, id)
	if err != nil {
		return CaseRow{}, err
	}
	if len(rows) == 0 {
		return CaseRow{}, ErrNotFound
	}
	return rows[0], nil
}

// caseload loads all rows (one == 0) or the row of citizen one.
func (s *Store) caseload(g *Guide, now time.Time, one int64) ([]CaseRow, error) {
	rows, byID, err := s.caseCitizens(g, now, one)
	if err != nil {
		return nil, err
	}
	for _, step := range []func(map[int64]*CaseRow, time.Time, int64) error{s.caseProgress, s.caseNext, s.caseNoShows} {
		if err := step(byID, now, one); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

func (s *Store) caseCitizens(g *Guide, now time.Time, one int64) ([]CaseRow, map[int64]*CaseRow, error) {
	cond, args := onlyOne("id", one)
	q, err := s.db.Query(`SELECT id, name, name_key, cpr, track, status, first_contact FROM citizens
		WHERE 1 = 1`+cond+` ORDER BY name_key, id`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("load caseload: %w", err)
	}
	defer q.Close()
	totals := phaseTotals(g)
	today := dateOnly(now)
	rows := make([]CaseRow, 0, 1024)
	for q.Next() {
		var r CaseRow
		var cpr, first string
		if err := q.Scan(&r.ID, &r.Name, &r.nameKey, &cpr, &r.Track, &r.Status, &first); err != nil {
			return nil, nil, fmt.Errorf("scan caseload: %w", err)
		}
		r.Masked, r.Total = CPR(cpr).Masked(), totals[phaseID(r.Track)]
		if len(cpr) == 10 {
			r.birth = cpr[:6]
		}
		r.FirstContact, _ = time.Parse(DateLayout, first)
		r.DaysSinceFirst = int(today.Sub(r.FirstContact).Hours() / 24)
		rows = append(rows, r)
	}
	byID := make(map[int64]*CaseRow, len(rows))
	for i := range rows {
		byID[rows[i].ID] = &rows[i]
	}
	return rows, byID, q.Err()
}

// onlyOne narrows a caseload query to one citizen when one > 0.
func onlyOne(column string, one int64) (string, []any) {
	if one == 0 {
		return "", nil
	}
	return " AND " + column + " = ?", []any{one}
}

// phaseID is the guide phase a citizen works in: the track, or the opening.
func phaseID(t TrackID) string {
	if t == TrackNone {
		return "opening"
	}
	return string(t)
}

func phaseTotals(g *Guide) map[string]int {
	out := map[string]int{}
	for i := range g.Phases {
		_, out[g.Phases[i].ID] = g.Phases[i].Count(nil)
	}
	return out
}

// caseProgress counts done actions of each citizen's current phase; action
// IDs start with their phase's ID (the guide is checked for that).
func (s *Store) caseProgress(byID map[int64]*CaseRow, _ time.Time, one int64) error {
	cond, args := onlyOne("p.citizen_id", one)
	q, err := s.db.Query(`
		SELECT p.citizen_id, count(*) FROM progress p JOIN citizens c ON c.id = p.citizen_id
		WHERE p.done = 1 AND p.action_id LIKE (CASE c.track WHEN '' THEN 'opening' ELSE c.track END) || '.%'`+
		cond+` GROUP BY p.citizen_id`, args...)
	if err != nil {
		return fmt.Errorf("count progress: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var n int
		if err := q.Scan(&id, &n); err != nil {
			return fmt.Errorf("scan progress count: %w", err)
		}
		if r := byID[id]; r != nil {
			r.Done = n
		}
	}
	return q.Err()
}

func (s *Store) caseNext(byID map[int64]*CaseRow, now time.Time, one int64) error {
	cond, args := onlyOne("citizen_id", one)
	q, err := s.db.Query(`
		SELECT citizen_id,
			coalesce(min(CASE WHEN start >= ? THEN start END), ''),
			max(start < ?)
		FROM conversations WHERE attendance = 'planned'`+cond+` GROUP BY citizen_id`,
		append([]any{now.Format(wallLayout), dateOnly(now).Format(wallLayout)}, args...)...)
	if err != nil {
		return fmt.Errorf("load next conversations: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var next string
		var overdue bool
		if err := q.Scan(&id, &next, &overdue); err != nil {
			return fmt.Errorf("scan next conversation: %w", err)
		}
		if r := byID[id]; r != nil {
			r.Next, _ = time.ParseInLocation(wallLayout, next, time.Local)
			r.Overdue = overdue
		}
	}
	return q.Err()
}

// caseNoShows uses SQLite's bare column with max(): attendance comes from
// the latest marked conversation.
func (s *Store) caseNoShows(byID map[int64]*CaseRow, now time.Time, one int64) error {
	cond, args := onlyOne("citizen_id", one)
	q, err := s.db.Query(`
		SELECT citizen_id, attendance, max(start) FROM conversations
		WHERE attendance <> 'planned' AND start < ?`+cond+` GROUP BY citizen_id`,
		append([]any{now.Format(wallLayout)}, args...)...)
	if err != nil {
		return fmt.Errorf("load attendance: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var a Attendance
		var last string
		if err := q.Scan(&id, &a, &last); err != nil {
			return fmt.Errorf("scan attendance: %w", err)
		}
		if r := byID[id]; r != nil {
			r.NoShow = a == AttendanceNoShow || a == AttendanceCancelled
		}
	}
	return q.Err()
}

// CaseFilter narrows the caseload. AnyTrack false with Track "" means
// "still in the opening phase".
type CaseFilter struct {
	Query                 string
	Track                 TrackID
	AnyTrack              bool
	Status                Status
	NoConversationPlanned bool
}

// FilterCaseload returns the rows matching f, in memory. The query matches
// any part of the name, case-insensitively, or the start of the birth date
// (DDMMYY, with or without "-xxxx"); never the CPR sequence digits.
func FilterCaseload(rows []CaseRow, f CaseFilter) []CaseRow {
	q := foldName(f.Query)
	digits := strings.TrimSuffix(strings.ReplaceAll(q, "-", ""), "xxxx")
	byBirth := digits != "" && allDigits(digits)
	out := make([]CaseRow, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		if !f.AnyTrack && r.Track != f.Track || f.Status != "" && r.Status != f.Status ||
			f.NoConversationPlanned && !r.Next.IsZero() {
			continue
		}
		if q != "" && !strings.Contains(r.nameKey, q) && !(byBirth && strings.HasPrefix(r.birth, digits)) {
			continue
		}
		out = append(out, *r)
	}
	return out
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
)

// SortCaseload sorts rows in place; ties keep name order.
func SortCaseload(rows []CaseRow, by CaseSort, desc bool) {
	less := caseLess(by)
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		if desc {
			a, b = b, a
		}
		if less(a, b) {
			return true
		}
		if less(b, a) {
			return false
		}
		return rows[i].nameKey < rows[j].nameKey
	})
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
	}
	return func(a, b *CaseRow) bool { return a.nameKey < b.nameKey }
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
