package store

import (
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
// the purged citizens: their handouts in the print folder, and the copies
// restores kept aside (which hold them in full). Handouts of many citizens
// (call lists, notices, a day's batch in one file) expire instead: every
// handout older than the retention period goes — a purged case closed
// longer ago than that, so its prints are older. It returns how many files
// went.
func (s *Store) forgetFiles(ids map[int64]bool, expired time.Time) int {
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
	if len(ids) == 0 {
		return removed
	}
	kept, _ := filepath.Glob(s.path + "-før-gendannelse-*")
	for _, k := range kept {
		if fi, err := os.Lstat(k); err == nil && fi.Mode().IsRegular() && os.Remove(k) == nil {
			removed++
		}
	}
	if removed > 0 {
		model.SyncDir(s.printFolder())
		model.SyncDir(filepath.Dir(s.path))
	}
	return removed
}
