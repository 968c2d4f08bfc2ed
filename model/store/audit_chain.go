package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
)

// genesis is the "previous hash" of the first audit row.
const genesis = "jobspor-audit-v1"

// auditRow is an audit entry as the chain hashes it.
type auditRow struct {
	id                       int64
	at, user, action, detail string
	citizen                  sql.NullInt64
	sealed                   sql.NullString
}

// seal is the row's hash over its content and the previous row's hash.
func (r auditRow) seal(prev string) string {
	buf := make([]byte, 0, 128+len(r.detail))
	buf = append(buf, prev...)
	buf = strconv.AppendInt(append(buf, 0x1f), r.id, 10)
	for _, s := range []string{r.at, r.user, r.action} {
		buf = append(append(buf, 0x1f), s...)
	}
	buf = append(buf, 0x1f)
	if r.citizen.Valid {
		buf = strconv.AppendInt(buf, r.citizen.Int64, 10)
	}
	buf = append(append(buf, 0x1f), r.detail...)
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// appendAudit writes one audit row and its seal inside the caller's transaction.
func appendAudit(tx *sql.Tx, r auditRow) error {
	res, err := tx.Exec(`INSERT INTO audit (at, user_name, action, citizen_id, detail) VALUES (?, ?, ?, ?, ?)`,
		r.at, r.user, r.action, r.citizen, r.detail)
	if err != nil {
		return fmt.Errorf("write audit entry (%s): %w", r.action, err)
	}
	if r.id, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("audit entry id: %w", err)
	}
	prev, err := lastSeal(tx)
	if err != nil {
		return err
	}
	return writeSeal(tx, r.id, r.seal(prev))
}

func lastSeal(q queryRower) (string, error) {
	var h string
	err := q.QueryRow(`SELECT hash FROM audit_chain ORDER BY audit_id DESC LIMIT 1`).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return genesis, nil
	}
	if err != nil {
		return "", fmt.Errorf("read the audit chain: %w", err)
	}
	return h, nil
}

func writeSeal(tx *sql.Tx, id int64, hash string) error {
	if _, err := tx.Exec(`INSERT INTO audit_chain (audit_id, hash) VALUES (?, ?)`, id, hash); err != nil {
		return fmt.Errorf("seal audit entry %d: %w", id, err)
	}
	return nil
}

// sealExisting seals the rows written before the chain existed (migration 0005).
func sealExisting(tx *sql.Tx) error { return sealNew(tx) }

// sealNew seals, in order, the audit rows this transaction wrote in bulk
// after the last sealed one.
func sealNew(tx *sql.Tx) error {
	var last int64
	if err := tx.QueryRow(`SELECT coalesce(max(audit_id), 0) FROM audit_chain`).Scan(&last); err != nil {
		return fmt.Errorf("read the audit chain: %w", err)
	}
	prev, err := lastSeal(tx)
	if err != nil {
		return err
	}
	rows, err := readAudit(tx, last)
	if err != nil {
		return err
	}
	for _, r := range rows {
		prev = r.seal(prev)
		if err := writeSeal(tx, r.id, prev); err != nil {
			return err
		}
	}
	return nil
}

// readAudit reads the audit rows after id, with their seals, in id order.
func readAudit(q interface {
	Query(string, ...any) (*sql.Rows, error)
}, after int64) ([]auditRow, error) {
	rows, err := q.Query(`SELECT a.id, a.at, a.user_name, a.action, a.citizen_id, a.detail, c.hash
		FROM audit a LEFT JOIN audit_chain c ON c.audit_id = a.id WHERE a.id > ? ORDER BY a.id`, after)
	if err != nil {
		return nil, fmt.Errorf("read the audit trail: %w", err)
	}
	defer rows.Close()
	var out []auditRow
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.id, &r.at, &r.user, &r.action, &r.citizen, &r.detail, &r.sealed); err != nil {
			return nil, fmt.Errorf("scan audit row: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
