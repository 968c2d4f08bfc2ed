package store

import (
	"errors"

	"jobspor/model"
)

// Plan gathers the citizen's plan; it reads and audits nothing.
func (s *Store) Plan(g *model.Guide, citizenID int64) (*model.Plan, error) {
	c, err := s.Citizen(citizenID)
	if err != nil {
		return nil, err
	}
	p := &model.Plan{Citizen: *c}
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

func (s *Store) planActions(g *model.Guide, p *model.Plan) error {
	progress, err := s.ProgressFor(p.Citizen.ID)
	if err != nil {
		return err
	}
	for _, ph := range []*model.Phase{g.Opening(), g.Track(p.Citizen.Track)} {
		if ph == nil {
			continue
		}
		current := ph.ID == phaseID(p.Citizen.Track)
		for _, e := range ph.Elements {
			for _, a := range e.Actions {
				pr := progress[a.ID]
				if pr.Done || current {
					p.AgreedActions = append(p.AgreedActions, model.PlanAction{Action: a, Element: e.Title, Done: pr.Done, DoneOn: pr.DoneOn, Note: pr.Note})
				}
			}
		}
	}
	return nil
}

func (s *Store) planAgreements(p *model.Plan) error {
	all, err := s.Conversations(p.Citizen.ID)
	if err != nil {
		return err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if c := all[i]; c.Attendance == model.AttendanceHeld && c.Agreements != "" {
			p.Agreements = append(p.Agreements, model.PlanAgreement{On: c.Start, Text: c.Agreements})
		}
	}
	return nil
}

func (s *Store) planEducation(p *model.Plan) error {
	e, err := s.EducationPlan(p.Citizen.ID)
	if err == nil && (e.Chosen != "" || e.PriorLearning != "" || e.DyslexiaTest != "" || e.Enrolled) {
		p.Education = &e
	}
	return err
}

func (s *Store) planApplications(p *model.Plan) error {
	apps, err := s.Applications(p.Citizen.ID)
	for _, a := range apps {
		if a.Status == model.AppAgreed {
			p.Applications = append(p.Applications, a)
		}
	}
	return err
}

func (s *Store) planNext(p *model.Plan) error {
	n, err := s.NextConversation(p.Citizen.ID, s.Now())
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	p.Next = n
	return err
}
