package office

import (
	"path/filepath"
	"sync"
	"testing"
)

// Parts of the window ask for the caseworker's identity at once (the first
// sync beside a hand-over): every caller gets the same identity, and none
// reads a half-written file.
func TestTheIdentityMadeOnceWhenAskedAtOnce(t *testing.T) {
	for round := 0; round < 20; round++ {
		path := filepath.Join(t.TempDir(), "jobspor", "office-identity.txt")
		var wg sync.WaitGroup
		got := make([]string, 8)
		errs := make([]error, 8)
		for i := range got {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				id, err := LoadOrMakeIdentity(path)
				if err == nil {
					got[i] = id.Recipient().String()
				}
				errs[i] = err
			}(i)
		}
		wg.Wait()
		for i := range got {
			if errs[i] != nil {
				t.Fatalf("round %d: caller %d: %v", round, i, errs[i])
			}
			if got[i] != got[0] {
				t.Fatalf("round %d: two identities made: %s and %s", round, got[0], got[i])
			}
		}
	}
}
