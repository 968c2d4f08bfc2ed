package model

import (
	"time"
)

// YouthAge is the age under which a citizen without a qualifying education
// is flagged for the municipal youth effort (KUI, formerly UU); under 25 is
// shown apart as the most urgent.
const (
	YouthAge       = 30
	YoungestAge    = 25
	AuditYouthFlag = "youth"
)

// YouthRow is one flagged young citizen on Today.
type YouthRow struct {
	CitizenID  int64
	Name       string
	Age        int
	FlaggedOn  time.Time
	ReferredOn time.Time
}
