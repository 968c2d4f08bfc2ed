package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"jobspor/model"
)

// SaveUpskilling inserts (ID 0) or updates a course.
func (s *Store) SaveUpskilling(u *model.Upskilling) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return s.saveRecord("upskilling", u.CitizenID, &u.ID,
		`INSERT INTO upskillings (citizen_id, kind, title, status, completed, goals_updated, cv_updated, note)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		`UPDATE upskillings SET citizen_id = ?, kind = ?, title = ?, status = ?, completed = ?, goals_updated = ?,
		 cv_updated = ?, note = ? WHERE id = ?`,
		u.CitizenID, u.Kind, u.Title, u.Status, dateText(u.Completed), u.GoalsUpdated, u.CVUpdated, u.Note)
}

// saveRecord inserts when *id is 0, else updates row *id, and audits it.
// insert takes args; update takes args and then the id.
func (s *Store) saveRecord(what string, citizenID int64, id *int64, insert, update string, args ...any) error {
	return s.inTx("save "+what, func(tx *sql.Tx) error {
		if *id == 0 {
			res, err := tx.Exec(insert, args...)
			if err != nil {
				return fmt.Errorf("add %s: %w", what, foreignKey(err))
			}
			*id, _ = res.LastInsertId()
		} else if res, err := tx.Exec(update, append(args, *id)...); err != nil {
			return fmt.Errorf("save %s %d: %w", what, *id, err)
		} else if n, _ := res.RowsAffected(); n == 0 {
			return model.ErrNotFound
		}
		return s.audit(tx, model.AuditRecord, citizenID, fmt.Sprintf("%s %d", what, *id))
	})
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(model.DateLayout)
}

// Upskillings lists a citizen's courses in the order they were added.
func (s *Store) Upskillings(citizenID int64) ([]model.Upskilling, error) {
	rows, err := s.db.Query(`SELECT id, kind, title, status, completed, goals_updated, cv_updated, note
		FROM upskillings WHERE citizen_id = ? ORDER BY id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list upskilling: %w", err)
	}
	defer rows.Close()
	var out []model.Upskilling
	for rows.Next() {
		u := model.Upskilling{CitizenID: citizenID}
		if err := rows.Scan(&u.ID, &u.Kind, &u.Title, &u.Status, scanDate(&u.Completed), &u.GoalsUpdated, &u.CVUpdated, &u.Note); err != nil {
			return nil, fmt.Errorf("scan upskilling: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SaveEducationPlan stores the citizen's education record.
func (s *Store) SaveEducationPlan(e *model.EducationPlan) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return s.inTx("save education", func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO educations (citizen_id, chosen, prior_learning, dyslexia_test, enrolled, start, internship, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (citizen_id) DO UPDATE SET chosen = excluded.chosen, prior_learning = excluded.prior_learning,
				dyslexia_test = excluded.dyslexia_test, enrolled = excluded.enrolled, start = excluded.start,
				internship = excluded.internship, note = excluded.note`,
			e.CitizenID, e.Chosen, e.PriorLearning, e.DyslexiaTest, e.Enrolled, dateText(e.Start), e.Internship, e.Note)
		if err != nil {
			return fmt.Errorf("save education: %w", foreignKey(err))
		}
		return s.audit(tx, model.AuditRecord, e.CitizenID, "education")
	})
}

// EducationPlan returns the citizen's education record, empty when none.
func (s *Store) EducationPlan(citizenID int64) (model.EducationPlan, error) {
	e := model.EducationPlan{CitizenID: citizenID}
	err := s.db.QueryRow(`SELECT chosen, prior_learning, dyslexia_test, enrolled, start, internship, note
		FROM educations WHERE citizen_id = ?`, citizenID).
		Scan(&e.Chosen, &e.PriorLearning, &e.DyslexiaTest, &e.Enrolled, scanDate(&e.Start), &e.Internship, &e.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return e, nil
	}
	if err != nil {
		return e, fmt.Errorf("load education: %w", err)
	}
	return e, nil
}

// SaveCompanyEffort inserts (ID 0) or updates a company effort.
func (s *Store) SaveCompanyEffort(c *model.CompanyEffort) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.saveRecord("company", c.CitizenID, &c.ID,
		`INSERT INTO company_efforts (citizen_id, kind, company, start, end, conditions, outcome, joint_meeting, note)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		`UPDATE company_efforts SET citizen_id = ?, kind = ?, company = ?, start = ?, end = ?, conditions = ?,
		 outcome = ?, joint_meeting = ?, note = ? WHERE id = ?`,
		c.CitizenID, c.Kind, c.Company, dateText(c.Start), dateText(c.End), c.Conditions, c.Outcome,
		dateText(c.JointMeeting), c.Note)
}

// CompanyEfforts lists a citizen's company efforts, oldest first.
func (s *Store) CompanyEfforts(citizenID int64) ([]model.CompanyEffort, error) {
	rows, err := s.db.Query(`SELECT id, kind, company, start, end, conditions, outcome, joint_meeting, note
		FROM company_efforts WHERE citizen_id = ? ORDER BY start, id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list company efforts: %w", err)
	}
	defer rows.Close()
	var out []model.CompanyEffort
	for rows.Next() {
		c := model.CompanyEffort{CitizenID: citizenID}
		if err := rows.Scan(&c.ID, &c.Kind, &c.Company, scanDate(&c.Start), scanDate(&c.End), &c.Conditions, &c.Outcome,
			scanDate(&c.JointMeeting), &c.Note); err != nil {
			return nil, fmt.Errorf("scan company effort: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveTempAgency inserts (ID 0) or updates a registration.
func (s *Store) SaveTempAgency(t *model.TempAgency) error {
	v := &model.ValidationError{}
	model.RequireText(v, "agency", &t.Agency, 120, "error.temp.agency")
	model.CheckLen(v, "note", &t.Note, model.MaxActionLen, "error.note.long")
	if err := v.OrNil(); err != nil {
		return err
	}
	return s.saveRecord("temp agency", t.CitizenID, &t.ID,
		`INSERT INTO temp_agencies (citizen_id, agency, registered, note) VALUES (?, ?, ?, ?)`,
		`UPDATE temp_agencies SET citizen_id = ?, agency = ?, registered = ?, note = ? WHERE id = ?`,
		t.CitizenID, t.Agency, dateText(t.Registered), t.Note)
}

// TempAgencies lists a citizen's temp agency registrations.
func (s *Store) TempAgencies(citizenID int64) ([]model.TempAgency, error) {
	rows, err := s.db.Query(`SELECT id, agency, registered, note FROM temp_agencies WHERE citizen_id = ? ORDER BY id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list temp agencies: %w", err)
	}
	defer rows.Close()
	var out []model.TempAgency
	for rows.Next() {
		t := model.TempAgency{CitizenID: citizenID}
		if err := rows.Scan(&t.ID, &t.Agency, scanDate(&t.Registered), &t.Note); err != nil {
			return nil, fmt.Errorf("scan temp agency: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
