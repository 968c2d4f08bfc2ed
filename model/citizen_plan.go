package model

import (
	"errors"
	"time"
)

// Plan is one view of what is agreed with the citizen: what the plan
// handout prints.
type Plan struct {
	Citizen       Citizen
	Goals         []JobGoal
	Opening       Opening
	AgreedActions []PlanAction
	Agreements    []PlanAgreement
	Upskilling    []Upskilling
	Education     *EducationPlan
	Company       []CompanyEffort
	TempAgencies  []TempAgency
	Applications  []Application // agreed in a conversation and not yet sent
	Next          *Conversation
}

// PlanAction is a guide action of the opening phase or the current track:
// the done ones with date and note, and the track's open ones.
type PlanAction struct {
	Action  Action
	Element string
	Done    bool
	DoneOn  time.Time
	Note    string
}

// PlanAgreement is what was agreed in one held conversation.
type PlanAgreement struct {
	On   time.Time
	Text string
}

// Plan gathers the citizen's plan; it reads and audits nothing.
func (s *Store) Plan(g *Guide, citizenID int64) (*Plan, error) {
	c, err := s.Citizen(citizenID)
	if err != nil {
		return nil, err
	}
	p := &Plan{Citizen: *c}
	steps := []func() error{
		func() (err error) { p.Goals, err = s.JobGoals(citizenID); return },
		func() (err error) { p.Opening, err = s.Opening(citizenID); return },
		func() error { return s.planActions(g, p) },
		func() error { return s.planAgreements(p) },
		func() (err error) { p.Upskilling, err = s.Upskillings(citizenID); return },
		func() error { return s.planEducation(p) },
		func() (err error) { p.Company, err = s.CompanyEfforts(citizenID); return },
		func() (err error) { p.TempAgencies, err = s.TempAgencies(citizenID); return },
		func() error { return s.planApplications(p) },
		func() error { return s.planNext(p) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (s *Store) planActions(g *Guide, p *Plan) error {
	progress, err := s.ProgressFor(p.Citizen.ID)
	if err != nil {
		return err
	}
	for _, ph := range []*Phase{g.Opening(), g.Track(p.Citizen.Track)} {
		if ph == nil {
			continue
		}
		current := ph.ID == phaseID(p.Citizen.Track)
		for _, e := range ph.Elements {
			for _, a := range e.Actions {
				pr := progress[a.ID]
				if pr.Done || current {
					p.AgreedActions = append(p.AgreedActions, PlanAction{Action: a, Element: e.Title, Done: pr.Done, DoneOn: pr.DoneOn, Note: pr.Note})
				}
			}
		}
	}
	return nil
}

func (s *Store) planAgreements(p *Plan) error {
	all, err := s.Conversations(p.Citizen.ID)
	if err != nil {
		return err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if c := all[i]; c.Attendance == AttendanceHeld && c.Agreements != "" {
			p.Agreements = append(p.Agreements, PlanAgreement{On: c.Start, Text: c.Agreements})
		}
	}
	return nil
}

func (s *Store) planEducation(p *Plan) error {
	e, err := s.EducationPlan(p.Citizen.ID)
	if err == nil && (e.Chosen != "" || e.PriorLearning != "" || e.DyslexiaTest != "" || e.Enrolled) {
		p.Education = &e
	}
	return err
}

func (s *Store) planApplications(p *Plan) error {
	apps, err := s.Applications(p.Citizen.ID)
	for _, a := range apps {
		if a.Status == AppAgreed {
			p.Applications = append(p.Applications, a)
		}
	}
	return err
}

func (s *Store) planNext(p *Plan) error {
	n, err := s.NextConversation(p.Citizen.ID, s.Now())
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	p.Next = n
	return err
}
