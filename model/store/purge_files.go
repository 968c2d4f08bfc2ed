package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"jobspor/model"
)

// printFolder is where handouts printed from the database go (reports'
// NewService): "udskrifter" beside it.
func (s *Store) printFolder() string { return filepath.Join(filepath.Dir(s.path), "udskrifter") }

// oneCitizenFile matches a handout named for one citizen:
// <kind>-<citizen ID>-<day>[-<time>].pdf (folder, plan, job, ydelse,
// indsigt, and a batch's one file per citizen).
var oneCitizenFile = regexp.MustCompile(`^[a-zæøå]+(?:-[a-zæøå]+)*-([0-9]+)-[0-9]{4}-[0-9]{2}-[0-9]{2}(?:-[0-9]{6})?\.pdf$`)

// forgetFiles removes, after a purge, what outside the database still names
// the purged citizens: their handouts in the print folder, and their records
// in the copies restores kept aside (purgeKeptCopies). Handouts of many
// citizens (call lists, notices, a day's batch in one file) expire instead:
// every handout older than the retention period goes — a purged case closed
// longer ago than that, so its prints are older. cprs are the purged
// citizens' CPR numbers. It returns how many files went.
func (s *Store) forgetFiles(ids map[int64]bool, cprs []string, expired time.Time) int {
	removed := 0
	entries, _ := os.ReadDir(s.printFolder())
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		gone := false
		if m := oneCitizenFile.FindStringSubmatch(e.Name()); m != nil {
			id, err := strconv.ParseInt(m[1], 10, 64)
			gone = err == nil && ids[id]
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(expired) &&
			(strings.HasSuffix(e.Name(), ".pdf") || strings.HasSuffix(e.Name(), ".ics")) {
			gone = true
		}
		if gone && os.Remove(filepath.Join(s.printFolder(), e.Name())) == nil {
			removed++
		}
	}
	if len(ids) > 0 {
		removed += s.purgeKeptCopies(cprs, expired)
	}
	if removed > 0 {
		model.SyncDir(s.printFolder())
		model.SyncDir(filepath.Dir(s.path))
	}
	return removed
}

// keptCopyName matches a copy a restore kept aside: the database's name,
// "-før-gendannelse-" (or "-før-kontor-", the copy a join keeps), the time
// it was kept, and a number within the second.
var keptCopyName = regexp.MustCompile(`-før-(?:gendannelse|kontor)-([0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6})(?:-[0-9]{2})?$`)

// purgeKeptCopies takes the purged citizens out of the copies restores kept
// aside. A copy is a whole database kept as the way back from a restore
// that was a mistake, so it is kept, but without them: inside each copy the
// same rule is applied as in the database (every case closed before the
// cut-off goes), and anyone with a purged citizen's CPR number goes too (a
// case closed after the copy was made). A copy kept before the cut-off has
// expired under the same retention and goes whole, as does one that cannot
// be opened and purged (damaged, from a newer Jobspor). It returns how many
// files were removed.
func (s *Store) purgeKeptCopies(cprs []string, cutoff time.Time) int {
	removed := 0
	kept, _ := filepath.Glob(s.path + "-før-gendannelse-*")
	joined, _ := filepath.Glob(s.path + JoinCopyName + "*")
	kept = append(kept, joined...)
	for _, k := range kept {
		m := keptCopyName.FindStringSubmatch(k)
		if fi, err := os.Lstat(k); m == nil || err != nil || !fi.Mode().IsRegular() {
			continue // a side file (.audit, -wal), or not a copy
		}
		made, err := time.ParseInLocation("2006-01-02-150405", m[1], time.Local)
		if err == nil && !made.Before(cutoff) && s.purgeCopy(k, cprs, cutoff) == nil {
			continue
		}
		removed += removeCopy(k)
	}
	return removed
}

// purgeCopy applies the purge inside the copy at path, in one transaction
// audited in the copy's own trail; closing it empties its -wal, and secure
// deletion leaves none of the removed text in the file.
func (s *Store) purgeCopy(path string, cprs []string, cutoff time.Time) error {
	c, err := OpenExisting(path)
	if err != nil {
		return err
	}
	c.Now, c.User = s.Now, s.User
	err = c.inTx("purge", func(tx *sql.Tx) error {
		ids, err := copyPurgeIDs(tx, cprs, cutoff)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := deleteCitizen(tx, id); err != nil {
				return err
			}
			if err := c.audit(tx, model.AuditPurge, id, "deleted by the purge of the database this copy was kept aside from"); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	os.Remove(lockPath(path))
	return err
}

// copyPurgeIDs are the citizens a kept copy loses: closed before the cut-off,
// or bearing a purged citizen's CPR number.
func copyPurgeIDs(tx *sql.Tx, cprs []string, cutoff time.Time) ([]int64, error) {
	q := `SELECT z.id FROM citizens z JOIN case_closings k ON k.citizen_id = z.id
		WHERE k.closed_on <= ? AND z.status <> ` + lit(model.StatusActive)
	args := []any{cutoff.Format(model.DateLayout)}
	if len(cprs) > 0 {
		q += ` UNION SELECT id FROM citizens WHERE cpr IN (?` + strings.Repeat(`, ?`, len(cprs)-1) + `)`
		for _, c := range cprs {
			args = append(args, c)
		}
	}
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("purge a kept copy: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// removeCopy removes a kept copy with its side files; it returns how many.
func removeCopy(path string) int {
	n := 0
	for _, side := range []string{"", ".audit", "-wal", "-shm", ".lock"} {
		if fi, err := os.Lstat(path + side); err == nil && fi.Mode().IsRegular() && os.Remove(path+side) == nil {
			n++
		}
	}
	return n
}
