package reports

import (
	"os"
	"path/filepath"
	"testing"

	"jobspor/model/store/storetest"
)

// TestAStartSweepsOnlyStaleTempFiles: a Jobspor starting (a new Service on
// the same print folder) beside a print under way leaves that print's temp
// file and lock alone; once the print is over (or its owner killed, the
// lock let go) the next start removes what it left, and a temp file whose
// owner's lock is gone (or from before the owners' tokens) goes at once.
func TestAStartSweepsOnlyStaleTempFiles(t *testing.T) {
	s := storetest.Open(t)
	dir := filepath.Join(filepath.Dir(s.Path()), "udskrifter")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	running, err := claim(dir)
	if err != nil {
		t.Fatal(err)
	}
	half, err := os.CreateTemp(dir, running.tempPattern())
	if err != nil {
		t.Fatal(err)
	}
	half.WriteString("%PDF under skrivning")
	half.Close()
	orphan := filepath.Join(dir, tempPrefix+"0123456789abcdef-42")
	legacy := filepath.Join(dir, tempPrefix+"123456")
	for _, p := range []string{orphan, legacy} {
		if err := os.WriteFile(p, []byte("%PDF halv"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	NewService(s, testContent(t))
	if _, err := os.Stat(half.Name()); err != nil {
		t.Fatalf("a start swept the temp file of a print under way: %v", err)
	}
	if _, err := os.Stat(running.lockPath()); err != nil {
		t.Fatalf("a start swept the lock of a print under way: %v", err)
	}
	for _, p := range []string{orphan, legacy} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s, whose owner's lock is gone, was not swept", filepath.Base(p))
		}
	}
	// The owner killed: its lock let go, its lock file and temp file left.
	running.lock.Close()
	owners.Lock()
	delete(owners.m, dir)
	owners.Unlock()
	NewService(s, testContent(t))
	left, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	if len(left) != 0 {
		t.Fatalf("a killed print's files were not swept at the next start: %v", left)
	}
}
