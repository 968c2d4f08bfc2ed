package cli

import (
	"fmt"
	"os"
	"time"

	"jobspor/model"
)

func runImport(e *Env, args []string) error {
	if len(args) < 2 || args[0] != "occupations" && args[0] != "prospects" && args[0] != "jobs" {
		return usageError{"angiv hvad der importeres (occupations, prospects eller jobs) og filen"}
	}
	kind, file := args[0], args[1]
	fs := newFlags("import")
	db := dbFlag(fs)
	dry := fs.Bool("dry-run", false, "vis hvad der ville blive importeret, uden at ændre noget")
	if err := parse(fs, args[2:]); err != nil {
		return err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("filen %s kan ikke læses: %w", file, err)
	}
	s, _, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := importKind(s, kind, file, data, *dry)
	if err != nil {
		return err
	}
	verb := "importeret"
	if *dry {
		verb = "ville blive importeret (intet er ændret)"
	}
	fmt.Fprintf(e.Stdout, "%s: %d nye, %d ændrede, %d uændrede %s\n", file, res.Added, res.Changed, res.Unchanged, verb)
	return nil
}

func importKind(s Store, kind, file string, data []byte, dry bool) (model.ImportResult, error) {
	switch kind {
	case "occupations":
		groups, err := model.ParseDisco(data)
		if err != nil {
			return model.ImportResult{}, err
		}
		return s.ImportDisco(groups, dry)
	case "prospects":
		published, ps, err := model.ParseProspects(data)
		if err != nil {
			return model.ImportResult{}, err
		}
		return s.ImportProspects(published, ps, file, dry)
	}
	jobs, err := model.ParseJobs(data, time.Now())
	if err != nil {
		return model.ImportResult{}, err
	}
	return s.ImportJobs(jobs, dry)
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
		return usageError{"angiv enten --citizen ID eller --job ID"}
	}
	s, _, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *citizen > 0 {
		return printJobMatches(e, s, *citizen)
	}
	return printCitizenMatches(e, s, *job)
}

var fitWords = []string{"samme jobtype", "samme faggruppe", "beslægtet fag"}

func printJobMatches(e *Env, s Store, id int64) error {
	if _, err := s.Citizen(id); err != nil {
		return err
	}
	ms, err := s.MatchCitizen(id, time.Now())
	for _, m := range ms {
		fmt.Fprintf(e.Stdout, "%d\t%s\t%s\t%s\tfrist %s\t%s\n", m.ID, m.Title, m.Employer, m.Place, dateOrNone(m.Deadline), fitWords[m.Fit])
	}
	return err
}

func printCitizenMatches(e *Env, s Store, id int64) error {
	if _, err := s.Job(id); err != nil {
		return fmt.Errorf("jobbet findes ikke: %w", err)
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
		fmt.Fprintf(e.Stdout, "%d\t%s\t%s\t%s\n", m.CitizenID, m.Name, m.Goal, fitWords[m.Fit])
	}
	return err
}

func dateOrNone(t time.Time) string {
	if t.IsZero() {
		return "ingen"
	}
	return t.Format("02-01-2006")
}
