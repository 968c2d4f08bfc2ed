package cli

import (
	"fmt"

	"jobspor/model"
)

// RulesStore is what the exempt and reception commands need.
type RulesStore interface {
	Exempt(e *model.Exemption) error
	UndoExemption(citizenID int64) error
	Exemptions(citizenID int64) ([]model.Exemption, error)
	ReceptionPlan(def *model.ReceptionPlan) (*model.ReceptionPlan, error)
	Calendar() (*model.WorkCalendar, error)
	Reception(p *model.ReceptionPlan, cal *model.WorkCalendar, c *model.Citizen) ([]model.DatedStep, error)
	SetReceptionVariant(p *model.ReceptionPlan, c *model.Citizen, variant string) error
}

// runExempt records, undoes or shows a citizen's exemption from the minimum
// of conversations after a concrete assessment.
func runExempt(e *Env, args []string) error {
	fs := newFlags("exempt")
	db := dbFlag(fs)
	id := fs.Int64("citizen", 0, "borgerens ID")
	reason := fs.String("reason", "", "begrundelse for den konkrete vurdering")
	date := fs.String("date", "", "dato for vurderingen (standard: i dag)")
	undo := fs.Bool("undo", false, "ophæv fritagelsen")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id <= 0 || (*undo && *reason != "") {
		return usageError{msg: "angiv --citizen ID og enten --reason TEKST, --undo eller ingen af dem (vis)"}
	}
	return withStore(e, *db, func(s Store) error {
		if _, err := s.Citizen(*id); err != nil {
			return err
		}
		switch {
		case *undo:
			if err := s.UndoExemption(*id); err != nil {
				return err
			}
			fmt.Fprintln(e.Stdout, model.Message{Key: "cli.exempt.undone", Args: []any{*id}}.Text())
			return nil
		case *reason != "":
			x := &model.Exemption{CitizenID: *id, Reason: *reason} // the day: the store's today unless given
			if err := optionalDate(*date, &x.DecidedOn); err != nil {
				return err
			}
			if err := s.Exempt(x); err != nil {
				return err
			}
			fmt.Fprintln(e.Stdout, model.Message{Key: "cli.exempt.done", Args: []any{*id, x.DecidedOn.Format("02-01-2006")}}.Text())
			return nil
		}
		list, err := s.Exemptions(*id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			fmt.Fprintln(e.Stdout, model.Message{Key: "cli.exempt.none", Args: []any{*id}}.Text())
		}
		for _, x := range list {
			state := model.Message{Key: "cli.exempt.open"}.Text()
			if !x.Open() {
				state = model.Message{Key: "cli.exempt.wasundone", Args: []any{x.UndoneAt.Local().Format("02-01-2006")}}.Text()
			}
			fmt.Fprintf(e.Stdout, "%s\t%s\t%s\t%s\n", x.DecidedOn.Format("02-01-2006"), x.DecidedBy, state, x.Reason)
		}
		return nil
	})
}
