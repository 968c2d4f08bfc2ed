package model

import (
	"database/sql"
	"fmt"
	"sort"
	"time"
)

// CitizenRecord is the citizen as exported for a right-of-access request.
type CitizenRecord struct {
	ID           int64   `json:"id"`
	Name         string  `json:"name"`
	CPR          string  `json:"cpr"`
	BirthDate    string  `json:"birth_date,omitempty"`
	Phone        string  `json:"phone"`
	Email        string  `json:"email"`
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

// ExportCitizen records the export in the audit trail, then gathers every
// record about the citizen (that audit entry included).
func (s *Store) ExportCitizen(id int64) (*Export, error) {
	if err := s.inTx("export", func(tx *sql.Tx) error {
		if _, err := scanCitizen(tx.QueryRow(`SELECT `+citizenColumns+` FROM citizens WHERE id = ?`, id)); err != nil {
			return err
		}
		return s.audit(tx, AuditExport, id, "right of access")
	}); err != nil {
		return nil, fmt.Errorf("export citizen %d: %w", id, err)
	}
	return s.gatherExport(id)
}

func (s *Store) gatherExport(id int64) (*Export, error) {
	c, err := s.Citizen(id)
	if err != nil {
		return nil, err
	}
	progress, err := s.ProgressFor(id)
	if err != nil {
		return nil, err
	}
	e := &Export{ExportedAt: s.Now().UTC().Format(time.RFC3339), ExportedBy: s.User,
		Citizen: citizenRecord(c), Progress: sortedProgress(progress)}
	steps := []func() error{
		func() (err error) { e.JobGoals, err = s.JobGoals(id); return },
		func() (err error) { e.Opening, err = s.Opening(id); return },
		func() (err error) { e.TrackChanges, err = s.TrackHistory(id); return },
		func() (err error) { e.Conversations, err = s.Conversations(id); return },
		func() (err error) { e.Upskilling, err = s.Upskillings(id); return },
		func() (err error) { e.Education, err = s.EducationPlan(id); return },
		func() (err error) { e.Company, err = s.CompanyEfforts(id); return },
		func() (err error) { e.TempAgencies, err = s.TempAgencies(id); return },
		func() (err error) { e.Audit, err = s.AuditFor(id); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return e, nil
}

func citizenRecord(c *Citizen) CitizenRecord {
	r := CitizenRecord{ID: c.ID, Name: c.Name, CPR: c.CPR.Formatted(), Phone: c.Phone, Email: c.Email,
		Benefit: c.Benefit, Education: string(c.Education), FirstContact: c.FirstContact.Format(DateLayout),
		Status: c.Status, Track: c.Track, Notes: c.Notes,
		CreatedAt: c.CreatedAt.Format(time.RFC3339), UpdatedAt: c.UpdatedAt.Format(time.RFC3339)}
	if b, ok := c.CPR.BirthDate(); ok {
		r.BirthDate = b.Format(DateLayout)
	}
	return r
}

func sortedProgress(m map[string]Progress) []Progress {
	out := make([]Progress, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ActionID < out[j].ActionID })
	return out
}
