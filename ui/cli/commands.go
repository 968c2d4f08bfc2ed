package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

// Handouts is what the handout command needs from the reports package.
type Handouts interface {
	Calendars
	Handout(kind model.HandoutKind, citizenID int64) (string, error)
	HandoutTo(kind model.HandoutKind, path string, citizenID int64) error
	Batch(kind model.HandoutKind, day time.Time, oneFile bool, out string, progress func(done, total int), cancel <-chan struct{}) ([]string, error)
	BenefitMeetingTo(path string, citizenID int64, meeting time.Time, place string) error
	BenefitMeeting(citizenID int64, meeting time.Time, place string) (string, error)
	DefaultBenefitPlace() string
	SetScope(scope model.Scope)
}

func runDemo(e *Env, args []string) error {
	fs := newFlags("demo")
	db := dbFlag(fs)
	n := fs.Int("citizens", 120, "antal borgere")
	seed := fs.Int64("seed", 1, "startværdi; samme værdi giver samme data")
	ifEmpty := fs.Bool("if-empty", false, "gør intet hvis databasen allerede har borgere")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *n < 1 || *n > 100000 {
		return usageError{msg: "--citizens skal være mellem 1 og 100000"}
	}
	return useStore(e, *db, model.DemoDBPath, true, func(s Store, _ Handouts) error {
		return seedDemo(e, s, *n, *seed, *ifEmpty)
	})
}

// runInit creates a new, empty database (the only command besides demo
// that may create one).
func runInit(e *Env, args []string) error {
	fs := newFlags("init")
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	return useStore(e, *db, model.DefaultDBPath, true, func(s Store, _ Handouts) error {
		fmt.Fprintf(e.Stdout, "ok: %s er klar (skema %d)\n", s.Path(), e.SchemaVersion)
		return nil
	})
}

func seedDemo(e *Env, s Store, n int, seed int64, ifEmpty bool) error {
	stats, err := s.SeedDemo(e.Content.Guide, model.DemoOptions{Citizens: n, Seed: seed, Today: e.now(),
		Reception: e.Content.Reception, Catalogue: e.Content.Catalogue, Jobs: max(60, n/2)})
	var u *model.UserError
	if ifEmpty && errors.As(err, &u) && u.Msg.Key == "error.demo.notempty" {
		fmt.Fprintf(e.Stdout, "%s har allerede borgere; intet ændret\n", s.Path())
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%d demoborgere skrevet til %s\n", stats.Citizens, s.Path())
	return nil
}

func runHandout(e *Env, args []string) error {
	if len(args) == 0 {
		return usageError{msg: "angiv hvilken udskrift: " + handoutNames()}
	}
	kind, ok := model.ParseHandoutKind(args[0])
	if !ok {
		return usageError{msg: fmt.Sprintf("Jobspor kender ingen udskrift ved navn »%s«: angiv hvilken udskrift, en af %s", args[0], handoutNames())}
	}
	fs := newFlags("handout")
	db := dbFlag(fs)
	id := fs.Int64("citizen", 0, "borgerens ID (se jobspor list)")
	date := fs.String("date", "", "alle borgere med en samtale denne dag")
	out := fs.String("out", "", "PDF-fil (med --date: en .pdf samler alle, en mappe giver én fil pr. borger)")
	meetingDate := fs.String("meeting-date", "", "ydelse: dato for mødet i ydelseskontoret")
	meetingPlace := fs.String("meeting-place", "", "ydelse: sted for mødet")
	fs.StringVar(meetingDate, "talk", "", "det gamle navn for --meeting-date")
	fs.StringVar(meetingPlace, "place", "", "det gamle navn for --meeting-place")
	who := scopeFlag(fs)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if (*id > 0) == (*date != "") && kind != model.HandoutJobList {
		return usageError{msg: "angiv enten --citizen ID eller --date ÅÅÅÅ-MM-DD"}
	}
	return withScope(e, *db, *who, func(_ Store, h Handouts, _ model.Scope) error {
		if *date != "" {
			return batchHandouts(e, h, kind, *date, *out)
		}
		if kind == model.HandoutBenefitMeeting && (*meetingDate != "" || *meetingPlace != "") {
			return benefitMeetingGiven(e, h, *id, *meetingDate, *meetingPlace, *out)
		}
		return oneHandout(e, h, kind, *id, *out)
	})
}

func oneHandout(e *Env, h Handouts, kind model.HandoutKind, id int64, out string) error {
	if out == "" {
		path, err := h.Handout(kind, id)
		if err == nil || isWarning(err) {
			fmt.Fprintln(e.Stdout, path)
		}
		return err
	}
	if !strings.HasSuffix(strings.ToLower(out), ".pdf") {
		return usageError{msg: "--out skal være en .pdf-fil"}
	}
	err := h.HandoutTo(kind, out, id)
	if err == nil || isWarning(err) {
		fmt.Fprintln(e.Stdout, out)
	}
	return err
}

// benefitMeetingGiven writes the benefit meeting's checklist with the date
// and place given on the command line instead of the stored ones.
func benefitMeetingGiven(e *Env, h Handouts, id int64, date, place, out string) error {
	var meeting time.Time
	if date != "" {
		t, err := model.ParseDate(date)
		if err != nil {
			return err
		}
		meeting = t
	}
	return writeBenefitMeeting(e, h, id, meeting, place, out)
}

// batchHandouts writes the kind for every appointment on the day: one PDF
// when out ends in .pdf, else one file per citizen in the folder out.
func batchHandouts(e *Env, h Handouts, kind model.HandoutKind, date, out string) error {
	day, err := model.ParseDate(date)
	if err != nil {
		return err
	}
	if out == "" {
		return usageError{msg: "angiv --out (en .pdf-fil eller en mappe) sammen med --date"}
	}
	oneFile := strings.HasSuffix(strings.ToLower(out), ".pdf")
	local := model.Day(day)
	paths, err := h.Batch(kind, local, oneFile, out, func(int, int) {}, nil)
	for _, p := range paths {
		fmt.Fprintln(e.Stdout, p)
	}
	return err
}

func writeBenefitMeeting(e *Env, h Handouts, id int64, meeting time.Time, place, out string) error {
	if place == "" {
		place = h.DefaultBenefitPlace()
	}
	if out == "" {
		path, err := h.BenefitMeeting(id, meeting, place)
		if err == nil || isWarning(err) {
			fmt.Fprintln(e.Stdout, path)
		}
		return err
	}
	if !strings.HasSuffix(strings.ToLower(out), ".pdf") {
		return usageError{msg: "--out skal være en .pdf-fil"}
	}
	err := h.BenefitMeetingTo(out, id, meeting, place)
	if err == nil || isWarning(err) {
		fmt.Fprintln(e.Stdout, out)
	}
	return err
}

func runExport(e *Env, args []string) error {
	fs := newFlags("export")
	db := dbFlag(fs)
	id := fs.Int64("citizen", 0, "borgerens ID")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id <= 0 {
		return usageError{msg: "--citizen ID skal angives"}
	}
	return withStore(e, *db, func(s Store) error {
		x, err := s.ExportCitizen(*id)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(x)
	})
}

func runList(e *Env, args []string) error {
	fs := newFlags("list")
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	return withStore(e, *db, func(s Store) error {
		rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
		if err != nil {
			return err
		}
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		if err := s.LogViewed("list", ids); err != nil {
			return err
		}
		for _, r := range rows {
			fmt.Fprintf(e.Stdout, "%d\t%s\n", r.ID, r.Name)
		}
		return nil
	})
}

func runCheck(e *Env, args []string) error {
	fs := newFlags("check")
	db := dbFlag(fs)
	quick := fs.Bool("quick", false, "hurtig kontrol: læser hver side, men sammenligner ikke indeks med tabeller (den fulde kontrol tager to til tre gange så lang tid)")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withStore(e, *db, func(s Store) error {
		check := s.Check
		if *quick {
			check = s.QuickCheck
		}
		problems, err := check()
		if err != nil {
			return err
		}
		if len(problems) > 0 {
			lines := make([]string, len(problems))
			for i, p := range problems {
				lines[i] = p.Text()
			}
			return fmt.Errorf("databasen %s har fejl:\n  %s", s.Path(), strings.Join(lines, "\n  "))
		}
		if *quick {
			fmt.Fprintf(e.Stdout, "ok: %s er i orden efter den hurtige kontrol (skema %d); den fulde: jobspor check\n", s.Path(), e.SchemaVersion)
			return nil
		}
		fmt.Fprintf(e.Stdout, "ok: %s er i orden (skema %d)\n", s.Path(), e.SchemaVersion)
		return nil
	})
}

// handoutNames are the registry's handouts as the command line names them.
func handoutNames() string {
	names := make([]string, len(model.HandoutKinds))
	for i, k := range model.HandoutKinds {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " eller " + names[len(names)-1]
}
