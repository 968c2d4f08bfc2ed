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
	if err := parse(fs, args); err != nil {
		return err
	}
	now, err := dayOrNow(*date)
	if err != nil {
		return err
	}
	s, _, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	v, err := s.Today(e.Content, now)
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
	return nil
}

// dayOrNow is the given day at 23:59 (so the whole day counts), or now.
func dayOrNow(date string) (time.Time, error) {
	if date == "" {
		return time.Now(), nil
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
	fmt.Fprintf(w, "Samtalekrav opfyldt hidtil: %.0f %% (%d af %d; målet er %d %%)\n", c.Share(), c.OnCourse, c.Total, c.TargetPercent)
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
	part(w, "Beskeder mellem jobcenter og ydelseskontor", len(v.Notices), func(i int) string {
		x := v.Notices[i]
		return fmt.Sprintf("%d\t%s\t%s\t%s", x.CitizenID, x.CreatedAt.Format("02-01-2006"), x.Name, x.Text)
	})
	part(w, "Unge uden uddannelse, ikke henvist til KUI", len(v.Youth), func(i int) string {
		x := v.Youth[i]
		return fmt.Sprintf("%d\t%s\t%d år\tmarkeret %s", x.CitizenID, x.Name, x.Age, x.FlaggedOn.Format("02-01-2006"))
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
	if err := parse(fs, args); err != nil {
		return err
	}
	if (*id > 0) == (*date != "") || !strings.HasSuffix(strings.ToLower(*out), ".ics") || *days < 1 || *days > 31 {
		return usageError{"angiv enten --citizen ID eller --date ÅÅÅÅ-MM-DD [--days 1-31], og --out FIL.ics"}
	}
	s, h, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	cal := h
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
}
