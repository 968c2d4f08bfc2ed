package model

import (
	"time"
)

// BenefitCase keeps the job centre and the benefit office in step (10 råd
// #7 and #10) for one citizen.
type BenefitCase struct {
	CitizenID int64     `json:"citizen_id"`
	IntendsOn time.Time `json:"intends_on"` // the citizen intends to apply for benefit
	StartedOn time.Time `json:"started_on"` // clarification started (day 7 in the plan)
	SettledOn time.Time `json:"settled_on"` // clarification settled (by day 10)
	Documents []int     `json:"documents"`  // indexes of the checklist documents brought
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
	Name           string    `json:"-"`
}

func (b *BenefitCase) Validate(docs int) error {
	v := &ValidationError{}
	if !b.StartedOn.IsZero() && !b.IntendsOn.IsZero() && b.StartedOn.Before(b.IntendsOn) {
		v.add("started", "error.benefit.started")
	}
	if !b.SettledOn.IsZero() && (b.StartedOn.IsZero() || b.SettledOn.Before(b.StartedOn)) {
		v.add("settled", "error.benefit.settled")
	}
	for _, d := range b.Documents {
		if d < 0 || d >= docs {
			v.add("documents", "error.benefit.document")
		}
	}
	return v.OrNil()
}
