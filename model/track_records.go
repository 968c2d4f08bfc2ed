package model

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// AuditRecord marks audit entries about track-specific records.
const AuditRecord = "record"

// UpskillingKind is the kind of short course.
type UpskillingKind string

const (
	UpskillingVocational  UpskillingKind = "vocational"
	UpskillingCertificate UpskillingKind = "certificate"
	UpskillingFVU         UpskillingKind = "fvu"
	UpskillingOBU         UpskillingKind = "obu"
	UpskillingEUV         UpskillingKind = "euv"
)

// UpskillingStatus is how far the course has come.
type UpskillingStatus string

const (
	UpskillingPlanned   UpskillingStatus = "planned"
	UpskillingOngoing   UpskillingStatus = "ongoing"
	UpskillingCompleted UpskillingStatus = "completed"
	UpskillingDropped   UpskillingStatus = "dropped"
)

// Upskilling is one course taken alongside the job search.
type Upskilling struct {
	ID           int64            `json:"id"`
	CitizenID    int64            `json:"citizen_id"`
	Kind         UpskillingKind   `json:"kind"`
	Title        string           `json:"title"`
	Status       UpskillingStatus `json:"status"`
	Completed    time.Time        `json:"completed"`
	GoalsUpdated bool             `json:"goals_updated"`
	CVUpdated    bool             `json:"cv_updated"`
	Note         string           `json:"note"`
}

func (u *Upskilling) validate() error {
	v := &ValidationError{}
	checkChoice(v, "kind", u.Kind, []UpskillingKind{UpskillingVocational, UpskillingCertificate, UpskillingFVU, UpskillingOBU, UpskillingEUV},
		"error.upskill.kind", "Vælg typen af opkvalificering")
	checkChoice(v, "status", u.Status, []UpskillingStatus{UpskillingPlanned, UpskillingOngoing, UpskillingCompleted, UpskillingDropped},
		"error.upskill.status", "Vælg en status")
	requireText(v, "title", &u.Title, 120, "error.upskill.title", "Skriv kursets navn")
	if (u.Status == UpskillingCompleted) != !u.Completed.IsZero() {
		v.add("completed", "error.upskill.completed", "Angiv en gennemført-dato, når – og kun når – kurset er gennemført")
	}
	checkLen(v, "note", &u.Note, MaxActionLen, "error.note.long", "Noten må højst have %d tegn (der er %d)")
	return v.orNil()
}

// requireText trims *s and reports it when empty or longer than max.
func requireText(v *ValidationError, field string, s *string, max int, key, def string) {
	*s = strings.TrimSpace(*s)
	if *s == "" {
		v.add(field, key, def)
	} else if utf8.RuneCountInString(*s) > max {
		v.add(field, "error.text.long", "Teksten må højst have %d tegn", max)
	}
}

// SaveUpskilling inserts (ID 0) or updates a course.
func (s *Store) SaveUpskilling(u *Upskilling) error {
	if err := u.validate(); err != nil {
		return err
	}
	return s.saveRecord("upskilling", u.CitizenID, &u.ID,
		`INSERT INTO upskillings (citizen_id, kind, title, status, completed, goals_updated, cv_updated, note)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		`UPDATE upskillings SET citizen_id = ?, kind = ?, title = ?, status = ?, completed = ?, goals_updated = ?,
		 cv_updated = ?, note = ? WHERE id = ?`,
		u.CitizenID, u.Kind, u.Title, u.Status, dateText(u.Completed), u.GoalsUpdated, u.CVUpdated, u.Note)
}

// saveRecord inserts when *id is 0, else updates row *id, and audits it.
// insert takes args; update takes args and then the id.
func (s *Store) saveRecord(what string, citizenID int64, id *int64, insert, update string, args ...any) error {
	return s.inTx("save "+what, func(tx *sql.Tx) error {
		if *id == 0 {
			res, err := tx.Exec(insert, args...)
			if err != nil {
				return fmt.Errorf("add %s: %w", what, foreignKey(err))
			}
			*id, _ = res.LastInsertId()
		} else if res, err := tx.Exec(update, append(args, *id)...); err != nil {
			return fmt.Errorf("save %s %d: %w", what, *id, err)
		} else if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.audit(tx, AuditRecord, citizenID, fmt.Sprintf("%s %d", what, *id))
	})
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

func parseDateText(s string) time.Time {
	t, _ := time.Parse(DateLayout, s)
	return t
}

// Upskillings lists a citizen's courses in the order they were added.
func (s *Store) Upskillings(citizenID int64) ([]Upskilling, error) {
	rows, err := s.db.Query(`SELECT id, kind, title, status, completed, goals_updated, cv_updated, note
		FROM upskillings WHERE citizen_id = ? ORDER BY id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list upskilling: %w", err)
	}
	defer rows.Close()
	var out []Upskilling
	for rows.Next() {
		u := Upskilling{CitizenID: citizenID}
		var completed string
		if err := rows.Scan(&u.ID, &u.Kind, &u.Title, &u.Status, &completed, &u.GoalsUpdated, &u.CVUpdated, &u.Note); err != nil {
			return nil, fmt.Errorf("scan upskilling: %w", err)
		}
		u.Completed = parseDateText(completed)
		out = append(out, u)
	}
	return out, rows.Err()
}

// EducationPlan is the education lift's record for one citizen.
type EducationPlan struct {
	CitizenID     int64     `json:"citizen_id"`
	Chosen        string    `json:"chosen"`
	PriorLearning string    `json:"prior_learning"` // "", "planned", "done"
	DyslexiaTest  string    `json:"dyslexia_test"`  // "", "offered", "done"
	Enrolled      bool      `json:"enrolled"`
	Start         time.Time `json:"start"`
	Internship    string    `json:"internship"` // "", "searching", "found"
	Note          string    `json:"note"`
}

func (e *EducationPlan) validate() error {
	v := &ValidationError{}
	checkLen(v, "chosen", &e.Chosen, 120, "error.text.long", "Teksten må højst have %d tegn (der er %d)")
	checkChoice(v, "prior", e.PriorLearning, []string{"", "planned", "done"}, "error.edu.prior", "Ukendt valg for realkompetencevurdering")
	checkChoice(v, "dyslexia", e.DyslexiaTest, []string{"", "offered", "done"}, "error.edu.dyslexia", "Ukendt valg for ordblindetest")
	checkChoice(v, "internship", e.Internship, []string{"", "searching", "found"}, "error.edu.internship", "Ukendt valg for praktikplads")
	if e.Enrolled && e.Chosen == "" {
		v.add("chosen", "error.edu.chosen", "Skriv hvilken uddannelse borgeren er tilmeldt")
	}
	checkLen(v, "note", &e.Note, MaxActionLen, "error.note.long", "Noten må højst have %d tegn (der er %d)")
	return v.orNil()
}

// SaveEducationPlan stores the citizen's education record.
func (s *Store) SaveEducationPlan(e *EducationPlan) error {
	if err := e.validate(); err != nil {
		return err
	}
	return s.inTx("save education", func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO educations (citizen_id, chosen, prior_learning, dyslexia_test, enrolled, start, internship, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (citizen_id) DO UPDATE SET chosen = excluded.chosen, prior_learning = excluded.prior_learning,
				dyslexia_test = excluded.dyslexia_test, enrolled = excluded.enrolled, start = excluded.start,
				internship = excluded.internship, note = excluded.note`,
			e.CitizenID, e.Chosen, e.PriorLearning, e.DyslexiaTest, e.Enrolled, dateText(e.Start), e.Internship, e.Note)
		if err != nil {
			return fmt.Errorf("save education: %w", foreignKey(err))
		}
		return s.audit(tx, AuditRecord, e.CitizenID, "education")
	})
}

// EducationPlan returns the citizen's education record, empty when none.
func (s *Store) EducationPlan(citizenID int64) (EducationPlan, error) {
	e := EducationPlan{CitizenID: citizenID}
	var start string
	err := s.db.QueryRow(`SELECT chosen, prior_learning, dyslexia_test, enrolled, start, internship, note
		FROM educations WHERE citizen_id = ?`, citizenID).
		Scan(&e.Chosen, &e.PriorLearning, &e.DyslexiaTest, &e.Enrolled, &start, &e.Internship, &e.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return e, nil
	}
	if err != nil {
		return e, fmt.Errorf("load education: %w", err)
	}
	e.Start = parseDateText(start)
	return e, nil
}

// CompanyKind is the kind of company-oriented effort.
type CompanyKind string

const (
	CompanyPraktik     CompanyKind = "praktik"
	CompanyLoentilskud CompanyKind = "loentilskud"
)

// CompanyEffort is a company internship or wage-subsidised job.
type CompanyEffort struct {
	ID           int64       `json:"id"`
	CitizenID    int64       `json:"citizen_id"`
	Kind         CompanyKind `json:"kind"`
	Company      string      `json:"company"`
	Start        time.Time   `json:"start"`
	End          time.Time   `json:"end"`
	Conditions   string      `json:"conditions"` // agreed conditions for a job afterwards
	Outcome      string      `json:"outcome"`    // "", "job", "no_job"
	JointMeeting time.Time   `json:"joint_meeting"`
	Note         string      `json:"note"`
}

// NeedsJointMeeting is true when no job followed and the joint meeting with
// citizen and company has not been held.
func (c CompanyEffort) NeedsJointMeeting() bool {
	return c.Outcome == "no_job" && c.JointMeeting.IsZero()
}

func (c *CompanyEffort) validate() error {
	v := &ValidationError{}
	checkChoice(v, "kind", c.Kind, []CompanyKind{CompanyPraktik, CompanyLoentilskud}, "error.company.kind", "Vælg virksomhedspraktik eller løntilskud")
	requireText(v, "company", &c.Company, 120, "error.company.name", "Skriv virksomhedens navn")
	switch {
	case c.Start.IsZero() || c.End.IsZero():
		v.add("start", "error.company.period", "Angiv periodens start og slut")
	case c.End.Before(c.Start):
		v.add("end", "error.company.end", "Perioden kan ikke slutte før den starter")
	}
	checkChoice(v, "outcome", c.Outcome, []string{"", "job", "no_job"}, "error.company.outcome", "Ukendt resultat")
	if !c.JointMeeting.IsZero() && c.JointMeeting.Before(c.Start) {
		v.add("meeting", "error.company.meeting", "Den fælles samtale kan ikke ligge før forløbet starter")
	}
	checkLen(v, "conditions", &c.Conditions, MaxActionLen, "error.note.long", "Noten må højst have %d tegn (der er %d)")
	checkLen(v, "note", &c.Note, MaxActionLen, "error.note.long", "Noten må højst have %d tegn (der er %d)")
	return v.orNil()
}

// SaveCompanyEffort inserts (ID 0) or updates a company effort.
func (s *Store) SaveCompanyEffort(c *CompanyEffort) error {
	if err := c.validate(); err != nil {
		return err
	}
	return s.saveRecord("company", c.CitizenID, &c.ID,
		`INSERT INTO company_efforts (citizen_id, kind, company, start, end, conditions, outcome, joint_meeting, note)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		`UPDATE company_efforts SET citizen_id = ?, kind = ?, company = ?, start = ?, end = ?, conditions = ?,
		 outcome = ?, joint_meeting = ?, note = ? WHERE id = ?`,
		c.CitizenID, c.Kind, c.Company, dateText(c.Start), dateText(c.End), c.Conditions, c.Outcome,
		dateText(c.JointMeeting), c.Note)
}

// CompanyEfforts lists a citizen's company efforts, oldest first.
func (s *Store) CompanyEfforts(citizenID int64) ([]CompanyEffort, error) {
	rows, err := s.db.Query(`SELECT id, kind, company, start, end, conditions, outcome, joint_meeting, note
		FROM company_efforts WHERE citizen_id = ? ORDER BY start, id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list company efforts: %w", err)
	}
	defer rows.Close()
	var out []CompanyEffort
	for rows.Next() {
		c := CompanyEffort{CitizenID: citizenID}
		var start, end, meeting string
		if err := rows.Scan(&c.ID, &c.Kind, &c.Company, &start, &end, &c.Conditions, &c.Outcome, &meeting, &c.Note); err != nil {
			return nil, fmt.Errorf("scan company effort: %w", err)
		}
		c.Start, c.End, c.JointMeeting = parseDateText(start), parseDateText(end), parseDateText(meeting)
		out = append(out, c)
	}
	return out, rows.Err()
}

// TempAgency is a registration with a temp agency (vikarbureau).
type TempAgency struct {
	ID         int64     `json:"id"`
	CitizenID  int64     `json:"citizen_id"`
	Agency     string    `json:"agency"`
	Registered time.Time `json:"registered"`
	Note       string    `json:"note"`
}

// SaveTempAgency inserts (ID 0) or updates a registration.
func (s *Store) SaveTempAgency(t *TempAgency) error {
	v := &ValidationError{}
	requireText(v, "agency", &t.Agency, 120, "error.temp.agency", "Skriv vikarbureauets navn")
	checkLen(v, "note", &t.Note, MaxActionLen, "error.note.long", "Noten må højst have %d tegn (der er %d)")
	if err := v.orNil(); err != nil {
		return err
	}
	return s.saveRecord("temp agency", t.CitizenID, &t.ID,
		`INSERT INTO temp_agencies (citizen_id, agency, registered, note) VALUES (?, ?, ?, ?)`,
		`UPDATE temp_agencies SET citizen_id = ?, agency = ?, registered = ?, note = ? WHERE id = ?`,
		t.CitizenID, t.Agency, dateText(t.Registered), t.Note)
}

// TempAgencies lists a citizen's temp agency registrations.
func (s *Store) TempAgencies(citizenID int64) ([]TempAgency, error) {
	rows, err := s.db.Query(`SELECT id, agency, registered, note FROM temp_agencies WHERE citizen_id = ? ORDER BY id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list temp agencies: %w", err)
	}
	defer rows.Close()
	var out []TempAgency
	for rows.Next() {
		t := TempAgency{CitizenID: citizenID}
		var reg string
		if err := rows.Scan(&t.ID, &t.Agency, &reg, &t.Note); err != nil {
			return nil, fmt.Errorf("scan temp agency: %w", err)
		}
		t.Registered = parseDateText(reg)
		out = append(out, t)
	}
	return out, rows.Err()
}
