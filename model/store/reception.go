package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"jobspor/model"
)

// Settings keys for the office's reception.
const (
	keyReceptionPlan = "reception.plan"
	keyClosures      = "office.closures"
	keyOfficeKind    = "office.kind"
	keyCatchUp       = model.SettingCatchUp
)

// ReceptionPlan returns the office's own plan, or def when none is saved.
// An own plan without variants (saved before there were any) gets def's
// variants that fit its steps.
func (s *Store) ReceptionPlan(def *model.ReceptionPlan) (*model.ReceptionPlan, error) {
	raw, err := s.setting(keyReceptionPlan)
	if err != nil || raw == "" {
		return def, err
	}
	p, err := model.ParseReceptionPlan([]byte(raw))
	if err != nil || len(p.Variants) > 0 || def == nil {
		return p, err
	}
	for _, v := range def.Variants {
		try := *p
		try.Variants = []model.ReceptionVariant{v}
		if try.Validate() == nil {
			p.Variants = append(p.Variants, v)
		}
	}
	return p, nil
}

// SaveReceptionPlan stores the office's plan after checking it.
func (s *Store) SaveReceptionPlan(p *model.ReceptionPlan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode reception plan: %w", err)
	}
	return s.saveSetting(keyReceptionPlan, string(data))
}

// Closures returns the days the office has chosen to close.
func (s *Store) Closures() (model.Closures, error) {
	var c model.Closures
	raw, err := s.setting(keyClosures)
	if err != nil || raw == "" {
		return c, err
	}
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		return c, fmt.Errorf("read closures: %w", err)
	}
	return c, nil
}

// SaveClosures stores the office's closing days.
func (s *Store) SaveClosures(c model.Closures) error {
	data, _ := json.Marshal(c)
	return s.saveSetting(keyClosures, string(data))
}

// Calendar is the office's working-day calendar.
func (s *Store) Calendar() (*model.WorkCalendar, error) {
	c, err := s.Closures()
	return model.NewWorkCalendar(c), err
}

func (s *Store) setting(key string) (string, error) {
	var v string
	err := s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read setting %s: %w", key, err)
	}
	return v, nil
}

func (s *Store) saveSetting(key, value string) error {
	return s.saveSettings(map[string]string{key: value})
}

// saveSettings stores several settings in one transaction.
func (s *Store) saveSettings(kv map[string]string) error {
	return s.inTx("save settings", func(tx *sql.Tx) error {
		for key, value := range kv {
			_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
			if err != nil {
				return fmt.Errorf("save setting %s: %w", key, err)
			}
		}
		return nil
	})
}

// Reception returns the citizen's dated plan with what is ticked.
func (s *Store) Reception(p *model.ReceptionPlan, cal *model.WorkCalendar, c *model.Citizen) ([]model.DatedStep, error) {
	steps := p.For(c).Dated(c.FirstContact, cal)
	rows, err := s.db.Query(`SELECT step_id, done_on, by_user FROM reception_steps WHERE citizen_id = ?`, c.ID)
	if err != nil {
		return nil, fmt.Errorf("load reception steps: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, by string
		var on time.Time
		if err := rows.Scan(&id, scanDate(&on), &by); err != nil {
			return nil, fmt.Errorf("scan reception step: %w", err)
		}
		for i := range steps {
			if steps[i].ID == id {
				steps[i].Done, steps[i].DoneOn, steps[i].By = true, on, by
			}
		}
	}
	return steps, rows.Err()
}

// TickReception marks a reception step done today, or not done.
func (s *Store) TickReception(citizenID int64, stepID string, done bool) error {
	return s.inTx("tick reception step", func(tx *sql.Tx) error {
		var err error
		if done {
			_, err = tx.Exec(`INSERT INTO reception_steps (citizen_id, step_id, done_on, by_user) VALUES (?, ?, ?, ?)
				ON CONFLICT (citizen_id, step_id) DO UPDATE SET done_on = excluded.done_on, by_user = excluded.by_user`,
				citizenID, stepID, s.Now().Format(model.DateLayout), s.User)
		} else {
			_, err = tx.Exec(`DELETE FROM reception_steps WHERE citizen_id = ? AND step_id = ?`, citizenID, stepID)
		}
		if err != nil {
			return fmt.Errorf("tick reception step %s: %w", stepID, foreignKey(err))
		}
		return s.audit(tx, "reception", citizenID, stepID)
	})
}

// SetReceptionVariant records the reception plan's variant chosen for the
// citizen at the first conversation (model.VariantStandard: the plan as it
// is; "": no choice, suggested by age) and audits it; c follows.
func (s *Store) SetReceptionVariant(p *model.ReceptionPlan, c *model.Citizen, variant string) error {
	if variant != "" && variant != model.VariantStandard && p.Variant(variant) == nil {
		return model.NewUserError("error.plan.novariant", nil, variant)
	}
	err := s.inTx("choose reception variant", func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE citizens SET reception_variant = ?, updated_at = ? WHERE id = ?`,
			variant, s.Now().UTC().Format(time.RFC3339), c.ID)
		if err != nil {
			return fmt.Errorf("choose reception variant for citizen %d: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.ErrNotFound
		}
		return s.audit(tx, model.AuditUpdate, c.ID, "reception_variant")
	})
	if err == nil {
		c.ReceptionVariant = variant
	}
	return err
}
