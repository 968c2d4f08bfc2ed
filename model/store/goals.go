package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"jobspor/model"
)

// AddJobGoal validates and saves a new job goal.
func (s *Store) AddJobGoal(g *model.JobGoal) error {
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
func (s *Store) JobGoals(citizenID int64) ([]model.JobGoal, error) {
	rows, err := s.db.Query(`SELECT id, title, code, horizon, note, created_at FROM job_goals
		WHERE citizen_id = ? ORDER BY horizon = 'long', id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list job goals: %w", err)
	}
	defer rows.Close()
	var out []model.JobGoal
	for rows.Next() {
		g := model.JobGoal{CitizenID: citizenID}
		if err := rows.Scan(&g.ID, &g.Title, &g.Code, &g.Horizon, &g.Note, scanMoment(&g.CreatedAt)); err != nil {
			return nil, fmt.Errorf("scan job goal: %w", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return model.ErrNotFound
	}
	return err
}

// SaveOpening validates and saves the opening phase's record.
func (s *Store) SaveOpening(o *model.Opening) error {
	v := &model.ValidationError{}
	model.CheckLen(v, "upskilling", &o.UpskillingNeed, model.MaxActionLen, "error.note.long")
	model.CheckChoice(v, "euv", o.EUV, []model.EUV{model.EUVUnknown, model.EUVYes, model.EUVNo}, "error.euv")
	if err := v.OrNil(); err != nil {
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
func (s *Store) Opening(citizenID int64) (model.Opening, error) {
	o := model.Opening{CitizenID: citizenID}
	err := s.db.QueryRow(`SELECT upskilling_need, euv, updated_at FROM openings WHERE citizen_id = ?`, citizenID).
		Scan(&o.UpskillingNeed, &o.EUV, scanMoment(&o.UpdatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return o, nil
	}
	if err != nil {
		return o, fmt.Errorf("load opening: %w", err)
	}
	return o, nil
}
