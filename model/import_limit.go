package model

import (
	"fmt"
	"io"
)

// MaxImportBytes is the largest file one import reads: 32 MB, about
// 150,000 job postings as Jobnet exports them (some 200 bytes each), far
// beyond an office's list. A larger file is refused before it is read, so
// an import's memory stays bounded (a million short rows took 85 s and
// 572 MB at their peak); the caseworker splits it into several files.
const MaxImportBytes = 32 << 20

// ReadImport reads an import file of at most MaxImportBytes; a larger one
// is refused with a message that says how to split it.
func ReadImport(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, NewUserError("error.file.unreadable", err, name)
	}
	if len(data) > MaxImportBytes {
		return nil, NewUserError("error.file.toolarge", nil, name, fmt.Sprint(MaxImportBytes>>20))
	}
	return data, nil
}
