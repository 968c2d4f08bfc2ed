package model

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// TodayConversation is one conversation on a day list.
type TodayConversation struct {
	Conversation
	Name, Phone string
}

// TodayStep is a citizen's overdue reception steps, oldest first.
type TodayStep struct {
	CitizenID int64
	Name      string
	Steps     []DatedStep
}

// TodayDue is a required conversation whose deadline is near or passed.
type TodayDue struct {
	CitizenID int64
	Name      string
	Due       Due
}

// TodayView is what today asks of the caseworker.
type TodayView struct {
	Date          time.Time
	Conversations []TodayConversation
	OverdueSteps  []TodayStep
	Due           []TodayDue
	CatchUpSince  time.Time
	CatchUp       []TodayConversation
	Notices       []Notice
	Youth         []YouthRow
}

// CitizenIDs lists every citizen Today shows, once each, in order of first
// appearance: what an audit row for the view names.
func (v *TodayView) CitizenIDs() []int64 {
	var ids []int64
	seen := map[int64]bool{}
	add := func(id int64) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, c := range v.Conversations {
		add(c.CitizenID)
	}
	for _, s := range v.OverdueSteps {
		add(s.CitizenID)
	}
	for _, d := range v.Due {
		add(d.CitizenID)
	}
	for _, c := range v.CatchUp {
		add(c.CitizenID)
	}
	for _, n := range v.Notices {
		add(n.CitizenID)
	}
	for _, y := range v.Youth {
		add(y.CitizenID)
	}
	return ids
}

// IDRanges writes citizen IDs compactly for an audit row: "3-7,12,15-16".
func IDRanges(ids []int64) string {
	sorted := append([]int64(nil), ids...)
	slices.Sort(sorted)
	var b strings.Builder
	for i := 0; i < len(sorted); {
		j := i
		for j+1 < len(sorted) && sorted[j+1] <= sorted[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(sorted[i], 10))
		if sorted[j] != sorted[i] {
			b.WriteString("-" + strconv.FormatInt(sorted[j], 10))
		}
		i = j + 1
	}
	return b.String()
}
