package store

import (
	"database/sql"
	"errors"
	"fmt"

	"jobspor/model"
)

// exportedTables names, for every table holding records about a citizen,
// the export's key that carries them. The completeness test fails when a
// table refers to citizens (directly or through a conversation) and is
// missing here, so a table added later cannot be forgotten.
var exportedTables = map[string]string{
	"citizens": "citizen", "progress": "progress", "job_goals": "job_goals", "openings": "opening",
	"track_changes": "track_changes", "conversations": "conversations", "upskillings": "upskilling",
	"educations": "education", "company_efforts": "company_efforts", "temp_agencies": "temp_agencies",
	"reception_steps": "reception_steps", "benefit_cases": "benefit_case", "notices": "notices",
	"youth_flags": "youth_flag", "applications": "job_log", "conversation_jobs": "jobs_shown",
	"case_closings": "closing", "exemptions": "exemptions", "audit": "audit",
}

// ExportedTables is exportedTables for the completeness test.
func ExportedTables() map[string]string { return exportedTables }

func (s *Store) exportMore(e *model.Export, id int64) error {
	steps := []func() error{
		func() (err error) { e.Reception, err = s.receptionTicks(id); return },
		func() (err error) { e.BenefitCase, err = s.benefitCaseIfAny(id); return },
		func() (err error) { e.Notices, err = s.noticesOf(id); return },
		func() (err error) { e.YouthFlag, err = s.youthFlagOf(id); return },
		func() (err error) { e.JobLog, err = s.Applications(id); return },
		func() (err error) { e.JobsShown, err = s.jobsShown(id); return },
		func() (err error) { e.Closing, err = s.closingIfAny(id); return },
		func() (err error) { e.Exemptions, err = s.Exemptions(id); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) receptionTicks(id int64) ([]model.ReceptionTick, error) {
	rows, err := s.db.Query(`SELECT step_id, done_on, by_user FROM reception_steps WHERE citizen_id = ? ORDER BY done_on, step_id`, id)
	if err != nil {
		return nil, fmt.Errorf("export reception steps: %w", err)
	}
	defer rows.Close()
	var out []model.ReceptionTick
	for rows.Next() {
		var t model.ReceptionTick
		if err := rows.Scan(&t.StepID, scanDate(&t.DoneOn), &t.By); err != nil {
			return nil, fmt.Errorf("scan reception step: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func (s *Store) benefitCaseIfAny(id int64) (*model.BenefitCase, error) {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM benefit_cases WHERE citizen_id = ?`, id).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	b, err := s.BenefitCase(id)
	return &b, err
}

func (s *Store) noticesOf(id int64) ([]model.Notice, error) {
	rows, err := s.db.Query(`SELECT id, citizen_id, direction, text, created_at, created_by, acknowledged_at, acknowledged_by,
		sent_at, sent_by, sent_how FROM notices WHERE citizen_id = ? ORDER BY created_at, id`, id)
	if err != nil {
		return nil, fmt.Errorf("export notices: %w", err)
	}
	defer rows.Close()
	var out []model.Notice
	for rows.Next() {
		var n model.Notice
		if err := rows.Scan(&n.ID, &n.CitizenID, &n.Direction, &n.Text, scanMoment(&n.CreatedAt), &n.CreatedBy,
			scanMoment(&n.AcknowledgedAt), &n.AcknowledgedBy, scanMoment(&n.SentAt), &n.SentBy, &n.SentHow); err != nil {
			return nil, fmt.Errorf("scan notice: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Store) youthFlagOf(id int64) (*model.YouthFlag, error) {
	var f model.YouthFlag
	err := s.db.QueryRow(`SELECT flagged_on, referred_on FROM youth_flags WHERE citizen_id = ?`, id).
		Scan(scanDate(&f.FlaggedOn), scanDate(&f.ReferredOn))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("export youth flag: %w", err)
	}
	return &f, nil
}

func (s *Store) jobsShown(id int64) ([]model.JobShown, error) {
	rows, err := s.db.Query(`SELECT cj.conversation_id, j.id, j.title, j.employer, cj.agreed FROM conversation_jobs cj
		JOIN conversations c ON c.id = cj.conversation_id JOIN jobs j ON j.id = cj.job_id
		WHERE c.citizen_id = ? ORDER BY c.start, j.id`, id)
	if err != nil {
		return nil, fmt.Errorf("export jobs shown: %w", err)
	}
	defer rows.Close()
	var out []model.JobShown
	for rows.Next() {
		var j model.JobShown
		if err := rows.Scan(&j.ConversationID, &j.JobID, &j.Title, &j.Employer, &j.Agreed); err != nil {
			return nil, fmt.Errorf("scan job shown: %w", err)
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

func (s *Store) closingIfAny(id int64) (*model.CaseClosing, error) {
	cl, err := s.Closing(id)
	if errors.Is(err, model.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &cl, nil
}
