package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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
// restores kept aside (which hold them in full). It returns how many files
// went.
func (s *Store) forgetFiles(ids map[int64]bool) int {
	removed := 0
	entries, _ := os.ReadDir(s.printFolder())
	for _, e := range entries {
		m := oneCitizenFile.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		if id, err := strconv.ParseInt(m[1], 10, 64); err == nil && ids[id] {
			if os.Remove(filepath.Join(s.printFolder(), e.Name())) == nil {
				removed++
			}
		}
	}
	kept, _ := filepath.Glob(s.path + "-før-gendannelse-*")
	for _, k := range kept {
		if fi, err := os.Lstat(k); err == nil && fi.Mode().IsRegular() && os.Remove(k) == nil {
			removed++
		}
	}
	if removed > 0 {
		syncDir(s.printFolder())
		syncDir(filepath.Dir(s.path))
	}
	return removed
}
