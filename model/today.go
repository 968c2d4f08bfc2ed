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
	Caseworker  string
}

// InScope keeps the conversations of the scope's citizens.
func InScope(list []TodayConversation, scope Scope) []TodayConversation {
	if scope.All() {
		return list
	}
	out := make([]TodayConversation, 0, len(list))
	for _, c := range list {
		if c.Caseworker == scope.Caseworker {
			out = append(out, c)
		}
	}
	return out
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
	// BenefitLate are benefits not settled by day 10 of the reception plan;
	// BenefitMeetings the meetings at the benefit office in the next two weeks.
	BenefitLate     []BenefitLate
	BenefitMeetings []BenefitMeeting
}

// Only keeps what concerns the given citizens (one caseworker's).
func (v *TodayView) Only(keep map[int64]bool) *TodayView {
	out := &TodayView{Date: v.Date, CatchUpSince: v.CatchUpSince}
	out.Conversations = keepIf(v.Conversations, func(c TodayConversation) bool { return keep[c.CitizenID] })
	out.OverdueSteps = keepIf(v.OverdueSteps, func(s TodayStep) bool { return keep[s.CitizenID] })
	out.Due = keepIf(v.Due, func(d TodayDue) bool { return keep[d.CitizenID] })
	out.CatchUp = keepIf(v.CatchUp, func(c TodayConversation) bool { return keep[c.CitizenID] })
	out.Notices = keepIf(v.Notices, func(n Notice) bool { return keep[n.CitizenID] })
	out.Youth = keepIf(v.Youth, func(y YouthRow) bool { return keep[y.CitizenID] })
	out.BenefitLate = keepIf(v.BenefitLate, func(b BenefitLate) bool { return keep[b.CitizenID] })
	out.BenefitMeetings = keepIf(v.BenefitMeetings, func(m BenefitMeeting) bool { return keep[m.CitizenID] })
	return out
}

func keepIf[T any](list []T, keep func(T) bool) []T {
	var out []T
	for _, x := range list {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
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
	for _, b := range v.BenefitLate {
		add(b.CitizenID)
	}
	for _, m := range v.BenefitMeetings {
		add(m.CitizenID)
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

// RangesContain says whether IDRanges text ("3-7,12,15-16") names id.
func RangesContain(ranges string, id int64) bool {
	for _, part := range strings.Split(ranges, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		from, err1 := strconv.ParseInt(lo, 10, 64)
		to := from
		var err2 error
		if isRange {
			to, err2 = strconv.ParseInt(hi, 10, 64)
		}
		if err1 == nil && err2 == nil && from <= id && id <= to {
			return true
		}
	}
	return false
}
