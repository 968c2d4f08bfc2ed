package model

import (
	"testing"
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
// gives the same rows as FilterCaseload, narrowing and widening, and keeps
// to that array once it is large enough.
func TestAppendCaseloadReusesOneBuffer(t *testing.T) {
	var rows []CaseRow
	for i, n := range []string{"Ali Hansen", "Bo Johansen", "Søren Ærø", "Hans Holm", "Åse Berg"} {
		rows = append(rows, CaseRow{ID: int64(i + 1), Name: n, NameKey: FoldName(n)})
	}
	var buf []CaseRow
	for _, q := range []string{"", "h", "ha", "hansen", "ha", "h", "", "ærø", ""} {
		f := CaseFilter{Query: q, AnyTrack: true}
		buf = AppendCaseload(buf[:0], rows, f)
		want := FilterCaseload(rows, f)
		if len(buf) != len(want) {
			t.Fatalf("query %q: %d rows; want %d", q, len(buf), len(want))
		}
		for i := range want {
			if buf[i].ID != want[i].ID {
				t.Fatalf("query %q: row %d is citizen %d; want %d", q, i, buf[i].ID, want[i].ID)
			}
		}
	}
	first := &buf[:1][0]
	buf = AppendCaseload(buf[:0], rows, CaseFilter{Query: "h", AnyTrack: true})
	if &buf[0] != first {
		t.Error("filtering into a large enough buffer took a new array")
	}
}
