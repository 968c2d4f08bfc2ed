package model

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// DataDir is where Jobspor keeps its databases: a local, non-roaming folder
// (%LOCALAPPDATA%\Jobspor, ~/Library/Application Support/Jobspor,
// $XDG_DATA_HOME/jobspor or ~/.local/share/jobspor).
func DataDir() (string, error) {
	home, err := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "Jobspor"), nil
		}
		return filepath.Join(home, "AppData", "Local", "Jobspor"), err
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "Jobspor"), err
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "jobspor"), nil
	}
	return filepath.Join(home, ".local", "share", "jobspor"), err
}

// DefaultDBPath is the office's real database.
func DefaultDBPath() (string, error) {
	d, err := DataDir()
	return filepath.Join(d, "jobspor.db"), err
}

// DemoDBPath is the database the README's run command fills with demo data,
// kept apart so demo citizens never mix with real ones.
func DemoDBPath() (string, error) {
	d, err := DataDir()
	return filepath.Join(d, "demo.db"), err
}

// SyncDir makes a rename or a new file in dir durable: the folder's entry
// reaches the disk. Windows refuses to sync a folder (access denied, or
// invalid on some file systems); there the rename itself is what it offers.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, os.ErrPermission) {
		return err
	}
	return nil
}
