package model

import "time"

// AuditExemption marks audit entries about exemptions from the minimum of
// conversations (the reason stays out of the trail).
const AuditExemption = "exemption"

// MaxExemptionReasonLen bounds the written reason of an exemption.
const MaxExemptionReasonLen = 1000

// Exemption is a caseworker's concrete assessment that a citizen can find
// work on his or her own and is exempted from the minimum of conversations
// (from 1 July 2026, up to 25 % of a target group). The first conversation
// is held all the same. Undone keeps the row with UndoneAt set.
type Exemption struct {
	ID        int64     `json:"id"`
	CitizenID int64     `json:"citizen_id"`
	Reason    string    `json:"reason"`
	DecidedOn time.Time `json:"decided_on"`
	DecidedBy string    `json:"decided_by"`
	CreatedAt time.Time `json:"created_at"`
	UndoneAt  time.Time `json:"undone_at"`
}

// Open: not undone.
func (e *Exemption) Open() bool { return e.UndoneAt.IsZero() }

// Validate checks the reason and the day.
func (e *Exemption) Validate() error {
	v := &ValidationError{}
	CheckLen(v, "reason", &e.Reason, MaxExemptionReasonLen, "error.exemption.long")
	if e.Reason == "" {
		v.add("reason", "error.exemption.reason")
	}
	if e.DecidedOn.IsZero() {
		v.add("decided_on", "error.exemption.date")
	}
	return v.OrNil()
}
