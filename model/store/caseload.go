package store

import (
	"bytes"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"jobspor/model"
)

// Caseload loads every citizen with progress and conversation flags in four
// queries, however many citizens there are.
func (s *Store) Caseload(g *model.Guide, now time.Time) ([]model.CaseRow, error) {
	return s.caseload(g, now, caseScope{})
}

// CaseloadFor loads the rows of one caseworker's citizens (the office's for
// the whole-office scope), every query narrowed in SQL.
func (s *Store) CaseloadFor(g *model.Guide, now time.Time, scope model.Scope) ([]model.CaseRow, error) {
	return s.caseload(g, now, caseScope{caseworker: scope.Caseworker})
}

// caseScope narrows the caseload's queries: to one citizen, to one
// caseworker's citizens, or (zero) to none.
type caseScope struct {
	one        int64
	caseworker string
}

// cond is the SQL condition on a query whose column id holds the citizen's
// ID; caseworker names the citizens' caseworker column when the query reads
// citizens itself ("" for a table that only refers to them).
func (c caseScope) cond(id, caseworker string) (string, []any) {
	switch {
	case c.one != 0:
		return " AND " + id + " = ?", []any{c.one}
	case c.caseworker == "":
		return "", nil
	case caseworker != "":
		return " AND " + caseworker + " = ?", []any{c.caseworker}
	}
	return " AND " + id + " IN (SELECT id FROM citizens WHERE caseworker = ?)", []any{c.caseworker}
}

// CaseRowFor loads one citizen's caseload row, to refresh the list after a
// change without reloading every row.
func (s *Store) CaseRowFor(g *model.Guide, now time.Time, id int64) (model.CaseRow, error) {
	rows, err := s.caseload(g, now, caseScope{one: id})
	if err != nil {
		return model.CaseRow{}, err
	}
	if len(rows) == 0 {
		return model.CaseRow{}, model.ErrNotFound
	}
	return rows[0], nil
}

// caseload loads all rows (one == 0) or the row of citizen one.
func (s *Store) caseload(g *model.Guide, now time.Time, one caseScope) ([]model.CaseRow, error) {
	if one.one == 0 && one.caseworker != "" {
		return s.caseloadOf(g, now, one.caseworker)
	}
	rows, byID, err := s.caseCitizens(g, now, one)
	if err != nil {
		return nil, err
	}
	for _, step := range []func(map[int64]*model.CaseRow, time.Time, caseScope) error{s.caseProgress, s.caseNext, s.caseNoShows} {
		if err := step(byID, now, one); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

func (s *Store) caseCitizens(g *model.Guide, now time.Time, one caseScope) ([]model.CaseRow, map[int64]*model.CaseRow, error) {
	cond, args := one.cond("id", "caseworker")
	table := "citizens"
	if one.one == 0 && one.caseworker != "" {
		table = "citizens INDEXED BY citizens_caseworker" // their few hundred sorted, not the office read in name order
	}
	q, err := s.db.Query(`SELECT id, name, name_key, cpr, phone, track, status, first_contact, caseworker FROM `+table+`
		WHERE 1 = 1`+cond+` ORDER BY name_key, id`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("load caseload: %w", err)
	}
	defer q.Close()
	totals := phaseTotals(g)
	today := model.DateOnly(now)
	rows := make([]model.CaseRow, 0, 1024)
	var text keptText
	// scanned into once-allocated places (each is handed to Scan as a
	// pointer, so a variable per row would be a heap allocation per row)
	var r model.CaseRow
	var name, nameKey, cpr, phone, track, status, caseworker string
	for q.Next() {
		r = model.CaseRow{}
		if err := q.Scan(&r.ID, &name, &nameKey, &cpr, &phone, &track, &status, scanDate(&r.FirstContact), &caseworker); err != nil {
			return nil, nil, fmt.Errorf("scan caseload: %w", err)
		}
		r.Name, r.NameKey, r.CPRDigits = text.keep(name), text.keep(nameKey), text.keep(cpr)
		r.Masked, r.PhoneDigits = text.keep(model.CPR(cpr).Masked()), text.keep(model.PhoneDigits(phone))
		r.Track, r.Status, r.Caseworker = model.TrackID(text.share(track)), model.Status(text.share(status)), text.share(caseworker)
		r.Total = totals[phaseID(r.Track)]
		r.DaysSinceFirst = int(today.Sub(r.FirstContact).Hours() / 24)
		rows = append(rows, r)
	}
	if cap(rows) > len(rows)+len(rows)/16 { // kept all day: not the quarter more append may leave
		rows = append(make([]model.CaseRow, 0, len(rows)), rows...)
	}
	byID := make(map[int64]*model.CaseRow, len(rows))
	for i := range rows {
		byID[rows[i].ID] = &rows[i]
	}
	return rows, byID, q.Err()
}

// phaseID is the guide phase a citizen works in: the track, or the opening.
func phaseID(t model.TrackID) string {
	if t == model.TrackNone {
		return "opening"
	}
	return string(t)
}

func phaseTotals(g *model.Guide) map[string]int {
	out := map[string]int{}
	for i := range g.Phases {
		_, out[g.Phases[i].ID] = g.Phases[i].Count(nil)
	}
	return out
}

// caseProgress counts done actions of each citizen's current phase; action
// IDs start with their phase's ID (the guide is checked for that).
func (s *Store) caseProgress(byID map[int64]*model.CaseRow, _ time.Time, one caseScope) error {
	cond, args := one.cond("c.id", "c.caseworker")
	// The phase's actions are the range (phase + ".", phase + "/") of the
	// partial index progress_done: one seek per citizen, no pattern per row.
	q, err := s.db.Query(`
		SELECT c.id, count(*) FROM citizens c CROSS JOIN progress p ON p.citizen_id = c.id AND p.done = 1
			AND p.action_id > (CASE c.track WHEN '' THEN 'opening' ELSE c.track END) || '.'
			AND p.action_id < (CASE c.track WHEN '' THEN 'opening' ELSE c.track END) || '/'
		WHERE 1 = 1`+cond+` GROUP BY c.id`, args...)
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

func (s *Store) caseNext(byID map[int64]*model.CaseRow, now time.Time, one caseScope) error {
	cond, args := one.cond("citizen_id", "")
	from := `conversations`
	if one.one == 0 && one.caseworker != "" {
		// their citizens first, each one's planned conversations sought in
		// conversations_held, not the office's planned ones filtered
		from, cond = `citizens z INDEXED BY citizens_caseworker CROSS JOIN conversations INDEXED BY conversations_held
			ON citizen_id = z.id`, ` AND z.caseworker = ?`
	}
	q, err := s.db.Query(`
		SELECT citizen_id,
			coalesce(min(CASE WHEN start >= ? THEN start END), ''),
			max(start < ?)
		FROM `+from+` WHERE attendance = `+lit(model.AttendancePlanned)+``+cond+` GROUP BY citizen_id`,
		append([]any{now.Format(model.WallLayout), model.Day(now).Format(model.WallLayout)}, args...)...)
	if err != nil {
		return fmt.Errorf("load next conversations: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var next time.Time
		var overdue bool
		if err := q.Scan(&id, scanWall(&next), &overdue); err != nil {
			return fmt.Errorf("scan next conversation: %w", err)
		}
		if r := byID[id]; r != nil {
			r.Next = next
			r.Overdue = overdue
		}
	}
	return q.Err()
}

// caseNoShows uses SQLite's bare column with max(): attendance comes from
// the latest marked conversation. The covering index (citizen, attendance,
// start) answers it without reading a conversation's row.
func (s *Store) caseNoShows(byID map[int64]*model.CaseRow, now time.Time, one caseScope) error {
	cond, args := one.cond("citizen_id", "")
	q, err := s.db.Query(`
		SELECT citizen_id, attendance, max(start) FROM conversations INDEXED BY conversations_held
		WHERE attendance NOT IN (`+litList([]model.Attendance{model.AttendancePlanned, model.AttendanceOfficeCancelled})+`)
		AND start < ?`+cond+` GROUP BY citizen_id`,
		append([]any{now.Format(model.WallLayout)}, args...)...)
	if err != nil {
		return fmt.Errorf("load attendance: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var a model.Attendance
		var last string
		if err := q.Scan(&id, &a, &last); err != nil {
			return fmt.Errorf("scan attendance: %w", err)
		}
		if r := byID[id]; r != nil {
			r.NoShow = a == model.AttendanceNoShow || a == model.AttendanceCancelled
		}
	}
	return q.Err()
}

// markedAttendances are the attendances caseNoShows reads the latest of,
// in the order conversations_held keeps them (its ties go to the first).
func markedAttendances() []model.Attendance {
	var out []model.Attendance
	for _, a := range model.Attendances {
		if a != model.AttendancePlanned && a != model.AttendanceOfficeCancelled {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}

// caseloadOf reads one caseworker's rows in one pass over their citizens:
// their entries in citizens_caseworker (which holds every column a row
// shows), and for each citizen, one after the other, the seeks that give
// the progress count, the next and overdue planned conversations and the
// latest marked one. Each citizen's index pages are read once, while they
// are at hand, not once per query over the whole caseload: the read
// follows their citizens, not the office's size (issue 27). The figures are
// caseProgress's, caseNext's and caseNoShows's.
func (s *Store) caseloadOf(g *model.Guide, now time.Time, caseworker string) ([]model.CaseRow, error) {
	phase := `(CASE z.track WHEN '' THEN 'opening' ELSE z.track END)`
	conv := `FROM conversations c INDEXED BY conversations_held WHERE c.citizen_id = z.id AND c.attendance = `
	marked := markedAttendances()
	var latest []string
	for _, a := range marked {
		latest = append(latest, `coalesce((SELECT max(c.start) `+conv+lit(a)+` AND c.start < :now), '')`)
	}
	q, err := s.db.Query(`SELECT z.id, z.name, z.name_key, z.cpr, z.phone, z.track, z.status, z.first_contact, z.caseworker,
			(SELECT count(*) FROM progress p WHERE p.citizen_id = z.id AND p.done = 1
				AND p.action_id > `+phase+` || '.' AND p.action_id < `+phase+` || '/'),
			coalesce((SELECT min(c.start) `+conv+lit(model.AttendancePlanned)+` AND c.start >= :now), ''),
			EXISTS (SELECT 1 `+conv+lit(model.AttendancePlanned)+` AND c.start < :today),
			`+strings.Join(latest, `, `)+`
		FROM citizens z INDEXED BY citizens_caseworker WHERE z.caseworker = :caseworker ORDER BY z.name_key, z.id`,
		sql.Named("now", now.Format(model.WallLayout)), sql.Named("today", model.Day(now).Format(model.WallLayout)),
		sql.Named("caseworker", caseworker))
	if err != nil {
		return nil, fmt.Errorf("load caseload of %s: %w", caseworker, err)
	}
	defer q.Close()
	totals := phaseTotals(g)
	today := model.DateOnly(now)
	rows := make([]model.CaseRow, 0, 512)
	var r model.CaseRow
	var cpr, phone string
	last := make([]sql.RawBytes, len(marked))
	dest := []any{&r.ID, &r.Name, &r.NameKey, &cpr, &phone, &r.Track, &r.Status, scanDate(&r.FirstContact), &r.Caseworker,
		&r.Done, scanWall(&r.Next), &r.Overdue}
	for i := range last {
		dest = append(dest, &last[i])
	}
	for q.Next() {
		r = model.CaseRow{}
		if err := q.Scan(dest...); err != nil {
			return nil, fmt.Errorf("scan caseload of %s: %w", caseworker, err)
		}
		r.Masked, r.Total = model.CPR(cpr).Masked(), totals[phaseID(r.Track)]
		r.CPRDigits, r.PhoneDigits = cpr, model.PhoneDigits(phone)
		r.DaysSinceFirst = int(today.Sub(r.FirstContact).Hours() / 24)
		r.NoShow = latestMissed(marked, last)
		rows = append(rows, r)
	}
	return rows, q.Err()
}

// latestMissed: the latest of the marked conversations (start per
// attendance, "" for none) is a no-show or a cancellation; of two at the
// same time the first attendance counts, as caseNoShows's max() has it.
func latestMissed(marked []model.Attendance, start []sql.RawBytes) bool {
	best := -1
	for i, st := range start {
		if len(st) > 0 && (best < 0 || bytes.Compare(st, start[best]) > 0) {
			best = i
		}
	}
	return best >= 0 && (marked[best] == model.AttendanceNoShow || marked[best] == model.AttendanceCancelled)
}
