package model

import "time"

// CitizenRecord is the citizen as exported for a right-of-access request.
type CitizenRecord struct {
	ID           int64   `json:"id"`
	Name         string  `json:"name"`
	CPR          string  `json:"cpr"`
	BirthDate    string  `json:"birth_date,omitempty"`
	Phone        string  `json:"phone"`
	Email        string  `json:"email"`
	Postcode     string  `json:"postcode"`
	Reach        Reach   `json:"reach"`
	Benefit      Benefit `json:"benefit"`
	Education    string  `json:"education"`
	FirstContact string  `json:"first_contact"`
	// UnemployedSince and TransferredOn are the dates the conversation rules count from.
	UnemployedSince string `json:"unemployed_since"`
	TransferredOn   string `json:"transferred_on,omitempty"`
	RegisteredOn    string `json:"registered_on,omitempty"`
	OtherBenefit    string `json:"other_benefit,omitempty"`
	// ReceptionVariant is the reception plan's variant chosen for the citizen.
	ReceptionVariant string `json:"reception_variant,omitempty"`
	// BenefitSince is the day of a change of benefit (a new period).
	BenefitSince string  `json:"benefit_since,omitempty"`
	Status       Status  `json:"status"`
	Caseworker   string  `json:"caseworker"`
	Track        TrackID `json:"track"`
	Notes        string  `json:"notes"`
	CreatedAt    string  `json:"created_at"`
	UpdatedAt    string  `json:"updated_at"`
}

// Export is everything Jobspor holds about one citizen, one key per kind of record.
type Export struct {
	ExportedAt    string          `json:"exported_at"`
	ExportedBy    string          `json:"exported_by"`
	Citizen       CitizenRecord   `json:"citizen"`
	Progress      []Progress      `json:"progress"`
	JobGoals      []JobGoal       `json:"job_goals"`
	Opening       Opening         `json:"opening"`
	TrackChanges  []TrackChange   `json:"track_changes"`
	Conversations []Conversation  `json:"conversations"`
	Upskilling    []Upskilling    `json:"upskilling"`
	Education     EducationPlan   `json:"education"`
	Company       []CompanyEffort `json:"company_efforts"`
	TempAgencies  []TempAgency    `json:"temp_agencies"`
	Reception     []ReceptionTick `json:"reception_steps"`
	BenefitCase   *BenefitCase    `json:"benefit_case"`
	Notices       []Notice        `json:"notices"`
	YouthFlag     *YouthFlag      `json:"youth_flag"`
	JobLog        []Application   `json:"job_log"`
	JobsShown     []JobShown      `json:"jobs_shown"`
	Closing       *CaseClosing    `json:"closing"`
	Exemptions    []Exemption     `json:"exemptions"`
	Audit         []AuditEntry    `json:"audit"`
	// Caseworkers names the caseworkers the records and the audit refer to
	// by initials (the citizen's own and those who worked on the case).
	Caseworkers []Caseworker `json:"caseworkers"`
}

// CaseworkerName is the name of the caseworker with these initials, or the
// initials when the roster does not know them.
func (e *Export) CaseworkerName(initials string) string {
	for _, c := range e.Caseworkers {
		if c.Initials == initials {
			return c.Name
		}
	}
	return initials
}

// ReceptionTick is a reception step ticked for the citizen.
type ReceptionTick struct {
	StepID string    `json:"step_id"`
	DoneOn time.Time `json:"done_on"`
	By     string    `json:"by"`
}

// YouthFlag is the flag for a young citizen without a qualifying education.
type YouthFlag struct {
	FlaggedOn  time.Time `json:"flagged_on"`
	ReferredOn time.Time `json:"referred_on"`
}

// JobShown is an opening shown to the citizen in a conversation.
type JobShown struct {
	ConversationID int64  `json:"conversation_id"`
	JobID          int64  `json:"job_id"`
	Title          string `json:"title"`
	Employer       string `json:"employer"`
	Agreed         bool   `json:"agreed"`
}
