package cli

import (
	"errors"
	"fmt"
	"time"

	"jobspor/model"
)

func runImport(e *Env, args []string) error {
	if len(args) < 2 || importers[args[0]] == nil {
		return usageError{msg: "angiv hvad der importeres (occupations, prospects, jobs, postcodes eller related) og filen"}
	}
	kind, file := args[0], args[1]
	fs := newFlags("import")
	db := dbFlag(fs)
	dry := fs.Bool("dry-run", false, "vis hvad der ville blive importeret, uden at ændre noget")
	if err := parse(fs, args[2:]); err != nil {
		return err
	}
	data, err := readInput(file)
	if err != nil {
		return err
	}
	return withStore(e, *db, func(s Store) error {
		res, err := importKind(s, kind, file, data, *dry, e.now())
		if err != nil {
			return err
		}
		verb := "importeret"
		if *dry {
			verb = "ville blive importeret (intet er ændret)"
		}
		fmt.Fprintf(e.Stdout, "%s: %d nye, %d ændrede, %d uændrede %s\n", file, res.Added, res.Changed, res.Unchanged, verb)
		return nil
	})
}

// importers read each kind of import file and store it (or, dry, count it).
var importers = map[string]func(s Store, file string, data []byte, dry bool, today time.Time) (model.ImportResult, error){
	"occupations": func(s Store, _ string, data []byte, dry bool, today time.Time) (model.ImportResult, error) {
		groups, err := model.ParseDisco(data)
		if err != nil {
			return model.ImportResult{}, err
		}
		return s.ImportDisco(groups, dry)
	},
	"prospects": func(s Store, file string, data []byte, dry bool, _ time.Time) (model.ImportResult, error) {
		published, ps, err := model.ParseProspects(data)
		if err != nil {
			return model.ImportResult{}, err
		}
		return s.ImportProspects(published, ps, file, dry)
	},
	"jobs": func(s Store, _ string, data []byte, dry bool, today time.Time) (model.ImportResult, error) {
		return s.ImportJobsCSV(data, today, dry) // each opening stored as it is read
	},
	"postcodes": func(s Store, _ string, data []byte, dry bool, today time.Time) (model.ImportResult, error) {
		rows, err := model.ParsePostcodes(data)
		if err != nil {
			return model.ImportResult{}, err
		}
		return s.ImportPostcodes(rows, dry)
	},
	"related": importRelated,
}

// importRelated replaces the office's related titles with the file.
func importRelated(s Store, _ string, data []byte, dry bool, _ time.Time) (model.ImportResult, error) {
	r, err := model.ParseRelations(data)
	if err != nil || dry {
		return model.ImportResult{Added: r.Len()}, err
	}
	n, err := s.SaveRelations(string(data))
	return model.ImportResult{Added: n}, err
}

func importKind(s Store, kind, file string, data []byte, dry bool, today time.Time) (model.ImportResult, error) {
	return importers[kind](s, file, data, dry, today)
}

func runMatch(e *Env, args []string) error {
	fs := newFlags("match")
	db := dbFlag(fs)
	citizen := fs.Int64("citizen", 0, "borgerens ID: de job der passer")
	job := fs.Int64("job", 0, "jobbets ID: de borgere der passer")
	if err := parse(fs, args); err != nil {
		return err
	}
	if (*citizen > 0) == (*job > 0) {
		return usageError{msg: "angiv enten --citizen ID eller --job ID"}
	}
	return withStore(e, *db, func(s Store) error {
		if *citizen > 0 {
			return printJobMatches(e, s, *citizen)
		}
		return printCitizenMatches(e, s, *job)
	})
}

var (
	fitWords  = []string{"samme jobtype", "samme faggruppe", "beslægtet fag"}
	nearWords = []string{"samme kommune", "samme region", "sted ukendt", "længere væk"}
)

func printJobMatches(e *Env, s Store, id int64) error {
	if _, err := s.Citizen(id); err != nil {
		return err
	}
	ms, err := s.MatchCitizen(id, e.now())
	for _, m := range ms {
		fmt.Fprintf(e.Stdout, "%d\t%s\t%s\t%s\tfrist %s\t%s\t%s\n", m.ID, m.Title, m.Employer, m.Place, dateOrNone(m.Deadline), fitWords[m.Fit], nearWords[m.Near])
	}
	return err
}

func printCitizenMatches(e *Env, s Store, id int64) error {
	if _, err := s.Job(id); err != nil {
		if errors.Is(err, model.ErrNotFound) {
			return model.NewUserError("error.job.noid", err, id)
		}
		return err
	}
	ms, err := s.MatchJob(id)
	if err != nil {
		return err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.CitizenID
	}
	if err := s.LogViewed(fmt.Sprintf("match --job %d", id), ids); err != nil {
		return err
	}
	for _, m := range ms {
		fmt.Fprintf(e.Stdout, "%d\t%s\t%s\t%s\t%s\n", m.CitizenID, m.Name, m.Goal, fitWords[m.Fit], nearWords[m.Near])
	}
	return err
}

func dateOrNone(t time.Time) string {
	if t.IsZero() {
		return "ingen"
	}
	return t.Format("02-01-2006")
}
