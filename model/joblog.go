package model

import (
	"time"
)

// ApplicationStatus is where an application stands in the job log.
type ApplicationStatus string

const (
	AppAgreed    ApplicationStatus = "agreed" // agreed in a conversation, not yet sent
	AppApplied   ApplicationStatus = "applied"
	AppInterview ApplicationStatus = "interview"
	AppRejected  ApplicationStatus = "rejected"
	AppHired     ApplicationStatus = "hired"
)

// AppStatuses lists every status in order.
var AppStatuses = []ApplicationStatus{AppAgreed, AppApplied, AppInterview, AppRejected, AppHired}

// Application is one line of the citizen's job log: to an opening on the
// job list or written as free text.
type Application struct {
	ID        int64             `json:"id"`
	CitizenID int64             `json:"citizen_id"`
	JobID     int64             `json:"job_id"`
	Text      string            `json:"text"` // free text, or the opening's title and employer
	AppliedOn time.Time         `json:"applied_on"`
	Status    ApplicationStatus `json:"status"`
	AgreedIn  int64             `json:"agreed_in"` // the conversation it was agreed in
	Deadline  time.Time         `json:"deadline"`
}

// Done is true once an agreed application has been sent.
func (a Application) Done() bool { return a.Status != AppAgreed }

// Validate checks the line against today: an application cannot be dated
// after today.
func (a *Application) Validate(today time.Time) error {
	v := &ValidationError{}
	CheckChoice(v, "status", a.Status, AppStatuses, "error.app.status")
	CheckLen(v, "text", &a.Text, 500, "error.text.long")
	if a.JobID == 0 && a.Text == "" {
		v.add("text", "error.app.text")
	}
	switch {
	case a.Status != AppAgreed && a.AppliedOn.IsZero():
		v.add("applied", "error.app.date")
	case Day(a.AppliedOn).After(Day(today)):
		v.add("applied", "error.app.future")
	}
	return v.OrNil()
}

// WeekCount is the applications sent in one ISO week.
type WeekCount struct {
	Year, Week, Count int
}

// ApplicationsPerWeek counts sent applications per ISO week, oldest first,
// including weeks with none between the first and the last.
func ApplicationsPerWeek(apps []Application) []WeekCount {
	counts := map[[2]int]int{}
	var first, last time.Time
	for _, a := range apps {
		if a.AppliedOn.IsZero() {
			continue
		}
		y, w := a.AppliedOn.ISOWeek()
		counts[[2]int{y, w}]++
		if first.IsZero() || a.AppliedOn.Before(first) {
			first = a.AppliedOn
		}
		if a.AppliedOn.After(last) {
			last = a.AppliedOn
		}
	}
	var out []WeekCount
	for d := first; !first.IsZero() && !d.After(last.AddDate(0, 0, 6-int(last.Weekday()+6)%7)); d = d.AddDate(0, 0, 7) {
		y, w := d.ISOWeek()
		out = append(out, WeekCount{y, w, counts[[2]int{y, w}]})
	}
	return out
}

// PresentedJob is an opening shown in a conversation, and whether the
// citizen agreed to apply before the next one.
type PresentedJob struct {
	Job
	Agreed bool
}
