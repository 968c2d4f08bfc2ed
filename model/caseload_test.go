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
