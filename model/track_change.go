package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// AuditTrack marks audit entries about track assignments.
const AuditTrack = "track"

// TrackChange is one assessment that assigned a track.
type TrackChange struct {
	ID        int64     `json:"id"`
	CitizenID int64     `json:"citizen_id"`
	Track     TrackID   `json:"track"`
	On        time.Time `json:"on"`
	Reason    string    `json:"reason"`
	By        string    `json:"by"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate checks the change against the citizen's first contact and today.
func (c *TrackChange) Validate(first, today time.Time) error {
	v := &ValidationError{}
	if !oneOf(c.Track, Tracks) {
		v.add("track", "error.track.choose")
	}
	c.Reason = strings.TrimSpace(c.Reason)
	switch n := utf8.RuneCountInString(c.Reason); {
	case n == 0:
		v.add("reason", "error.track.reason")
	case n > 1000:
		v.add("reason", "error.track.reasonlong", 1000, n)
	}
	switch {
	case c.On.IsZero():
		v.add("on", "error.track.date")
	case DateOnly(c.On).Before(DateOnly(first)):
		v.add("on", "error.track.early", first.Format("02-01-2006"))
	case DateOnly(c.On).After(DateOnly(today)):
		v.add("on", "error.track.future")
	}
	return v.OrNil()
}
