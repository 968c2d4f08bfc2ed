package model

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ConversationKind is what a conversation is for.
type ConversationKind string

const (
	KindFirst         ConversationKind = "first"
	KindJob           ConversationKind = "job"
	KindFollowup      ConversationKind = "followup"
	KindJointFollowup ConversationKind = "joint_followup"
	KindCompany       ConversationKind = "company"
)

// ConversationKinds lists every kind in display order.
var ConversationKinds = []ConversationKind{KindFirst, KindJob, KindFollowup, KindJointFollowup, KindCompany}

// ConversationForm is how the conversation takes place.
type ConversationForm string

const (
	FormInPerson ConversationForm = "in_person"
	FormPhone    ConversationForm = "phone"
	FormVideo    ConversationForm = "video"
)

// ConversationForms lists every form in display order.
var ConversationForms = []ConversationForm{FormInPerson, FormPhone, FormVideo}

// Attendance is what became of a planned conversation.
type Attendance string

const (
	AttendancePlanned   Attendance = "planned"
	AttendanceHeld      Attendance = "held"
	AttendanceNoShow    Attendance = "no_show"
	AttendanceCancelled Attendance = "cancelled" // by the citizen (afbud)
	// AttendanceOfficeCancelled is a meeting the office called off: not the
	// citizen's absence, so the no-show figures leave it out.
	AttendanceOfficeCancelled Attendance = "office_cancelled"
)

// Attendances lists every attendance in display order.
var Attendances = []Attendance{AttendancePlanned, AttendanceHeld, AttendanceNoShow, AttendanceCancelled, AttendanceOfficeCancelled}

// MissedAttendances are the conversations the citizen did not come to.
var MissedAttendances = []Attendance{AttendanceNoShow, AttendanceCancelled}

// AuditConversation marks audit entries about conversations.
const AuditConversation = "conversation"

// MaxAgreementsLen bounds the agreements written in one conversation.
const MaxAgreementsLen = 2000

// Conversation is one planned or held conversation with a citizen.
type Conversation struct {
	ID         int64            `json:"id"`
	CitizenID  int64            `json:"citizen_id"`
	Start      time.Time        `json:"start"`
	End        time.Time        `json:"end"`
	Kind       ConversationKind `json:"kind"`
	Form       ConversationForm `json:"form"`
	Attendance Attendance       `json:"attendance"`
	// WithAkasse: the a-kasse took part (a joint conversation, LAB § 31, stk. 2).
	WithAkasse bool      `json:"with_akasse"`
	Notes      string    `json:"notes"`
	Agreements string    `json:"agreements"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Validate checks times, choices and text limits, reporting every problem.
func (c *Conversation) Validate() error {
	v := &ValidationError{}
	switch {
	case c.Start.IsZero():
		v.add("date", "error.conversation.date")
	case !c.End.After(c.Start):
		v.add("end", "error.conversation.end")
	case c.End.Sub(c.Start) > 8*time.Hour || c.End.YearDay() != c.Start.YearDay():
		v.add("end", "error.conversation.long")
	}
	if c.Attendance == "" {
		c.Attendance = AttendancePlanned
	}
	CheckChoice(v, "kind", c.Kind, ConversationKinds, "error.conversation.kind")
	CheckChoice(v, "form", c.Form, ConversationForms, "error.conversation.form")
	CheckChoice(v, "attendance", c.Attendance, Attendances, "error.conversation.attendance")
	CheckLen(v, "notes", &c.Notes, MaxNotesLen, "error.conversation.notes")
	CheckLen(v, "agreements", &c.Agreements, MaxAgreementsLen, "error.conversation.agreements")
	return v.OrNil()
}

func CheckChoice[T comparable](v *ValidationError, field string, x T, all []T, key string) {
	if !oneOf(x, all) {
		v.add(field, key)
	}
}

// CheckLen trims *s and reports it when longer than max characters.
func CheckLen(v *ValidationError, field string, s *string, max int, key string) {
	*s = strings.TrimSpace(*s)
	if n := utf8.RuneCountInString(*s); n > max {
		v.add(field, key, max, n)
	}
}

// ParseClock reads a time of day: "9:30", "09.30", "0930" or "9".
func ParseClock(s string) (h, m int, err error) {
	t := strings.TrimSpace(strings.NewReplacer(".", ":", " ", "").Replace(s))
	hs, ms, found := strings.Cut(t, ":")
	if !found && len(t) == 4 {
		hs, ms = t[:2], t[2:]
	}
	if ms == "" && !found {
		ms = "0"
	}
	h, errH := strconv.Atoi(hs)
	m, errM := strconv.Atoi(ms)
	if errH != nil || errM != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(ms) > 2 {
		return 0, 0, NewUserError("error.clock", nil, s)
	}
	return h, m, nil
}

// WallLayout stores a conversation's local wall-clock time.
const WallLayout = "2006-01-02T15:04"
