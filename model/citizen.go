package model

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// DateLayout is how dates are stored: ISO 8601 calendar dates.
const DateLayout = "2006-01-02"

// Limits on free text, chosen so a note fits a printed page and a paste of a
// whole document is refused rather than silently stored.
const (
	MaxNameLen   = 200
	MaxNotesLen  = 5000
	MaxActionLen = 2000
	MaxPhoneLen  = 30
	MaxEmailLen  = 200
)

// Benefit is the kind of income support the citizen receives.
type Benefit string

const (
	BenefitDagpenge          Benefit = "dagpenge"
	BenefitKontanthjaelp     Benefit = "kontanthjaelp"
	BenefitUddannelseshjaelp Benefit = "uddannelseshjaelp"
	BenefitOther             Benefit = "other"
)

// Benefits lists every benefit in display order.
var Benefits = []Benefit{BenefitDagpenge, BenefitKontanthjaelp, BenefitUddannelseshjaelp, BenefitOther}

// Education is the citizen's highest qualifying education.
type Education string

const (
	EducationUnskilled Education = "unskilled"
	EducationSkilled   Education = "skilled"
	EducationHigher    Education = "higher"
)

// Educations lists every education level in display order.
var Educations = []Education{EducationUnskilled, EducationSkilled, EducationHigher}

// Status is where the citizen's course stands.
type Status string

const (
	StatusActive      Status = "active"
	StatusInJob       Status = "in_job"
	StatusInEducation Status = "in_education"
	StatusClosed      Status = "closed"
)

// Statuses lists every status in display order.
var Statuses = []Status{StatusActive, StatusInJob, StatusInEducation, StatusClosed}

// TrackID names one of the guide's three tracks; TrackNone means the citizen
// is still in the opening phase.
type TrackID string

const (
	TrackNone      TrackID = ""
	TrackIntensive TrackID = "intensive"
	TrackEducation TrackID = "education"
	TrackLongterm  TrackID = "longterm"
)

// Tracks lists the three tracks in the guide's order.
var Tracks = []TrackID{TrackIntensive, TrackEducation, TrackLongterm}

// Citizen is one person helped by the office.
type Citizen struct {
	ID           int64
	Name         string
	CPR          CPR
	Phone        string
	Email        string
	Postcode     string // home; "" when not given
	Reach        Reach  // how far from home openings are offered; "" is the region
	Benefit      Benefit
	Education    Education
	FirstContact time.Time
	// UnemployedSince is the first day of unemployment as LAB § 9, stk. 2
	// counts it (for dagpenge the placing in a dagpenge period, for
	// ledighedsydelse the passing to it): the conversation rules count from it.
	UnemployedSince time.Time
	// RegisteredOn is the registration as a job seeker (dagpenge: the
	// a-kasse's first-conversation deadline counts from it); zero: the
	// first day of unemployment.
	RegisteredOn time.Time
	// OtherBenefit names an "anden ydelse" the rules know ("ledighedsydelse");
	// "" for self-supporting citizens and benefits LAB § 31 does not name.
	OtherBenefit string
	// BenefitSince is the day the citizen changed to the current benefit
	// after the first contact (zero: no change): LAB § 9, stk. 1, nr. 2 starts
	// a new period of the contact course on a change of benefit.
	BenefitSince time.Time
	// ReceptionVariant is the reception plan's variant chosen at the first
	// conversation ("" not chosen yet, VariantStandard the plan as it is).
	ReceptionVariant string
	// TransferredOn is when a dagpenge citizen passed from the a-kasse to
	// the jobcentre (zero: not known, the rules assume month 3).
	TransferredOn time.Time
	// BirthDate is typed when no CPR number is given; a CPR number wins.
	BirthDate  time.Time
	Status     Status
	Track      TrackID
	Caseworker string // the initials of the caseworker whose case it is; "" for none
	Notes      string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Normalize puts what was typed in the form Jobspor stores: names and
// contact details without surrounding spaces, the CPR number as
// DDMMYY-SSSS (when it reads as one), and "Ledig siden" as the first
// contact when it is not given (the best date known). It is the named step
// before ValidateOn; the store calls both, in that order.
func (c *Citizen) Normalize() {
	c.Name = strings.TrimSpace(c.Name)
	c.Phone = strings.TrimSpace(c.Phone)
	c.Postcode = strings.TrimSpace(c.Postcode)
	c.Email = strings.TrimSpace(c.Email)
	if c.CPR != "" {
		if cpr, err := ParseCPR(string(c.CPR)); err == nil {
			c.CPR = cpr
		}
	}
	if c.UnemployedSince.IsZero() {
		c.UnemployedSince = c.FirstContact
	}
}

// ValidateOn checks every field as on the given day (the age and the benefit
// depend on it) and returns all problems at once. It changes nothing: it
// judges the citizen as Normalize would store it, and the caller stores
// that by calling Normalize first.
func (c *Citizen) ValidateOn(today time.Time) error {
	n := *c
	n.Normalize()
	c = &n
	v := &ValidationError{}
	switch n := utf8.RuneCountInString(c.Name); {
	case n == 0 || strings.TrimSpace(c.Name) == "":
		v.add("name", "error.name.required")
	case n > MaxNameLen:
		v.add("name", "error.name.long", MaxNameLen)
	}
	if c.CPR != "" {
		if _, err := ParseCPR(string(c.CPR)); err != nil {
			v.Problems = append(v.Problems, FieldProblem{Field: "cpr", Msg: err.(*UserError).Msg})
		}
	}
	c.validateContact(v)
	c.validateChoices(v)
	c.validateDates(v)
	if n := utf8.RuneCountInString(c.Notes); n > MaxNotesLen {
		v.add("notes", "error.notes.long", MaxNotesLen, n)
	}
	if !v.has("cpr") {
		c.validateAge(v, today)
	}
	return v.OrNil()
}

// Ages a citizen of the office can have: a CPR number giving another age is
// mistyped (a wrong 7th digit moves the century).
const (
	MinAge = 15
	MaxAge = 80
)

// validateAge checks the birth date the CPR number gives: not in the future,
// an age of 15–80; and uddannelseshjælp only under 30 without a qualifying
// education (LAB/aktivloven: the young person's benefit), the age from the
// CPR number or, without one, the typed birth date.
func (c *Citizen) validateAge(v *ValidationError, today time.Time) {
	if born, ok := c.CPR.BirthDate(); ok {
		age, _ := c.CPR.AgeOn(today)
		switch {
		case Day(born).After(Day(today)):
			v.add("cpr", "error.cpr.future")
		case age < MinAge || age > MaxAge:
			v.add("cpr", "error.cpr.age", age, MinAge, MaxAge)
		}
	}
	age, ok := c.AgeOn(today)
	if !ok || c.Benefit != BenefitUddannelseshjaelp {
		return
	}
	if age >= 30 && !v.has("cpr") {
		v.add("benefit", "error.benefit.youth.age", age)
	}
	if c.Education != "" && c.Education != EducationUnskilled {
		v.add("benefit", "error.benefit.youth.education")
	}
}

func (c *Citizen) validateContact(v *ValidationError) {
	if utf8.RuneCountInString(c.Phone) > MaxPhoneLen || strings.Trim(c.Phone, "+0123456789 -") != "" {
		v.add("phone", "error.phone")
	}
	if c.Postcode != "" && !ValidPostcode(c.Postcode) {
		v.add("postcode", "error.postcode")
	}
	if c.Email == "" {
		return
	}
	if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || len(c.Email) > MaxEmailLen {
		v.add("email", "error.email")
	}
}

// validateDates checks the first contact, the unemployment dates and the birth date.
func (c *Citizen) validateDates(v *ValidationError) {
	if c.FirstContact.IsZero() {
		v.add("first_contact", "error.firstcontact.required")
	}
	if !c.TransferredOn.IsZero() && (c.Benefit != BenefitDagpenge || c.TransferredOn.Before(c.RulesStart())) {
		v.add("transferred_on", "error.transferred")
	}
	if c.BirthDate.IsZero() {
		return
	}
	if born, ok := c.CPR.BirthDate(); ok && !born.Equal(DateOnly(c.BirthDate)) {
		v.add("birth_date", "error.birthdate.cpr")
	}
	if y := c.BirthDate.Year(); y < 1900 || !c.BirthDate.Before(c.FirstContact) {
		v.add("birth_date", "error.birthdate")
	}
}

// Born is the date of birth: from the CPR number, else the typed birth date.
func (c *Citizen) Born() (time.Time, bool) {
	if born, ok := c.CPR.BirthDate(); ok {
		return born, true
	}
	return c.BirthDate, !c.BirthDate.IsZero()
}

// AgeOn is the age in whole years on the given day; ok is false when
// neither a CPR number nor a birth date is known.
func (c *Citizen) AgeOn(day time.Time) (int, bool) {
	born, ok := c.Born()
	if !ok {
		return 0, false
	}
	return yearsBetween(born, day), true
}

// RulesStart is the day the conversation rules count from: the first day
// of unemployment, or the first contact when that is not known.
func (c *Citizen) RulesStart() time.Time {
	if c.UnemployedSince.IsZero() {
		return c.FirstContact
	}
	return c.UnemployedSince
}

func (c *Citizen) validateChoices(v *ValidationError) {
	if !oneOf(c.Benefit, Benefits) {
		v.add("benefit", "error.benefit")
	}
	if !oneOf(c.Education, Educations) {
		v.add("education", "error.education")
	}
	if !oneOf(c.Status, Statuses) {
		v.add("status", "error.status")
	}
	if c.Reach != "" && !oneOf(c.Reach, Reaches) {
		v.add("reach", "error.reach")
	}
	if c.Track != TrackNone && !oneOf(c.Track, Tracks) {
		v.add("track", "error.track")
	}
}

func oneOf[T comparable](x T, all []T) bool {
	for _, a := range all {
		if a == x {
			return true
		}
	}
	return false
}

// ParseDate reads a date typed by a caseworker: "2026-11-22", "22-11-2026"
// or "22.11.2026".
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{DateLayout, "02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006", "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if dateShaped.MatchString(s) {
		return time.Time{}, NewUserError("error.date.nonexistent", nil, s)
	}
	return time.Time{}, NewUserError("error.date", nil, s)
}

// dateShaped is text written as a date (31-02-2026, 2026-02-31) that may
// still name a day the calendar does not have.
var dateShaped = regexp.MustCompile(`^(\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2})$`)
