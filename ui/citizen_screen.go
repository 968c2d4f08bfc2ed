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

// citizenStore is what the citizen screen and every section on it ask of
// the database: the screen hands each section its own part.
type citizenStore interface {
	citizenViewStore
	openingStore
	receptionStore
	companyStore
	tempAgencyStore
	educationStore
	upskillingStore
	jobLogStore
	conversationStore
	planFormStore
	caseStore
}

// citizenViewStore is what citizenScreen asks of the database.
type citizenViewStore interface {
	ViewCitizen(id int64) (*model.Citizen, error)
	Citizen(id int64) (*model.Citizen, error)
	Conversations(citizenID int64) ([]model.Conversation, error)
	LogAudit(action string, citizenID int64, detail string) error
	Plan(g *model.Guide, citizenID int64) (*model.Plan, error)
	ProgressFor(citizenID int64) (map[string]model.Progress, error)
	SaveProgress(p *model.Progress) error
	TrackHistory(citizenID int64) ([]model.TrackChange, error)
}

// section is one part of the citizen screen, chosen in the left-hand list.
type section struct {
	title string
	build func() fyne.CanvasObject
}

// citizenShell is what citizenScreen asks of the window.
type citizenShell interface {
	caseShell
	companyShell
	tempAgencyShell
	educationShell
	jobLogShell
	openingShell
	receptionShell
	upskillingShell
	conversationShell
	askLeave(e editable, then func())
	changed(ids ...int64)
	conflictBanner(citizenID int64) fyne.CanvasObject
	goBack()
	guideBook() *model.Guide
	handoutMaker() Handouts
	leave(then func())
	now() time.Time
	onEditCitizen(c *model.Citizen)
	printed(path string, err error)
	push(s screen)
	show(o fyne.CanvasObject)
	showError(err error)
	term(key string) string
	window() fyne.Window
}

// citizenScreen shows one citizen: a header with the essentials and actions,
// a list of sections on the left and the chosen section on the right.
type citizenScreen struct {
	shell    citizenShell
	store    citizenStore
	citizen  *model.Citizen
	progress map[string]model.Progress

	cpr      *widget.Label
	edit     *widget.Button
	revealed bool
	nav      *navList
	body     *fyne.Container
	sections []section
	current  int
	root     fyne.CanvasObject
	// forms are the forms in the section on show, asked before it is left.
	forms editables

	// phases are the checklists on show (for tests and live progress).
	phases    []*phaseSection
	opening   *openingForm
	planner   *planForm
	reception *receptionForm
	joblog    *jobLog
	caseSec   *caseSection
	track     trackForms
}

func newCitizenScreen(sh citizenShell, st citizenStore, id int64) (*citizenScreen, error) {
	c, err := st.ViewCitizen(id)
	if err != nil {
		return nil, err
	}
	s := &citizenScreen{shell: sh, store: st, citizen: c}
	if err := s.loadProgress(); err != nil {
		return nil, err
	}
	s.root = s.build()
	return s, nil
}

func (s *citizenScreen) loadProgress() error {
	p, err := s.store.ProgressFor(s.citizen.ID)
	s.progress = p
	return err
}

func (s *citizenScreen) content() fyne.CanvasObject { return s.root }

// reload re-reads the citizen after a sub-screen (a conversation) closes.
func (s *citizenScreen) reload() {
	c, err := s.store.Citizen(s.citizen.ID)
	if err == nil {
		s.citizen = c
		err = s.loadProgress()
	}
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.root = s.build()
}

func (s *citizenScreen) build() fyne.CanvasObject {
	s.sections = s.makeSections()
	s.body = container.NewStack()
	s.nav = newNavList(func() int { return len(s.sections) },
		func() fyne.CanvasObject { return widget.NewLabel(s.longestSection()) }, // the list is as wide as its longest title
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.sections[i].title) })
	s.forms = nil
	s.nav.OnSelected = s.onSection
	s.nav.Select(s.current)
	split := container.NewHSplit(s.nav, s.body)
	split.Offset = 0.17
	return container.NewBorder(s.buildHeader(), nil, nil, nil, split)
}

// longestSection is the section title that needs the most room.
func (s *citizenScreen) longestSection() string {
	longest, width := "", float32(0)
	for _, sec := range s.sections {
		if w := fyne.MeasureText(sec.title, theme.TextSize(), fyne.TextStyle{}).Width; w > width {
			longest, width = sec.title, w
		}
	}
	return longest
}

// Section positions in the citizen screen's list.
const (
	sectionOverview = iota
	sectionReception
	sectionOpening
	sectionTrack
	sectionConversations
	sectionJobLog
	sectionPlan
	sectionCase
)

func (s *citizenScreen) makeSections() []section {
	return []section{
		{lang.L("section.overview"), s.buildOverview},
		{lang.L("section.reception"), s.buildReception},
		{s.shell.guideBook().Opening().Title, s.buildOpening},
		{s.trackTitle(), s.buildTrack},
		{lang.L("section.conversations"), s.buildConversations},
		{lang.L("section.joblog"), s.buildJobLog},
		{lang.L("section.plan"), s.buildPlan},
		{lang.L("section.case"), s.buildCase},
	}
}

func (s *citizenScreen) buildCase() fyne.CanvasObject {
	s.caseSec = newCaseSection(s, s.store)
	return s.caseSec.build()
}

// afterCaseChange re-reads the citizen after the case was closed or
// reopened: the header, the sections, Today and the caseload change with it.
func (s *citizenScreen) afterCaseChange() {
	s.shell.changed(s.citizen.ID)
	s.reload()
	s.shell.show(s.root)
}

func (s *citizenScreen) trackTitle() string {
	if t := s.shell.guideBook().Track(s.citizen.Track); t != nil {
		return t.Title
	}
	return lang.L("section.track")
}

// onSection is a click in the section list: the section on show is left
// after asking, when it holds changes not saved.
func (s *citizenScreen) onSection(i widget.ListItemID) {
	if !s.Dirty() {
		s.showSection(i)
		return
	}
	if i == s.current {
		return
	}
	s.nav.OnSelected = nil // the list keeps showing where the caseworker is
	s.nav.Select(s.current)
	s.nav.OnSelected = s.onSection
	s.shell.askLeave(s, func() { s.nav.Select(i) })
}

// Dirty, Save and Discard make the screen an editable: the forms in the
// section on show.
func (s *citizenScreen) Dirty() bool { return s.editables().Dirty() }
func (s *citizenScreen) Save() error { return s.editables().Save() }
func (s *citizenScreen) Discard()    { s.editables().Discard() }

// editables are the section's forms and the action notes of its checklists.
func (s *citizenScreen) editables() editables {
	es := append(editables{}, s.forms...)
	for _, p := range s.phases {
		es = append(es, p)
	}
	return es
}

// addForm registers a form of the section being built.
func (s *citizenScreen) addForm(e editable) { s.forms = append(s.forms, e) }

func (s *citizenScreen) showSection(i widget.ListItemID) {
	s.current = i
	s.phases = nil
	s.forms = nil
	s.body.Objects = []fyne.CanvasObject{s.sections[i].build()}
	s.body.Refresh()
}

// rebuildSection redraws the section on show after a change.
func (s *citizenScreen) rebuildSection() { s.showSection(s.current) }

func (s *citizenScreen) buildHeader() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(s.shell.term("action.back"), theme.NavigateBackIcon(), s.shell.goBack)
	name := widget.NewLabelWithStyle(s.citizen.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	name.Truncation = fyne.TextTruncateEllipsis
	s.edit = widget.NewButtonWithIcon(lang.L("action.edit"), theme.DocumentCreateIcon(), func() {
		s.shell.leave(func() { s.shell.onEditCitizen(s.citizen) }) // the screen is drawn again after the edit
	})
	print := s.printButton()
	info := widget.NewLabel(s.headerInfo())
	actions := container.NewHBox(present(s.shell.handOverButton(s.citizen.ID), s.edit, print)...)
	header := container.NewVBox(present(container.NewBorder(nil, nil, back, actions, name), info, s.shell.coverBanner(s.citizen.ID))...)
	if banner := s.shell.conflictBanner(s.citizen.ID); banner != nil {
		header.Add(banner)
	}
	header.Add(widget.NewSeparator())
	return header
}

func (s *citizenScreen) headerInfo() string {
	c := s.citizen
	parts := trackLabel(c.Track) + "  ·  " + statusLabel(c.Status) + "  ·  " + benefitLabel(c.Benefit)
	if a, ok := c.CPR.AgeOn(s.shell.now()); ok {
		parts = fmt.Sprintf(lang.L("view.years"), a) + "  ·  " + parts
	}
	return parts
}

func (s *citizenScreen) onBenefitMeeting() {
	newBenefitMeetingDialog(s.shell, s.store, s.citizen).show()
}
