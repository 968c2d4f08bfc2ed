package model

import (
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
