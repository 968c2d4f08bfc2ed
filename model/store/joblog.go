package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// SaveApplication inserts (ID 0) or updates a job-log line.
func (s *Store) SaveApplication(a *model.Application) error {
	if err := a.Validate(s.Now()); err != nil {
		return err
	}
	return s.inTx("save application", func(tx *sql.Tx) error { return s.saveApplication(tx, a) })
}

func (s *Store) saveApplication(tx *sql.Tx, a *model.Application) error {
	args := []any{a.CitizenID, nullID(a.JobID), a.Text, dateText(a.AppliedOn), a.Status, nullID(a.AgreedIn)}
	if a.ID == 0 {
		r, err := tx.Exec(`INSERT INTO applications (citizen_id, job_id, text, applied_on, status, agreed_in, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, append(args, s.Now().UTC().Format(time.RFC3339))...)
		if err != nil {
			return fmt.Errorf("add application: %w", foreignKey(err))
		}
		a.ID, _ = r.LastInsertId()
	} else if _, err := tx.Exec(`UPDATE applications SET citizen_id = ?, job_id = ?, text = ?, applied_on = ?, status = ?,
		agreed_in = ? WHERE id = ?`, append(args, a.ID)...); err != nil {
		return fmt.Errorf("save application %d: %w", a.ID, err)
	}
	return s.audit(tx, "joblog", a.CitizenID, string(a.Status))
}

// Applications is the citizen's job log, newest first: ApplicationsMany
// for one citizen.
func (s *Store) Applications(citizenID int64) ([]model.Application, error) {
	logs, err := s.ApplicationsMany([]int64{citizenID})
	if err != nil {
		return nil, err
	}
	return logs[citizenID], nil
}

// PresentJob records that an opening was shown in a conversation.
func (s *Store) PresentJob(conversationID, jobID int64) error {
	return s.inTx("present job", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO conversation_jobs (conversation_id, job_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
			conversationID, jobID); err != nil {
			return fmt.Errorf("present job: %w", foreignKey(err))
		}
		return nil
	})
}

// AgreeJob marks a presented opening as agreed (or not); agreeing puts an
// "agreed" line in the citizen's job log, un-agreeing removes it while unsent.
func (s *Store) AgreeJob(conversationID, jobID int64, agreed bool) error {
	c, err := s.Conversation(conversationID)
	if err != nil {
		return err
	}
	return s.inTx("agree job", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO conversation_jobs (conversation_id, job_id, agreed) VALUES (?, ?, ?)
			ON CONFLICT (conversation_id, job_id) DO UPDATE SET agreed = excluded.agreed`, conversationID, jobID, agreed); err != nil {
			return fmt.Errorf("agree job: %w", foreignKey(err))
		}
		if !agreed {
			_, err := tx.Exec(`DELETE FROM applications WHERE agreed_in = ? AND job_id = ? AND status = 'agreed'`, conversationID, jobID)
			return err
		}
		var n int
		tx.QueryRow(`SELECT count(*) FROM applications WHERE agreed_in = ? AND job_id = ?`, conversationID, jobID).Scan(&n)
		if n > 0 {
			return nil
		}
		return s.saveApplication(tx, &model.Application{CitizenID: c.CitizenID, JobID: jobID, Status: model.AppAgreed, AgreedIn: conversationID})
	})
}

// PresentedJobs lists the openings shown in a conversation.
func (s *Store) PresentedJobs(conversationID int64) ([]model.PresentedJob, error) {
	rows, err := s.db.Query(`SELECT cj.agreed, `+prefixCols("j.", jobColumns)+` FROM conversation_jobs cj
		JOIN jobs j ON j.id = cj.job_id WHERE cj.conversation_id = ? ORDER BY j.deadline = '', j.deadline, j.id`, conversationID)
	if err != nil {
		return nil, fmt.Errorf("presented jobs: %w", err)
	}
	defer rows.Close()
	var out []model.PresentedJob
	for rows.Next() {
		var p model.PresentedJob
		if err := rows.Scan(&p.Agreed, &p.ID, &p.Title, &p.Code, &p.Employer, &p.Place, scanDate(&p.Deadline), &p.HowToApply,
			&p.Contact, &p.Source, scanDate(&p.AddedOn), &p.Hot, &p.Postcode); err != nil {
			return nil, fmt.Errorf("scan presented job: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// prefixCols qualifies a column list with a table alias.
func prefixCols(prefix, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
