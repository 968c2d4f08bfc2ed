package model

import (
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

// UpskillingKinds lists every kind of upskilling in menu order.
var UpskillingKinds = []UpskillingKind{UpskillingVocational, UpskillingCertificate, UpskillingFVU, UpskillingOBU, UpskillingEUV}

// UpskillingStatus is how far the course has come.
type UpskillingStatus string

const (
	UpskillingPlanned   UpskillingStatus = "planned"
	UpskillingOngoing   UpskillingStatus = "ongoing"
	UpskillingCompleted UpskillingStatus = "completed"
	UpskillingDropped   UpskillingStatus = "dropped"
)

// UpskillingStatuses lists every status in the order a course goes through them.
var UpskillingStatuses = []UpskillingStatus{UpskillingPlanned, UpskillingOngoing, UpskillingCompleted, UpskillingDropped}

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

func (u *Upskilling) Validate() error {
	v := &ValidationError{}
	CheckChoice(v, "kind", u.Kind, []UpskillingKind{UpskillingVocational, UpskillingCertificate, UpskillingFVU, UpskillingOBU, UpskillingEUV},
		"error.upskill.kind")
	CheckChoice(v, "status", u.Status, []UpskillingStatus{UpskillingPlanned, UpskillingOngoing, UpskillingCompleted, UpskillingDropped},
		"error.upskill.status")
	RequireText(v, "title", &u.Title, 120, "error.upskill.title")
	if (u.Status == UpskillingCompleted) != !u.Completed.IsZero() {
		v.add("completed", "error.upskill.completed")
	}
	CheckLen(v, "note", &u.Note, MaxActionLen, "error.note.long")
	return v.OrNil()
}

// RequireText trims *s and reports it when empty or longer than max.
func RequireText(v *ValidationError, field string, s *string, max int, key string) {
	*s = strings.TrimSpace(*s)
	if *s == "" {
		v.add(field, key)
	} else if utf8.RuneCountInString(*s) > max {
		v.add(field, "error.text.long", max, utf8.RuneCountInString(*s))
	}
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

func (e *EducationPlan) Validate() error {
	v := &ValidationError{}
	CheckLen(v, "chosen", &e.Chosen, 120, "error.text.long")
	CheckChoice(v, "prior", e.PriorLearning, []string{"", "planned", "done"}, "error.edu.prior")
	CheckChoice(v, "dyslexia", e.DyslexiaTest, []string{"", "offered", "done"}, "error.edu.dyslexia")
	CheckChoice(v, "internship", e.Internship, []string{"", "searching", "found"}, "error.edu.internship")
	if e.Enrolled && e.Chosen == "" {
		v.add("chosen", "error.edu.chosen")
	}
	CheckLen(v, "note", &e.Note, MaxActionLen, "error.note.long")
	return v.OrNil()
}

// CompanyKind is the kind of company-oriented effort.
type CompanyKind string

const (
	CompanyPraktik     CompanyKind = "praktik"
	CompanyLoentilskud CompanyKind = "loentilskud"
)

// CompanyKinds lists both kinds of company effort.
var CompanyKinds = []CompanyKind{CompanyPraktik, CompanyLoentilskud}

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

func (c *CompanyEffort) Validate() error {
	v := &ValidationError{}
	CheckChoice(v, "kind", c.Kind, []CompanyKind{CompanyPraktik, CompanyLoentilskud}, "error.company.kind")
	RequireText(v, "company", &c.Company, 120, "error.company.name")
	switch {
	case c.Start.IsZero() || c.End.IsZero():
		v.add("start", "error.company.period")
	case c.End.Before(c.Start):
		v.add("end", "error.company.end")
	}
	CheckChoice(v, "outcome", c.Outcome, []string{"", "job", "no_job"}, "error.company.outcome")
	if !c.JointMeeting.IsZero() && c.JointMeeting.Before(c.Start) {
		v.add("meeting", "error.company.meeting")
	}
	CheckLen(v, "conditions", &c.Conditions, MaxActionLen, "error.note.long")
	CheckLen(v, "note", &c.Note, MaxActionLen, "error.note.long")
	return v.OrNil()
}

// TempAgency is a registration with a temp agency (vikarbureau).
type TempAgency struct {
	ID         int64     `json:"id"`
	CitizenID  int64     `json:"citizen_id"`
	Agency     string    `json:"agency"`
	Registered time.Time `json:"registered"`
	Note       string    `json:"note"`
}
