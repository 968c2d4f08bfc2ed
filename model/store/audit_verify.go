package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"jobspor/model"
)

// verifyAudit recomputes the seal of every audit row in order and returns
// the chain's head, or a message naming the first row that does not fit.
func (s *Store) verifyAudit() (model.ChainHead, *model.Message, error) {
	head, err := auditStart(s.db) // before the rows are open: one connection
	if err != nil {
		return head, nil, err
	}
	rows, err := s.db.Query(`SELECT a.id, a.at, a.user_name, a.action, a.citizen_id, a.detail, c.hash
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
	problem, err := s.sealsBeyond(head)
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
func (s *Store) sealsBeyond(head model.ChainHead) (*model.Message, error) {
	var n int64
	if err := s.db.QueryRow(`SELECT count(*) FROM audit_chain WHERE audit_id > ?`, head.LastID).Scan(&n); err != nil {
		return nil, fmt.Errorf("read the audit chain: %w", err)
	}
	if n > 0 {
		return &model.Message{Key: "audit.truncated", Args: []any{n, head.LastID}}, nil
	}
	return nil, nil
}

// anchorPath is the file beside the database where every check and backup
// records the chain's head: rows cut off the end of the trail (with their
// seals) are found against it.
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

// anchor is one recorded head and when it was recorded.
type anchor struct {
	at   time.Time
	head model.ChainHead
}

// lastAnchor reads the newest recorded head; ok is false when none is.
func (s *Store) lastAnchor() (anchor, bool, error) {
	f, err := s.openAnchor(os.O_RDONLY)
	if errors.Is(err, os.ErrNotExist) {
		return anchor{}, false, nil
	}
	if err != nil {
		return anchor{}, false, fmt.Errorf("read the audit anchor: %w", err)
	}
	defer f.Close()
	var last anchor
	var ok bool
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if a, good := parseAnchor(sc.Text()); good {
			last, ok = a, true
		}
	}
	return last, ok, sc.Err()
}

func parseAnchor(line string) (anchor, bool) {
	f := strings.Split(line, "\t")
	if len(f) != 4 {
		return anchor{}, false
	}
	at, err1 := time.Parse(time.RFC3339, f[0])
	rows, err2 := strconv.ParseInt(f[1], 10, 64)
	last, err3 := strconv.ParseInt(f[2], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return anchor{}, false
	}
	return anchor{at, model.ChainHead{Rows: rows, LastID: last, Hash: f[3]}}, true
}

// recordAnchor appends the head to the anchor file (0600), synced to disk.
func (s *Store) recordAnchor(head model.ChainHead) error {
	f, err := s.openAnchor(os.O_APPEND | os.O_CREATE | os.O_WRONLY)
	if err != nil {
		var ue *model.UserError
		if errors.As(err, &ue) {
			return err
		}
		return fmt.Errorf("record the audit anchor: %w", err)
	}
	_, err = fmt.Fprintf(f, "%s\t%d\t%d\t%s\n", s.Now().UTC().Format(time.RFC3339), head.Rows, head.LastID, head.Hash)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("record the audit anchor: %w", err)
	}
	return nil
}

// againstAnchor compares the verified chain with the last recorded head:
// the trail must still hold that row with that seal.
func (s *Store) againstAnchor(head model.ChainHead) (*model.Message, error) {
	a, ok, err := s.lastAnchor()
	if err != nil || !ok {
		return nil, err
	}
	when := model.DanishDateTime(a.at.Local())
	if start, err := auditStart(s.db); err != nil || a.head.LastID <= start.LastID {
		return nil, err // the recorded row was cut off past the audit's retention
	}
	if head.LastID < a.head.LastID {
		return &model.Message{Key: "audit.behind", Args: []any{when, a.head.LastID, head.LastID}}, nil
	}
	var hash string
	err = s.db.QueryRow(`SELECT hash FROM audit_chain WHERE audit_id = ?`, a.head.LastID).Scan(&hash)
	if err != nil || hash != a.head.Hash {
		return &model.Message{Key: "audit.rewritten", Args: []any{a.head.LastID, when}}, nil
	}
	return nil, nil
}

// AuditHead verifies the chain and returns its head; a broken chain is an error.
func (s *Store) AuditHead() (model.ChainHead, error) {
	head, problem, err := s.verifyAudit()
	if err == nil && problem != nil {
		err = &model.UserError{Msg: *problem}
	}
	return head, err
}
