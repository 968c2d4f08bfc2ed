package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Horizon says whether a job goal is for now or for later.
type Horizon string

const (
	HorizonShort Horizon = "short"
	HorizonLong  Horizon = "long"
)

// JobGoal is an occupation the citizen targets.
type JobGoal struct {
	ID        int64     `json:"id"`
	CitizenID int64     `json:"citizen_id"`
	Title     string    `json:"title"`
	Code      string    `json:"code"` // DISCO-08 from the catalogue; "" for free text
	Horizon   Horizon   `json:"horizon"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
}

// MaxGoalTitleLen bounds a job title (the longest DISCO titles fit).
const MaxGoalTitleLen = 120

// Validate checks the title, horizon and note.
func (g *JobGoal) Validate() error {
	v := &ValidationError{}
	g.Title = strings.TrimSpace(g.Title)
	switch n := utf8.RuneCountInString(g.Title); {
	case n == 0:
		v.add("title", "error.goal.title")
	case n > MaxGoalTitleLen:
		v.add("title", "error.goal.long", MaxGoalTitleLen)
	}
	if g.Code != "" && (len(g.Code) != 6 || !AllDigits(g.Code)) {
		v.add("code", "error.job.code")
	}
	CheckChoice(v, "horizon", g.Horizon, []Horizon{HorizonShort, HorizonLong}, "error.goal.horizon")
	CheckLen(v, "note", &g.Note, MaxActionLen, "error.note.long")
	return v.OrNil()
}

// EUV says whether the citizen is in the target group for an education lift.
type EUV string

const (
	EUVUnknown EUV = ""
	EUVYes     EUV = "yes"
	EUVNo      EUV = "no"
)

// Opening is the opening phase's own record beside its checklist.
type Opening struct {
	CitizenID      int64     `json:"citizen_id"`
	UpskillingNeed string    `json:"upskilling_need"`
	EUV            EUV       `json:"euv"`
	UpdatedAt      time.Time `json:"updated_at"`
}
