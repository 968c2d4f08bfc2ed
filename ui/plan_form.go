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

// planFormStore is what planForm asks of the database.
type planFormStore interface {
	PlanConversation(c *model.Conversation) error
}

// buildConversations plans a new conversation above the list of the
// citizen's conversations, newest first; the list draws only visible rows.
func (s *citizenScreen) buildConversations() fyne.CanvasObject {
	all, err := s.store.Conversations(s.citizen.ID)
	if err != nil {
		return lowLabel(errText(err))
	}
	p := newPlanForm(s.shell, s.store, s.citizen.ID, s.shell.now(), func(c *model.Conversation) { s.rebuildSection() })
	s.planner = p
	top := container.NewVBox(heading(lang.L("conversation.plan")), p.build(), widget.NewSeparator(),
		heading(lang.L("section.conversations")))
	if len(all) == 0 {
		top.Add(lowLabel(lang.L("conversation.none")))
	}
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, s.conversationList(all)))
}

func (s *citizenScreen) conversationList(all []model.Conversation) *widget.List {
	row := func(i int) model.Conversation { return all[len(all)-1-i] }
	list := widget.NewList(func() int { return len(all) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon(lang.L("action.open"), theme.NavigateNextIcon(), nil), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := row(i)
			box := o.(*fyne.Container)
			l := box.Objects[0].(*widget.Label)
			l.Importance = widget.MediumImportance
			if c.Attendance == model.AttendanceNoShow || c.Attendance == model.AttendanceCancelled {
				l.Importance = widget.DangerImportance
			}
			l.SetText(conversationLine(c))
			box.Objects[1].(*widget.Button).OnTapped = func() { s.openConversation(c.ID) }
		})
	list.OnSelected = func(i widget.ListItemID) {
		list.Unselect(i) // a row stays clickable after Bliv
		s.openConversation(row(i).ID)
	}
	return list
}

// conversationLine is one conversation in a line: when, what, how, attendance.
func conversationLine(c model.Conversation) string {
	form := formLabel(c.Form)
	if c.WithAkasse {
		form += ", " + lang.L("conversation.withakasse")
	}
	return fmt.Sprintf("%s %s–%s  %s (%s) – %s", shortDate(c.Start), c.Start.Format("15:04"), c.End.Format("15:04"),
		kindLabel(c.Kind), form, attendanceLabel(c.Attendance))
}

// openConversation opens a conversation from the list, after asking about
// a conversation being planned (the section is drawn again on return).
func (s *citizenScreen) openConversation(id int64) {
	s.shell.leave(func() { s.onOpenConversation(id) })
}

func (s *citizenScreen) onOpenConversation(id int64) {
	cs, err := newConversationScreen(s, s.store, id)
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.shell.push(cs)
}

func kindLabel(k model.ConversationKind) string { return lang.L("conversation.kind." + string(k)) }
func formLabel(f model.ConversationForm) string { return lang.L("conversation.form." + string(f)) }
func attendanceLabel(a model.Attendance) string { return lang.L("conversation.att." + string(a)) }

// planFormShell is what planForm asks of the window.
type planFormShell interface {
	changed(ids ...int64)
}

// planForm plans a conversation: date, start and end, kind and form.
type planForm struct {
	shell     planFormShell
	store     planFormStore
	citizenID int64
	onPlanned func(*model.Conversation)

	date, start, end *formEntry
	kind, form       *safeSelect
	akasse           *checkBox // the a-kasse takes part (a joint conversation)
	problems         *widget.Label
	save             *widget.Button
	state            *saveState
	kinds            choice[model.ConversationKind]
	forms            choice[model.ConversationForm]
}

func newPlanForm(sh planFormShell, st planFormStore, citizenID int64, day time.Time, onPlanned func(*model.Conversation)) *planForm {
	f := &planForm{shell: sh, store: st, citizenID: citizenID, onPlanned: onPlanned,
		kinds: newChoice(model.ConversationKinds, kindLabel), forms: newChoice(model.ConversationForms, formLabel)}
	f.date = dateEntry(day)
	return f
}

func (f *planForm) build() fyne.CanvasObject {
	f.start, f.end = newFormEntry(), newFormEntry()
	f.start.SetPlaceHolder(lang.L("form.clockplaceholder"))
	f.end.SetPlaceHolder(lang.L("form.clockplaceholder"))
	f.kind = newSelect(f.kinds.labels, nil)
	f.kind.SetSelected(kindLabel(model.KindJob))
	f.form = newSelect(f.forms.labels, nil)
	f.form.SetSelected(formLabel(model.FormInPerson))
	f.akasse = newCheck(lang.L("conversation.withakasse"), nil)
	f.problems = widget.NewLabel("")
	f.problems.Importance = widget.DangerImportance
	f.problems.Wrapping = fyne.TextWrapWord
	f.problems.Hide()
	f.save = widget.NewButtonWithIcon(lang.L("conversation.planbtn"), theme.ContentAddIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	f.state = newSaveState(f.formText)
	f.state.reset()
	watch(f.state.changed, f.date, f.start, f.end, f.kind, f.form, f.akasse)
	mark := newUnsavedMark()
	f.state.button, f.state.mark = f.save, mark
	f.state.refresh()
	times := container.NewGridWithColumns(4, f.date, f.start, f.end, f.save)
	labels := container.NewGridWithColumns(4, lowLabel(lang.L("conversation.date")), lowLabel(lang.L("conversation.start")), lowLabel(lang.L("conversation.end")), mark)
	return container.NewVBox(labels, times, container.NewGridWithColumns(2, f.kind, f.form), f.akasse, f.problems)
}

// formText is the form's fields in one string, for saveState.
func (f *planForm) formText() string {
	return joinFields(f.date.Text, f.start.Text, f.end.Text, f.kind.Selected, f.form.Selected, fmt.Sprint(f.akasse.Checked))
}

// Dirty says whether a conversation is being planned: a time typed, or the
// suggested day, kind or form changed.
func (f *planForm) Dirty() bool { return f.state.Dirty() }

// Save plans the conversation typed; problems are shown under the form.
func (f *planForm) Save() error {
	c, err := f.conversation()
	if err == nil {
		err = f.store.PlanConversation(c)
	}
	if err != nil {
		f.problems.SetText(joinedErrText(err))
		f.problems.Show()
		return shownError{err}
	}
	f.problems.Hide()
	f.shell.changed(f.citizenID)
	f.start.SetText("")
	f.end.SetText("")
	f.state.reset()
	f.onPlanned(c)
	return nil
}

// Discard forgets what was typed (the form is left or drawn again).
func (f *planForm) Discard() { f.state.reset() }

// conversation reads the form; parse problems come back joined.
func (f *planForm) conversation() (*model.Conversation, error) {
	c := &model.Conversation{CitizenID: f.citizenID, Attendance: model.AttendancePlanned}
	c.Kind, _ = f.kinds.value(f.kind.Selected)
	c.Form, _ = f.forms.value(f.form.Selected)
	c.WithAkasse = f.akasse.Checked
	start, end, err := readSpan(f.date.Text, f.start.Text, f.end.Text)
	c.Start, c.End = start, end
	return c, err
}

func (f *planForm) onSave() { _ = f.Save() }

// readSpan parses a date with a start and an end clock time into two
// local times on that day.
func readSpan(date, start, end string) (time.Time, time.Time, error) {
	day, err := model.ParseDate(date)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	sh, sm, err := model.ParseClock(start)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	eh, em, err := model.ParseClock(end)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	at := func(h, m int) time.Time { return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, time.Local) }
	return at(sh, sm), at(eh, em), nil
}
