package office

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"jobspor/model"
	"jobspor/model/store"
)

// The caseworker's office password is kept beside her identity, protected
// the same way (DPAPI for the Windows user; elsewhere a file only she can
// read, in a folder only she can open), never in the laptop's database: a
// backup or an export of the database carries no way into the office.

// passwordPath is where the password for logging in to address as
// initials lives: one file per office and caseworker, so two offices (or
// two databases in different offices) on one laptop never share one.
func (v *Service) passwordPath(address, initials string) string {
	sum := sha256.Sum256([]byte(model.ServerAddress(address) + "\x00" + strings.ToUpper(initials)))
	return filepath.Join(filepath.Dir(v.IdentityPath), "office-password-"+hex.EncodeToString(sum[:8])+".txt")
}

// SavePassword keeps the password for address and initials, protected by
// the OS. It is written whole beside its place, then renamed into it: a
// reader never meets half a password, and a new password replaces the old.
func (v *Service) SavePassword(address, initials, password string) error {
	path := v.passwordPath(address, initials)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	sealed, err := protect([]byte(password))
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".office-password-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err := f.Write(sealed); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// password reads the kept password for address and initials ("" when none
// is kept: the server may not ask for one, or PGPASSWORD and ~/.pgpass give it).
func (v *Service) password(address, initials string) (string, error) {
	path := v.passwordPath(address, initials)
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("%s is readable by others (chmod 600)", path)
	}
	plain, err := unprotect(b)
	if err != nil {
		return "", fmt.Errorf("read the office password %s: %w", path, err)
	}
	return string(plain), nil
}

// syncState is the laptop's office state. A laptop joined by an earlier
// Jobspor kept the whole address, password and all, in its database: the
// password is moved out to its protected file first, then the address is
// kept without user and password (one transaction), so no database keeps
// it after this version.
func (v *Service) syncState() (store.SyncState, error) {
	st, err := v.Store.SyncState()
	if err != nil || !st.Active {
		return st, err
	}
	address := model.ServerAddress(st.Server)
	if address == st.Server {
		return st, nil
	}
	if pw := model.ServerPassword(st.Server); pw != "" {
		if err := v.SavePassword(address, st.Initials, pw); err != nil {
			return st, err
		}
	}
	if err := v.Store.SetOfficeServer(address); err != nil {
		return st, err
	}
	st.Server = address
	return st, nil
}
