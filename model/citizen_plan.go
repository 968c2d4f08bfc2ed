package model

import (
	"time"
)

// Plan is one view of what is agreed with the citizen: what the plan
// handout prints.
type Plan struct {
	Citizen       Citizen
	Goals         []JobGoal
	Opening       Opening
	AgreedActions []PlanAction
	Agreements    []PlanAgreement
	Upskilling    []Upskilling
	Education     *EducationPlan
	Company       []CompanyEffort
	TempAgencies  []TempAgency
	Applications  []Application // agreed in a conversation and not yet sent
	Next          *Conversation
}

// PlanAction is a guide action of the opening phase or the current track:
// the done ones with date and note, and the track's open ones.
type PlanAction struct {
	Action  Action
	Element string
	Done    bool
	DoneOn  time.Time
	Note    string
}

// PlanAgreement is what was agreed in one held conversation.
type PlanAgreement struct {
	On   time.Time
	Text string
}
