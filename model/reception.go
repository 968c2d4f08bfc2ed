package model

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ReceptionPlan is the office's plan for the first working days: steps with
// offsets in working days from the first contact (day 1).
type ReceptionPlan struct {
	Version string          `json:"version"`
	Source  string          `json:"source"`
	Steps   []ReceptionStep `json:"steps"`
}

// ReceptionStep runs from working day From to working day To.
type ReceptionStep struct {
	ID      string `json:"id"`
	From    int    `json:"from"`
	To      int    `json:"to"`
	Title   string `json:"title"`
	Detail  string `json:"detail"`
	Citizen bool   `json:"citizen"` // the citizen takes part (false: done without them)
}

// ParseReceptionPlan reads and checks a plan.
func ParseReceptionPlan(data []byte) (*ReceptionPlan, error) {
	var p ReceptionPlan
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, userError("error.plan.json", "Modtagelsesplanen kan ikke læses", err)
	}
	return &p, p.Validate()
}

// Validate checks that every step has an ID, a title and sensible days.
func (p *ReceptionPlan) Validate() error {
	v := &ValidationError{}
	seen := map[string]bool{}
	for i, s := range p.Steps {
		switch {
		case strings.TrimSpace(s.Title) == "":
			v.add("steps", "error.plan.title", "Trin %d mangler en titel", i+1)
		case s.From < 1 || s.To < s.From || s.To > 60:
			v.add("steps", "error.plan.days", "Trin »%s«: dagene skal være fra 1 til 60, og slut ikke før start", s.Title)
		case s.ID == "" || seen[s.ID]:
			v.add("steps", "error.plan.id", "Trin »%s« mangler et entydigt id", s.Title)
		}
		seen[s.ID] = true
	}
	if len(p.Steps) == 0 {
		v.add("steps", "error.plan.empty", "Modtagelsesplanen skal have mindst ét trin")
	}
	return v.orNil()
}

// DatedStep is a plan step with its dates for one citizen.
type DatedStep struct {
	ReceptionStep
	FromDate, ToDate time.Time
	Done             bool
	DoneOn           time.Time
	By               string
}

// Overdue is true when the step is not done and its last day has passed.
func (d DatedStep) Overdue(today time.Time) bool {
	return !d.Done && dateOnly(d.ToDate).Before(dateOnly(today))
}

// Dated works out the steps' dates from a first contact.
func (p *ReceptionPlan) Dated(first time.Time, cal *WorkCalendar) []DatedStep {
	out := make([]DatedStep, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = DatedStep{ReceptionStep: s, FromDate: cal.WorkingDay(first, s.From), ToDate: cal.WorkingDay(first, s.To)}
	}
	return out
}

// Settings keys for the office's reception.
const (
	keyReceptionPlan = "reception.plan"
	keyClosures      = "office.closures"
	keyOfficeKind    = "office.kind"
	keyCatchUp       = "office.catchup"
)

// ReceptionPlan returns the office's own plan, or def when none is saved.
func (s *Store) ReceptionPlan(def *ReceptionPlan) (*ReceptionPlan, error) {
	raw, err := s.setting(keyReceptionPlan)
	if err != nil || raw == "" {
		return def, err
	}
	return ParseReceptionPlan([]byte(raw))
}

// SaveReceptionPlan stores the office's plan after checking it.
func (s *Store) SaveReceptionPlan(p *ReceptionPlan) error {
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
func (s *Store) Closures() (Closures, error) {
	var c Closures
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
func (s *Store) SaveClosures(c Closures) error {
	data, _ := json.Marshal(c)
	return s.saveSetting(keyClosures, string(data))
}

// Calendar is the office's working-day calendar.
func (s *Store) Calendar() (*WorkCalendar, error) {
	c, err := s.Closures()
	return NewWorkCalendar(c), err
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
	return s.inTx("save "+key, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return fmt.Errorf("save setting %s: %w", key, err)
		}
		return nil
	})
}

// Reception returns the citizen's dated plan with what is ticked.
func (s *Store) Reception(p *ReceptionPlan, cal *WorkCalendar, c *Citizen) ([]DatedStep, error) {
	steps := p.Dated(c.FirstContact, cal)
	rows, err := s.db.Query(`SELECT step_id, done_on, by_user FROM reception_steps WHERE citizen_id = ?`, c.ID)
	if err != nil {
		return nil, fmt.Errorf("load reception steps: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, on, by string
		if err := rows.Scan(&id, &on, &by); err != nil {
			return nil, fmt.Errorf("scan reception step: %w", err)
		}
		for i := range steps {
			if steps[i].ID == id {
				steps[i].Done, steps[i].DoneOn, steps[i].By = true, parseDateText(on), by
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
				citizenID, stepID, s.Now().Format(DateLayout), s.User)
		} else {
			_, err = tx.Exec(`DELETE FROM reception_steps WHERE citizen_id = ? AND step_id = ?`, citizenID, stepID)
		}
		if err != nil {
			return fmt.Errorf("tick reception step %s: %w", stepID, foreignKey(err))
		}
		return s.audit(tx, "reception", citizenID, stepID)
	})
}
