package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// conversationJobsStore is what conversationJobs asks of the database.
type conversationJobsStore interface {
	PresentedJobs(conversationID int64) ([]model.PresentedJob, error)
	MatchCitizen(citizenID int64, today time.Time) ([]model.Match, error)
	AgreeJob(conversationID, jobID int64, agreed bool) error
	Applications(citizenID int64) ([]model.Application, error)
	PresentJob(conversationID, jobID int64) error
	reachStore
}

// maxSuggested is how many fitting openings the conversation suggests; the
// guide asks for about three to be shown.
const maxSuggested = 8

// conversationJobsShell is what conversationJobs asks of the window.
type conversationJobsShell interface {
	reachShell
	now() time.Time
	showError(err error)
}

// conversationJobs is the conversation's concrete jobs: earlier agreements to
// follow up, openings that fit the goals to show, and those shown with a
// tick for the ones the citizen will apply for before the next conversation.
type conversationJobs struct {
	shell     conversationJobsShell
	s         *conversationScreen
	store     conversationJobsStore
	presented []model.PresentedJob
	suggested []model.Match
	box       *fyne.Container
	// show and agree are the buttons and checks on screen, by job ID (for tests).
	show  map[int64]*widget.Button
	agree map[int64]*checkBox
	reach *reachControl
}

func newConversationJobs(s *conversationScreen, st conversationJobsStore) *conversationJobs {
	return &conversationJobs{shell: s.shell, s: s, store: st, box: container.NewVBox()}
}

func (c *conversationJobs) build() fyne.CanvasObject {
	c.load()
	return c.box
}

func (c *conversationJobs) load() {
	u := c.shell
	var err error
	if c.presented, err = c.store.PresentedJobs(c.s.conversation.ID); err == nil {
		c.suggested, err = c.store.MatchCitizen(c.s.cs.citizen.ID, u.now())
	}
	c.box.Objects = nil
	if err != nil {
		c.box.Add(lowLabel(errText(err)))
		return
	}
	c.show, c.agree = map[int64]*widget.Button{}, map[int64]*checkBox{}
	c.box.Add(heading(fmt.Sprintf(lang.L("cjobs.title"), len(c.presented))))
	c.reach = newReachControl(u, c.store, c.s.cs.citizen, c.load)
	c.box.Add(c.reach.build())
	c.addFollowUp()
	c.addPresented()
	c.addSuggested()
	c.box.Refresh()
}

// addFollowUp shows the applications agreed earlier: sent or not yet.
func (c *conversationJobs) addFollowUp() {
	apps, err := c.store.Applications(c.s.cs.citizen.ID)
	if err != nil {
		return
	}
	for _, a := range apps {
		if a.AgreedIn == 0 || a.AgreedIn == c.s.conversation.ID {
			continue
		}
		l := widget.NewLabel(fmt.Sprintf(lang.L("cjobs.followup"), a.Text, appStatusLabel(a.Status)))
		if !a.Done() {
			l.Importance = widget.WarningImportance
		}
		c.box.Add(l)
	}
}

func (c *conversationJobs) addPresented() {
	for _, p := range c.presented {
		p := p
		check := newCheck(lang.L("cjobs.agreed"), func(on bool) { c.onAgree(p.ID, on) })
		check.Checked = p.Agreed
		c.agree[p.ID] = check
		l := widget.NewLabel(jobLine(p.Job) + "\n" + p.HowToApply)
		l.Wrapping = fyne.TextWrapWord
		c.box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(check), l))
	}
}

func (c *conversationJobs) addSuggested() {
	shown := map[int64]bool{}
	for _, p := range c.presented {
		shown[p.ID] = true
	}
	n := 0
	for _, m := range c.suggested {
		if shown[m.ID] || n == maxSuggested {
			continue
		}
		n++
		m := m
		b := widget.NewButtonWithIcon(lang.L("cjobs.show"), theme.VisibilityIcon(), func() { c.onShow(m.ID) })
		c.show[m.ID] = b
		l := widget.NewLabel(fmt.Sprintf("%s (%s, %s)", jobLine(m.Job), lang.L(fmt.Sprintf("fit.%d", m.Fit)), nearLabel(m.Near)))
		l.Wrapping = fyne.TextWrapWord
		c.box.Add(container.NewBorder(nil, nil, nil, b, l))
	}
	if n == 0 && len(c.presented) == 0 {
		c.box.Add(lowLabel(lang.L("cjobs.none")))
	}
}

func (c *conversationJobs) onShow(jobID int64) {
	if err := c.store.PresentJob(c.s.conversation.ID, jobID); err != nil {
		c.shell.showError(err)
	}
	c.load()
}

func (c *conversationJobs) onAgree(jobID int64, on bool) {
	if err := c.store.AgreeJob(c.s.conversation.ID, jobID, on); err != nil {
		c.shell.showError(err)
	}
	c.load()
}

func appStatusLabel(s model.ApplicationStatus) string { return lang.L("app." + string(s)) }
