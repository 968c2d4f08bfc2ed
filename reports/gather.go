package reports

import (
	"errors"
	"fmt"

	"jobspor/model"
)

// addFolder gathers the citizen's dated plan, planned conversations and agreed
// applications for the job-search folder.
func (s *Service) addFolder(doc *Document, c *model.Citizen) error {
	plan, err := s.store.ReceptionPlan(s.content.Reception)
	if err != nil {
		return err
	}
	cal, err := s.store.Calendar()
	if err != nil {
		return err
	}
	steps, err := s.store.Reception(plan, cal, c)
	if err != nil {
		return err
	}
	conversations, err := s.store.PlannedFor(c.ID, s.Now())
	if err != nil {
		return err
	}
	apps, err := s.store.Applications(c.ID)
	if err != nil {
		return err
	}
	f := FolderData{Office: doc.office, Name: c.Name, Steps: steps, Printed: s.Now(), Agreed: agreedApps(apps)}
	for _, t := range conversations {
		f.Conversations = append(f.Conversations, t.Conversation)
	}
	return doc.AddFolder(f)
}

// agreedApps are the applications agreed and not yet sent.
func agreedApps(apps []model.Application) []model.Application {
	var out []model.Application
	for _, a := range apps {
		if a.Status == model.AppAgreed {
			out = append(out, a)
		}
	}
	return out
}

// addPlan gathers goals with prospects in words, agreed applications, other
// agreed steps and the next conversation.
func (s *Service) addPlan(doc *Document, c *model.Citizen) error {
	p, err := s.store.Plan(s.content.Guide, c.ID)
	if err != nil {
		return err
	}
	region, err := s.store.Region()
	if err != nil {
		return err
	}
	d := PlanData{Office: doc.office, Name: c.Name, Applications: p.Applications, Next: p.Next, Printed: s.Now(), Actions: planActions(p)}
	for _, g := range p.Goals {
		r, err := s.store.ProspectFor(region, g.Title, g.Code)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return err
		}
		d.Goals = append(d.Goals, PlanGoal{Title: g.Title, Horizon: g.Horizon, Prospect: r.Word()})
	}
	return doc.AddPlan(d)
}

// planActions are the upskilling, education and company steps in words,
// and the newest agreement from a conversation.
func planActions(p *model.Plan) []string {
	var out []string
	if len(p.Agreements) > 0 {
		out = append(out, p.Agreements[0].Text)
	}
	for _, u := range p.Upskilling {
		if u.Status == model.UpskillingPlanned || u.Status == model.UpskillingOngoing {
			out = append(out, fmt.Sprintf(planLines.Course, u.Title))
		}
	}
	if e := p.Education; e != nil && e.Chosen != "" {
		line := fmt.Sprintf(planLines.Education, e.Chosen)
		if !e.Start.IsZero() {
			line = fmt.Sprintf(planLines.EducationStart, line, DanishDate(e.Start))
		}
		out = append(out, line)
	}
	for _, co := range p.Company {
		if co.Outcome == "" {
			kind := planLines.CompanyKinds[string(co.Kind)]
			out = append(out, fmt.Sprintf(planLines.Company, kind, co.Company, DanishDate(co.Start), DanishDate(co.End)))
		}
	}
	return out
}

// addJobs prints the openings shown in the citizen's latest conversation
// that showed any.
func (s *Service) addJobs(doc *Document, c *model.Citizen) error {
	convs, err := s.store.Conversations(c.ID)
	if err != nil {
		return err
	}
	var shown []model.PresentedJob
	for i := len(convs) - 1; i >= 0 && len(shown) == 0; i-- {
		if shown, err = s.store.PresentedJobs(convs[i].ID); err != nil {
			return err
		}
	}
	return doc.AddJobs(JobsData{Office: doc.office, Name: c.Name, Jobs: shown, Printed: s.Now()})
}
