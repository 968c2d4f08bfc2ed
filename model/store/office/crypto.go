package office

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"filippo.io/age"
)

// Key is the office key: 32 bytes, made once by office init. CPR numbers
// reach the server only as AES-256-GCM ciphertext and an HMAC-SHA256 blind
// index under it. The server keeps it only wrapped with age to each
// caseworker's own X25519 identity.
type Key [32]byte

// NewKey makes a fresh office key.
func NewKey() (Key, error) {
	var k Key
	_, err := rand.Read(k[:])
	return k, err
}

// cprAD binds the ciphertext to its purpose.
var cprAD = []byte("jobspor-cpr-v1")

// subkeys: one for encryption, one for the index, derived from the office key.
func (k Key) sub(purpose string) []byte {
	m := hmac.New(sha256.New, k[:])
	m.Write([]byte(purpose))
	return m.Sum(nil)
}

// SealCPR encrypts a CPR number and makes its blind index ("" gives nils).
func (k Key) SealCPR(cpr string) (ct, mac []byte, err error) {
	if cpr == "" {
		return nil, nil, nil
	}
	g, err := k.gcm()
	if err != nil {
		return nil, nil, err
	}
	nonce := make([]byte, g.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, nil, err
	}
	return g.Seal(nonce, nonce, []byte(cpr), cprAD), k.IndexCPR(cpr), nil
}

// IndexCPR is the blind index: equal numbers give equal indexes, for
// "already registered" and search, without the number.
func (k Key) IndexCPR(cpr string) []byte {
	m := hmac.New(sha256.New, k.sub("cpr-index-v1"))
	m.Write([]byte(cpr))
	return m.Sum(nil)
}

// OpenCPR decrypts a sealed CPR number.
func (k Key) OpenCPR(ct []byte) (string, error) {
	if len(ct) == 0 {
		return "", nil
	}
	g, err := k.gcm()
	if err != nil {
		return "", err
	}
	if len(ct) < g.NonceSize() {
		return "", errors.New("sealed CPR too short")
	}
	pt, err := g.Open(nil, ct[:g.NonceSize()], ct[g.NonceSize():], cprAD)
	if err != nil {
		return "", fmt.Errorf("open CPR: %w", err)
	}
	return string(pt), nil
}

func (k Key) gcm() (cipher.AEAD, error) {
	b, err := aes.NewCipher(k.sub("cpr-encrypt-v1"))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

// Wrap encrypts the office key to a caseworker's age recipient (X25519).
func (k Key) Wrap(recipient string) ([]byte, error) {
	r, err := age.ParseX25519Recipient(recipient)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(k[:]); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Unwrap decrypts the office key with the caseworker's identity.
func Unwrap(wrapped []byte, id *age.X25519Identity) (Key, error) {
	var k Key
	r, err := age.Decrypt(bytes.NewReader(wrapped), id)
	if err != nil {
		return k, fmt.Errorf("unwrap office key: %w", err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return k, err
	}
	if len(b) != len(k) {
		return k, errors.New("office key has the wrong length")
	}
	copy(k[:], b)
	return k, nil
}

// LoadOrMakeIdentity reads the caseworker's age identity from path, making
// one if there is none. The OS protects it: on Windows it is encrypted for
// the user with DPAPI; elsewhere the file is readable by the user only
// (0600, in a 0700 folder).
func LoadOrMakeIdentity(path string) (*age.X25519Identity, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		if fi, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
			return nil, fmt.Errorf("%s is readable by others (chmod 600)", path)
		}
		plain, err := unprotect(b)
		if err != nil {
			return nil, fmt.Errorf("read the office identity %s: %w", path, err)
		}
		return age.ParseX25519Identity(strings.TrimSpace(string(plain)))
	}
	if !os.IsNotExist(err) {
		return nil, err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	sealed, err := protect([]byte(id.String() + "\n"))
	if err != nil {
		return nil, err
	}
	// Written whole beside it, then linked into place: two parts of the
	// window asking at once (a hand-over beside the first sync) never read
	// a half-written file, and the one that comes second takes the first's.
	f, err := os.CreateTemp(filepath.Dir(path), ".identity-*")
	if err != nil {
		return nil, err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err := f.Write(sealed); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	if err := os.Link(tmp, path); err != nil {
		if os.IsExist(err) {
			return LoadOrMakeIdentity(path)
		}
		return nil, err
	}
	return id, nil
}
