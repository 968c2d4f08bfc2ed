package model

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// ReceptionPlan is the office's plan for the first working days: steps with
// offsets in working days from the first contact (day 1).
type ReceptionPlan struct {
	Version string          `json:"version"`
	Source  string          `json:"source"`
	Steps   []ReceptionStep `json:"steps"`
	// Variants change the plan for some citizens (10 råd #5-#7): chosen at
	// the first conversation (Citizen.ReceptionVariant).
	Variants []ReceptionVariant `json:"variants,omitempty"`
}

// ReceptionVariant is a change to the plan for one kind of citizen: it
// removes steps and adds its own (a step with an ID of the plan replaces
// it). MaxAge: suggested for citizens younger than it on the first
// contact, until the caseworker chooses.
type ReceptionVariant struct {
	ID     string          `json:"id"`
	Title  string          `json:"title"`
	Who    string          `json:"who"`
	Source string          `json:"source"`
	MaxAge int             `json:"max_age,omitempty"`
	Remove []string        `json:"remove,omitempty"`
	Steps  []ReceptionStep `json:"steps"`
}

// VariantStandard is the caseworker's explicit choice of the plan as it is.
const VariantStandard = "standard"

// Variant finds a variant by ID (nil: none).
func (p *ReceptionPlan) Variant(id string) *ReceptionVariant {
	for i := range p.Variants {
		if p.Variants[i].ID == id {
			return &p.Variants[i]
		}
	}
	return nil
}

// VariantFor is the citizen's variant: the one chosen, or until a choice
// the first whose MaxAge the citizen is under on the first contact; nil
// for the plan as it is.
func (p *ReceptionPlan) VariantFor(c *Citizen) *ReceptionVariant {
	if c.ReceptionVariant != "" {
		return p.Variant(c.ReceptionVariant)
	}
	age, ok := c.AgeOn(c.FirstContact)
	for i := range p.Variants {
		if v := &p.Variants[i]; ok && v.MaxAge > 0 && age < v.MaxAge {
			return v
		}
	}
	return nil
}

// With is the plan changed by the variant (the plan itself when nil),
// steps in order of their first and last day.
func (p *ReceptionPlan) With(v *ReceptionVariant) *ReceptionPlan {
	if v == nil {
		return p
	}
	out := &ReceptionPlan{Version: p.Version, Source: p.Source + "; " + v.Source}
	replaced := map[string]ReceptionStep{}
	for _, s := range v.Steps {
		replaced[s.ID] = s
	}
	for _, s := range p.Steps {
		if oneOf(s.ID, v.Remove) {
			continue
		}
		if r, ok := replaced[s.ID]; ok {
			s = r
			delete(replaced, s.ID)
		}
		out.Steps = append(out.Steps, s)
	}
	for _, s := range v.Steps {
		if _, ok := replaced[s.ID]; ok {
			out.Steps = append(out.Steps, s)
		}
	}
	slices.SortStableFunc(out.Steps, func(a, b ReceptionStep) int {
		if a.From != b.From {
			return a.From - b.From
		}
		return a.To - b.To
	})
	return out
}

// For is the plan for the citizen, with his or her variant.
func (p *ReceptionPlan) For(c *Citizen) *ReceptionPlan { return p.With(p.VariantFor(c)) }

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
	if v.OrNil() != nil {
		return v
	}
	ids := map[string]bool{VariantStandard: true}
	for i := range p.Variants {
		x := &p.Variants[i]
		if x.ID == "" || ids[x.ID] || strings.TrimSpace(x.Title) == "" {
			v.add("variants", "error.plan.variant", x.Title)
			continue
		}
		ids[x.ID] = true
		for _, r := range x.Remove {
			if !seen[r] {
				v.add("variants", "error.plan.variant", x.Title)
			}
		}
		merged := p.With(x)
		if err := (&ReceptionPlan{Steps: merged.Steps}).Validate(); err != nil {
			v.add("variants", "error.plan.variant", x.Title)
		}
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
