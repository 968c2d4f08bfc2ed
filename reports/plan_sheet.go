package reports

import (
	"fmt"
	"time"

	"jobspor/model"
)

// PlanTexts is the plan sheet's wording (assets/handouts/plan.json).
type PlanTexts struct {
	Version        string `json:"version"`
	Title          string `json:"title"`
	GoalsHeading   string `json:"goals_heading"`
	NoGoals        string `json:"no_goals"`
	ApplyHeading   string `json:"apply_heading"`
	NoApply        string `json:"no_apply"`
	ActionsHeading string `json:"actions_heading"`
	NoActions      string `json:"no_actions"`
	NextHeading    string `json:"next_heading"`
	NoNext         string `json:"no_next"`
	Printed        string `json:"printed"`
}

// PlanGoal is a job goal with its prospects in words.
type PlanGoal struct {
	Title    string
	Horizon  model.Horizon
	Prospect string // "" when no edition is loaded
}

// PlanData is the plan and agreement sheet for one citizen.
type PlanData struct {
	Office       model.Office
	Name         string
	Goals        []PlanGoal
	Applications []model.Application
	Actions      []string
	Next         *model.Conversation
	Printed      time.Time
}

// AddPlan adds the plan and agreement sheet.
func (doc *Document) AddPlan(p PlanData) error {
	var t PlanTexts
	if err := loadTexts("plan", &t); err != nil {
		return err
	}
	doc.begin()
	doc.Title(t.Title)
	doc.Field("Til", p.Name)
	doc.Heading(t.GoalsHeading)
	doc.listOr(goalLines(p.Goals), t.NoGoals)
	doc.Heading(t.ApplyHeading)
	doc.applications(p.Applications, t.NoApply)
	doc.Heading(t.ActionsHeading)
	doc.listOr(p.Actions, t.NoActions)
	doc.Heading(t.NextHeading)
	if p.Next == nil {
		doc.Para(t.NoNext)
	} else {
		doc.Big(DanishDateTime(p.Next.Start), 14)
		doc.Para(conversationWords(*p.Next))
	}
	doc.Small(fmt.Sprintf(t.Printed, DanishDate(p.Printed)))
	return nil
}

func (doc *Document) listOr(lines []string, none string) {
	if len(lines) == 0 {
		doc.Para(none)
		return
	}
	doc.Bullets(lines)
}

func goalLines(goals []PlanGoal) []string {
	var out []string
	for _, g := range goals {
		line := g.Title
		if g.Horizon == model.HorizonLong {
			line += " (på længere sigt)"
		}
		if g.Prospect != "" {
			line += " – " + g.Prospect
		}
		out = append(out, line)
	}
	return out
}

func (doc *Document) applications(apps []model.Application, none string) {
	if len(apps) == 0 {
		doc.Para(none)
		return
	}
	for _, a := range apps {
		text := a.Text
		if !a.Deadline.IsZero() {
			text += " – frist " + DanishDate(a.Deadline)
		}
		doc.CheckItem(text)
	}
}
