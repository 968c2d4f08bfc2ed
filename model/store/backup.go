package store

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"filippo.io/age"

	"jobspor/model"
)

// A backup file is:
//
//	jobspor-backup 1
//	<the office's backup key, age-encrypted with its passphrase (scrypt), base64>
//	<age stream to that key: a JSON manifest line, then the database file>
//
// Backups are written with the key's public half, so the window can make
// them when it closes without asking; reading one needs the passphrase.
const backupMagic = "jobspor-backup 1"

// scryptWorkFactor is age's default cost (about a second); tests lower it.
var scryptWorkFactor = 18

// Setting keys for backups.
const (
	keyBackupRecipient = "backup.recipient"
	keyBackupIdentity  = "backup.identity"
)

// manifest is what a backup says about itself.
type manifest struct {
	Created time.Time       `json:"created"`
	Schema  int             `json:"schema"`
	Size    int64           `json:"size"`
	SHA256  string          `json:"sha256"`
	Audit   model.ChainHead `json:"audit"`
}

// SetBackupPassphrase makes the office's backup key and keeps it in the
// database encrypted with the passphrase. Backups made before keep their key.
func (s *Store) SetBackupPassphrase(passphrase string) error {
	if len([]rune(passphrase)) < 8 {
		return model.NewUserError("error.backup.short", nil, 8)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return fmt.Errorf("make a backup key: %w", err)
	}
	wrapped, err := wrapIdentity(id, passphrase)
	if err != nil {
		return err
	}
	return s.saveSettings(map[string]string{keyBackupIdentity: wrapped, keyBackupRecipient: id.Recipient().String()})
}

func wrapIdentity(id *age.X25519Identity, passphrase string) (string, error) {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return "", fmt.Errorf("passphrase: %w", err)
	}
	r.SetWorkFactor(scryptWorkFactor)
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err == nil {
		_, err = io.WriteString(w, id.String())
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return "", fmt.Errorf("encrypt the backup key: %w", err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// HasBackupKey tells whether a passphrase has been set for backups.
func (s *Store) HasBackupKey() (bool, error) {
	r, err := s.setting(keyBackupRecipient)
	return r != "", err
}

// Backup writes an encrypted, consistent copy of the database into folder,
// named by the time, whole or not at all, and reads it back to check it.
// The newest keep backups in the folder are kept; older ones are removed.
func (s *Store) Backup(folder string, keep int) (model.BackupInfo, error) {
	recipient, wrapped, err := s.backupKey()
	if err != nil {
		return model.BackupInfo{}, err
	}
	snap, m, err := s.snapshot()
	if err != nil {
		return model.BackupInfo{}, err
	}
	defer os.Remove(snap)
	info := model.BackupInfo{Path: filepath.Join(folder, backupName(m.Created)), Made: m.Created, Audit: m.Audit}
	if err := writeBackup(info.Path, snap, m, recipient, wrapped); err != nil {
		return model.BackupInfo{}, err
	}
	if err := s.recordAnchor(m.Audit); err != nil {
		return info, err
	}
	if err := s.saveSetting(keyLastBackup, m.Created.Format(time.RFC3339)); err != nil {
		return info, err
	}
	return info, prune(folder, keep)
}

func (s *Store) backupKey() (age.Recipient, string, error) {
	r, err := s.setting(keyBackupRecipient)
	if err != nil {
		return nil, "", err
	}
	if r == "" {
		return nil, "", model.NewUserError("error.backup.nokey", nil)
	}
	rec, err := age.ParseX25519Recipient(r)
	if err != nil {
		return nil, "", fmt.Errorf("read the backup key: %w", err)
	}
	wrapped, err := s.setting(keyBackupIdentity)
	return rec, wrapped, err
}

func backupName(t time.Time) string {
	return "jobspor-" + t.Local().Format("2006-01-02-150405") + ".jobspor-backup"
}

// snapshot copies the database with VACUUM INTO (consistent, -wal
// included) to a private temp file beside it, checks the copy and hashes it.
func (s *Store) snapshot() (string, manifest, error) {
	m := manifest{Created: s.Now().UTC().Truncate(time.Second), Schema: SchemaVersion()}
	head, problem, err := s.verifyAudit()
	if err != nil {
		return "", m, err
	}
	if problem != nil {
		return "", m, &model.UserError{Msg: *problem}
	}
	m.Audit = head
	tmp := s.path + ".backup-tmp"
	os.Remove(tmp)
	if _, err := s.db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		return "", m, explainBusy(fmt.Errorf("copy the database: %w", err))
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return tmp, m, fmt.Errorf("make the copy private: %w", err)
	}
	m.Size, m.SHA256, err = hashFile(tmp)
	return tmp, m, err
}

func hashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", fmt.Errorf("read the copy: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", fmt.Errorf("read the copy: %w", err)
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// writeBackup writes the backup to a temp file, syncs it, renames it into
// place and reads it back: the file is there whole, or not at all.
func writeBackup(path, snap string, m manifest, to age.Recipient, wrapped string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return model.NewUserError("error.backup.folder", err, filepath.Dir(path))
	}
	sweepStale(filepath.Dir(path))
	tmp := path + ".tmp"
	sum, err := encryptTo(tmp, snap, m, to, wrapped)
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	if err != nil {
		os.Remove(tmp)
		return explainWrite(err)
	}
	return verifyWritten(path, sum)
}

func encryptTo(tmp, snap string, m manifest, to age.Recipient, wrapped string) ([]byte, error) {
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	err = encryptStream(io.MultiWriter(f, h), snap, m, to, wrapped)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return h.Sum(nil), err
}

func encryptStream(w io.Writer, snap string, m manifest, to age.Recipient, wrapped string) error {
	if _, err := fmt.Fprintf(w, "%s\n%s\n", backupMagic, wrapped); err != nil {
		return err
	}
	enc, err := age.Encrypt(w, to)
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	if err := json.NewEncoder(enc).Encode(m); err != nil {
		return err
	}
	src, err := os.Open(snap)
	if err != nil {
		return err
	}
	defer src.Close()
	if _, err := io.Copy(enc, src); err != nil {
		return err
	}
	return enc.Close()
}

// sweepStale removes unfinished backups a killed run left in the folder.
func sweepStale(dir string) {
	stale, _ := filepath.Glob(filepath.Join(dir, "jobspor-*.jobspor-backup.tmp"))
	for _, f := range stale {
		os.Remove(f)
	}
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Windows refuses to sync a folder (access denied, or invalid on some
	// file systems); there the rename itself is what it offers.
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, os.ErrPermission) {
		return err
	}
	return nil
}

// verifyWritten reads the file back and compares it with what was written.
func verifyWritten(path string, want []byte) error {
	f, err := os.Open(path)
	if err != nil {
		return model.NewUserError("error.backup.verify", err, path)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil || !bytes.Equal(h.Sum(nil), want) {
		return model.NewUserError("error.backup.verify", err, path)
	}
	return nil
}

// explainWrite says a failed backup write in the caseworker's words.
func explainWrite(err error) error {
	var ue *model.UserError
	if errors.As(err, &ue) {
		return err
	}
	if isNoSpace(err) {
		return model.NewUserError("error.backup.full", err)
	}
	return model.NewUserError("error.backup.write", err)
}

func isNoSpace(err error) bool {
	return err != nil && strings.Contains(err.Error(), "no space left")
}

// prune keeps the newest keep backups in folder (keep < 1 keeps all).
func prune(folder string, keep int) error {
	names, err := filepath.Glob(filepath.Join(folder, "jobspor-*.jobspor-backup"))
	if err != nil || keep < 1 || len(names) <= keep {
		return err
	}
	sort.Strings(names) // the names sort by time
	for _, old := range names[:len(names)-keep] {
		if err := os.Remove(old); err != nil {
			return fmt.Errorf("remove an old backup: %w", err)
		}
	}
	return nil
}

// Restore reads the backup file with the passphrase, checks it whole, and
// puts it at target. A database already at target is kept aside first
// (renamed with "-før-gendannelse-" and the time); it must not be open.
func Restore(file, target, passphrase string) (model.BackupInfo, error) {
	tmp := target + ".restore-tmp"
	defer os.Remove(tmp)
	m, err := decryptBackup(file, passphrase, tmp)
	if err != nil {
		return model.BackupInfo{}, err
	}
	if err := checkRestored(tmp, m); err != nil {
		return model.BackupInfo{}, err
	}
	aside, err := setAside(target)
	if err != nil {
		return model.BackupInfo{}, err
	}
	if err := os.Rename(tmp, target); err != nil {
		return model.BackupInfo{}, fmt.Errorf("put the restored database in place: %w", err)
	}
	info := model.BackupInfo{Path: file, Made: m.Created, Audit: m.Audit, KeptAside: aside}
	return info, writeAnchorFor(target, m)
}

func decryptBackup(file, passphrase, out string) (manifest, error) {
	var m manifest
	f, err := os.Open(file)
	if err != nil {
		return m, model.NewUserError("error.backup.open", err, file)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	id, err := readKey(r, passphrase)
	if err != nil {
		return m, err
	}
	dec, err := age.Decrypt(r, id)
	if err != nil {
		return m, model.NewUserError("error.backup.damaged", err, file)
	}
	br := bufio.NewReader(dec)
	if err := readManifest(br, &m); err != nil {
		return m, model.NewUserError("error.backup.damaged", err, file)
	}
	if err := copyChecked(br, out, m); err != nil {
		return m, model.NewUserError("error.backup.damaged", err, file)
	}
	return m, nil
}

// readKey reads the header and unwraps the backup key with the passphrase.
func readKey(r *bufio.Reader, passphrase string) (age.Identity, error) {
	magic, err := r.ReadString('\n')
	if err != nil || strings.TrimSpace(magic) != backupMagic {
		return nil, model.NewUserError("error.backup.notbackup", err)
	}
	line, err := r.ReadString('\n')
	wrapped, derr := base64.StdEncoding.DecodeString(strings.TrimSpace(line))
	if err != nil || derr != nil {
		return nil, model.NewUserError("error.backup.damaged", errors.Join(err, derr), "")
	}
	sid, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, model.NewUserError("error.backup.passphrase", err)
	}
	plain, err := age.Decrypt(bytes.NewReader(wrapped), sid)
	if err != nil {
		return nil, model.NewUserError("error.backup.passphrase", err)
	}
	key, err := io.ReadAll(plain)
	if err != nil {
		return nil, model.NewUserError("error.backup.damaged", err, "")
	}
	return age.ParseX25519Identity(strings.TrimSpace(string(key)))
}

func readManifest(r *bufio.Reader, m *manifest) error {
	line, err := r.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("read the manifest: %w", err)
	}
	return json.Unmarshal(line, m)
}

// copyChecked writes the database out and checks its size and hash.
func copyChecked(r io.Reader, out string, m manifest) error {
	f, err := os.OpenFile(out, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), r)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && (n != m.Size || hex.EncodeToString(h.Sum(nil)) != m.SHA256) {
		err = fmt.Errorf("the copy has %d bytes and another hash than the %d bytes backed up", n, m.Size)
	}
	return err
}

// checkRestored opens the restored copy: it must be Jobspor's, sound, and
// its audit trail must end where the backup said.
func checkRestored(path string, m manifest) error {
	s, err := openForRestore(path)
	if err != nil {
		return err
	}
	defer s.Close()
	problems, err := s.integrityProblems()
	if err != nil || len(problems) > 0 {
		return model.NewUserError("error.backup.damaged", err, path)
	}
	head, problem, err := s.verifyAudit()
	if err != nil || problem != nil || head != m.Audit {
		return model.NewUserError("error.backup.damaged", err, path)
	}
	return nil
}

// setAside renames the database at target (and its anchor) out of the way;
// "" when there was none.
func setAside(target string) (string, error) {
	if _, err := os.Stat(target); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	s, err := openForRestore(target)
	if err != nil {
		return "", err
	}
	s.Close() // checkpoints the -wal into the file
	aside := target + "-før-gendannelse-" + model.Now().Format("2006-01-02-150405")
	if err := os.Rename(target, aside); err != nil {
		return "", fmt.Errorf("keep the current database aside: %w", err)
	}
	os.Remove(target + "-wal")
	os.Remove(target + "-shm")
	if err := os.Rename(target+".audit", aside+".audit"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return aside, fmt.Errorf("keep the audit anchor aside: %w", err)
	}
	return aside, nil
}

// openForRestore opens a database during a restore, leaving the restore's
// own temp file where it is.
func openForRestore(path string) (*Store, error) {
	if _, err := checkFile(path); err != nil {
		return nil, err
	}
	return open(path, true, false)
}

// writeAnchorFor starts the restored database's anchor file at the backup's head.
func writeAnchorFor(target string, m manifest) error {
	s := &Store{path: target, Now: func() time.Time { return m.Created }}
	return s.recordAnchor(m.Audit)
}
