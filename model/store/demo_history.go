package store

import (
	"time"

	"jobspor/model"
)

// history writes progress, goals, a track assessment and conversations for
// one demo citizen, dated between first contact and today.
func (d *demo) history(c *model.Citizen) error {
	days := int(d.today.Sub(c.FirstContact).Hours()/24) + 1
	if err := d.goals(c); err != nil {
		return err
	}
	if err := d.progress(c, d.g.Opening(), 0, min(days, 14)); err != nil {
		return err
	}
	if t := d.g.Track(c.Track); t != nil {
		assessed := c.FirstContact.AddDate(0, 0, 10+d.rnd.IntN(4))
		if assessed.After(d.today) {
			assessed = d.today
		}
		if err := d.assess(c, assessed); err != nil {
			return err
		}
		off := int(assessed.Sub(c.FirstContact).Hours() / 24)
		if err := d.progress(c, t, off, days-off); err != nil {
			return err
		}
	}
	if err := d.youth(c); err != nil {
		return err
	}
	if days <= 45 {
		if err := d.reception(c); err != nil {
			return err
		}
	}
	return d.conversations(c, days)
}

// youth flags young unskilled citizens on their first day; most of those
// flagged more than two weeks ago have been referred.
func (d *demo) youth(c *model.Citizen) error {
	if !model.NeedsYouthFlag(c, d.today) {
		return nil
	}
	referred := ""
	if d.today.Sub(c.FirstContact) > 14*24*time.Hour && d.rnd.IntN(10) < 8 {
		referred = c.FirstContact.AddDate(0, 0, 3+d.rnd.IntN(7)).Format(model.DateLayout)
	}
	_, err := d.exec("youth", c.ID, c.FirstContact.Format(model.DateLayout), referred)
	return err
}

// reception ticks the first reception steps and opens a benefit case for
// citizens in their first weeks, with the notice that goes with it.
func (d *demo) reception(c *model.Citizen) error {
	cal := model.NewWorkCalendar(model.Closures{})
	if d.o.Reception != nil {
		for _, st := range d.o.Reception.Dated(c.FirstContact, cal) {
			if !st.ToDate.Before(d.today) || d.rnd.IntN(6) == 0 {
				continue
			}
			if _, err := d.exec("step", c.ID, st.ID, st.ToDate.Format(model.DateLayout), d.pick(demoUsers)); err != nil {
				return err
			}
		}
	}
	if d.rnd.IntN(3) == 0 {
		return nil
	}
	return d.benefitCase(c, cal)
}

func (d *demo) benefitCase(c *model.Citizen, cal *model.WorkCalendar) error {
	started, settled := cal.WorkingDay(c.FirstContact, 7), cal.WorkingDay(c.FirstContact, 10)
	b := []any{c.ID, c.FirstContact.Format(model.DateLayout), "", "", "0,1,3"}
	if started.Before(d.today) {
		b[2] = started.Format(model.DateLayout)
	}
	if settled.Before(d.today) && d.rnd.IntN(2) == 0 {
		b[3] = settled.Format(model.DateLayout)
	}
	if _, err := d.exec("benefit", b...); err != nil {
		return err
	}
	at := c.FirstContact.Add(11 * time.Hour).Format(time.RFC3339)
	_, err := d.exec("notice", c.ID, "to_benefit", "Borgeren påtænker at søge ydelse (meldt "+c.FirstContact.Format("02-01-2006")+")", at, d.pick(demoUsers))
	return err
}

func (d *demo) goals(c *model.Citizen) error {
	for i := 0; i < 1+d.rnd.IntN(3); i++ {
		h := model.HorizonShort
		if i == 2 {
			h = model.HorizonLong
		}
		title := d.pick(demoGoals)
		if _, err := d.exec("goal", c.ID, title, d.demoCode(title), h, c.FirstContact.Format(time.RFC3339)); err != nil {
			return err
		}
		d.stats.Goals++
	}
	return nil
}

func (d *demo) assess(c *model.Citizen, on time.Time) error {
	reason := map[model.TrackID]string{model.TrackIntensive: "Klar til job inden for jobmålene",
		model.TrackEducation: "Ufaglært med ønske om at blive faglært", model.TrackLongterm: "Lang ledighed, behov for virksomhedsrettet indsats"}[c.Track]
	_, err := d.exec("track", c.ID, c.Track, on.Format(model.DateLayout), reason, d.pick(demoUsers), on.Format(time.RFC3339))
	return err
}

// progress ticks a share of the phase's actions in guide order, spread over
// span days from offset days after first contact.
func (d *demo) progress(c *model.Citizen, p *model.Phase, offset, span int) error {
	_, total := p.Count(nil)
	done := d.rnd.IntN(total + 1)
	i := 0
	for _, e := range p.Elements {
		for _, a := range e.Actions {
			if i >= done {
				return nil
			}
			on := c.FirstContact.AddDate(0, 0, offset+i*max(span, 1)/total)
			if err := d.tick(c, a.ID, on); err != nil {
				return err
			}
			i++
		}
	}
	return nil
}

func (d *demo) tick(c *model.Citizen, actionID string, on time.Time) error {
	if on.After(d.today) {
		on = d.today
	}
	note, user := "", d.pick(demoUsers)
	if d.rnd.IntN(4) == 0 {
		note = d.pick(demoNotes)
	}
	at := on.Add(10 * time.Hour).Format(time.RFC3339)
	if _, err := d.exec("progress", c.ID, actionID, on.Format(model.DateLayout), note, user, at); err != nil {
		return err
	}
	d.stats.Progress++
	_, err := d.exec("audit", at, demoAuditUser(user), model.AuditProgress, c.ID, actionID)
	return err
}

// conversations: a first conversation on day 1–2, then one every two to
// three weeks; past ones held, missed or cancelled, the next one planned.
func (d *demo) conversations(c *model.Citizen, days int) error {
	day := 1 + d.rnd.IntN(2)
	kind := model.KindFirst
	for day < days+21 {
		start := time.Date(c.FirstContact.Year(), c.FirstContact.Month(), c.FirstContact.Day()+day,
			8+d.rnd.IntN(7), 15*d.rnd.IntN(4), 0, 0, time.Local)
		if wd := start.Weekday(); wd == time.Saturday || wd == time.Sunday {
			start = start.AddDate(0, 0, 2)
		}
		past := start.Before(d.today)
		if !d.closedOn.IsZero() && start.After(d.closedOn) {
			return nil // the case closed: nothing after it
		}
		if err := d.conversation(c, start, kind, past); err != nil {
			return err
		}
		if !past {
			return nil
		}
		kind = []model.ConversationKind{model.KindJob, model.KindJob, model.KindFollowup, model.KindJointFollowup}[d.rnd.IntN(4)]
		day += 14 + d.rnd.IntN(8)
	}
	return nil
}

func (d *demo) conversation(c *model.Citizen, start time.Time, kind model.ConversationKind, past bool) error {
	att, agreements := model.AttendancePlanned, ""
	if past {
		att = []model.Attendance{model.AttendanceHeld, model.AttendanceHeld, model.AttendanceHeld, model.AttendanceHeld, model.AttendanceHeld,
			model.AttendanceHeld, model.AttendanceNoShow, model.AttendanceCancelled}[d.rnd.IntN(8)]
		if att == model.AttendanceHeld {
			agreements = d.pick(demoAgreements)
		}
	}
	form := []model.ConversationForm{model.FormInPerson, model.FormInPerson, model.FormPhone, model.FormVideo}[d.rnd.IntN(4)]
	at := start.UTC().Format(time.RFC3339)
	_, err := d.exec("conversation", c.ID, start.Format(model.WallLayout), start.Add(45*time.Minute).Format(model.WallLayout),
		kind, form, att, agreements, at, at)
	if err == nil {
		d.stats.Conversations++
	}
	return err
}
