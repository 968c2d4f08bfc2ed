package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"jobspor/model"
)

// applicationID marks a Jobspor database ("JBSP"), set by migration 0006.
const applicationID = 0x4A425350

// legacySchema is the newest schema written before the mark existed: such a
// file is Jobspor's when its schema holds Jobspor's own tables.
const legacySchema = 5

// checkFile reads the file's header without opening it as a database, so a
// file that is not Jobspor's, or one from a newer Jobspor, stays byte for
// byte as it was and gets no side files. exists is false for a new file.
func checkFile(path string) (exists bool, err error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		// A folder, a pipe or a device: never opened (a pipe would hang).
		return false, model.NewUserError("error.db.notdb", nil, path)
	}
	head, err := readHead(path, 100)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, model.NewUserError("error.db.open", err)
	}
	if len(head) == 0 {
		return false, nil // an empty file becomes a new database
	}
	return true, checkHead(path, head)
}

func checkHead(path string, head []byte) error {
	if len(head) < 100 || !bytes.HasPrefix(head, []byte("SQLite format 3\x00")) {
		return model.NewUserError("error.db.notdb", nil, path)
	}
	version := int(binary.BigEndian.Uint32(head[60:64]))
	app := binary.BigEndian.Uint32(head[68:72])
	switch {
	case app == applicationID && version > SchemaVersion():
		return newerError(version)
	case app == applicationID:
		return nil
	case app == 0 && version >= 1 && version <= legacySchema && hasJobsporTables(path) && schemaFits(path):
		return nil
	case app == 0 && version == 0 && schemaFits(path):
		// A first start killed before its first migration reached the file
		// (it may be in the -wal): the next start completes it.
		return nil
	}
	return model.NewUserError("error.db.notdb", nil, path)
}

// hasJobsporTables looks for Jobspor's first tables in the schema text of
// an unmarked file, reading it as bytes (opening it could add side files to
// another program's database). Only a database from before the mark is
// read this way, once: migration 0006 marks it.
func hasJobsporTables(path string) bool {
	data, err := os.ReadFile(path)
	return err == nil && bytes.Contains(data, []byte("CREATE TABLE citizens (")) &&
		bytes.Contains(data, []byte("CREATE TABLE audit ("))
}

func readHead(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, max))
}

// prepareFile makes the folder (0700) and the database file (0600) before
// SQLite opens it: SQLite gives the -wal and -shm files the database's mode,
// so none of the three is readable by other users. An existing file is
// narrowed to 0600 too.
func prepareFile(path string, exists bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return model.NewUserError("error.db.dir", err)
	}
	if exists {
		return narrow(path)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return model.NewUserError("error.db.open", err)
	}
	return f.Close()
}

func narrow(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm()&0o077 == 0 {
			continue // gone, or private already: a read-only file needs no chmod
		}
		if err := os.Chmod(p, 0o600); err != nil {
			return model.NewUserError("error.db.readonly", fmt.Errorf("make %s private: %w", p, err))
		}
	}
	return nil
}
