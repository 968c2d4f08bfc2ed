package model

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Horizon says whether a job goal is for now or for later.
type Horizon string

const (
	HorizonShort Horizon = "short"
	HorizonLong  Horizon = "long"
)

// JobGoal is an occupation the citizen targets.
type JobGoal struct {
	ID        int64     `json:"id"`
	CitizenID int64     `json:"citizen_id"`
	Title     string    `json:"title"`
	Code      string    `json:"code"` // DISCO-08 from the catalogue; "" for free text
	Horizon   Horizon   `json:"horizon"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
}

// MaxGoalTitleLen bounds a job title (the longest DISCO titles fit).
const MaxGoalTitleLen = 120

// Validate checks the title, horizon and note.
func (g *JobGoal) Validate() error {
	v := &ValidationError{}
	g.Title = strings.TrimSpace(g.Title)
	switch n := utf8.RuneCountInString(g.Title); {
	case n == 0:
		v.add("title", "error.goal.title", "Skriv jobmålet, fx »lagermedarbejder«")
	case n > MaxGoalTitleLen:
		v.add("title", "error.goal.long", "Jobmålet må højst have %d tegn", MaxGoalTitleLen)
	}
	if g.Code != "" && (len(g.Code) != 6 || !allDigits(g.Code)) {
		v.add("code", "error.job.code", "DISCO-koden skal have 6 cifre")
	}
	checkChoice(v, "horizon", g.Horizon, []Horizon{HorizonShort, HorizonLong}, "error.goal.horizon", "Vælg kort eller langt sigt")
	checkLen(v, "note", &g.Note, MaxActionLen, "error.note.long", "Noten må højst have %d tegn (der er %d)")
	return v.orNil()
}

// AddJobGoal validates and saves a new job goal.
func (s *Store) AddJobGoal(g *JobGoal) error {
	if err := g.Validate(); err != nil {
		return err
	}
	g.CreatedAt = s.Now().UTC()
	return s.inTx("add job goal", func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO job_goals (citizen_id, title, code, horizon, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			g.CitizenID, g.Title, g.Code, g.Horizon, g.Note, g.CreatedAt.Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("add job goal: %w", foreignKey(err))
		}
		g.ID, _ = res.LastInsertId()
		return s.audit(tx, "goal", g.CitizenID, fmt.Sprintf("add %d", g.ID))
	})
}

// DeleteJobGoal removes a job goal (secure_delete overwrites it).
func (s *Store) DeleteJobGoal(id int64) error {
	return s.inTx("delete job goal", func(tx *sql.Tx) error {
		var citizen int64
		if err := tx.QueryRow(`SELECT citizen_id FROM job_goals WHERE id = ?`, id).Scan(&citizen); err != nil {
			return notFound(fmt.Errorf("delete job goal %d: %w", id, err))
		}
		if _, err := tx.Exec(`DELETE FROM job_goals WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete job goal %d: %w", id, err)
		}
		return s.audit(tx, "goal", citizen, fmt.Sprintf("delete %d", id))
	})
}

// JobGoals lists a citizen's goals: short-term first, then by creation.
func (s *Store) JobGoals(citizenID int64) ([]JobGoal, error) {
	rows, err := s.db.Query(`SELECT id, title, code, horizon, note, created_at FROM job_goals
		WHERE citizen_id = ? ORDER BY horizon = 'long', id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list job goals: %w", err)
	}
	defer rows.Close()
	var out []JobGoal
	for rows.Next() {
		g := JobGoal{CitizenID: citizenID}
		var created string
		if err := rows.Scan(&g.ID, &g.Title, &g.Code, &g.Horizon, &g.Note, &created); err != nil {
			return nil, fmt.Errorf("scan job goal: %w", err)
		}
		g.CreatedAt, _ = time.Parse(time.RFC3339, created)
		out = append(out, g)
	}
	return out, rows.Err()
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// EUV says whether the citizen is in the target group for an education lift.
type EUV string

const (
	EUVUnknown EUV = ""
	EUVYes     EUV = "yes"
	EUVNo      EUV = "no"
)

// Opening is the opening phase's own record beside its checklist.
type Opening struct {
	CitizenID      int64     `json:"citizen_id"`
	UpskillingNeed string    `json:"upskilling_need"`
	EUV            EUV       `json:"euv"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// SaveOpening validates and saves the opening phase's record.
func (s *Store) SaveOpening(o *Opening) error {
	v := &ValidationError{}
	checkLen(v, "upskilling", &o.UpskillingNeed, MaxActionLen, "error.note.long", "Noten må højst have %d tegn (der er %d)")
	checkChoice(v, "euv", o.EUV, []EUV{EUVUnknown, EUVYes, EUVNo}, "error.euv", "Vælg ja, nej eller ikke afklaret")
	if err := v.orNil(); err != nil {
		return err
	}
	o.UpdatedAt = s.Now().UTC()
	return s.inTx("save opening", func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO openings (citizen_id, upskilling_need, euv, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (citizen_id) DO UPDATE SET upskilling_need = excluded.upskilling_need,
				euv = excluded.euv, updated_at = excluded.updated_at`,
			o.CitizenID, o.UpskillingNeed, o.EUV, o.UpdatedAt.Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("save opening: %w", foreignKey(err))
		}
		return s.audit(tx, "opening", o.CitizenID, "")
	})
}

// Opening returns the opening record, empty when none is saved yet.
func (s *Store) Opening(citizenID int64) (Opening, error) {
	o := Opening{CitizenID: citizenID}
	var updated string
	err := s.db.QueryRow(`SELECT upskilling_need, euv, updated_at FROM openings WHERE citizen_id = ?`, citizenID).
		Scan(&o.UpskillingNeed, &o.EUV, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return o, nil
	}
	if err != nil {
		return o, fmt.Errorf("load opening: %w", err)
	}
	o.UpdatedAt, _ = time.Parse(time.RFC3339, updated)
	return o, nil
}
