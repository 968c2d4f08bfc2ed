package model

import (
	"slices"
	"testing"
)

// TestTodayCitizenIDsNameEveryPart: the audit row for Today names every
// citizen shown, the benefit office's parts included, each once.
func TestTodayCitizenIDsNameEveryPart(t *testing.T) {
	v := &TodayView{
		Conversations:   []TodayConversation{{Conversation: Conversation{CitizenID: 1}}},
		Due:             []TodayDue{{CitizenID: 2}},
		Notices:         []Notice{{CitizenID: 1}},
		Youth:           []YouthRow{{CitizenID: 3}},
		BenefitLate:     []BenefitLate{{CitizenID: 4}},
		BenefitMeetings: []BenefitMeeting{{CitizenID: 5}, {CitizenID: 4}},
	}
	if got, want := v.CitizenIDs(), []int64{1, 2, 3, 4, 5}; !slices.Equal(got, want) {
		t.Errorf("CitizenIDs() = %v, want %v", got, want)
	}
}

// TestTodayOnlyKeepsOneCaseworkersCitizens: narrowed to some citizens, every
// part keeps only theirs, the benefit office's parts too.
func TestTodayOnlyKeepsOneCaseworkersCitizens(t *testing.T) {
	v := &TodayView{
		Youth:           []YouthRow{{CitizenID: 3}, {CitizenID: 6}},
		BenefitLate:     []BenefitLate{{CitizenID: 4}, {CitizenID: 6}},
		BenefitMeetings: []BenefitMeeting{{CitizenID: 5}, {CitizenID: 6}},
	}
	if got, want := v.Only(map[int64]bool{6: true}).CitizenIDs(), []int64{6}; !slices.Equal(got, want) {
		t.Errorf("Only(6).CitizenIDs() = %v, want %v", got, want)
	}
}
