package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
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
// under a name no other backup has, whole or not at all, and reads it back
// to check it. The newest keep backups in the folder are kept; older ones are
// removed.
func (s *Store) Backup(folder string, keep int) (model.BackupInfo, error) {
	recipient, wrapped, err := s.backupKey()
	if err != nil {
		return model.BackupInfo{}, err
	}
	op, err := newTempOp(s.path, "backup")
	if err != nil {
		return model.BackupInfo{}, err
	}
	defer op.done()
	snap, m, err := s.snapshot(op)
	if err != nil {
		return model.BackupInfo{}, err
	}
	path, err := writeBackup(folder, backupName(m.Created), snap, m, recipient, wrapped)
	if err != nil {
		return model.BackupInfo{}, err
	}
	info := model.BackupInfo{Path: path, Made: m.Created, Audit: m.Audit}
	start, err := auditStart(s.db)
	if err == nil {
		err = s.recordAnchor("backup", m.Audit, start)
	}
	if err != nil {
		return info, err
	}
	keepHead(s.path, s.Now())
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

// backupExt ends every backup's name.
const backupExt = ".jobspor-backup"

// backupName is a backup's name by its time; a second backup in the same
// second gets "-02" and so on after it (see placeBackup).
func backupName(t time.Time) string {
	return "jobspor-" + t.Local().Format("2006-01-02-150405")
}

// snapshot copies the database with VACUUM INTO (consistent, -wal
// included) into a file the operation's private folder holds, created empty
// and private before SQLite writes into it, checks the copy and hashes it.
func (s *Store) snapshot(op *tempOp) (string, manifest, error) {
	m := manifest{Created: s.Now().UTC().Truncate(time.Second), Schema: SchemaVersion()}
	head, problem, err := s.verifyAudit()
	if err != nil {
		return "", m, err
	}
	if problem != nil {
		return "", m, &model.UserError{Msg: *problem}
	}
	m.Audit = head
	if schema, err := s.schemaCheck(s.db); err != nil || len(schema) > 0 {
		if err != nil {
			return "", m, err
		}
		return "", m, &model.UserError{Msg: schema[0]} // a foreign trigger is not carried into a backup
	}
	tmp, err := op.file("copy.db")
	if err != nil {
		return "", m, err
	}
	if beforeSnapshot != nil {
		beforeSnapshot()
	}
	if _, err := s.db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		return "", m, explainBusy(fmt.Errorf("copy the database: %w", err))
	}
	// The manifest names the copy's own audit head: another Jobspor (the
	// window, a command) may have committed audit rows between the check of
	// the live trail above and the copy.
	head, problem, err = copyHead(tmp)
	if err != nil {
		return "", m, err
	}
	if problem != nil {
		return "", m, &model.UserError{Msg: *problem}
	}
	m.Audit = head
	m.Size, m.SHA256, err = hashFile(tmp)
	return tmp, m, err
}

// beforeSnapshot runs between the live trail's check and the copy (tests:
// another Jobspor writing there).
var beforeSnapshot func()

// copyHead verifies the audit trail of a snapshot, read only, and returns
// its head.
func copyHead(path string) (model.ChainHead, *model.Message, error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return model.ChainHead{}, nil, fmt.Errorf("read the copy: %w", err)
	}
	defer db.Close()
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return model.ChainHead{}, nil, fmt.Errorf("read the copy: %w", err)
	}
	defer tx.Rollback()
	return verifyAuditIn(tx)
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

// writeBackup writes the backup to a temp file of its own (locked while it
// is written, so a start elsewhere never sweeps it), syncs it, gives it a
// name no other backup has and reads it back: the file is there whole, or
// not at all. It returns the backup's path.
func writeBackup(folder, name, snap string, m manifest, to age.Recipient, wrapped string) (string, error) {
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return "", model.NewUserError("error.backup.folder", err, folder)
	}
	sweepStale(folder)
	var tmp string
	var f *os.File
	var err error
	for try := 0; try < 10; try++ { // a sweep elsewhere may take a new file before it is locked
		tmp = filepath.Join(folder, name+"-"+randomName()+backupExt+".tmp")
		if f, err = model.CreateLocked(tmp); err == nil {
			break
		}
	}
	if err != nil {
		return "", explainWrite(err)
	}
	defer f.Close() // the lock goes with it
	sum, err := encryptTo(f, snap, m, to, wrapped)
	var path string
	if err == nil {
		path, err = placeBackup(tmp, folder, name, func() { f.Close() })
	}
	if err == nil {
		err = model.SyncDir(folder)
	}
	os.Remove(tmp)
	if err != nil {
		return "", explainWrite(err)
	}
	return path, verifyWritten(path, sum)
}

// placeBackup gives the written temp file its backup name without ever
// replacing another backup: a hard link fails where the name is taken (then
// the next number is tried); where the file system has no hard links (FAT on
// a USB stick), a rename to a name that is free.
func placeBackup(tmp, folder, name string, beforeRename func()) (string, error) {
	for i := 1; i < 100; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s-%02d", name, i)
		}
		path := filepath.Join(folder, n+backupExt)
		err := os.Link(tmp, path)
		if err == nil {
			return path, nil
		}
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if _, serr := os.Lstat(path); serr == nil {
			continue
		}
		beforeRename() // Windows renames no open file
		if rerr := os.Rename(tmp, path); rerr != nil {
			return "", errors.Join(err, rerr)
		}
		return path, nil
	}
	return "", fmt.Errorf("no free name for the backup %s in %s", name, folder)
}

func encryptTo(f *os.File, snap string, m manifest, to age.Recipient, wrapped string) ([]byte, error) {
	h := sha256.New()
	err := encryptStream(io.MultiWriter(f, h), snap, m, to, wrapped)
	if err == nil {
		err = f.Sync()
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

// sweepStale removes unfinished backups a killed run left in the folder:
// only those no running backup holds locked.
func sweepStale(dir string) {
	stale, _ := filepath.Glob(filepath.Join(dir, "jobspor-*"+backupExt+".tmp"))
	for _, p := range stale {
		f, err := os.OpenFile(p, os.O_RDWR|oNoFollow, 0)
		if err != nil {
			continue
		}
		if ok, _ := tryLock(f, true); ok {
			os.Remove(p)
		}
		f.Close()
	}
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
	names, err := filepath.Glob(filepath.Join(folder, "jobspor-*"+backupExt))
	if err != nil || keep < 1 || len(names) <= keep {
		return err
	}
	sort.Slice(names, func(i, j int) bool { return backupOrder(names[i]) < backupOrder(names[j]) })
	for _, old := range names[:len(names)-keep] {
		// Gone already: another backup at the same time pruned it.
		if err := os.Remove(old); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove an old backup: %w", err)
		}
	}
	return nil
}

// backupOrder sorts backups' names by time, then by their number within a
// second (a name without one is the second's first).
func backupOrder(path string) string {
	n := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "jobspor-"), backupExt)
	if len(n) == len("2006-01-02-150405") {
		n += "-01"
	}
	return n
}

// Restore reads the backup file with the passphrase, checks it whole, and
// puts it at target. It refuses while any Jobspor has the database open (the
// database's lock). A database already at target is kept aside first
// (linked or copied to a name with "-før-gendannelse-" and the time), and the
// restored file then replaces it in one rename: at every moment there is a
// database at target, the old one or the restored one.
func Restore(file, target, passphrase string) (model.BackupInfo, error) {
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return model.BackupInfo{}, model.NewUserError("error.db.dir", err)
	}
	if _, err := checkFile(target); err != nil {
		return model.BackupInfo{}, err
	}
	unlockDB, busy, err := lockExclusive(target)
	if busy {
		return model.BackupInfo{}, model.NewUserError("error.restore.inuse", nil, target)
	}
	if err != nil {
		return model.BackupInfo{}, explainRestore(err)
	}
	defer unlockDB()
	op, err := newTempOp(target, "restore")
	if err != nil {
		return model.BackupInfo{}, err
	}
	defer op.done()
	tmp, err := op.file("restored.db")
	if err != nil {
		return model.BackupInfo{}, err
	}
	m, err := decryptBackup(file, passphrase, tmp)
	if err != nil {
		return model.BackupInfo{}, err
	}
	start, err := checkRestored(tmp, m)
	if err != nil {
		return model.BackupInfo{}, err
	}
	anchor, err := op.file("restored.audit")
	if err == nil {
		err = (&Store{path: strings.TrimSuffix(anchor, ".audit"), Now: func() time.Time { return m.Created }}).recordAnchor("restore", m.Audit, start)
	}
	if err != nil {
		return model.BackupInfo{}, explainRestore(err)
	}
	aside, err := keepAside(target)
	if err != nil {
		return model.BackupInfo{}, err
	}
	keepHeadRestoring(target, anchor, model.Now()) // either pair after a kill

	if err := os.Rename(tmp, target); err != nil {
		return model.BackupInfo{}, explainRestore(fmt.Errorf("put the restored database in place: %w", err))
	}
	err = os.Rename(anchor, target+".audit")
	if err == nil {
		err = model.SyncDir(filepath.Dir(target))
	}
	if err == nil {
		keepHead(target, model.Now()) // the restored pair is the one to compare with now
	}
	info := model.BackupInfo{Path: file, Made: m.Created, Audit: m.Audit, KeptAside: aside}
	return info, err
}

// explainRestore says a failed restore write in the caseworker's words.
func explainRestore(err error) error {
	var ue *model.UserError
	if errors.As(err, &ue) {
		return err
	}
	if isNoSpace(err) {
		return model.NewUserError("error.restore.full", err)
	}
	return model.NewUserError("error.restore.write", err)
}

func decryptBackup(file, passphrase, out string) (manifest, error) {
	var m manifest
	if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() {
		return m, model.NewUserError("error.backup.notbackup", nil) // a device or pipe would never end
	}
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
		var we writeError
		if errors.As(err, &we) {
			return m, explainRestore(we.err) // the disk, not the backup
		}
		return m, model.NewUserError("error.backup.damaged", err, file)
	}
	return m, nil
}

// readKey reads the header and unwraps the backup key with the passphrase.
func readKey(r *bufio.Reader, passphrase string) (age.Identity, error) {
	magic, err := readLine(r, len(backupMagic)+2)
	if err != nil || strings.TrimSpace(magic) != backupMagic {
		return nil, model.NewUserError("error.backup.notbackup", err)
	}
	line, err := readLine(r, 64<<10)
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

// readLine reads up to the next newline, at most max bytes: a file that
// is not a backup is not read to its end.
func readLine(r *bufio.Reader, max int) (string, error) {
	var b []byte
	for len(b) <= max {
		c, err := r.ReadByte()
		if err != nil {
			return string(b), err
		}
		if c == '\n' {
			return string(b), nil
		}
		b = append(b, c)
	}
	return string(b), errors.New("line too long")
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
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_TRUNC|oNoFollow, 0)
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(writeErrors{f}, h), r)
	if err == nil {
		if err = f.Sync(); err != nil {
			err = writeError{err}
		}
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = writeError{cerr}
	}
	if err == nil && (n != m.Size || hex.EncodeToString(h.Sum(nil)) != m.SHA256) {
		err = fmt.Errorf("the copy has %d bytes and another hash than the %d bytes backed up", n, m.Size)
	}
	return err
}

// writeError is a failure to write the restored file (a full disk), as
// against a backup that cannot be read.
type writeError struct{ err error }

func (e writeError) Error() string { return e.err.Error() }
func (e writeError) Unwrap() error { return e.err }

type writeErrors struct{ w io.Writer }

func (w writeErrors) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil {
		err = writeError{err}
	}
	return n, err
}

// checkRestored opens the restored copy: it must be Jobspor's, sound, and
// its audit trail must end where the backup said.
func checkRestored(path string, m manifest) (model.ChainHead, error) {
	s, err := openForRestore(path)
	if err != nil {
		return model.ChainHead{}, err
	}
	defer s.Close()
	problems, err := s.integrityProblems()
	if err != nil || len(problems) > 0 {
		return model.ChainHead{}, model.NewUserError("error.backup.damaged", err, path)
	}
	head, problem, err := s.verifyAudit()
	if err != nil || problem != nil || head != m.Audit {
		return model.ChainHead{}, model.NewUserError("error.backup.damaged", err, path)
	}
	if schema, err := s.schemaCheck(s.db); err != nil || len(schema) > 0 {
		if err != nil {
			return model.ChainHead{}, err
		}
		return model.ChainHead{}, &model.UserError{Msg: schema[0]} // a foreign trigger is not restored
	}
	return auditStart(s.db)
}

// keepAside keeps the database at target (and its anchor) under a new name
// while leaving it in place: "" when there was none. The database is first
// closed by a Store, which empties its -wal into it: afterwards no -wal of
// the old database may be left for the restored one to pick up.
func keepAside(target string) (string, error) {
	if _, err := os.Stat(target); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	s, err := openForRestore(target)
	if err != nil {
		return "", err
	}
	s.Close() // checkpoints the -wal into the file
	if fi, err := os.Stat(target + "-wal"); err == nil && fi.Size() > 0 {
		return "", model.NewUserError("error.restore.inuse", nil, target)
	}
	os.Remove(target + "-wal")
	os.Remove(target + "-shm")
	base := target + "-før-gendannelse-" + model.Now().Format("2006-01-02-150405")
	for i := 1; i < 100; i++ {
		aside := base
		if i > 1 {
			aside = fmt.Sprintf("%s-%02d", base, i)
		}
		err := keepCopy(target, aside)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err == nil {
			err = keepCopy(target+".audit", aside+".audit")
			if errors.Is(err, os.ErrNotExist) {
				err = nil
			}
		}
		if err == nil {
			err = model.SyncDir(filepath.Dir(target))
		}
		if err != nil {
			return "", explainRestore(fmt.Errorf("keep the current database aside: %w", err))
		}
		return aside, nil
	}
	return "", explainRestore(fmt.Errorf("no free name to keep %s aside", target))
}

// keepCopy makes to a second name of from (a hard link), or a private copy
// where the file system has no links; it never replaces a file at to.
func keepCopy(from, to string) error {
	if _, err := os.Lstat(from); err != nil {
		return err
	}
	err := os.Link(from, to)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	return copyFile(from, to)
}

// copyFile copies from into a new private file at to.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := createPrivate(to)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(to)
	}
	return err
}

// openForRestore opens a database during a restore, leaving the restore's
// own temp file where it is.
func openForRestore(path string) (*Store, error) {
	if _, err := checkFile(path); err != nil {
		return nil, err
	}
	return open(path, true, false)
}
