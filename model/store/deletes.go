package store

import (
	"database/sql"
	"errors"
	"fmt"

	"jobspor/model"
)

// Deleting corrects a mistake: each delete is one transaction, audited by
// kind and ID only (never the values), and — with secure_delete on and the
// -wal emptied after it (textWatch) — leaves none of the text in the files.

// DeleteConversation removes a conversation and the jobs shown in it; job-log
// lines agreed in it stay, no longer tied to it.
func (s *Store) DeleteConversation(id int64) error {
	return s.deleteRow("delete conversation", "conversations", "conversation", id)
}

// DeleteApplication removes a line of the citizen's job log.
func (s *Store) DeleteApplication(id int64) error {
	return s.deleteRow("delete application", "applications", "joblog", id)
}

// DeleteCitizen removes a citizen created by mistake and every record about
// them; the audit keeps only that citizen number N was deleted.
func (s *Store) DeleteCitizen(id int64) error {
	return s.inTx("delete citizen", func(tx *sql.Tx) error {
		if err := deleteCitizen(tx, id); err != nil {
			return err
		}
		return s.audit(tx, model.AuditDelete, id, "citizen")
	})
}

func deleteCitizen(tx *sql.Tx, id int64) error {
	res, err := tx.Exec(`DELETE FROM citizens WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete citizen %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete citizen %d: %w", id, model.ErrNotFound)
	}
	return nil
}

// DeleteJob removes an opening from the job list (filled or entered by
// mistake). Job-log lines that pointed at it keep its title and employer as
// their text, so the citizen's log still reads.
func (s *Store) DeleteJob(id int64) error {
	return s.inTx("delete job", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE applications SET text = (SELECT title || ', ' || employer FROM jobs WHERE id = ?)
			WHERE job_id = ? AND text = ''`, id, id); err != nil {
			return fmt.Errorf("delete job %d: %w", id, err)
		}
		res, err := tx.Exec(`DELETE FROM jobs WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete job %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("delete job %d: %w", id, model.ErrNotFound)
		}
		return appendAudit(tx, s.auditRow(model.AuditDelete, sql.NullInt64{}, fmt.Sprintf("job %d", id)))
	})
}

// deleteRow deletes one row of a citizen's table by ID and audits the kind.
func (s *Store) deleteRow(what, table, kind string, id int64) error {
	return s.inTx(what, func(tx *sql.Tx) error {
		var citizen int64
		err := tx.QueryRow(`SELECT citizen_id FROM `+table+` WHERE id = ?`, id).Scan(&citizen)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s %d: %w", what, id, model.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("%s %d: %w", what, id, err)
		}
		if _, err := tx.Exec(`DELETE FROM `+table+` WHERE id = ?`, id); err != nil {
			return fmt.Errorf("%s %d: %w", what, id, err)
		}
		return s.audit(tx, model.AuditDelete, citizen, fmt.Sprintf("%s %d", kind, id))
	})
}
