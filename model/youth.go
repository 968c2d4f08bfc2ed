package model

import (
	"time"
)

// Young citizens without a qualifying education are flagged (10 råd #8):
// under KUIAge for the municipal youth effort (KUI, lov om kommunal indsats
// for unge under 25 år), from KUIAge up to YouthAge for education guidance
// by other routes, as the KUI act does not cover them.
const (
	YouthAge       = 30
	KUIAge         = 25
	AuditYouthFlag = "youth"
)

// YouthKind is where a flagged citizen is sent.
type YouthKind string

const (
	YouthKUI      YouthKind = "kui"
	YouthGuidance YouthKind = "guidance"
)

// YouthKinds lists the kinds in display order.
var YouthKinds = []YouthKind{YouthKUI, YouthGuidance}

// YouthKindAt is where a young citizen of the given age is sent.
func YouthKindAt(age int) YouthKind {
	if age < KUIAge {
		return YouthKUI
	}
	return YouthGuidance
}

// NeedsYouthFlag: under 30 by the CPR number or the birth date, no
// qualifying education, still active.
func NeedsYouthFlag(c *Citizen, today time.Time) bool {
	age, ok := c.AgeOn(today)
	return ok && age < YouthAge && c.Education == EducationUnskilled && c.Status == StatusActive
}

// YouthRow is one flagged young citizen on Today.
type YouthRow struct {
	CitizenID  int64
	Name       string
	Age        int
	Kind       YouthKind
	FlaggedOn  time.Time
	ReferredOn time.Time
}
