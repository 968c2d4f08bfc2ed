package model

import (
	"math"
	"strings"
	"time"
)

// KeptCase is a case as Today keeps it all day for the office's figures:
// only what the rules read, the dates as day numbers and the held
// conversations packed four bytes each: with five held conversations a
// Case takes 776 bytes, a KeptCase 172. Case gives the case back as
// the rules read it; a case whose dates or conversations do not pack (never
// one the store reads) is kept whole.
type KeptCase struct {
	ID           int64
	CPR          CPR
	Benefit      Benefit
	Education    Education
	OtherBenefit string
	Caseworker   string
	// the dates, in keptDates' order (noDay: none)
	days   [6]int32
	held   []packedHeld
	Exempt bool
	whole  *Case
}

// packedHeld is one held conversation: the day (days since 1900-01-01) in
// the upper 24 bits, then the a-kasse flag, the form and the kind.
type packedHeld uint32

// noDay is a date not given (the zero time).
const noDay = math.MinInt32

// epoch1900 is where a packed conversation day counts from.
var epoch1900 = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// heldKinds and heldForms are the kinds and forms a packed conversation
// names by its place in them.
var (
	heldKinds = []ConversationKind{"", KindFirst, KindJob, KindFollowup, KindJointFollowup, KindCompany}
	heldForms = []ConversationForm{"", FormInPerson, FormPhone, FormVideo}
)

// keptDates are the case's dates a KeptCase keeps, in its order.
func keptDates(c *Citizen) [6]*time.Time {
	return [6]*time.Time{&c.FirstContact, &c.UnemployedSince, &c.TransferredOn, &c.BirthDate, &c.RegisteredOn, &c.BenefitSince}
}

// dayNumber is d as days since 1970 (noDay for the zero time); ok is false
// when d is not a day at midnight UTC, as the store reads dates.
func dayNumber(d time.Time) (int32, bool) {
	if d.IsZero() {
		return noDay, true
	}
	if d.Location() != time.UTC || d != DateOnly(d) {
		return 0, false
	}
	n := d.Unix() / 86400
	if n <= noDay || n > math.MaxInt32 {
		return 0, false
	}
	return int32(n), true
}

func dayTime(n int32) time.Time {
	if n == noDay {
		return time.Time{}
	}
	return time.Unix(int64(n)*86400, 0).UTC()
}

// pack is h packed, or false when it does not pack.
func pack(h Held) (packedHeld, bool) {
	kind, form := indexOf(heldKinds, h.Kind), indexOf(heldForms, h.Form)
	if kind < 0 || form < 0 || h.Day.Location() != time.UTC || h.Day != DateOnly(h.Day) || h.Day.Before(epoch1900) {
		return 0, false
	}
	days := int64(h.Day.Sub(epoch1900).Hours()) / 24
	if days >= 1<<24 {
		return 0, false
	}
	p := packedHeld(days)<<8 | packedHeld(form)<<3 | packedHeld(kind)
	if h.WithAkasse {
		p |= 1 << 5
	}
	return p, true
}

func (p packedHeld) held() Held {
	return Held{
		Day:        epoch1900.AddDate(0, 0, int(p>>8)),
		Kind:       heldKinds[p&7],
		Form:       heldForms[p>>3&3],
		WithAkasse: p&(1<<5) != 0,
	}
}

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// KeepCases keeps cases for the day: their strings copied apart from what
// was read with them (a name read in the same block is not held on to),
// the conversations of all in one array.
func KeepCases(cases []Case) []KeptCase {
	out := make([]KeptCase, len(cases))
	n, cprs := 0, 0
	for i := range cases {
		n += len(cases[i].Held)
		cprs += len(cases[i].CPR)
	}
	held := make([]packedHeld, 0, n)
	var text strings.Builder
	text.Grow(cprs)
	for i := range cases {
		text.WriteString(string(cases[i].CPR))
	}
	all, at := text.String(), 0
	shared := map[string]string{}
	share := func(s string) string {
		if v, ok := shared[s]; ok {
			return v
		}
		v := strings.Clone(s)
		shared[v] = v
		return v
	}
	for i := range cases {
		c, k := &cases[i], &out[i]
		k.ID, k.Exempt = c.ID, c.Exempt
		k.CPR = CPR(all[at : at+len(c.CPR)])
		at += len(c.CPR)
		k.Benefit, k.Education = Benefit(share(string(c.Benefit))), Education(share(string(c.Education)))
		k.OtherBenefit, k.Caseworker = share(c.OtherBenefit), share(c.Caseworker)
		if !k.keep(c, &held) {
			whole := *c
			whole.Held = append([]Held(nil), c.Held...)
			*k = KeptCase{ID: c.ID, Caseworker: k.Caseworker, whole: &whole}
		}
	}
	return out
}

// keep packs c's dates and conversations into k (appending the
// conversations to held), or says they do not pack, or that c holds more
// than the rules read (then it is kept whole).
func (k *KeptCase) keep(c *Case, held *[]packedHeld) bool {
	x := c.Citizen
	x.ID, x.CPR, x.Benefit, x.Education, x.OtherBenefit, x.Caseworker, x.Name = 0, "", "", "", "", "", ""
	for _, d := range keptDates(&x) {
		*d = time.Time{}
	}
	if x != (Citizen{}) {
		return false
	}
	for i, d := range keptDates(&c.Citizen) {
		n, ok := dayNumber(*d)
		if !ok {
			return false
		}
		k.days[i] = n
	}
	start := len(*held)
	for _, h := range c.Held {
		p, ok := pack(h)
		if !ok {
			*held = (*held)[:start]
			return false
		}
		*held = append(*held, p)
	}
	if len(c.Held) > 0 {
		k.held = (*held)[start:len(*held):len(*held)]
	}
	return true
}

// Case puts the case as the rules read it into c, its conversations in
// held's room (c is only valid until the next call with the same held);
// it returns the room for the next call.
func (k *KeptCase) Case(c *Case, held []Held) []Held {
	if k.whole != nil {
		*c = *k.whole
		return held
	}
	*c = Case{Exempt: k.Exempt}
	c.ID, c.CPR, c.Benefit, c.Education = k.ID, k.CPR, k.Benefit, k.Education
	c.OtherBenefit, c.Caseworker = k.OtherBenefit, k.Caseworker
	for i, d := range keptDates(&c.Citizen) {
		*d = dayTime(k.days[i])
	}
	held = held[:0]
	for _, p := range k.held {
		held = append(held, p.held())
	}
	if len(held) > 0 {
		c.Held = held
	}
	return held
}
