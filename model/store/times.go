package store

import (
	"database/sql"
	"fmt"
	"time"

	"jobspor/model"
)

// Stored times have one encoding per kind of value, and every read goes
// through these scanners, so a corrupt value is an error, never a zero time:
//
//	dates (first contact, deadlines, done on)   "2006-01-02"        model.DateLayout, UTC midnight; "" when unset
//	wall-clock times (conversations)            "2006-01-02T15:04"  model.WallLayout, the office's local time
//	moments (created, updated, audit)           RFC 3339            time.RFC3339, UTC
type timeColumn struct {
	t      *time.Time
	layout string
	loc    *time.Location
	kind   string
}

// Scan reads one stored time; an empty value is the zero time.
func (c timeColumn) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	case nil:
	default:
		return fmt.Errorf("stored %s has type %T, not text", c.kind, src)
	}
	if s == "" {
		*c.t = time.Time{}
		return nil
	}
	v, err := time.ParseInLocation(c.layout, s, c.loc)
	if err != nil {
		return fmt.Errorf("stored %s %q is corrupt: %w", c.kind, s, err)
	}
	*c.t = v
	return nil
}

// scanDate, scanWall and scanMoment read a stored date, wall-clock time or
// moment into t (pass them to Scan).
func scanDate(t *time.Time) sql.Scanner   { return timeColumn{t, model.DateLayout, time.UTC, "date"} }
func scanWall(t *time.Time) sql.Scanner   { return timeColumn{t, model.WallLayout, time.Local, "time"} }
func scanMoment(t *time.Time) sql.Scanner { return timeColumn{t, time.RFC3339, time.UTC, "timestamp"} }

// parseStored reads one stored value outside a row scan (a setting).
func parseStored(scan func(*time.Time) sql.Scanner, s string) (time.Time, error) {
	var t time.Time
	err := scan(&t).Scan(s)
	return t, err
}
