package model

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is returned when a record asked for by ID does not exist.
var ErrNotFound = errors.New("not found")

// ErrCancelled is returned by long work the caseworker stopped.
var ErrCancelled = errors.New("cancelled")

// Message is a user-facing text: a translation key, a Danish default and
// arguments for the key's placeholders. The UI translates it with
// lang.X(Key, Default); the command line prints Text().
type Message struct {
	Key     string
	Default string
	Args    []any
}

// Text renders the Danish default with its arguments.
func (m Message) Text() string {
	if len(m.Args) == 0 {
		return m.Default
	}
	return fmt.Sprintf(m.Default, m.Args...)
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

func NewUserError(key, def string, cause error, args ...any) *UserError {
	return &UserError{Msg: Message{Key: key, Default: def, Args: args}, Cause: cause}
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
func (v *ValidationError) add(field, key, def string, args ...any) {
	v.Problems = append(v.Problems, FieldProblem{Field: field, Msg: Message{Key: key, Default: def, Args: args}})
}

// OrNil returns v as an error when it holds problems, else nil.
func (v *ValidationError) OrNil() error {
	if len(v.Problems) == 0 {
		return nil
	}
	return v
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
