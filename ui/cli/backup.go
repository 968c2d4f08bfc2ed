package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"jobspor/model"
)

// runBackup makes an encrypted backup into --to, the office's folder, or
// the data folder's "sikkerhedskopier". The first backup sets the passphrase.
func runBackup(e *Env, args []string) error {
	fs := newFlags("backup")
	db := dbFlag(fs)
	to := fs.String("to", "", "mappe til sikkerhedskopien (standard: kontorets valgte mappe)")
	passFile := fs.String("passphrase-file", "", "fil med adgangskoden (i stedet for at skrive den)")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withStore(e, *db, func(s Store) error {
		if err := ensureBackupKey(e, s, *passFile); err != nil {
			return err
		}
		folder, keep, err := backupFolder(s, *to)
		if err != nil {
			return err
		}
		info, err := s.Backup(folder, keep)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "ok: sikkerhedskopi %s (revisionsspor: %d rækker)\n", info.Path, info.Audit.Rows)
		return nil
	})
}

// ensureBackupKey asks for a passphrase the first time only.
func ensureBackupKey(e *Env, s Store, passFile string) error {
	has, err := s.HasBackupKey()
	if err != nil || has {
		return err
	}
	pass, err := passphrase(e, passFile, "Vælg en adgangskode til sikkerhedskopier: ")
	if err != nil {
		return err
	}
	return s.SetBackupPassphrase(pass)
}

func backupFolder(s Store, to string) (string, int, error) {
	b, err := s.BackupSettings()
	if err != nil {
		return "", 0, err
	}
	switch {
	case to != "":
		return to, b.Keep, nil
	case b.Folder != "":
		return b.Folder, b.Keep, nil
	}
	dir, err := model.DataDir()
	return filepath.Join(dir, "sikkerhedskopier"), b.Keep, err
}

// runRestore puts a backup in place of the database, keeping it aside.
func runRestore(e *Env, args []string) error {
	fs := newFlags("restore")
	db := dbFlag(fs)
	passFile := fs.String("passphrase-file", "", "fil med adgangskoden (i stedet for at skrive den)")
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageError{msg: "angiv sikkerhedskopien: jobspor restore FIL [--db MÅL]"}
	}
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	target, err := dbPath(*db, model.DefaultDBPath)
	if err != nil {
		return err
	}
	pass, err := passphrase(e, *passFile, "Adgangskode til sikkerhedskopien: ")
	if err != nil {
		return err
	}
	info, err := e.Restore(args[0], target, pass)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "ok: %s er gendannet fra sikkerhedskopien af %s\n", target, model.DanishDateTime(info.Made.Local()))
	if info.KeptAside != "" {
		fmt.Fprintf(e.Stdout, "den hidtidige database er gemt som %s\n", info.KeptAside)
	}
	return nil
}

// passphrase reads the passphrase from the file, else from the terminal.
func passphrase(e *Env, file, prompt string) (string, error) {
	if file != "" {
		data, err := readInput(file)
		if err != nil {
			return "", err
		}
		return strings.TrimRight(string(data), "\r\n"), nil
	}
	if e.ReadSecret == nil {
		return "", errors.New("angiv adgangskoden med --passphrase-file (der er ingen terminal at skrive den i)")
	}
	return e.ReadSecret(prompt)
}
