package model

import "time"

// OfficeSettingKeys are the settings that are the office's, not one
// laptop's (issue 26): in an office they travel, the lead sets them and a
// caseworker's laptop shows them read-only. The letterhead (OfficeKeys),
// the office's kind and region, its closing days, the reception plan, the
// retention period and the related job titles. The logo stays on each
// laptop. Migration 0016's triggers name the same keys.
var OfficeSettingKeys = append(append([]string(nil), OfficeKeys...),
	"office.kind", "office.region", "office.closures", "reception.plan", "retention.months", "retention.reason", "jobs.related")

// OfficeInfo is what a laptop in an office knows of the office beyond the
// records (issue 26), as the last sync brought it: whether its caseworker is
// a lead (who alone edits the office's settings), the office's two legal
// figures as the server added them up, and the office's capacity.
type OfficeInfo struct {
	// Known: a sync has brought it (false on a laptop never synced since).
	Known bool `json:"known"`
	// Seq is the office's change sequence when it was read.
	Seq  int64 `json:"seq"`
	Lead bool  `json:"lead"`
	// Figures are the office's, added up by the server from every
	// caseworker's report: counts only, no names, no CPR numbers.
	Figures OfficeFigures `json:"figures"`
	// Capacity is every caseworker on the roster with their active cases.
	Capacity []OfficeColleague `json:"capacity"`
	// Meetings are the whole office's meetings at the benefit office in
	// the two weeks from the sync (whose case by initials only).
	Meetings []OfficeMeeting `json:"meetings"`
	// Attendance is the office's attendance pattern as the server added it
	// up (nil: an office without it yet, one migration older).
	Attendance *OfficeAttendance `json:"attendance,omitempty"`
}

// OfficeMeeting is one meeting at the benefit office in the office's overview.
type OfficeMeeting struct {
	At         time.Time
	Place      string
	Caseworker string
}

// OfficeFigures are the office's two legal figures: the first conversation
// and the other conversations on time (OnCourse of Total each).
type OfficeFigures struct {
	First, OnTime Figure
	// Caseworkers is how many caseworkers' reports the sums hold.
	Caseworkers int
	// ComputedAt is when the server added them up; OldestReport the
	// oldest report in them.
	ComputedAt, OldestReport time.Time
}

// OfficeColleague is one caseworker of the roster in the capacity view.
type OfficeColleague struct {
	Initials string
	// CompanyContact: holds company contact (10 råd, råd 2): first
	// conversations can be routed to them.
	CompanyContact bool
	Cases          int
	// Booked are the conversations booked in the week from the sync.
	Booked int
}

// CanTakeExtra names the colleagues who can take an extra conversation at
// short notice (10 råd, råd 9): those with fewer conversations booked this
// week than the office's average (everyone when all have the same).
func (info OfficeInfo) CanTakeExtra() map[string]bool {
	out := map[string]bool{}
	if len(info.Capacity) == 0 {
		return out
	}
	sum := 0
	for _, c := range info.Capacity {
		sum += c.Booked
	}
	for _, c := range info.Capacity {
		if c.Booked*len(info.Capacity) < sum || c.Booked*len(info.Capacity) == sum && allSame(info.Capacity) {
			out[c.Initials] = true
		}
	}
	return out
}

func allSame(cs []OfficeColleague) bool {
	for _, c := range cs {
		if c.Booked != cs[0].Booked {
			return false
		}
	}
	return true
}

// FigureReport is what a laptop reports of its own caseworker's citizens:
// the counts behind the two figures (the rules stay in the laptop's code).
type FigureReport struct {
	FirstOnCourse, FirstTotal, OnTimeOnCourse, OnTimeTotal int
}

// ReportOf is the report of a caseworker's figures.
func ReportOf(c Compliance) FigureReport {
	return FigureReport{c.First.OnCourse, c.First.Total, c.OnTime.OnCourse, c.OnTime.Total}
}
