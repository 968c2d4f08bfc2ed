package ui

import (
	"time"

	"jobspor/model"
)

// onTick saves a ticked or unticked action at once, dated today.
func (s *citizenScreen) onTick(a model.Action, done bool) (model.Progress, error) {
	return s.tickOn(a, done, s.shell.now())
}

// tickOn saves an action as done on the given day (a conversation's date).
func (s *citizenScreen) tickOn(a model.Action, done bool, on time.Time) (model.Progress, error) {
	p := s.progress[a.ID]
	p.CitizenID, p.ActionID, p.Done, p.DoneOn = s.citizen.ID, a.ID, done, on
	return s.saveProgress(p)
}

func (s *citizenScreen) onNote(a model.Action, note string) (model.Progress, error) {
	p := s.progress[a.ID]
	p.CitizenID, p.ActionID, p.Note = s.citizen.ID, a.ID, note
	if p.Done && p.DoneOn.IsZero() {
		p.DoneOn = s.shell.now()
	}
	return s.saveProgress(p)
}

func (s *citizenScreen) saveProgress(p model.Progress) (model.Progress, error) {
	if err := s.store.SaveProgress(&p); err != nil {
		s.shell.showError(err)
		return s.progress[p.ActionID], err
	}
	s.progress[p.ActionID] = p
	s.shell.changed(s.citizen.ID)
	return p, nil
}
