package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// conversationStore is what conversationScreen asks of the database.
type conversationStore interface {
	Conversation(id int64) (*model.Conversation, error)
	JobGoals(citizenID int64) ([]model.JobGoal, error)
	ProspectFor(region, title, code string) (model.Prospect, error)
	Region() (string, error)
	conversationJobsStore
	planFormStore
	NextConversation(citizenID int64, after time.Time) (*model.Conversation, error)
	SaveConversation(c *model.Conversation) error
	DeleteConversation(id int64) error
}

// conversationShell is what conversationScreen asks of the window.
type conversationShell interface {
	conversationJobsShell
	colleaguesShell
	back()
	changed(ids ...int64)
	copyText(text string)
	goBack()
	guideBook() *model.Guide
	handoutMaker() Handouts
	notify(text string)
	now() time.Time
	openFile(path string)
	showError(err error)
	window() fyne.Window
}

// conversationScreen is the conversation across the desk: attendance, notes
// and agreements on the left; the current track's open actions on the right,
// ticked as done on the conversation's date.
type conversationScreen struct {
	shell        conversationShell
	cs           *citizenScreen
	store        conversationStore
	conversation *model.Conversation

	attendance *radioFlow
	notes      *noteEditor
	agreements *noteEditor
	save       *widget.Button
	copyBtn    *widget.Button
	next       *planForm
	nextLine   *secondaryLabel
	state      *saveState
	jobs       *conversationJobs
	actions    *phaseSection
	root       fyne.CanvasObject

	attendances choice[model.Attendance]
}

func newConversationScreen(cs *citizenScreen, st conversationStore, id int64) (*conversationScreen, error) {
	c, err := st.Conversation(id)
	if err != nil {
		return nil, err
	}
	s := &conversationScreen{shell: cs.shell, cs: cs, store: st, conversation: c, attendances: newChoice(model.Attendances, attendanceLabel)}
	s.root = s.build()
	return s, nil
}

func (s *conversationScreen) content() fyne.CanvasObject { return s.root }

func (s *conversationScreen) build() fyne.CanvasObject {
	split := container.NewHSplit(s.buildConversation(), s.buildActions())
	split.Offset = 0.5
	return container.NewBorder(s.buildHeader(), nil, nil, nil, split)
}

func (s *conversationScreen) buildHeader() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(s.cs.citizen.Name, theme.NavigateBackIcon(), s.onBack)
	title := widget.NewLabelWithStyle(conversationLine(*s.conversation), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	s.copyBtn = widget.NewButtonWithIcon(lang.L("conversation.copy"), theme.ContentCopyIcon(), s.onCopySummary)
	ics := widget.NewButtonWithIcon(lang.L("conversation.ics"), theme.DownloadIcon(), s.onCalendar)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), s.onAskDelete)
	return container.NewVBox(present(container.NewBorder(nil, nil, back, container.NewHBox(ics, s.copyBtn, del), title),
		s.shell.coverBanner(s.cs.citizen.ID), widget.NewSeparator())...)
}

func (s *conversationScreen) buildConversation() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("conversation.attendance"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.attendance = newRadioFlow(title, s.attendances.labels)
	s.attendance.SetSelected(attendanceLabel(s.conversation.Attendance))
	s.notes = newNoteEditor(s.conversation.Notes, model.MaxNotesLen, 6)
	s.agreements = newNoteEditor(s.conversation.Agreements, model.MaxAgreementsLen, 4)
	s.agreements.placeholder = lang.L("conversation.agreementsph")
	s.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("conversation.notes"), s.notes),
		widget.NewFormItem(lang.L("conversation.agreements"), s.agreements))
	s.state = newSaveState(s.formText)
	s.state.reset()
	watch(s.state.changed, s.attendance, s.notes, s.agreements)
	s.next = newPlanForm(s.shell, s.store, s.cs.citizen.ID, s.nextDay(), s.onNextPlanned)
	s.nextLine = lowLabel("")
	s.showNext()
	body := container.NewVBox(s.attendance, form, s.state.withButton(s.save), widget.NewSeparator(),
		heading(lang.L("conversation.next")), s.nextLine, s.next.build())
	return container.NewVScroll(container.NewPadded(body))
}

// nextDay suggests a week after this conversation, never a day gone by.
func (s *conversationScreen) nextDay() time.Time {
	d := s.conversation.Start.AddDate(0, 0, 7)
	if now := s.shell.now(); d.Before(now) {
		return now
	}
	return d
}

func multiLine(text string, rows int) *formEntry {
	e := newMultiLineFormEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.SetText(text)
	return e
}

// formText is the conversation's own fields in one string, for saveState.
func (s *conversationScreen) formText() string {
	return joinFields(s.attendance.Selected, s.notes.Text(), s.agreements.Text())
}

// showNext says which conversation is planned after this one, if any.
func (s *conversationScreen) showNext() {
	n, err := s.store.NextConversation(s.cs.citizen.ID, s.conversation.Start)
	if err != nil {
		s.nextLine.SetText(lang.L("conversation.nonext"))
		s.nextLine.setColour(colorNameSecondaryText) // "none yet" is secondary
		return
	}
	s.nextLine.SetText(conversationLine(*n))
	s.nextLine.setColour(theme.ColorNameForeground)
}

// Dirty, Save and Discard make the screen an editable: the conversation's
// own fields and the next conversation being planned.
func (s *conversationScreen) Dirty() bool { return s.forms().Dirty() }
func (s *conversationScreen) Save() error { return s.forms().Save() }
func (s *conversationScreen) Discard()    { s.forms().Discard() }

func (s *conversationScreen) forms() editables {
	es := editables{formSaver{s.state, s.write}, s.next}
	if s.actions != nil {
		es = append(es, s.actions)
	}
	return es
}

func (s *conversationScreen) buildActions() fyne.CanvasObject {
	t := s.shell.guideBook().Track(s.cs.citizen.Track)
	if t == nil {
		t = s.shell.guideBook().Opening()
	}
	s.actions = newPhaseSection(t, s.cs.progress, s.onTick, s.cs.onNote)
	s.actions.openOnly = true
	s.jobs = newConversationJobs(s, s.store)
	return container.NewVScroll(container.NewPadded(container.NewVBox(s.jobs.build(), widget.NewSeparator(), s.actions.build())))
}

// onTick dates a ticked action with the conversation's day.
func (s *conversationScreen) onTick(a model.Action, done bool) (model.Progress, error) {
	return s.cs.tickOn(a, done, s.conversation.Start)
}

// read copies the form into the conversation.
func (s *conversationScreen) read() {
	s.conversation.Attendance, _ = s.attendances.value(s.attendance.Selected)
	s.conversation.Notes, s.conversation.Agreements = s.notes.Text(), s.agreements.Text()
}

func (s *conversationScreen) onSave() {
	if err := s.write(); err != nil {
		s.shell.showError(err)
		return
	}
	s.state.reset()
	s.shell.notify(lang.L("saved"))
}

// write stores the conversation's own fields.
func (s *conversationScreen) write() error {
	s.read()
	if err := s.store.SaveConversation(s.conversation); err != nil {
		return err
	}
	s.shell.changed(s.cs.citizen.ID)
	return nil
}

// onNextPlanned shows the conversation just planned; what is typed in this
// one stays as it is (it is not drawn again from the database).
func (s *conversationScreen) onNextPlanned(*model.Conversation) {
	s.showNext()
	s.shell.notify(lang.L("conversation.planned"))
}

// onCopySummary puts a plain-text summary on the clipboard for the case system.
func (s *conversationScreen) onCopySummary() {
	s.shell.copyText(s.summary())
	s.shell.notify(lang.L("conversation.copied"))
}

func (s *conversationScreen) summary() string {
	s.read()
	next, err := s.store.NextConversation(s.cs.citizen.ID, s.conversation.Start)
	if err != nil {
		next = nil
	}
	p := model.PlanSummary{Done: s.doneOnTheDay(), Next: next, Goals: s.goalLines(), Shown: s.jobs.presented}
	return model.MinPlanSummary(*s.conversation, p)
}

// goalLines are the citizen's job goals with their prospects in words.
func (s *conversationScreen) goalLines() []model.GoalLine {
	goals, err := s.store.JobGoals(s.cs.citizen.ID)
	region, rerr := s.store.Region()
	if err != nil || rerr != nil {
		return nil
	}
	var out []model.GoalLine
	for _, g := range goals {
		p, _ := s.store.ProspectFor(region, g.Title, g.Code)
		out = append(out, model.GoalLine{Title: g.Title, Horizon: g.Horizon, Prospect: p.Word()})
	}
	return out
}

// doneOnTheDay lists the actions ticked as done on the conversation's date.
func (s *conversationScreen) doneOnTheDay() []model.Action {
	var out []model.Action
	day := shortDate(s.conversation.Start)
	for _, p := range []*model.Phase{s.shell.guideBook().Opening(), s.shell.guideBook().Track(s.cs.citizen.Track)} {
		if p == nil {
			continue
		}
		for _, e := range p.Elements {
			for _, a := range e.Actions {
				if pr := s.cs.progress[a.ID]; pr.Done && shortDate(pr.DoneOn) == day {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

func (s *conversationScreen) onBack() { s.shell.goBack() }

// onCalendar exports this one appointment for Outlook.
func (s *conversationScreen) onCalendar() {
	path, err := s.shell.handoutMaker().CalendarOne(s.conversation.ID)
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.shell.openFile(path)
}

// onAskDelete deletes a conversation recorded by mistake, after asking.
func (s *conversationScreen) onAskDelete() {
	d := dialog.NewConfirm(lang.L("conversation.delete.title"),
		fmt.Sprintf(lang.L("conversation.delete.ask"), conversationLine(*s.conversation)), func(yes bool) {
			if yes {
				s.onDelete()
			}
		}, s.shell.window())
	d.SetConfirmText(lang.L("conversation.delete.confirm"))
	d.SetConfirmImportance(widget.DangerImportance) // never the default: Enter does not delete
	d.Show()
}

func (s *conversationScreen) onDelete() {
	if err := s.store.DeleteConversation(s.conversation.ID); err != nil {
		s.shell.showError(err)
		return
	}
	s.shell.changed(s.cs.citizen.ID)
	s.shell.back()
}
