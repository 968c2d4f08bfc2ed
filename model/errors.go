package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is returned when a record asked for by ID does not exist.
var ErrNotFound = errors.New("not found")

// ErrCancelled is returned by long work the caseworker stopped.
var ErrCancelled = errors.New("cancelled")

// Message is a user-facing text: a translation key and the arguments for
// its placeholders. The wording lives in the translation files
// (assets/translations); the UI translates with lang, the command line
// prints Text() from the catalogue set by SetTexts.
type Message struct {
	Key  string
	Args []any
}

// texts is the catalogue Text reads: key -> wording with fmt placeholders.
var texts map[string]string

// SetTexts loads the catalogue of wordings (a translation file, JSON object
// of key to text) that Message.Text uses. Main sets it once at start.
func SetTexts(catalogue []byte) error {
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(catalogue, &raw); err != nil {
		return fmt.Errorf("read the texts: %w", err)
	}
	texts = make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil { // plural forms are objects: the UI's
			texts[k] = s
		}
	}
	return nil
}

// Text renders the message in the catalogue's language; an unknown key is
// shown as itself, so a missing wording is visible rather than silent.
func (m Message) Text() string {
	s, ok := texts[m.Key]
	if !ok {
		s = m.Key
	}
	if len(m.Args) == 0 {
		return s
	}
	return fmt.Sprintf(s, m.Args...)
}

// UserError is an error whose message is meant for the caseworker.
type UserError struct {
	Msg   Message
	Cause error
}

func (e *UserError) Error() string {
	if e.Cause != nil {
		return e.Msg.Text() + ": " + e.Cause.Error()
	}
	return e.Msg.Text()
}

func (e *UserError) Unwrap() error { return e.Cause }

// NewUserError is a message for the caseworker (key and arguments) with the
// cause kept for wrapping.
func NewUserError(key string, cause error, args ...any) *UserError {
	return &UserError{Msg: Message{Key: key, Args: args}, Cause: cause}
}

// FieldProblem names one invalid field and why.
type FieldProblem struct {
	Field string
	Msg   Message
}

// ValidationError lists every problem found in one record.
type ValidationError struct {
	Problems []FieldProblem
}

func (v *ValidationError) Error() string {
	parts := make([]string, len(v.Problems))
	for i, p := range v.Problems {
		parts[i] = p.Msg.Text()
	}
	return strings.Join(parts, "; ")
}

// Add records a problem for field.
func (v *ValidationError) add(field, key string, args ...any) {
	v.Problems = append(v.Problems, FieldProblem{Field: field, Msg: Message{Key: key, Args: args}})
}

// OrNil returns v as an error when it holds problems, else nil.
func (v *ValidationError) OrNil() error {
	if len(v.Problems) == 0 {
		return nil
	}
	return v
}

func (v *ValidationError) has(field string) bool {
	_, ok := v.Problem(field)
	return ok
}

// Problem returns the first problem for field, if any.
func (v *ValidationError) Problem(field string) (Message, bool) {
	for _, p := range v.Problems {
		if p.Field == field {
			return p.Msg, true
		}
	}
	return Message{}, false
}

// sqliteCodes turns SQLite's primary result codes into messages for the
// caseworker: what happened and what to do. The store's driver errors carry
// the code (Code() int); model needs no import of the driver to read it.
var sqliteCodes = map[int]string{
	5:  "error.db.busy",     // SQLITE_BUSY
	6:  "error.db.busy",     // SQLITE_LOCKED
	8:  "error.db.readonly", // SQLITE_READONLY
	10: "error.db.io",       // SQLITE_IOERR
	11: "error.db.corrupt",  // SQLITE_CORRUPT
	13: "error.db.full",     // SQLITE_FULL
	14: "error.db.cantopen", // SQLITE_CANTOPEN
	26: "error.db.corrupt",  // SQLITE_NOTADB
}

// DatabaseProblem explains an error from the database in the caseworker's
// words; ok is false when err carries no SQLite code it knows.
func DatabaseProblem(err error) (Message, bool) {
	var coded interface{ Code() int }
	if !errors.As(err, &coded) {
		return Message{}, false
	}
	key, ok := sqliteCodes[coded.Code()&0xff]
	return Message{Key: key}, ok
}
