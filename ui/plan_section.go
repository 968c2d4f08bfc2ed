package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// buildPlan is one view of what is agreed with the citizen: what the plan
// handout prints.
func (s *citizenScreen) buildPlan() fyne.CanvasObject {
	p, err := s.store.Plan(s.shell.guideBook(), s.citizen.ID)
	if err != nil {
		return lowLabel(errText(err))
	}
	body := container.NewVBox()
	for _, part := range planParts(p) {
		body.Add(heading(part.title))
		body.Add(planText(part.lines, part.bullet))
	}
	return container.NewVScroll(container.NewPadded(body))
}

type planPart struct {
	title  string
	lines  []string
	bullet bool
}

func planParts(p *model.Plan) []planPart {
	return []planPart{
		{lang.L("plan.goals"), goalLines(p.Goals), true},
		{lang.L("plan.applications"), applicationLines(p.Applications), true},
		{lang.L("plan.agreements"), agreementLines(p.Agreements), true},
		{lang.L("plan.actions"), actionLines(p.AgreedActions), false},
		{lang.L("plan.steps"), stepLines(p), true},
		{lang.L("plan.next"), nextLines(p.Next), false},
	}
}

func planText(lines []string, bullet bool) fyne.CanvasObject {
	if len(lines) == 0 {
		return lowLabel(lang.L("plan.nothing"))
	}
	prefix := ""
	if bullet {
		prefix = "• "
	}
	l := widget.NewLabel(prefix + strings.Join(lines, "\n"+prefix))
	l.Wrapping = fyne.TextWrapWord
	return l
}

func goalLines(goals []model.JobGoal) []string {
	var out []string
	for _, g := range goals {
		out = append(out, fmt.Sprintf("%s (%s)", g.Title, horizonLabel(g.Horizon)))
	}
	return out
}

// agreementLines shows the newest agreements: what is agreed now.
func agreementLines(as []model.PlanAgreement) []string {
	var out []string
	for _, a := range as[:min(len(as), 3)] {
		out = append(out, fmt.Sprintf("%s: %s", shortDate(a.On), a.Text))
	}
	return out
}

func applicationLines(apps []model.Application) []string {
	var out []string
	for _, a := range apps {
		line := a.Text
		if !a.Deadline.IsZero() {
			line += " – " + lang.L("jobs.deadline") + " " + shortDate(a.Deadline)
		}
		out = append(out, line)
	}
	return out
}

func actionLines(as []model.PlanAction) []string {
	var out []string
	for _, a := range as {
		mark := "☐"
		if a.Done {
			mark = "☑ " + shortDate(a.DoneOn)
		}
		out = append(out, fmt.Sprintf("%s  %s", mark, a.Action.Text))
	}
	return out
}

// stepLines are the upskilling, education and company steps agreed.
func stepLines(p *model.Plan) []string {
	var out []string
	for _, u := range p.Upskilling {
		out = append(out, fmt.Sprintf("%s: %s (%s)", lang.L("upskill.kind."+string(u.Kind)), u.Title, lang.L("upskill.status."+string(u.Status))))
	}
	if e := p.Education; e != nil && e.Chosen != "" {
		out = append(out, fmt.Sprintf("%s: %s, %s %s", lang.L("edu.title"), e.Chosen, lang.L("edu.start"), optShortDate(e.Start)))
	}
	for _, c := range p.Company {
		out = append(out, fmt.Sprintf("%s: %s %s – %s", lang.L("company.kind."+string(c.Kind)), c.Company, optShortDate(c.Start), optShortDate(c.End)))
	}
	for _, t := range p.TempAgencies {
		out = append(out, fmt.Sprintf("%s: %s", lang.L("temp.title"), t.Agency))
	}
	return out
}

func nextLines(n *model.Conversation) []string {
	if n == nil {
		return nil
	}
	return []string{conversationLine(*n)}
}
