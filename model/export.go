package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// ExportRow is one stored row as exported for a right-of-access request:
// its columns in the table's order, each with its value. Its JSON is an
// object with one key per column, in that order.
type ExportRow []ExportField

// ExportField is one column of an exported row.
type ExportField struct {
	Key   string
	Value any
}

// MarshalJSON writes the row as one object, its keys in order.
func (r ExportRow) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range r {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(f.Key)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(f.Value)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", f.Key, err)
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Export is everything Jobspor holds about one citizen, one key per kind of record.
type Export struct {
	ExportedAt string `json:"exported_at"`
	ExportedBy string `json:"exported_by"`
	// CitizenRow is every column of the citizen's row (the store's list
	// of citizen columns decides which, and their order).
	CitizenRow ExportRow `json:"citizen"`
	// Citizen is the same citizen as Jobspor works with it, for the
	// readable copy; the JSON has the row instead.
	Citizen       Citizen         `json:"-"`
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
