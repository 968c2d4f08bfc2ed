package reports

import (
	"errors"
	"fmt"

	"jobspor/model"
)

// drawing is a handout whose data is loaded: drawing it reads nothing
// from the database.
type drawing func(*Document) error

// loadFolders gathers each citizen's dated plan, planned conversations,
// agreed applications and benefit meeting for the job-search folder, in
// one query per kind of record.
func (s *Service) loadFolders(office model.Office, ids []int64) ([]drawing, error) {
	plan, err := s.store.ReceptionPlan(s.content.Reception)
	if err != nil {
		return nil, err
	}
	cal, err := s.store.Calendar()
	if err != nil {
		return nil, err
	}
	cs, err := s.store.CitizensMany(ids)
	if err != nil {
		return nil, err
	}
	steps, err := s.store.ReceptionMany(plan, cal, cs)
	if err != nil {
		return nil, err
	}
	planned, err := s.store.PlannedForMany(ids, s.Now())
	if err != nil {
		return nil, err
	}
	apps, err := s.store.ApplicationsMany(ids)
	if err != nil {
		return nil, err
	}
	benefit, err := s.store.BenefitCasesMany(ids)
	if err != nil {
		return nil, err
	}
	out := make([]drawing, len(cs))
	for i, c := range cs {
		out[i] = s.folderDrawing(office, c, steps[c.ID], planned[c.ID], apps[c.ID], benefit[c.ID])
	}
	return out, nil
}

// folderDrawing is the folder for one citizen from what was read.
func (s *Service) folderDrawing(office model.Office, c *model.Citizen, steps []model.DatedStep, conversations []model.TodayConversation,
	apps []model.Application, b model.BenefitCase) drawing {
	f := FolderData{Office: office, Name: c.Name, Steps: steps, Printed: s.Now(), Agreed: agreedApps(apps),
		BenefitMeetingAt: b.MeetingAt, BenefitMeetingPlace: b.MeetingPlace}
	for _, t := range conversations {
		f.Conversations = append(f.Conversations, t.Conversation)
	}
	return func(doc *Document) error { return doc.AddFolder(f) }
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

// loadPlan gathers goals with prospects in words, agreed applications, other
// agreed steps and the next conversation.
func (s *Service) loadPlan(office model.Office, c *model.Citizen) (drawing, error) {
	p, err := s.store.Plan(s.content.Guide, c.ID)
	if err != nil {
		return nil, err
	}
	region, err := s.store.Region()
	if err != nil {
		return nil, err
	}
	d := PlanData{Office: office, Name: c.Name, Applications: p.Applications, Next: p.Next, Printed: s.Now(), Actions: planActions(p)}
	for _, g := range p.Goals {
		r, err := s.store.ProspectFor(region, g.Title, g.Code)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return nil, err
		}
		d.Goals = append(d.Goals, PlanGoal{Title: g.Title, Horizon: g.Horizon, Prospect: r.Word()})
	}
	return func(doc *Document) error { return doc.AddPlan(d) }, nil
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

// loadJobs prints the openings shown in the citizen's latest conversation
// that showed any.
func (s *Service) loadJobs(office model.Office, c *model.Citizen) (drawing, error) {
	convs, err := s.store.Conversations(c.ID)
	if err != nil {
		return nil, err
	}
	var shown []model.PresentedJob
	for i := len(convs) - 1; i >= 0 && len(shown) == 0; i-- {
		if shown, err = s.store.PresentedJobs(convs[i].ID); err != nil {
			return nil, err
		}
	}
	d := JobsData{Office: office, Name: c.Name, Jobs: shown, Printed: s.Now()}
	return func(doc *Document) error { return doc.AddJobs(d) }, nil
}
