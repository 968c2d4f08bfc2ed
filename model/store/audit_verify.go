package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"jobspor/model"
)

// auditQ reads: the Store's pool, or one read transaction (a snapshot).
type auditQ interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// verifyAudit recomputes the seal of every audit row in order, in one
// snapshot of the database, and returns the chain's head, or a message
// naming the first row that does not fit.
func (s *Store) verifyAudit() (model.ChainHead, *model.Message, error) {
	tx, err := s.db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return model.ChainHead{}, nil, explainBusy(fmt.Errorf("read the audit trail: %w", err))
	}
	defer tx.Rollback()
	return verifyAuditIn(tx)
}

// verifyAuditIn is verifyAudit on q.
func verifyAuditIn(q auditQ) (model.ChainHead, *model.Message, error) {
	head, err := auditStart(q) // before the rows are open: one connection
	if err != nil {
		return head, nil, err
	}
	rows, err := q.Query(`SELECT a.id, a.at, a.user_name, a.action, a.citizen_id, a.detail, c.hash
		FROM audit a LEFT JOIN audit_chain c ON c.audit_id = a.id ORDER BY a.id`)
	if err != nil {
		return model.ChainHead{}, nil, fmt.Errorf("read the audit trail: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.id, &r.at, &r.user, &r.action, &r.citizen, &r.detail, &r.sealed); err != nil {
			return head, nil, fmt.Errorf("scan audit row: %w", err)
		}
		if problem := advance(&head, r); problem != nil {
			return head, problem, nil
		}
	}
	if err := rows.Err(); err != nil {
		return head, nil, fmt.Errorf("read the audit trail: %w", err)
	}
	problem, err := sealsBeyond(q, head)
	return head, problem, err
}

// advance checks one row against the chain so far and moves the head on.
func advance(head *model.ChainHead, r auditRow) *model.Message {
	switch {
	case r.id != head.LastID+1:
		return &model.Message{Key: "audit.gap", Args: []any{head.LastID + 1, r.id - 1}}
	case !r.sealed.Valid:
		return &model.Message{Key: "audit.unsealed", Args: []any{r.id}}
	case r.seal(head.Hash) != r.sealed.String:
		return &model.Message{Key: "audit.forged", Args: []any{r.id}}
	}
	head.Rows, head.LastID, head.Hash = head.Rows+1, r.id, r.sealed.String
	return nil
}

// sealsBeyond finds seals of rows that are gone from the end of the trail.
func sealsBeyond(q auditQ, head model.ChainHead) (*model.Message, error) {
	var n int64
	if err := q.QueryRow(`SELECT count(*) FROM audit_chain WHERE audit_id > ?`, head.LastID).Scan(&n); err != nil {
		return nil, fmt.Errorf("read the audit chain: %w", err)
	}
	if n > 0 {
		return &model.Message{Key: "audit.truncated", Args: []any{n, head.LastID}}, nil
	}
	return nil, nil
}

// anchorPath is the file beside the database where every transaction that
// writes audit rows, every check and every backup records the chain's head
// (see anchor.go).
func (s *Store) anchorPath() string { return s.path + ".audit" }

// openAnchor opens the anchor file, never through a link: a link planted
// in its place would have the anchor written, or read, elsewhere.
func (s *Store) openAnchor(flag int) (*os.File, error) {
	p := s.anchorPath()
	if fi, err := os.Lstat(p); err == nil && !fi.Mode().IsRegular() {
		return nil, model.NewUserError("error.audit.anchorlink", nil, p)
	}
	f, err := os.OpenFile(p, flag|oNoFollow, 0o600)
	if err != nil && isLinkRefused(err) {
		return nil, model.NewUserError("error.audit.anchorlink", err, p)
	}
	return f, err
}

// AuditHead verifies the chain and returns its head; a broken chain is an error.
func (s *Store) AuditHead() (model.ChainHead, error) {
	head, problem, err := s.verifyAudit()
	if err == nil && problem != nil {
		err = &model.UserError{Msg: *problem}
	}
	return head, err
}
