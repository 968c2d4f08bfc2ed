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

// callsStore is what the call list asks of the database.
type callsStore interface {
	viewLogStore
	Calendar() (*model.WorkCalendar, error)
	ConversationsFrom(day time.Time, days int) ([]model.TodayConversation, error)
}

// callsShell is what callsScreen asks of the window.
type callsShell interface {
	now() time.Time
	workScope() model.Scope
	copyText(text string)
	goBack()
	handoutMaker() Handouts
	notify(text string)
	openFile(path string)
	showError(err error)
}

// callsScreen is the call list for the next working day's appointments:
// to copy, print, or take into Outlook as a calendar.
type callsScreen struct {
	shell callsShell
	store callsStore
	day   time.Time
	calls []model.TodayConversation
	text  string
	root  fyne.CanvasObject
}

func newCallsScreen(sh callsShell, st callsStore) (*callsScreen, error) {
	cal, err := st.Calendar()
	if err != nil {
		return nil, err
	}
	s := &callsScreen{shell: sh, store: st, day: cal.NextWorkday(sh.now().AddDate(0, 0, 1))}
	s.day = model.Day(s.day)
	if s.calls, err = st.ConversationsFrom(s.day, 1); err != nil {
		return nil, err
	}
	s.calls = model.InScope(s.calls, sh.workScope())
	ids := make([]int64, len(s.calls))
	for i, c := range s.calls {
		ids[i] = c.CitizenID
	}
	if err := st.LogViewed("call list", ids); err != nil {
		return nil, err
	}
	s.text = model.CallList(s.day, s.calls)
	s.root = s.build()
	return s, nil
}

func (s *callsScreen) content() fyne.CanvasObject { return s.root }

func (s *callsScreen) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("today.back"), theme.NavigateBackIcon(), s.shell.goBack)
	title := heading(fmt.Sprintf(lang.L("calls.heading"), model.DanishDate(s.day)))
	buttons := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("calls.copy"), theme.ContentCopyIcon(), s.onCopy),
		widget.NewButtonWithIcon(lang.L("calls.print"), theme.DocumentPrintIcon(), s.onPrint),
		widget.NewButtonWithIcon(lang.L("calls.icsday"), theme.DownloadIcon(), func() { s.onCalendar(1) }),
		widget.NewButtonWithIcon(lang.L("calls.icsweek"), theme.DownloadIcon(), func() { s.onCalendar(7) }))
	list := widget.NewLabel(s.text)
	list.TextStyle.Monospace = true
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, back, nil, title), buttons), nil, nil, nil,
		container.NewVScroll(container.NewPadded(list)))
}

func (s *callsScreen) onCopy() {
	s.shell.copyText(s.text)
	s.shell.notify(lang.L("calls.copied"))
}

func (s *callsScreen) onPrint() {
	path, err := s.shell.handoutMaker().CallList(s.day)
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.shell.openFile(path)
}

func (s *callsScreen) onCalendar(days int) {
	path, err := s.shell.handoutMaker().Calendar(s.day, days)
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.shell.openFile(path)
}
