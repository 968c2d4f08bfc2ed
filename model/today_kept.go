package model

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// TodayRead is Today as read for one scope, with what its figures were
// worked out from: kept by the window, so that a change to a few citizens
// replaces their lines and their cases and works the figures out again in
// memory, never reading the whole office again.
type TodayRead struct {
	View *TodayView
	// Office and Mine are the two figures for the office and (with a
	// caseworker's scope) for the caseworker's citizens.
	Office, Mine Compliance
	Kind         OfficeKind
	Scope        Scope
	// Cases are the office's active cases the figures count (each
	// caseworker's, whatever the scope), as read and kept small (KeepCases):
	// never changed afterwards, so that a copy of the read (Copy) shares them.
	Cases []KeptCase
	// Replaced are the cases of the citizens re-read since, in place of
	// theirs in Cases (nil: they count no more).
	Replaced map[int64]*Case
}

// Copy is a copy of t that Replace may change while t is shown: the lines'
// lists and the replaced cases are copied, the cases as read shared.
func (t *TodayRead) Copy() *TodayRead {
	c := *t
	if t.View != nil {
		v := *t.View
		v.Conversations, v.OverdueSteps, v.Due = slices.Clone(v.Conversations), slices.Clone(v.OverdueSteps), slices.Clone(v.Due)
		v.CatchUp, v.Notices, v.Youth = slices.Clone(v.CatchUp), slices.Clone(v.Notices), slices.Clone(v.Youth)
		v.BenefitLate, v.BenefitMeetings = slices.Clone(v.BenefitLate), slices.Clone(v.BenefitMeetings)
		c.View = &v
	}
	c.Replaced = maps.Clone(t.Replaced)
	return &c
}

// each calls f with every case the figures count now: those read, less the
// replaced, with the replacements. f must not keep the case it is given.
func (t *TodayRead) each(f func(*Case)) {
	var c Case
	var held []Held
	for i := range t.Cases {
		if _, ok := t.Replaced[t.Cases[i].ID]; ok {
			continue
		}
		held = t.Cases[i].Case(&c, held)
		f(&c)
	}
	for _, c := range t.Replaced {
		if c != nil {
			f(c)
		}
	}
}

// caseOf is the citizen's case the figures count now, or nil.
func (t *TodayRead) caseOf(id int64) *Case {
	if c, ok := t.Replaced[id]; ok {
		return c
	}
	for i := range t.Cases {
		if t.Cases[i].ID == id {
			c := &Case{}
			t.Cases[i].Case(c, nil)
			return c
		}
	}
	return nil
}

// TodayPart is what one citizen adds to Today: their lines (in the read's
// scope) and, when the figures may count them, their case.
type TodayPart struct {
	CitizenID int64
	View      *TodayView
	Case      *Case
}

// Figure works the two figures out from the kept cases.
func (t *TodayRead) Figure(r *RuleSet, now time.Time) {
	office := r.newTally(t.Kind, now)
	var mine *tally
	if !t.Scope.All() {
		mine = r.newTally(t.Kind, now)
	}
	t.each(func(c *Case) {
		office.add(c)
		if mine != nil && c.Caseworker == t.Scope.Caseworker {
			mine.add(c)
		}
	})
	t.Office, t.Mine = office.result(), Compliance{}
	if mine != nil {
		t.Mine = mine.result()
	}
}

// Replace puts one citizen's part in place of their lines and case, and
// works the figures out again. The cases as read are left as they are
// (a copy shares them): the new case goes to Replaced.
func (t *TodayRead) Replace(p *TodayPart, r *RuleSet, now time.Time) {
	t.View.Replace(p.CitizenID, p.View)
	old := t.caseOf(p.CitizenID)
	if t.Replaced == nil {
		t.Replaced = map[int64]*Case{}
	}
	t.Replaced[p.CitizenID] = p.Case
	// Only the two cases are worked out: the office's figures less the old
	// case plus the new, the caseworker's the same when it was or is theirs.
	t.Office = r.Retally(t.Office, t.Kind, now, old, p.Case)
	if !t.Scope.All() {
		mine := func(c *Case) *Case {
			if c != nil && c.Caseworker == t.Scope.Caseworker {
				return c
			}
			return nil
		}
		t.Mine = r.Retally(t.Mine, t.Kind, now, mine(old), mine(p.Case))
	}
}

// Replace puts the lines of part (one citizen's, read alone) in place of
// that citizen's lines, each list kept in its order.
func (v *TodayView) Replace(id int64, part *TodayView) {
	if part == nil {
		part = &TodayView{}
	}
	v.Conversations = merge(v.Conversations, part.Conversations, func(c TodayConversation) bool { return c.CitizenID == id }, byStart)
	v.OverdueSteps = merge(v.OverdueSteps, part.OverdueSteps, func(s TodayStep) bool { return s.CitizenID == id }, StepBefore)
	v.Due = merge(v.Due, part.Due, func(d TodayDue) bool { return d.CitizenID == id }, DueBefore)
	v.CatchUp = merge(v.CatchUp, part.CatchUp, func(c TodayConversation) bool { return c.CitizenID == id }, byStart)
	v.Notices = merge(v.Notices, part.Notices, func(n Notice) bool { return n.CitizenID == id },
		func(a, b Notice) bool {
			return a.CreatedAt.Before(b.CreatedAt) || a.CreatedAt.Equal(b.CreatedAt) && a.ID < b.ID
		})
	v.Youth = merge(v.Youth, part.Youth, func(y YouthRow) bool { return y.CitizenID == id }, YouthBefore)
	v.BenefitLate = merge(v.BenefitLate, part.BenefitLate, func(b BenefitLate) bool { return b.CitizenID == id }, LateBefore)
	v.BenefitMeetings = merge(v.BenefitMeetings, part.BenefitMeetings, func(m BenefitMeeting) bool { return m.CitizenID == id },
		func(a, b BenefitMeeting) bool {
			if !a.At.Equal(b.At) {
				return a.At.Before(b.At)
			}
			if ka, kb := FoldName(a.Name), FoldName(b.Name); ka != kb {
				return ka < kb
			}
			return a.CitizenID < b.CitizenID
		})
}

// The orders of Today's parts, each ending in the citizen (the store
// sorts by them, and a citizen's lines re-read are put in place by them).

// StepBefore: the earliest overdue step first.
func StepBefore(a, b TodayStep) bool {
	if !a.Steps[0].ToDate.Equal(b.Steps[0].ToDate) {
		return a.Steps[0].ToDate.Before(b.Steps[0].ToDate)
	}
	return a.CitizenID < b.CitizenID
}

// DueBefore: the earliest deadline first.
func DueBefore(a, b TodayDue) bool {
	if !a.Due.By.Equal(b.Due.By) {
		return a.Due.By.Before(b.Due.By)
	}
	return a.CitizenID < b.CitizenID
}

// LateBefore: the benefit longest overdue first.
func LateBefore(a, b BenefitLate) bool {
	if !a.Due.Equal(b.Due) {
		return a.Due.Before(b.Due)
	}
	return a.CitizenID < b.CitizenID
}

// YouthBefore: the youngest first, then by name.
func YouthBefore(a, b YouthRow) bool {
	if a.Age != b.Age {
		return a.Age < b.Age
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.CitizenID < b.CitizenID
}

// byStart is the conversations' order: start, name, conversation.
func byStart(a, b TodayConversation) bool {
	if !a.Start.Equal(b.Start) {
		return a.Start.Before(b.Start)
	}
	if ka, kb := FoldName(a.Name), FoldName(b.Name); ka != kb {
		return ka < kb
	}
	return a.ID < b.ID
}

// merge drops the items of list that drop says, then puts each of add
// after the last item not after it (as a stable sort would place it).
func merge[T any](list, add []T, drop func(T) bool, less func(a, b T) bool) []T {
	list = slices.DeleteFunc(list, drop)
	for _, x := range add {
		at := len(list)
		for at > 0 && less(x, list[at-1]) {
			at--
		}
		list = slices.Insert(list, at, x)
	}
	return list
}

// Changes is what changed in the records since a screen read them
// (Store.ChangesSince): the citizens and the settings written, or anything.
type Changes struct {
	Citizens []int64
	Settings []string
	Anything bool
}

// SettingCatchUp is the setting of the last catch-up session.
const SettingCatchUp = "office.catchup"

// Retally is c (Tally's figures) with the case old taken out and the case
// now put in (either may be nil): the two cases alone are worked out, not
// the office again.
func (r *RuleSet) Retally(c Compliance, kind OfficeKind, at time.Time, old, now *Case) Compliance {
	groups := slices.Clone(c.Groups)
	apply := func(cs *Case, sign int) {
		if cs == nil {
			return
		}
		t := r.Tally(kind, []Case{*cs}, at)
		c.First.Total += sign * t.First.Total
		c.First.OnCourse += sign * t.First.OnCourse
		c.First.Exempted += sign * t.First.Exempted
		c.NoRule += sign * t.NoRule
		for _, g := range t.Groups {
			i := slices.IndexFunc(groups, func(x GroupFigure) bool {
				return x.Group == g.Group && x.TargetPercent == g.TargetPercent
			})
			if i < 0 {
				i = len(groups)
				groups = append(groups, GroupFigure{Group: g.Group, Figure: Figure{TargetPercent: g.TargetPercent}})
			}
			groups[i].Total += sign * g.Total
			groups[i].OnCourse += sign * g.OnCourse
			groups[i].Exempted += sign * g.Exempted
		}
	}
	apply(old, -1)
	apply(now, +1)
	groups = slices.DeleteFunc(groups, func(g GroupFigure) bool { return g.Total == 0 })
	if len(groups) == 0 {
		groups = nil
	}
	slices.SortStableFunc(groups, func(a, b GroupFigure) int {
		if a.TargetPercent != b.TargetPercent {
			return b.TargetPercent - a.TargetPercent
		}
		return strings.Compare(a.Group, b.Group)
	})
	c.Groups, c.OnTime = groups, Figure{}
	for _, g := range groups {
		c.OnTime.OnCourse += g.OnCourse
		c.OnTime.Total += g.Total
		c.OnTime.Exempted += g.Exempted
		c.OnTime.TargetPercent = max(c.OnTime.TargetPercent, g.TargetPercent)
	}
	if c.OnTime.TargetPercent == 0 {
		c.OnTime.TargetPercent = r.targetOn(kind, DateOnly(at))
	}
	return c
}
