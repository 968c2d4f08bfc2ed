package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"jobspor/model"
)

// todayActionStore is what Today's one-click actions and their Fortryd ask
// of the database.
type todayActionStore interface {
	AcknowledgeNotice(id int64) error
	ReopenNotice(id int64) error
	SetAttendance(id int64, a model.Attendance) error
	SetReferred(citizenID int64, referred bool) error
}

// undoFor is how long Fortryd is offered after a one-click action.
const undoFor = 8 * time.Second

// conversationLine is one of today's conversations: it opens the
// conversation itself, and one still planned that has begun offers Afholdt
// and Udeblevet in place (a later one cannot have been missed yet).
func (s *todayScreen) conversationLine(c model.TodayConversation, text string) todayLine {
	l := todayLine{text: text, citizenID: c.CitizenID,
		open: func() { s.shell.onOpenConversation(c.CitizenID, c.ID) }}
	if c.Attendance == model.AttendancePlanned && !c.Start.After(s.shell.now()) {
		l.actions = []lineAction{
			{lang.L("today.held"), theme.ConfirmIcon(), func() { s.onAttendance(c, model.AttendanceHeld) }},
			{lang.L("today.noshow"), theme.CancelIcon(), func() { s.onAttendance(c, model.AttendanceNoShow) }},
		}
	}
	return l
}

// onAttendance records attendance from Today, with Fortryd for a while.
func (s *todayScreen) onAttendance(c model.TodayConversation, a model.Attendance) {
	st := s.store
	s.undoable(st.SetAttendance(c.ID, a), c.Name+": "+attendanceLabel(a), func() error {
		return st.SetAttendance(c.ID, c.Attendance)
	})
	s.shell.changed(c.CitizenID)
}

// onAcknowledge is "Set" on a notice.
func (s *todayScreen) onAcknowledge(id int64) {
	st := s.store
	s.undoable(st.AcknowledgeNotice(id), lang.L("today.undo.ack"), func() error { return st.ReopenNotice(id) })
}

// onRefer is "Henvist" on a young citizen.
func (s *todayScreen) onRefer(id int64) {
	st := s.store
	s.undoable(st.SetReferred(id, true), lang.L("today.undo.refer"), func() error { return st.SetReferred(id, false) })
	s.shell.changed(id)
}

// undoable shows what an action did with Fortryd beside it, and Today again.
func (s *todayScreen) undoable(err error, done string, undo func() error) {
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.load()
	s.shell.offerUndo(done, func() { s.do(undo()) })
}

// todayOpen is what a line's Open button does: its own, or the citizen.
func (s *todayScreen) todayOpen(l todayLine) func() {
	if l.open != nil {
		return l.open
	}
	id := l.citizenID
	return func() { s.shell.onOpenCitizen(id) }
}
