package model

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
	Status       Status  `json:"status"`
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
	Audit         []AuditEntry    `json:"audit"`
}
