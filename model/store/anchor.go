package store

import (
	"bufio"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"jobspor/model"
)

// The anchor file "<database>.audit" holds the audit chain's head outside
// the database. Since version 2 every transaction that writes audit rows
// appends a line (before it commits, under SQLite's write lock, so lines
// follow commit order), as do checks, backups and restores. Each line says
// where the chain stood before and after, where the trail starts (moved
// only by Jobspor's own cut of old rows), and is chained to the line before
// it by a SHA-256 hash, with a running number:
//
//	2 seq at kind prevID prevHash lastID hash startID startHash prevLine lineHash
//
// check walks the lines: each line must start where the one before ended
// (a write that never committed is passed over), and the database's head
// must be the head of a line whose later lines, if any, are commits made
// after check took its snapshot. So rows appended outside Jobspor (even
// correctly sealed), rows cut off, rows rewritten after the last check, a
// trail start moved, and an anchor file edited, cut in the middle or full of
// garbage are all named. What no file beside the database can show is both
// files replaced together by an older consistent pair.

const anchorVersion = "2"

// settingAnchored marks a database whose writes are anchored (version 2):
// its anchor file missing is then a problem, not an old database.
const settingAnchored = "audit.anchored"

// anchorLine is one line of the anchor file.
type anchorLine struct {
	seq        int64
	at         time.Time
	kind       string // write, check, backup, restore
	prev, head model.ChainHead
	start      model.ChainHead
	prevLine   string
	hash       string
	rawLineNo  int
}

func (l anchorLine) body() string {
	i := func(n int64) string { return strconv.FormatInt(n, 10) }
	return strings.Join([]string{anchorVersion, i(l.seq), l.at.UTC().Format(time.RFC3339), l.kind,
		i(l.prev.LastID), l.prev.Hash, i(l.head.LastID), l.head.Hash, i(l.start.LastID), l.start.Hash, l.prevLine}, "\t")
}

func hashLine(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// parseLine reads a version-2 line and checks its own hash.
func parseLine(text string) (anchorLine, bool) {
	f := strings.Split(text, "\t")
	if len(f) != 12 || f[0] != anchorVersion {
		return anchorLine{}, false
	}
	var l anchorLine
	nums := make([]int64, 0, 4)
	for _, k := range []int{1, 4, 6, 8} {
		n, err := strconv.ParseInt(f[k], 10, 64)
		if err != nil {
			return anchorLine{}, false
		}
		nums = append(nums, n)
	}
	at, err := time.Parse(time.RFC3339, f[2])
	if err != nil {
		return anchorLine{}, false
	}
	l.seq, l.at, l.kind = nums[0], at, f[3]
	l.prev = model.ChainHead{LastID: nums[1], Hash: f[5]}
	l.head = model.ChainHead{LastID: nums[2], Hash: f[7]}
	l.start = model.ChainHead{LastID: nums[3], Hash: f[9]}
	l.prevLine, l.hash = f[10], f[11]
	return l, hashLine(l.body()) == l.hash
}

// isV1 tells a line of the first version (at, rows, lastID, hash).
func isV1(text string) bool {
	f := strings.Split(text, "\t")
	if len(f) != 4 {
		return false
	}
	_, err1 := time.Parse(time.RFC3339, f[0])
	_, err2 := strconv.ParseInt(f[1], 10, 64)
	_, err3 := strconv.ParseInt(f[2], 10, 64)
	return err1 == nil && err2 == nil && err3 == nil
}

// readAnchor reads the version-2 lines. Lines of the first version may
// come before them; anything else, a line whose hash does not fit, or a
// break in the numbering or chaining is a broken anchor.
func (s *Store) readAnchor() ([]anchorLine, *model.Message, error) {
	f, err := s.openAnchor(os.O_RDONLY)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	lockWait(f, false)
	var lines []anchorLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 4096), 1<<20)
	n := 0
	broken := func() *model.Message {
		return &model.Message{Key: "audit.anchor.broken", Args: []any{s.anchorPath(), n}}
	}
	for sc.Scan() {
		n++
		text := sc.Text()
		if len(lines) == 0 && isV1(text) {
			continue
		}
		l, ok := parseLine(text)
		if !ok {
			return nil, broken(), nil
		}
		l.rawLineNo = n
		if len(lines) > 0 {
			p := lines[len(lines)-1]
			if l.seq != p.seq+1 || l.prevLine != p.hash {
				return nil, broken(), nil
			}
		} else if l.seq != 1 || l.prevLine != "" {
			return nil, broken(), nil
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		n++
		return nil, broken(), nil
	}
	return lines, nil, nil
}

// lastLine reads the last line of the open anchor file: zero when there is
// no version-2 line at the end.
func lastLine(f *os.File) (anchorLine, bool) {
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return anchorLine{}, false
	}
	from := max(0, fi.Size()-8192)
	buf := make([]byte, fi.Size()-from)
	if _, err := f.ReadAt(buf, from); err != nil && err != io.EOF {
		return anchorLine{}, false
	}
	text := strings.TrimRight(string(buf), "\n")
	if i := strings.LastIndexByte(text, '\n'); i >= 0 {
		text = text[i+1:]
	}
	return parseLine(text)
}

// appendAnchor appends one line, chained to the last, synced to disk.
// onlyAtHead (checks and backups) appends only when the file's last line
// ends where head is: a writer that has moved on since anchored more.
func (s *Store) appendAnchor(kind string, prev, head, start model.ChainHead, onlyAtHead bool) error {
	f, err := s.openAnchor(os.O_RDWR | os.O_CREATE | os.O_APPEND)
	if err != nil {
		var ue *model.UserError
		if errors.As(err, &ue) {
			return err
		}
		return fmt.Errorf("record the audit anchor: %w", err)
	}
	defer f.Close()
	lockWait(f, true)
	last, ok := lastLine(f)
	if onlyAtHead && ok && !sameHead(last.head, head) {
		return nil
	}
	if kind == "close" && !ok {
		return nil // nothing to confirm: a missing anchor stays missing
	}
	l := anchorLine{seq: 1, at: s.Now(), kind: kind, prev: prev, head: head, start: start}
	if ok {
		l.seq, l.prevLine = last.seq+1, last.hash
	}
	l.hash = hashLine(l.body())
	_, err = io.WriteString(f, l.body()+"\t"+l.hash+"\n")
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		return fmt.Errorf("record the audit anchor: %w", err)
	}
	return nil
}

func sameHead(a, b model.ChainHead) bool { return a.LastID == b.LastID && a.Hash == b.Hash }

// recordAnchor records, after a check or a backup, the head it verified.
func (s *Store) recordAnchor(kind string, head, start model.ChainHead) error {
	return s.appendAnchor(kind, head, head, start, kind != "restore")
}

// anchorWrite anchors a transaction that wrote n audit rows, before it
// commits: where the chain stood before (n rows back), where it ends now,
// and where the trail starts.
func (s *Store) anchorWrite(tx *sql.Tx, n int64) (*anchoredHead, error) {
	if s.path == "" {
		return nil, nil
	}
	var head model.ChainHead
	if err := tx.QueryRow(`SELECT audit_id, hash FROM audit_chain ORDER BY audit_id DESC LIMIT 1`).Scan(&head.LastID, &head.Hash); err != nil {
		return nil, fmt.Errorf("anchor the audit trail: %w", err)
	}
	start, err := auditStart(tx)
	if err != nil {
		return nil, err
	}
	prev := model.ChainHead{LastID: head.LastID - n}
	switch err := tx.QueryRow(`SELECT hash FROM audit_chain WHERE audit_id = ?`, prev.LastID).Scan(&prev.Hash); {
	case errors.Is(err, sql.ErrNoRows) && prev.LastID == start.LastID:
		prev.Hash = start.Hash
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("anchor the audit trail: %w", err)
	}
	if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, '2') ON CONFLICT (key) DO NOTHING`, settingAnchored); err != nil {
		return nil, fmt.Errorf("anchor the audit trail: %w", err)
	}
	return &anchoredHead{head: head, start: start}, s.appendAnchor("write", prev, head, start, false)
}

// anchoredHead is where a write this Store anchored left the chain.
type anchoredHead struct{ head, start model.ChainHead }

// confirmClose appends, when the Store closes, a "close" line confirming
// that its last anchored write committed — but only while that write's line
// is still the anchor's last (a later line, of another process or a check,
// already starts where it ended). Without it a newest row deleted together
// with its seal would look like a write killed before its commit: a write
// line with nothing after it whose row never arrived. A killed process
// writes no close line, so a real killed write stays told apart.
func (s *Store) confirmClose() {
	if h := s.committed.Swap(nil); h != nil {
		s.appendAnchor("close", h.head, h.head, h.start, true)
	}
}

// againstAnchor compares the snapshot (q) of a verified chain ending at
// head and starting at start with the anchor's lines. later are the lines
// of commits after the snapshot: checkLater looks them up in the database
// once the snapshot is over.
func (s *Store) againstAnchor(q auditQ, head, start model.ChainHead) (*model.Message, []anchorLine, error) {
	lines, problem, err := s.readAnchor()
	if err != nil || problem != nil {
		return problem, nil, err
	}
	if len(lines) == 0 {
		var marked int
		q.QueryRow(`SELECT count(*) FROM settings WHERE key = ?`, settingAnchored).Scan(&marked)
		if marked > 0 {
			return &model.Message{Key: "audit.anchor.missing", Args: []any{s.anchorPath()}}, nil, nil
		}
		// A database from before the anchor's second version, unless the
		// head kept outside says its anchor was there.
		return s.keptHeadProblem(nil), nil, nil
	}
	if problem := s.keptHeadProblem(lines); problem != nil {
		return problem, nil, nil
	}
	// Walk the lines: each starts where the last committed one ended.
	committed := make([]anchorLine, 0, len(lines))
	pending := lines[0]
	for _, l := range lines[1:] {
		switch {
		case sameHead(l.prev, pending.head):
			committed = append(committed, pending)
		case len(committed) > 0 && pending.kind == "write" && sameHead(l.prev, committed[len(committed)-1].head):
			// the write before never committed
		default:
			return &model.Message{Key: "audit.anchor.outside", Args: []any{l.rawLineNo, pending.head.LastID, l.prev.LastID}}, nil, nil
		}
		pending = l
	}
	all := append(committed, pending)
	// Where does the snapshot stand among them?
	at := -1
	for i := len(all) - 1; i >= 0; i-- {
		if sameHead(all[i].head, head) {
			at = i
			break
		}
	}
	last := all[len(all)-1]
	when := func(l anchorLine) string { return model.DanishDateTime(l.at.Local()) }
	if at < 0 {
		if len(committed) > 0 && sameHead(committed[len(committed)-1].head, head) {
			at = len(committed) - 1
		}
	}
	if at < 0 {
		switch {
		case head.LastID > last.head.LastID:
			return &model.Message{Key: "audit.anchor.ahead", Args: []any{last.head.LastID, head.LastID}}, nil, nil
		case head.LastID < last.head.LastID:
			return &model.Message{Key: "audit.behind", Args: []any{when(last), last.head.LastID, head.LastID}}, nil, nil
		}
		return &model.Message{Key: "audit.rewritten", Args: []any{head.LastID, when(last)}}, nil, nil
	}
	if !sameHead(all[at].start, start) {
		return &model.Message{Key: "audit.anchor.start", Args: []any{all[at].start.LastID, start.LastID}}, nil, nil
	}
	// Every row a line anchored, and that is not cut off, keeps its seal.
	for _, l := range all[:at+1] {
		if l.head.LastID <= start.LastID {
			continue
		}
		var hash string
		err := q.QueryRow(`SELECT hash FROM audit_chain WHERE audit_id = ?`, l.head.LastID).Scan(&hash)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && hash != l.head.Hash) {
			return &model.Message{Key: "audit.rewritten", Args: []any{l.head.LastID, when(l)}}, nil, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read the audit chain: %w", err)
		}
	}
	return nil, all[at+1:], nil
}

// checkLater looks up, after the snapshot, the rows anchored by commits
// made while check read: each must be in the database with its seal. The
// very last line may be a write still committing (or one that never did).
func (s *Store) checkLater(later []anchorLine, head model.ChainHead) *model.Message {
	for i, l := range later {
		var hash string
		err := s.db.QueryRow(`SELECT hash FROM audit_chain WHERE audit_id = ?`, l.head.LastID).Scan(&hash)
		if err == nil && hash == l.head.Hash {
			continue
		}
		if i == len(later)-1 && l.kind == "write" {
			return nil
		}
		if errors.Is(err, sql.ErrNoRows) {
			end := later[len(later)-1]
			return &model.Message{Key: "audit.behind", Args: []any{model.DanishDateTime(end.at.Local()), end.head.LastID, head.LastID}}
		}
		return &model.Message{Key: "audit.rewritten", Args: []any{l.head.LastID, model.DanishDateTime(l.at.Local())}}
	}
	return nil
}
