package store

import (
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// BenchmarkBackup10k: a backup of the 10,000-citizen demo database, read
// back and verified (the passphrase's scrypt cost is paid once, when set).
func BenchmarkBackup10k(b *testing.B) {
	s, _ := benchData(b)
	if err := s.SetBackupPassphrase("benchmark-kode"); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for b.Loop() {
		if _, err := s.Backup(dir, 1); err != nil {
			b.Fatal(err)
		}
	}
}

var (
	chainOnce  sync.Once
	chainStore *Store
	chainErr   error
)

// BenchmarkVerifyAuditChain1M recomputes the seals of a 1,000,000-row trail.
func BenchmarkVerifyAuditChain1M(b *testing.B) {
	chainOnce.Do(func() { chainStore, chainErr = millionRowTrail(filepath.Join(benchDirFor(b), "chain.db")) })
	if chainErr != nil {
		b.Fatal(chainErr)
	}
	for b.Loop() {
		head, problem, err := chainStore.verifyAudit()
		if err != nil || problem != nil || head.Rows != 1_000_000 {
			b.Fatalf("verify: %d rows, %v, %v", head.Rows, problem, err)
		}
	}
}

func millionRowTrail(path string) (*Store, error) {
	s, err := Open(path)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.Begin()
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	st, err := tx.Prepare(`INSERT INTO audit (at, user_name, action, citizen_id, detail) VALUES (?, 'mk', 'view', ?, '')`)
	if err != nil {
		return nil, err
	}
	at := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 1_000_000; i++ {
		if _, err := st.Exec(at.Add(time.Duration(i)*time.Second).Format(time.RFC3339), i%10000+1); err != nil {
			return nil, err
		}
	}
	st.Close()
	if err := sealNew(tx); err != nil {
		return nil, err
	}
	return s, tx.Commit()
}

var chainDir string

func benchDirFor(b *testing.B) string {
	if chainDir == "" {
		chainDir = b.TempDir()
	}
	return chainDir
}
