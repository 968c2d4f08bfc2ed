package model

import (
	"encoding/json"
	"strings"
	"time"
)

// ReceptionPlan is the office's plan for the first working days: steps with
// offsets in working days from the first contact (day 1).
type ReceptionPlan struct {
	Version string          `json:"version"`
	Source  string          `json:"source"`
	Steps   []ReceptionStep `json:"steps"`
}

// ReceptionStep runs from working day From to working day To.
type ReceptionStep struct {
	ID      string `json:"id"`
	From    int    `json:"from"`
	To      int    `json:"to"`
	Title   string `json:"title"`
	Detail  string `json:"detail"`
	Citizen bool   `json:"citizen"` // the citizen takes part (false: done without them)
}

// ParseReceptionPlan reads and checks a plan.
func ParseReceptionPlan(data []byte) (*ReceptionPlan, error) {
	var p ReceptionPlan
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, NewUserError("error.plan.json", err)
	}
	return &p, p.Validate()
}

// Validate checks that every step has an ID, a title and sensible days.
func (p *ReceptionPlan) Validate() error {
	v := &ValidationError{}
	seen := map[string]bool{}
	for i, s := range p.Steps {
		switch {
		case strings.TrimSpace(s.Title) == "":
			v.add("steps", "error.plan.title", i+1)
		case s.From < 1 || s.To < s.From || s.To > 60:
			v.add("steps", "error.plan.days", s.Title)
		case s.ID == "" || seen[s.ID]:
			v.add("steps", "error.plan.id", s.Title)
		}
		seen[s.ID] = true
	}
	if len(p.Steps) == 0 {
		v.add("steps", "error.plan.empty")
	}
	return v.OrNil()
}

// DatedStep is a plan step with its dates for one citizen.
type DatedStep struct {
	ReceptionStep
	FromDate, ToDate time.Time
	Done             bool
	DoneOn           time.Time
	By               string
}

// Overdue is true when the step is not done and its last day has passed.
func (d DatedStep) Overdue(today time.Time) bool {
	return !d.Done && DateOnly(d.ToDate).Before(DateOnly(today))
}

// Dated works out the steps' dates from a first contact: the working days
// are counted once, up to the plan's last, not again for every step.
func (p *ReceptionPlan) Dated(first time.Time, cal *WorkCalendar) []DatedStep {
	last := 1
	for _, s := range p.Steps {
		last = max(last, s.From, s.To)
	}
	days := cal.WorkingDays(first, last)
	day := func(n int) time.Time { return days[max(n, 1)-1] } // WorkingDay(first, n)
	out := make([]DatedStep, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = DatedStep{ReceptionStep: s, FromDate: day(s.From), ToDate: day(s.To)}
	}
	return out
}
