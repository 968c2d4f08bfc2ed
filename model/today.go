package model

import (
	"time"
)

// TodayConversation is one conversation on a day list.
type TodayConversation struct {
	Conversation
	Name, Phone string
}

// TodayStep is a citizen's overdue reception steps, oldest first.
type TodayStep struct {
	CitizenID int64
	Name      string
	Steps     []DatedStep
}

// TodayDue is a required conversation whose deadline is near or passed.
type TodayDue struct {
	CitizenID int64
	Name      string
	Due       Due
}

// TodayView is what today asks of the caseworker.
type TodayView struct {
	Date          time.Time
	Conversations []TodayConversation
	OverdueSteps  []TodayStep
	Due           []TodayDue
	CatchUpSince  time.Time
	CatchUp       []TodayConversation
	Notices       []Notice
	Youth         []YouthRow
	// BenefitLate are benefits not settled by day 10 of the reception plan;
	// BenefitMeetings the meetings at the benefit office in the next two weeks.
	BenefitLate     []BenefitLate
	BenefitMeetings []BenefitMeeting
}
