package cli

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"jobspor/model"
)

// CaseStore is what closing, purging and caseworker commands need.
type CaseStore interface {
	CloseCase(cl *model.CaseClosing) error
	Purge(ids []int64, now time.Time, dryRun bool) (model.PurgeResult, error)
	Retention() (model.Retention, error)
	Caseworkers() ([]model.Caseworker, error)
	SaveCaseworker(c *model.Caseworker) error
	AssignCaseworker(ids []int64, initials string) error
	SetMe(initials string) error
}

var closeReasons = map[string]model.CloseReason{"job": model.CloseJob, "education": model.CloseEducation,
	"moved": model.CloseMoved, "benefit": model.CloseBenefit, "other": model.CloseOther}

func runClose(e *Env, args []string) error {
	fs := newFlags("close")
	db := dbFlag(fs)
	id := fs.Int64("citizen", 0, "borgerens ID")
	date := fs.String("date", "", "dato forløbet sluttede (standard: i dag)")
	reason := fs.String("reason", "", "job, education, moved, benefit eller other")
	employer := fs.String("employer", "", "job: arbejdsgiveren")
	start := fs.String("job-start", "", "job: første arbejdsdag")
	hours := fs.Int("hours", 0, "job: timer om ugen")
	note := fs.String("note", "", "bemærkning")
	if err := parse(fs, args); err != nil {
		return err
	}
	r, ok := closeReasons[*reason]
	if *id <= 0 || !ok {
		return usageError{msg: "angiv --citizen ID og --reason job|education|moved|benefit|other"}
	}
	cl := &model.CaseClosing{CitizenID: *id, Reason: r, Employer: *employer, Hours: *hours, Note: *note, Date: model.Day(e.now())}
	if err := optionalDate(*date, &cl.Date); err != nil {
		return err
	}
	if err := optionalDate(*start, &cl.JobStart); err != nil {
		return err
	}
	return withStore(e, *db, func(s Store) error {
		if err := s.CloseCase(cl); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Forløbet for borger %d er afsluttet %s\n", *id, cl.Date.Format("02-01-2006"))
		return nil
	})
}

func optionalDate(text string, dst *time.Time) error {
	if text == "" {
		return nil
	}
	d, err := model.ParseDate(text)
	if err == nil {
		*dst = d
	}
	return err
}

func runPurge(e *Env, args []string) error {
	fs := newFlags("purge")
	db := dbFlag(fs)
	dry := fs.Bool("dry-run", false, "vis hvad der ville blive slettet, uden at slette")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withStore(e, *db, func(s Store) error {
		r, err := s.Retention()
		if err != nil {
			return err
		}
		res, err := s.Purge(nil, e.now(), *dry)
		if err != nil {
			return err
		}
		writePurge(e, r, res, *dry)
		return nil
	})
}

func writePurge(e *Env, r model.Retention, res model.PurgeResult, dry bool) {
	verb := "Slettet"
	if dry {
		verb = "Ville blive slettet (prøvekørsel)"
	}
	for _, d := range res.Cases {
		fmt.Fprintf(e.Stdout, "%d\tafsluttet %s\n", d.CitizenID, d.ClosedOn.Format("02-01-2006"))
	}
	fmt.Fprintf(e.Stdout, "%s: %d afsluttede forløb ældre end %d måneder, %d logrækker ældre end %d år\n",
		verb, res.Citizens, r.Months, res.AuditRows, r.AuditYears)
	if res.Files > 0 {
		fmt.Fprintf(e.Stdout, "Fjernet: %d filer om de slettede borgere (udskrifter og kopier gemt ved gendannelse)\n", res.Files)
	}
}

func runCaseworker(e *Env, args []string) error {
	if len(args) == 0 || (args[0] != "list" && args[0] != "add" && args[0] != "move" && args[0] != "me") {
		return usageError{msg: "angiv list, add INITIALER NAVN, me INITIALER eller move --to INITIALER --citizen ID[,ID...]"}
	}
	fs := newFlags("caseworker " + args[0])
	db := dbFlag(fs)
	to := fs.String("to", "", "move: kollegaens initialer")
	ids := fs.String("citizen", "", "move: borgernes ID'er, kommasepareret")
	rest, err := parseWithArgs(fs, args[1:])
	if err != nil {
		return err
	}
	return withStore(e, *db, func(s Store) error {
		switch args[0] {
		case "add":
			return addCaseworker(e, s, rest)
		case "move":
			return moveCitizens(e, s, *to, *ids)
		case "me":
			return setMe(e, s, rest)
		}
		return listCaseworkers(e, s)
	})
}

// parseWithArgs parses flags placed before or after the positional arguments.
func parseWithArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpRequest{fs.Name()}
			}
			return nil, usageError{msg: flagProblem(err)}
		}
		args = fs.Args()
		if len(args) > 0 {
			pos, args = append(pos, args[0]), args[1:]
		}
	}
	return pos, nil
}

func addCaseworker(e *Env, s Store, rest []string) error {
	if len(rest) < 2 {
		return usageError{msg: "angiv INITIALER og NAVN"}
	}
	c := &model.Caseworker{Initials: rest[0], Name: strings.Join(rest[1:], " ")}
	if err := s.SaveCaseworker(c); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%s\t%s\n", c.Initials, c.Name)
	return nil
}

func moveCitizens(e *Env, s Store, to, list string) error {
	var ids []int64
	for _, f := range strings.Split(list, ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil || id <= 0 {
			return usageError{msg: fmt.Sprintf("ugyldigt borger-ID %q i --citizen", f)}
		}
		ids = append(ids, id)
	}
	if err := s.AssignCaseworker(ids, strings.ToUpper(to)); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%d borgere flyttet til %s\n", len(ids), strings.ToUpper(to))
	return nil
}

func listCaseworkers(e *Env, s Store) error {
	list, err := s.Caseworkers()
	for _, c := range list {
		fmt.Fprintf(e.Stdout, "%s\t%s\n", c.Initials, c.Name)
	}
	return err
}

// scopeFlag is --caseworker: one caseworker's citizens instead of the office's.
func scopeFlag(fs *flag.FlagSet) *string {
	return fs.String("caseworker", "", "kun denne sagsbehandlers borgere (initialer)")
}

// scopeOf checks the initials against the office's caseworkers.
func scopeOf(s Store, initials string) (model.Scope, error) {
	if initials == "" {
		return model.WholeOffice, nil
	}
	initials = strings.ToUpper(initials)
	list, err := s.Caseworkers()
	if err != nil {
		return model.WholeOffice, err
	}
	for _, c := range list {
		if c.Initials == initials {
			return model.Mine(initials), nil
		}
	}
	return model.WholeOffice, model.NewUserError("error.caseworker.unknown", nil, initials)
}

// setMe chooses the caseworker this computer account works as.
func setMe(e *Env, s Store, rest []string) error {
	if len(rest) != 1 {
		return usageError{msg: "angiv INITIALER"}
	}
	initials := strings.ToUpper(rest[0])
	if err := s.SetMe(initials); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Denne computerkonto arbejder som %s\n", initials)
	return nil
}
