package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"jobspor/model"
)

// Calendars is what the calendar command needs from the reports package.
type Calendars interface {
	CalendarFor(path string, citizenID int64) error
	CalendarTo(path string, from time.Time, days int) error
}

func runToday(e *Env, args []string) error {
	fs := newFlags("today")
	db := dbFlag(fs)
	date := fs.String("date", "", "dag (standard: i dag)")
	who := scopeFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	now, err := dayOrNow(e, *date)
	if err != nil {
		return err
	}
	return withScope(e, *db, *who, func(s Store, _ Handouts, scope model.Scope) error {
		v, err := s.TodayFor(e.Content, now, scope)
		if err != nil {
			return err
		}
		c, err := s.Compliance(e.Content.Rules, now)
		if err != nil {
			return err
		}
		if err := s.LogViewed("today", v.CitizenIDs()); err != nil {
			return err
		}
		writeToday(e.Stdout, v, c)
		if !scope.All() {
			mine, err := s.ComplianceFor(e.Content.Rules, now, scope)
			if err != nil {
				return err
			}
			writeMine(e.Stdout, mine, c)
		}
		return nil
	})
}

// writeMine prints the caseworker's two figures beside the office's.
func writeMine(w io.Writer, mine, office model.Compliance) {
	for _, f := range []struct {
		name         string
		mine, office model.Figure
	}{{"today.figure.first.name", mine.First, office.First}, {"today.figure.ontime.name", mine.OnTime, office.OnTime}} {
		fmt.Fprintln(w, model.Message{Key: "today.figure.mine", Args: []any{model.Message{Key: f.name}.Text(),
			f.mine.TargetPercent, f.mine.Share(), f.mine.OnCourse, f.mine.Total,
			f.office.Share(), f.office.OnCourse, f.office.Total}}.Text())
	}
}

// dayOrNow is the given day at 23:59 (so the whole day counts), or now.
func dayOrNow(e *Env, date string) (time.Time, error) {
	if date == "" {
		return e.now(), nil
	}
	d, err := model.ParseDate(date)
	if err != nil {
		return d, err
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 0, 0, time.Local), nil
}

// writeToday prints the day sheet: each part with its lines, citizen IDs first.
func writeToday(w io.Writer, v *model.TodayView, c model.Compliance) {
	fmt.Fprintf(w, "I DAG – %s\n", strings.ToUpper(model.DanishDate(v.Date)[:1])+model.DanishDate(v.Date)[1:])
	fmt.Fprintln(w, model.Message{Key: "today.figure.first", Args: figureArgs(c.First, c.PeriodMonths)}.Text())
	fmt.Fprintln(w, model.Message{Key: "today.figure.ontime", Args: figureArgs(c.OnTime, c.PeriodMonths)}.Text())
	writeGroups(w, c)
	part(w, "Dagens samtaler", len(v.Conversations), func(i int) string {
		x := v.Conversations[i]
		return fmt.Sprintf("%d\t%s-%s\t%s\t%s\t%s", x.CitizenID, x.Start.Format("15:04"), x.End.Format("15:04"), x.Name, x.Phone, model.AttendanceWord(x.Attendance))
	})
	part(w, "Modtagelsestrin der er overskredet", len(v.OverdueSteps), func(i int) string {
		x := v.OverdueSteps[i]
		var titles []string
		for _, s := range x.Steps {
			titles = append(titles, s.Title)
		}
		return fmt.Sprintf("%d\t%s\t%s\tsenest %s", x.CitizenID, x.Name, strings.Join(titles, ", "), x.Steps[0].ToDate.Format("02-01-2006"))
	})
	part(w, "Samtaler som reglerne kræver snart", len(v.Due), func(i int) string {
		x := v.Due[i]
		return fmt.Sprintf("%d\t%s\t%s: %d af %d\tsenest %s", x.CitizenID, x.Name, x.Due.Label, x.Due.Had, x.Due.Count, x.Due.By.Format("02-01-2006"))
	})
	part(w, "Udeblevet eller afbud siden opsamlingen "+v.CatchUpSince.Format("02-01-2006"), len(v.CatchUp), func(i int) string {
		x := v.CatchUp[i]
		return fmt.Sprintf("%d\t%s\t%s\t%s\t%s", x.CitizenID, x.Start.Format("02-01-2006 15:04"), x.Name, x.Phone, model.AttendanceWord(x.Attendance))
	})
	writeBenefitAndYouth(w, v)
}

// writeGroups prints the minimum's figure per target group, with the
// exempted citizens and a warning above the cap, and the citizens no rule
// covers.
func writeGroups(w io.Writer, c model.Compliance) {
	lines, _ := c.GroupLines()
	for _, m := range lines {
		fmt.Fprintln(w, m.Text())
	}
}

// figureArgs are one figure's placeholders: target, share, on course, total, period.
func figureArgs(f model.Figure, months int) []any {
	return []any{f.TargetPercent, f.Share(), f.OnCourse, f.Total, months}
}

// youthKeys name where a young citizen is sent.
var youthKeys = map[model.YouthKind]string{model.YouthKUI: "youth.kind.kui", model.YouthGuidance: "youth.kind.guidance"}

// writeBenefitAndYouth prints the benefit office's parts and the young citizens.
func writeBenefitAndYouth(w io.Writer, v *model.TodayView) {
	part(w, model.Message{Key: "today.benefitlate"}.Text(), len(v.BenefitLate), func(i int) string {
		x := v.BenefitLate[i]
		due := model.Message{Key: "cli.today.benefitdue", Args: []any{x.Due.Format("02-01-2006")}}.Text()
		return fmt.Sprintf("%d\t%s\t%s", x.CitizenID, x.Name, due)
	})
	part(w, model.Message{Key: "today.meetings"}.Text(), len(v.BenefitMeetings), func(i int) string {
		x := v.BenefitMeetings[i]
		return fmt.Sprintf("%d\t%s\t%s\t%s", x.CitizenID, x.At.Format("02-01-2006 15:04"), x.Name, x.Place)
	})
	part(w, "Beskeder mellem jobcenter og ydelseskontor", len(v.Notices), func(i int) string {
		x := v.Notices[i]
		return fmt.Sprintf("%d\t%s\t%s\t%s", x.CitizenID, x.CreatedAt.Format("02-01-2006"), x.Name, x.Text)
	})
	part(w, model.Message{Key: "cli.today.youth"}.Text(), len(v.Youth), func(i int) string {
		x := v.Youth[i]
		to := model.Message{Key: youthKeys[x.Kind]}.Text()
		line := model.Message{Key: "cli.today.youthline", Args: []any{x.Age, to, x.FlaggedOn.Format("02-01-2006")}}.Text()
		return fmt.Sprintf("%d\t%s\t%s", x.CitizenID, x.Name, line)
	})
}

func part(w io.Writer, title string, n int, line func(int) string) {
	fmt.Fprintf(w, "\n%s (%d)\n", title, n)
	for i := 0; i < n; i++ {
		fmt.Fprintln(w, "  "+line(i))
	}
}

func runCalendar(e *Env, args []string) error {
	fs := newFlags("calendar")
	db := dbFlag(fs)
	id := fs.Int64("citizen", 0, "borgerens ID: hans eller hendes planlagte samtaler")
	date := fs.String("date", "", "første dag")
	days := fs.Int("days", 1, "antal dage fra --date")
	out := fs.String("out", "", ".ics-fil at skrive")
	who := scopeFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if (*id > 0) == (*date != "") || !strings.HasSuffix(strings.ToLower(*out), ".ics") || *days < 1 || *days > 31 {
		return usageError{msg: "angiv enten --citizen ID eller --date ÅÅÅÅ-MM-DD [--days 1-31], og --out FIL.ics"}
	}
	return withScope(e, *db, *who, func(_ Store, cal Handouts, _ model.Scope) error {
		var err error
		if *id > 0 {
			err = cal.CalendarFor(*out, *id)
		} else if d, perr := model.ParseDate(*date); perr != nil {
			err = perr
		} else {
			err = cal.CalendarTo(*out, model.Day(d), *days)
		}
		if err == nil {
			fmt.Fprintln(e.Stdout, *out)
		}
		return err
	})
}
