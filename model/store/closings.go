package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

// ClosePreview says what closing the case on `on` would change: the planned
// conversations from that day on, the open notices, the unticked reception steps.
func (s *Store) ClosePreview(c *model.Content, citizenID int64, on time.Time) (model.ClosePreview, error) {
	var p model.ClosePreview
	all, err := s.Conversations(citizenID)
	if err != nil {
		return p, err
	}
	for _, cv := range all {
		if cv.Attendance == model.AttendancePlanned && !cv.Start.Before(model.Day(on)) {
			p.Conversations = append(p.Conversations, cv)
		}
	}
	if err := s.db.QueryRow(`SELECT count(*) FROM notices WHERE citizen_id = ? AND acknowledged_at = ''`,
		citizenID).Scan(&p.Notices); err != nil {
		return p, fmt.Errorf("close preview: %w", err)
	}
	p.ReceptionOpen, err = s.openReceptionSteps(c, citizenID)
	return p, err
}

func (s *Store) openReceptionSteps(c *model.Content, citizenID int64) (int, error) {
	if c == nil || c.Reception == nil {
		return 0, nil
	}
	plan, err := s.ReceptionPlan(c.Reception)
	if err != nil {
		return 0, err
	}
	var first time.Time
	if err := s.db.QueryRow(`SELECT first_contact FROM citizens WHERE id = ?`, citizenID).Scan(scanDate(&first)); err != nil {
		return 0, fmt.Errorf("close preview: %w", err)
	}
	if first.Before(s.Now().AddDate(0, 0, -(maxDay(plan)*7/5 + 14))) {
		return 0, nil // the plan ended long ago: closing stops nothing
	}
	var done int
	if err := s.db.QueryRow(`SELECT count(*) FROM reception_steps WHERE citizen_id = ?`, citizenID).Scan(&done); err != nil {
		return 0, fmt.Errorf("close preview: %w", err)
	}
	return max(0, len(plan.Steps)-done), nil
}

// CloseCase ends a case in one transaction: the planned conversations from
// the closing day on are cancelled by the office, open notices closed, the
// status set from the reason (which stops the reception plan, Today, the
// call list, batches and the calendar), the closing stored and audited.
func (s *Store) CloseCase(cl *model.CaseClosing) error {
	if err := cl.Validate(s.Now()); err != nil {
		return err
	}
	now := s.Now().UTC()
	cl.By, cl.At = s.User, now
	return s.inTx("close case", func(tx *sql.Tx) error {
		if err := mustBeActive(tx, cl); err != nil {
			return err
		}
		cancelled, err := cancelPlanned(tx, cl.CitizenID, cl.Date, now)
		if err != nil {
			return err
		}
		closed, err := closeNotices(tx, cl.CitizenID, now, s.User)
		if err != nil {
			return err
		}
		if err := insertClosing(tx, cl); err != nil {
			return err
		}
		if err := setStatus(tx, cl.CitizenID, cl.Reason.Status(), now); err != nil {
			return err
		}
		return s.audit(tx, model.AuditClose, cl.CitizenID,
			fmt.Sprintf("%s; %d conversations cancelled; %d notices closed", cl.Reason, cancelled, closed))
	})
}

// mustBeActive refuses closing a closed case, or on a day before the first contact.
func mustBeActive(tx *sql.Tx, cl *model.CaseClosing) error {
	citizenID := cl.CitizenID
	var status model.Status
	var first time.Time
	err := tx.QueryRow(`SELECT status, first_contact FROM citizens WHERE id = ?`, citizenID).Scan(&status, scanDate(&first))
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("close case %d: %w", citizenID, model.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("close case %d: %w", citizenID, err)
	}
	if status != model.StatusActive {
		return model.NewUserError("error.close.already", nil)
	}
	if model.Day(cl.Date).Before(model.Day(first)) {
		return &model.ValidationError{Problems: []model.FieldProblem{{Field: "date",
			Msg: model.Message{Key: "error.close.beforefirst", Args: []any{model.DanishDate(first)}}}}}
	}
	return nil
}

func cancelPlanned(tx *sql.Tx, citizenID int64, from, now time.Time) (int64, error) {
	res, err := tx.Exec(`UPDATE conversations SET attendance = `+lit(model.AttendanceOfficeCancelled)+`, updated_at = ?
		WHERE citizen_id = ? AND attendance = `+lit(model.AttendancePlanned)+` AND start >= ?`,
		now.Format(time.RFC3339), citizenID, model.Day(from).Format(model.WallLayout))
	if err != nil {
		return 0, fmt.Errorf("cancel planned conversations: %w", err)
	}
	return res.RowsAffected()
}

func closeNotices(tx *sql.Tx, citizenID int64, now time.Time, user string) (int64, error) {
	res, err := tx.Exec(`UPDATE notices SET acknowledged_at = ?, acknowledged_by = ?
		WHERE citizen_id = ? AND acknowledged_at = ''`, now.Format(time.RFC3339), user, citizenID)
	if err != nil {
		return 0, fmt.Errorf("close notices: %w", err)
	}
	return res.RowsAffected()
}

func insertClosing(tx *sql.Tx, cl *model.CaseClosing) error {
	_, err := tx.Exec(`INSERT INTO case_closings (citizen_id, closed_on, reason, employer, job_start, hours, note, closed_by, closed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, cl.CitizenID, cl.Date.Format(model.DateLayout), cl.Reason, cl.Employer,
		dateText(cl.JobStart), cl.Hours, cl.Note, cl.By, cl.At.Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("store the closing: %w", err)
	}
	return nil
}

func setStatus(tx *sql.Tx, citizenID int64, st model.Status, now time.Time) error {
	if _, err := tx.Exec(`UPDATE citizens SET status = ?, updated_at = ? WHERE id = ?`,
		st, now.Format(time.RFC3339), citizenID); err != nil {
		return fmt.Errorf("set status of %d: %w", citizenID, err)
	}
	return nil
}

// ReopenCase makes a closed case active again (audited); the closing is
// removed, the conversations cancelled at closing stay as they are.
func (s *Store) ReopenCase(citizenID int64) error {
	now := s.Now().UTC()
	return s.inTx("reopen case", func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM case_closings WHERE citizen_id = ?`, citizenID)
		if err != nil {
			return fmt.Errorf("reopen case %d: %w", citizenID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.NewUserError("error.reopen.notclosed", nil)
		}
		if err := setStatus(tx, citizenID, model.StatusActive, now); err != nil {
			return err
		}
		return s.audit(tx, model.AuditReopen, citizenID, "")
	})
}

// Closing returns how the case ended; ErrNotFound when it is open.
func (s *Store) Closing(citizenID int64) (model.CaseClosing, error) {
	return closingOf(s.db, citizenID)
}

func closingOf(q queryRower, citizenID int64) (model.CaseClosing, error) {
	cl := model.CaseClosing{CitizenID: citizenID}
	err := q.QueryRow(`SELECT closed_on, reason, employer, job_start, hours, note, closed_by, closed_at
		FROM case_closings WHERE citizen_id = ?`, citizenID).Scan(scanDate(&cl.Date), &cl.Reason, &cl.Employer,
		scanDate(&cl.JobStart), &cl.Hours, &cl.Note, &cl.By, scanMoment(&cl.At))
	if errors.Is(err, sql.ErrNoRows) {
		return cl, model.ErrNotFound
	}
	if err != nil {
		return cl, fmt.Errorf("closing of %d: %w", citizenID, err)
	}
	return cl, nil
}

// allowOfficeCancelled widens the CHECK on conversations.attendance to the
// office's own cancellation (migration 0009). Every stored row still fits the
// wider rule, so SQLite's documented way applies: the table's schema text is
// changed in place and the schema version bumped, without copying the table
// (a copy would cascade-delete the jobs shown and unlink job-log lines).
func allowOfficeCancelled(tx *sql.Tx) error {
	var version int
	if err := tx.QueryRow(`PRAGMA schema_version`).Scan(&version); err != nil {
		return fmt.Errorf("read the schema version: %w", err)
	}
	old := `'no_show', 'cancelled')`
	wider := `'no_show', 'cancelled', ` + lit(model.AttendanceOfficeCancelled) + `)`
	for _, q := range []string{
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = replace(sql, '` + strings.ReplaceAll(old, "'", "''") + `', '` +
			strings.ReplaceAll(wider, "'", "''") + `') WHERE type = 'table' AND name = 'conversations'`,
		`PRAGMA writable_schema = OFF`,
		fmt.Sprintf(`PRAGMA schema_version = %d`, version+1),
	} {
		if _, err := tx.Exec(q); err != nil {
			return fmt.Errorf("widen the attendance rule: %w", err)
		}
	}
	return nil
}
