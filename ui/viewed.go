package ui

import "jobspor/model"

// viewLogStore is the part of the store that records views of many citizens.
type viewLogStore interface {
	LogViewed(what string, citizenIDs []int64) error
}

// viewLog writes one audit row when a list screen shows a different set of
// citizens than it last recorded, not on every redraw.
type viewLog struct {
	what string
	last string
}

func (v *viewLog) record(store viewLogStore, ids []int64) error {
	key := model.IDRanges(ids)
	if key == v.last {
		return nil
	}
	if err := store.LogViewed(v.what, ids); err != nil {
		return err
	}
	v.last = key
	return nil
}
