package cli

import (
	"fmt"
	"strings"

	"jobspor/model"
)

// runReception shows or chooses the reception plan's variant for a citizen
// (chosen at the first conversation: 10 råd #5-#7).
func runReception(e *Env, args []string) error {
	fs := newFlags("reception")
	db := dbFlag(fs)
	id := fs.Int64("citizen", 0, "borgerens ID")
	variant := fs.String("variant", "", "variant: "+strings.Join(variantIDs(e.Content.Reception), ", "))
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id <= 0 {
		return usageError{msg: "angiv --citizen ID [--variant " + strings.Join(variantIDs(e.Content.Reception), "|") + "]"}
	}
	return withStore(e, *db, func(s Store) error {
		c, err := s.Citizen(*id)
		if err != nil {
			return err
		}
		plan, err := s.ReceptionPlan(e.Content.Reception)
		if err != nil {
			return err
		}
		if *variant != "" {
			if err := s.SetReceptionVariant(plan, c, *variant); err != nil {
				return err
			}
		}
		name := model.Message{Key: "cli.reception.standard"}.Text()
		if v := plan.VariantFor(c); v != nil {
			name = v.Title
			if c.ReceptionVariant == "" {
				name += " " + model.Message{Key: "cli.reception.suggested"}.Text()
			}
		}
		fmt.Fprintln(e.Stdout, model.Message{Key: "cli.reception.variant", Args: []any{c.ID, name}}.Text())
		cal, err := s.Calendar()
		if err != nil {
			return err
		}
		steps, err := s.Reception(plan, cal, c)
		if err != nil {
			return err
		}
		for _, st := range steps {
			fmt.Fprintf(e.Stdout, "  %s–%s\t%s\n", st.FromDate.Format("02-01-2006"), st.ToDate.Format("02-01-2006"), st.Title)
		}
		return nil
	})
}

func variantIDs(p *model.ReceptionPlan) []string {
	ids := []string{model.VariantStandard}
	for _, v := range p.Variants {
		ids = append(ids, v.ID)
	}
	return ids
}
