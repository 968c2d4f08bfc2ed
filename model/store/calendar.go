package store

import (
	"time"

	"jobspor/model"
)

// ConversationsFrom lists the conversations from `from` for `days` days, in time order.
func (s *Store) ConversationsFrom(from time.Time, days int) ([]model.TodayConversation, error) {
	start := model.Day(from)
	return s.conversationsBetween(start, start.AddDate(0, 0, days), "")
}

// PlannedFor lists a citizen's planned conversations from now on.
func (s *Store) PlannedFor(citizenID int64, now time.Time) ([]model.TodayConversation, error) {
	c, err := s.Citizen(citizenID)
	if err != nil {
		return nil, err
	}
	all, err := s.Conversations(citizenID)
	if err != nil {
		return nil, err
	}
	var out []model.TodayConversation
	for _, cv := range all {
		if cv.Attendance == model.AttendancePlanned && cv.Start.After(now) {
			out = append(out, model.TodayConversation{Conversation: cv, Name: c.Name, Phone: c.Phone})
		}
	}
	return out, nil
}
