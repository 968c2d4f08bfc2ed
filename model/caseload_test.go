package model

import (
	"slices"
	"testing"
	"time"
)

// TestFindACitizenByCPRAndPhone: the caseload search finds a citizen by a
// full or partial CPR number with or without the dash, by the masked form,
// and by four or more digits of the phone number however it is spaced;
// names still match, and digits that fit no one find no one.
func TestFindACitizenByCPRAndPhone(t *testing.T) {
	rows := []CaseRow{
		{ID: 1, Name: "Søren Ærø", NameKey: FoldName("Søren Ærø"), CPRDigits: "0506953157", PhoneDigits: PhoneDigits("+45 20 30 40 50")},
		{ID: 2, Name: "Søren Ærø", NameKey: FoldName("Søren Ærø"), CPRDigits: "1203851234", PhoneDigits: PhoneDigits("61 62 63 64")},
	}
	for q, want := range map[string][]int64{
		"050695-3157": {1}, "0506953157": {1}, "050695": {1}, "050695-xxxx": {1}, "0506": {1},
		"20 30 40 50": {1}, "+45 2030 4050": {1}, "6263": {2}, "søren": {1, 2}, "999999": nil, "3157": nil,
	} {
		got := FilterCaseload(rows, CaseFilter{Query: q, AnyTrack: true})
		var ids []int64
		for _, r := range got {
			ids = append(ids, r.ID)
		}
		if len(ids) != len(want) || (len(ids) > 0 && ids[0] != want[0]) {
			t.Errorf("search %q found %v; want %v", q, ids, want)
		}
	}
}

// TestAppendCaseloadReusesOneBuffer: filtering again and again into the
// last result's backing array (as the search field does on every key)
// gives the same rows as FilterCaseload, narrowing and widening, points at
// the rows themselves (no copy of a row per key), and keeps to that array
// once it is large enough.
func TestAppendCaseloadReusesOneBuffer(t *testing.T) {
	var rows []CaseRow
	for i, n := range []string{"Ali Hansen", "Bo Johansen", "Søren Ærø", "Hans Holm", "Åse Berg"} {
		rows = append(rows, CaseRow{ID: int64(i + 1), Name: n, NameKey: FoldName(n)})
	}
	var buf []*CaseRow
	for _, q := range []string{"", "h", "ha", "hansen", "ha", "h", "", "ærø", ""} {
		f := CaseFilter{Query: q, AnyTrack: true}
		buf = AppendCaseloadRefs(buf[:0], rows, f)
		want := FilterCaseload(rows, f)
		if len(buf) != len(want) {
			t.Fatalf("query %q: %d rows; want %d", q, len(buf), len(want))
		}
		for i := range want {
			if buf[i].ID != want[i].ID {
				t.Fatalf("query %q: row %d is citizen %d; want %d", q, i, buf[i].ID, want[i].ID)
			}
			if buf[i] != &rows[buf[i].ID-1] {
				t.Fatalf("query %q: row %d is a copy, not the row read", q, i)
			}
		}
	}
	first := &buf[:1][0]
	buf = AppendCaseloadRefs(buf[:0], rows, CaseFilter{Query: "h", AnyTrack: true})
	if &buf[0] != first {
		t.Error("filtering into a large enough buffer took a new array")
	}
}

// TestSortCaseloadRefsAsSortCaseload: the pointers sort as the rows do, by
// every column both ways, ties in name order.
func TestSortCaseloadRefsAsSortCaseload(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	var rows []CaseRow
	for i, n := range []string{"Ali Hansen", "Bo Johansen", "Søren Ærø", "Hans Holm", "Åse Berg", "Carl Lund"} {
		rows = append(rows, CaseRow{ID: int64(i + 1), Name: n, NameKey: FoldName(n), Track: []TrackID{"a", "b"}[i%2],
			Done: i % 3, Total: 4, DaysSinceFirst: 10 - i%4, Next: day(1 + i%3), Overdue: i%2 == 0, NoShow: i%3 == 0,
			Caseworker: []string{"MK", "", "JH"}[i%3]})
	}
	for by := SortByName; by <= SortByCaseworker; by++ {
		for _, desc := range []bool{false, true} {
			want := slices.Clone(rows)
			SortCaseload(want, by, desc)
			refs := AppendCaseloadRefs(nil, rows, CaseFilter{AnyTrack: true})
			SortCaseloadRefs(refs, by, desc)
			for i := range want {
				if refs[i].ID != want[i].ID {
					t.Fatalf("sort %d desc %v: row %d is %d; want %d", by, desc, i, refs[i].ID, want[i].ID)
				}
			}
		}
	}
}
