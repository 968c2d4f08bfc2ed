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
	YdelseTo(path string, citizenID int64, talk time.Time, place string) error
	Ydelse(citizenID int64, talk time.Time, place string) (string, error)
	DefaultBenefitPlace() string
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
		return usageError{"--citizens skal være mellem 1 og 100000"}
	}
	path, err := dbPath(*db, model.DemoDBPath)
	if err != nil {
		return err
	}
	s, err := model.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	return seedDemo(e, s, *n, *seed, *ifEmpty)
}

func seedDemo(e *Env, s *model.Store, n int, seed int64, ifEmpty bool) error {
	stats, err := s.SeedDemo(e.Content.Guide, model.DemoOptions{Citizens: n, Seed: seed, Today: time.Now(),
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
	if len(args) == 0 || args[0] != "ydelse" {
		return usageError{"angiv hvilken udskrift: ydelse"}
	}
	fs := newFlags("handout")
	db := dbFlag(fs)
	id := fs.Int64("citizen", 0, "borgerens ID (se jobspor list)")
	out := fs.String("out", "", "PDF-fil at skrive")
	date := fs.String("date", "", "dato for samtalen i ydelseskontoret")
	place := fs.String("place", "", "sted for samtalen")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *id <= 0 {
		return usageError{"--citizen ID skal angives"}
	}
	var talk time.Time
	if *date != "" {
		t, err := model.ParseDate(*date)
		if err != nil {
			return err
		}
		talk = t
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	return writeYdelse(e, e.Handouts(s), *id, talk, *place, *out)
}

func writeYdelse(e *Env, h Handouts, id int64, talk time.Time, place, out string) error {
	if place == "" {
		place = h.DefaultBenefitPlace()
	}
	if out == "" {
		path, err := h.Ydelse(id, talk, place)
		if err == nil {
			fmt.Fprintln(e.Stdout, path)
		}
		return err
	}
	if !strings.HasSuffix(strings.ToLower(out), ".pdf") {
		return usageError{"--out skal være en .pdf-fil"}
	}
	if err := h.YdelseTo(out, id, talk, place); err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, out)
	return nil
}

func runExport(e *Env, args []string) error {
	fs := newFlags("export")
	db := dbFlag(fs)
	id := fs.Int64("citizen", 0, "borgerens ID")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id <= 0 {
		return usageError{"--citizen ID skal angives"}
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	x, err := s.ExportCitizen(*id)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}

func runList(e *Env, args []string) error {
	fs := newFlags("list")
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		return err
	}
	for _, r := range rows {
		fmt.Fprintf(e.Stdout, "%d\t%s\n", r.ID, r.Name)
	}
	return nil
}

func runCheck(e *Env, args []string) error {
	fs := newFlags("check")
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	problems, err := s.Check()
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("databasen %s har fejl:\n  %s", s.Path(), strings.Join(problems, "\n  "))
	}
	fmt.Fprintf(e.Stdout, "ok: %s er i orden (skema %d)\n", s.Path(), model.SchemaVersion())
	return nil
}
