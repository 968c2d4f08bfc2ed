package store

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"

	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jobspor/model"
)

// A rollback of both files — the database and its anchor file replaced
// together by an older copy of the pair — leaves a pair that agrees with
// itself. So the anchor's newest line is also kept outside the data folder,
// in the user's configuration folder ("kept head"): whenever a Store closes,
// a check or a backup passes, or a restore puts a database in place. check
// compares both ways: the anchor must still hold the kept line (same
// number, same hash, the same first line: the same history), and the kept
// line must be one of the anchor's. What it cannot see: a rollback to a
// pair copied after the last close, check or backup (while a Jobspor that
// was then killed had it open), and both files and the kept head replaced
// together by someone who can write in the user's own folders.

// keptHeadDir is the folder of kept heads; tests point it elsewhere.
var keptHeadDir = func() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "jobspor", "revisionsanker"), nil
}

// keptHead is the anchor line kept outside the data folder.
type keptHead struct {
	seq   int64
	hash  string
	first string // the hash of the anchor's first line: its history
	at    time.Time
	// next is, while a restore puts its pair in place, the first line's
	// hash of the restored anchor: a restore killed between its renames
	// leaves either pair, and both are Jobspor's.
	next string
}

// keptHeadPath names the kept head of the database at dbPath.
func keptHeadPath(dbPath string) (string, error) {
	dir, err := keptHeadDir()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(lockKey(dbPath)))
	return filepath.Join(dir, hex.EncodeToString(sum[:16])+".anker"), nil
}

// readKeptHead reads the kept head: nil when there is none.
func readKeptHead(dbPath string) *keptHead {
	p, err := keptHeadPath(dbPath)
	if err != nil {
		return nil
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	f := strings.Split(strings.TrimRight(string(raw), "\n"), "\t")
	if (len(f) != 5 && len(f) != 6) || f[0] != "1" {
		return nil
	}
	seq, err1 := strconv.ParseInt(f[1], 10, 64)
	at, err2 := time.Parse(time.RFC3339, f[4])
	if err1 != nil || err2 != nil {
		return nil
	}
	k := &keptHead{seq: seq, hash: f[2], first: f[3], at: at}
	if len(f) == 6 {
		k.next = f[5]
	}
	return k
}

// keepHead keeps the anchor's newest line outside the data folder. It is
// best effort: a configuration folder that cannot be written leaves the
// check as strong as the anchor alone.
func keepHead(dbPath string, now time.Time) {
	first, last, ok := anchorEnds(dbPath + ".audit")
	if ok {
		writeKept(dbPath, fmt.Sprintf("1\t%d\t%s\t%s\t%s\n", last.seq, last.hash, first.hash, now.UTC().Format(time.RFC3339)))
	}
}

// keepHeadRestoring keeps, before a restore renames its pair into place,
// both the current anchor's newest line and the first line of the restored
// anchor at next: after a kill either pair is found and neither is named.
func keepHeadRestoring(dbPath, next string, now time.Time) {
	nf, _, ok := anchorEnds(next)
	if !ok {
		return
	}
	first, last, ok := anchorEnds(dbPath + ".audit")
	if !ok {
		first, last = anchorLine{}, anchorLine{}
	}
	writeKept(dbPath, fmt.Sprintf("1\t%d\t%s\t%s\t%s\t%s\n", last.seq, last.hash, first.hash, now.UTC().Format(time.RFC3339), nf.hash))
}

// writeKept replaces the kept head of dbPath with text, atomically.
func writeKept(dbPath, text string) {
	p, err := keptHeadPath(dbPath)
	if err != nil || os.MkdirAll(filepath.Dir(p), 0o700) != nil {
		return
	}
	tmp := p + "." + randomName()
	f, err := createPrivate(tmp)
	if err != nil {
		return
	}
	_, err = f.WriteString(text)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
		return
	}
	model.SyncDir(filepath.Dir(p))
}

// forgetHead removes the kept head of a database just made new at dbPath:
// a new database is not a rollback of the one that was there.
func forgetHead(dbPath string) {
	if p, err := keptHeadPath(dbPath); err == nil {
		os.Remove(p)
	}
}

// anchorEnds reads the anchor file's first and last version-2 lines.
func anchorEnds(path string) (first, last anchorLine, ok bool) {
	f, err := os.OpenFile(path, os.O_RDONLY|oNoFollow, 0)
	if err != nil {
		return first, last, false
	}
	defer f.Close()
	lockWait(f, false)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 4096), 1<<20)
	for sc.Scan() {
		if l, good := parseLine(sc.Text()); good {
			first, ok = l, true
			break
		}
	}
	if !ok {
		return first, last, false
	}
	last, ok = lastLine(f)
	return first, last, ok
}

// keptHeadProblem compares the anchor's lines with the head kept outside.
func (s *Store) keptHeadProblem(lines []anchorLine) *model.Message {
	k := readKeptHead(s.path)
	if k == nil {
		return nil
	}
	if k.next != "" && len(lines) > 0 && lines[0].hash == k.next {
		return nil // a restore's pair, put in place
	}
	if k.first == "" {
		return nil // nothing was known of the pair before the restore
	}
	when := model.DanishDateTime(k.at.Local())
	switch {
	case len(lines) == 0 || lines[0].hash != k.first:
		return &model.Message{Key: "audit.kept.replaced", Args: []any{when}}
	case k.seq > lines[len(lines)-1].seq:
		return &model.Message{Key: "audit.kept.older", Args: []any{when, k.seq, lines[len(lines)-1].seq}}
	case k.seq < 1 || lines[k.seq-1].hash != k.hash:
		return &model.Message{Key: "audit.kept.replaced", Args: []any{when}}
	}
	return nil
}
