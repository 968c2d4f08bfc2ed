package model

import "time"

// CloseReason is why a case ended.
type CloseReason string

const (
	CloseJob       CloseReason = "job"
	CloseEducation CloseReason = "education"
	CloseMoved     CloseReason = "moved"
	CloseBenefit   CloseReason = "benefit" // passed to another benefit
	CloseOther     CloseReason = "other"
)

// CloseReasons lists every reason in display order.
var CloseReasons = []CloseReason{CloseJob, CloseEducation, CloseMoved, CloseBenefit, CloseOther}

// Status is the citizen's status once the case is closed for this reason.
func (r CloseReason) Status() Status {
	switch r {
	case CloseJob:
		return StatusInJob
	case CloseEducation:
		return StatusInEducation
	}
	return StatusClosed
}

// MaxWeeklyHours bounds the hours of a job a case is closed with.
const MaxWeeklyHours = 80

// CaseClosing is how and when a case ended. For a job it names the employer,
// the first working day and the weekly hours (ordinary hours, not subsidised).
type CaseClosing struct {
	CitizenID int64       `json:"citizen_id"`
	Date      time.Time   `json:"date"`
	Reason    CloseReason `json:"reason"`
	Employer  string      `json:"employer,omitempty"`
	JobStart  time.Time   `json:"job_start,omitempty"`
	Hours     int         `json:"hours,omitempty"`
	Note      string      `json:"note"`
	By        string      `json:"by"`
	At        time.Time   `json:"at"`
}

// Validate checks the closing against the day it is made: the date may not
// lie ahead, a job needs an employer and a start, hours are 1–80 when given.
func (c *CaseClosing) Validate(today time.Time) error {
	v := &ValidationError{}
	CheckChoice(v, "reason", c.Reason, CloseReasons, "error.close.reason")
	switch {
	case c.Date.IsZero():
		v.add("date", "error.close.date")
	case Day(c.Date).After(Day(today)):
		v.add("date", "error.close.future")
	}
	CheckLen(v, "employer", &c.Employer, 200, "error.text.long")
	CheckLen(v, "note", &c.Note, MaxActionLen, "error.text.long")
	if c.Reason == CloseJob {
		c.validateJob(v)
	}
	return v.OrNil()
}

func (c *CaseClosing) validateJob(v *ValidationError) {
	if c.Employer == "" {
		v.add("employer", "error.close.employer")
	}
	if c.JobStart.IsZero() {
		v.add("job_start", "error.close.jobstart")
	}
	if c.Hours < 0 || c.Hours > MaxWeeklyHours {
		v.add("hours", "error.close.hours", MaxWeeklyHours)
	}
}

// ClosePreview is what closing a case on a day will change, shown to the
// caseworker before confirming.
type ClosePreview struct {
	Conversations []Conversation // planned after the closing date: cancelled by the office
	Notices       int            // open notices to the benefit office: closed
	ReceptionOpen int            // reception steps not ticked: the plan stops
}

// AuditClose, AuditReopen, AuditDelete and AuditAssign mark the case's life
// in the audit trail; the detail names the kind of record, never its values.
const (
	AuditClose  = "close"
	AuditReopen = "reopen"
	AuditDelete = "delete"
	AuditAssign = "assign"
	AuditPurge  = "purge"
)
