package model

import (
	"strings"
	"time"
)

// Job is an opening known to the office.
type Job struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	Code       string    `json:"code"` // DISCO-08, from the catalogue
	Employer   string    `json:"employer"`
	Place      string    `json:"place"`
	Deadline   time.Time `json:"deadline"` // zero: none given
	HowToApply string    `json:"how_to_apply"`
	Contact    string    `json:"contact"`
	Source     string    `json:"source"`
	AddedOn    time.Time `json:"added_on"`
	Hot        bool      `json:"hot"` // heard of this morning
}

func (j *Job) Validate() error {
	v := &ValidationError{}
	RequireText(v, "title", &j.Title, 200, "error.job.title")
	RequireText(v, "employer", &j.Employer, 200, "error.job.employer")
	if j.Code != "" && (len(j.Code) != 6 || !AllDigits(j.Code)) {
		v.add("code", "error.job.code")
	}
	for _, f := range []*string{&j.Place, &j.HowToApply, &j.Contact, &j.Source} {
		CheckLen(v, "text", f, 500, "error.text.long")
	}
	return v.OrNil()
}

// ParseJobs reads openings from CSV: titel;disco;arbejdsgiver;sted;frist;
// ansøgning;kontakt;kilde;hot (frist as ÅÅÅÅ-MM-DD or DD-MM-ÅÅÅÅ, hot as ja/nej).
func ParseJobs(data []byte, added time.Time) ([]Job, error) {
	rows, err := readCSV(data, []string{"titel", "disco", "arbejdsgiver", "sted", "frist", "ansøgning", "kontakt", "kilde", "hot"})
	if err != nil {
		return nil, err
	}
	out := make([]Job, 0, len(rows))
	for _, r := range rows {
		j, err := jobRow(r, added)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, nil
}

func jobRow(r csvRow, added time.Time) (Job, error) {
	f := r.Fields
	j := Job{Title: f["titel"], Code: f["disco"], Employer: f["arbejdsgiver"], Place: f["sted"], HowToApply: f["ansøgning"],
		Contact: f["kontakt"], Source: f["kilde"], AddedOn: DateOnly(added), Hot: strings.EqualFold(f["hot"], "ja")}
	if f["frist"] != "" {
		d, err := ParseDate(f["frist"])
		if err != nil {
			return j, importError(r.Line, "import.deadline", f["frist"])
		}
		j.Deadline = d
	}
	if err := j.Validate(); err != nil {
		return j, importError(r.Line, "import.invalid", err.Error())
	}
	return j, nil
}

// Match is an opening with how well it fits: 0 same title, 1 same 4-digit
// group, 2 same 3-digit group.
type Match struct {
	Job
	Fit int
}

// CitizenMatch is a citizen whose job goals fit an opening.
type CitizenMatch struct {
	CitizenID int64
	Name      string
	Goal      string
	Fit       int
}
