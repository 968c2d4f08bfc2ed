package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Progress is what has been done about one guide action for one citizen.
type Progress struct {
	CitizenID int64     `json:"citizen_id"`
	ActionID  string    `json:"action_id"`
	Done      bool      `json:"done"`
	DoneOn    time.Time `json:"done_on"`
	Note      string    `json:"note"`
	By        string    `json:"by"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the note's length and that a done action has a date.
func (p *Progress) Validate() error {
	v := &ValidationError{}
	p.Note = strings.TrimSpace(p.Note)
	if n := utf8.RuneCountInString(p.Note); n > MaxActionLen {
		v.add("note", "error.note.long", MaxActionLen, n)
	}
	if p.Done && p.DoneOn.IsZero() {
		v.add("done_on", "error.doneon.required")
	}
	return v.OrNil()
}
