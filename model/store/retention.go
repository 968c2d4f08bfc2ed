package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"jobspor/model"
)

const (
	keyRetentionMonths = "retention.months"
	keyRetentionReason = "retention.reason"
	keyAuditYears      = "retention.audit_years"
)

// Retention is the office's deletion policy (defaults until it sets one).
func (s *Store) Retention() (model.Retention, error) {
	r := model.DefaultRetention
	for key, dst := range map[string]*int{keyRetentionMonths: &r.Months, keyAuditYears: &r.AuditYears} {
		v, err := s.setting(key)
		if err != nil {
			return r, err
		}
		if n, err := strconv.Atoi(v); err == nil {
			*dst = n
		}
	}
	reason, err := s.setting(keyRetentionReason)
	r.Reason = reason
	return r, err
}

// SaveRetention stores the deletion policy in one transaction.
func (s *Store) SaveRetention(r model.Retention) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.saveSettings(map[string]string{keyRetentionMonths: strconv.Itoa(r.Months),
		keyRetentionReason: r.Reason, keyAuditYears: strconv.Itoa(r.AuditYears)})
}

// DueForDeletion lists the closed cases past the retention period on `now`,
// oldest closing first, within the scope.
func (s *Store) DueForDeletion(now time.Time, scope model.Scope) ([]model.DueForDeletion, error) {
	r, err := s.Retention()
	if err != nil {
		return nil, err
	}
	cutoff := model.Day(now).AddDate(0, -r.Months, 0)
	q := `SELECT z.id, z.name, z.status, z.caseworker, k.closed_on FROM case_closings k
		JOIN citizens z ON z.id = k.citizen_id
		WHERE k.closed_on <= ? AND z.status <> ` + lit(model.StatusActive)
	args := []any{cutoff.Format(model.DateLayout)}
	cond, more := scopeCond("z.caseworker", scope)
	q, args = q+cond, append(args, more...)
	rows, err := s.db.Query(q+` ORDER BY k.closed_on, z.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("cases due for deletion: %w", err)
	}
	defer rows.Close()
	var out []model.DueForDeletion
	for rows.Next() {
		var d model.DueForDeletion
		if err := rows.Scan(&d.CitizenID, &d.Name, &d.Status, &d.Caseworker, scanDate(&d.ClosedOn)); err != nil {
			return nil, fmt.Errorf("scan case due for deletion: %w", err)
		}
		d.DeleteFrom = r.DeleteFrom(d.ClosedOn)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Purge deletes the given closed cases that are past their time (all of
// them when ids is nil), and cuts off audit rows past the audit's own
// retention, in one transaction. Each deleted case leaves one audit row: a
// case was deleted, when it was closed, and the policy — no name, no CPR.
// A dry run reports the same figures and changes nothing.
func (s *Store) Purge(ids []int64, now time.Time, dryRun bool) (model.PurgeResult, error) {
	var res model.PurgeResult
	r, err := s.Retention()
	if err != nil {
		return res, err
	}
	due, err := s.DueForDeletion(now, model.WholeOffice)
	if err != nil {
		return res, err
	}
	chosen := pick(due, ids)
	var cprs []string
	err = s.inTx("purge", func(tx *sql.Tx) error {
		for _, d := range chosen {
			var cpr string
			if err := tx.QueryRow(`SELECT cpr FROM citizens WHERE id = ?`, d.CitizenID).Scan(&cpr); err == nil && cpr != "" {
				cprs = append(cprs, cpr) // to find them in the copies kept aside
			}
			if err := deleteCitizen(tx, d.CitizenID); err != nil {
				return err
			}
			detail := fmt.Sprintf("case closed %s deleted after %d months (retention policy)",
				d.ClosedOn.Format(model.DateLayout), r.Months)
			if err := s.audit(tx, model.AuditPurge, d.CitizenID, detail); err != nil {
				return err
			}
		}
		res.Cases, res.Citizens = chosen, len(chosen)
		if res.AuditRows, err = s.cutAudit(tx, r.AuditCutBefore(now)); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return res, nil
	}
	if err == nil {
		ids := map[int64]bool{}
		for _, d := range chosen {
			ids[d.CitizenID] = true
		}
		res.Files = s.forgetFiles(ids, cprs, now.AddDate(0, -r.Months, 0))
	}
	return res, err
}

var errDryRun = errors.New("dry run")

// pick keeps the due cases whose IDs are asked for (all when ids is nil);
// an ID not due is ignored, so nothing still within its time is deleted.
func pick(due []model.DueForDeletion, ids []int64) []model.DueForDeletion {
	if ids == nil {
		return due
	}
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []model.DueForDeletion
	for _, d := range due {
		if want[d.CitizenID] {
			out = append(out, d)
		}
	}
	return out
}

// cutAudit removes the audit rows written before `before` with their seals
// and keeps the last cut row's ID and seal as the chain's new start, so the
// check still verifies what remains. The append-only triggers are lifted
// only inside this transaction. It returns the number of rows cut.
func (s *Store) cutAudit(tx *sql.Tx, before time.Time) (int, error) {
	var last sql.NullInt64
	if err := tx.QueryRow(`SELECT max(id) FROM audit WHERE at < ?`, before.UTC().Format(time.RFC3339)).Scan(&last); err != nil {
		return 0, fmt.Errorf("cut the audit trail: %w", err)
	}
	if !last.Valid {
		return 0, nil
	}
	var hash string
	if err := tx.QueryRow(`SELECT hash FROM audit_chain WHERE audit_id = ?`, last.Int64).Scan(&hash); err != nil {
		return 0, fmt.Errorf("cut the audit trail: the seal of row %d: %w", last.Int64, err)
	}
	n, err := deleteAuditThrough(tx, last.Int64)
	if err != nil {
		return 0, err
	}
	if _, err := tx.Exec(`INSERT INTO audit_start (id, last_id, hash, cut_at) VALUES (1, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash, cut_at = excluded.cut_at`,
		last.Int64, hash, s.Now().UTC().Format(time.RFC3339)); err != nil {
		return 0, fmt.Errorf("cut the audit trail: %w", err)
	}
	return n, appendAudit(tx, s.auditRow(model.AuditPurge, sql.NullInt64{}, fmt.Sprintf("audit rows through %d cut", last.Int64)))
}

func deleteAuditThrough(tx *sql.Tx, last int64) (int, error) {
	exec := func(q string, args ...any) (sql.Result, error) {
		res, err := tx.Exec(q, args...)
		if err != nil {
			return nil, fmt.Errorf("cut the audit trail: %w", err)
		}
		return res, nil
	}
	if _, err := exec(`DROP TRIGGER audit_no_delete`); err != nil {
		return 0, err
	}
	if _, err := exec(`DROP TRIGGER audit_chain_no_delete`); err != nil {
		return 0, err
	}
	if _, err := exec(`DELETE FROM audit_chain WHERE audit_id <= ?`, last); err != nil {
		return 0, err
	}
	res, err := exec(`DELETE FROM audit WHERE id <= ?`, last)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if _, err := exec(`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
		BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END`); err != nil {
		return 0, err
	}
	_, err = exec(`CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
		BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END`)
	return int(n), err
}

// auditStart is where the chain starts: the genesis, or the last cut row.
func auditStart(q queryRower) (model.ChainHead, error) {
	head := model.ChainHead{Hash: genesis}
	err := q.QueryRow(`SELECT last_id, hash FROM audit_start WHERE id = 1`).Scan(&head.LastID, &head.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return head, nil
	}
	if err != nil {
		return head, fmt.Errorf("read where the audit trail starts: %w", err)
	}
	return head, nil
}
