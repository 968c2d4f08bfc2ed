package model

import (
	"time"
	"unicode/utf8"
)

// MaxPlaceLen limits the place of the benefit meeting.
const MaxPlaceLen = 200

// BenefitStepID is the reception plan's benefit clarification step: the
// benefit should be settled by its last day (day 10 in the 10 råd example).
const BenefitStepID = "benefit_clarification"

// BenefitCase keeps the job centre and the benefit office in step (10 råd
// #7 and #10) for one citizen.
type BenefitCase struct {
	CitizenID int64     `json:"citizen_id"`
	IntendsOn time.Time `json:"intends_on"` // the citizen intends to apply for benefit
	StartedOn time.Time `json:"started_on"` // clarification started (day 7 in the plan)
	SettledOn time.Time `json:"settled_on"` // clarification settled (by day 10)
	Documents []int     `json:"documents"`  // indexes of the checklist documents brought
	// MeetingAt and MeetingPlace are the citizen's meeting at the benefit
	// office (local wall time; zero: none booked), printed on the checklist.
	MeetingAt    time.Time `json:"meeting_at"`
	MeetingPlace string    `json:"meeting_place"`
}

// Notice is a message between the job centre and the benefit office, shown
// on Today until acknowledged.
type Notice struct {
	ID             int64     `json:"id"`
	CitizenID      int64     `json:"citizen_id"`
	Direction      string    `json:"direction"` // "to_benefit" or "from_benefit"
	Text           string    `json:"text"`
	CreatedAt      time.Time `json:"created_at"`
	CreatedBy      string    `json:"created_by"`
	AcknowledgedAt time.Time `json:"acknowledged_at"`
	AcknowledgedBy string    `json:"acknowledged_by"`
	// SentAt, SentBy and SentHow record when the notice was printed or
	// copied to be sent (zero: not yet).
	SentAt  time.Time `json:"sent_at"`
	SentBy  string    `json:"sent_by"`
	SentHow SentHow   `json:"sent_how"`
	Name    string    `json:"-"`
}

// SentHow is how a notice left Jobspor.
type SentHow string

const (
	SentPrinted SentHow = "print"
	SentCopied  SentHow = "copy"
)

// Notice directions.
const (
	ToBenefit   = "to_benefit"
	FromBenefit = "from_benefit"
)

// BenefitLate is a citizen whose benefit was not settled by the last day of
// the reception plan's benefit clarification.
type BenefitLate struct {
	CitizenID int64
	Name      string
	Due       time.Time
}

// BenefitMeeting is a booked meeting at the benefit office, for Today.
type BenefitMeeting struct {
	CitizenID int64
	Name      string
	At        time.Time
	Place     string
}

// Validate checks the dates' order, the meeting place and the document indexes.
func (b *BenefitCase) Validate(docs int) error {
	v := &ValidationError{}
	if !b.StartedOn.IsZero() && !b.IntendsOn.IsZero() && b.StartedOn.Before(b.IntendsOn) {
		v.add("started", "error.benefit.started")
	}
	if !b.SettledOn.IsZero() && (b.StartedOn.IsZero() || b.SettledOn.Before(b.StartedOn)) {
		v.add("settled", "error.benefit.settled")
	}
	if utf8.RuneCountInString(b.MeetingPlace) > MaxPlaceLen {
		v.add("meeting_place", "error.benefit.place", MaxPlaceLen)
	}
	for _, d := range b.Documents {
		if d < 0 || d >= docs {
			v.add("documents", "error.benefit.document")
		}
	}
	return v.OrNil()
}

// BenefitDue is the day the benefit should be settled by: the last day of
// the plan's benefit clarification step, or working day 10 without one.
func BenefitDue(p *ReceptionPlan, cal *WorkCalendar, first time.Time) time.Time {
	for _, st := range p.Dated(first, cal) {
		if st.ID == BenefitStepID {
			return st.ToDate
		}
	}
	return cal.WorkingDay(first, 10)
}
