package model

import (
	"bytes"
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
	Postcode   string    `json:"postcode"` // where the work is; "" when not given
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
	j.Postcode = strings.TrimSpace(j.Postcode)
	if j.Postcode != "" && !ValidPostcode(j.Postcode) {
		v.add("postcode", "error.postcode")
	}
	for _, f := range []*string{&j.Place, &j.HowToApply, &j.Contact, &j.Source} {
		CheckLen(v, "text", f, 500, "error.text.long")
	}
	return v.OrNil()
}

// ParseJobs reads openings from CSV: titel;disco;arbejdsgiver;sted;frist;
// ansøgning;kontakt;kilde;hot (frist as ÅÅÅÅ-MM-DD or DD-MM-ÅÅÅÅ, hot as
// ja/nej) and, when the file has it, postnr.
func ParseJobs(data []byte, added time.Time) ([]Job, error) {
	var out []Job
	err := EachJob(data, added, func(j Job) error {
		out = append(out, j)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachJob is ParseJobs handing each opening to fn as it is read (an import
// of a million rows holds none of them): a row in error, or fn's error,
// stops it and is returned.
func EachJob(data []byte, added time.Time, fn func(Job) error) error {
	cols := []string{"titel", "disco", "arbejdsgiver", "sted", "frist", "ansøgning", "kontakt", "kilde", "hot"}
	if hasColumn(data, "postnr") {
		cols = append(cols, "postnr")
	}
	return eachCSVRow(data, cols, func(r csvRow) error {
		j, err := jobRow(r, added)
		if err != nil {
			return err
		}
		return fn(j)
	})
}

func jobRow(r csvRow, added time.Time) (Job, error) {
	f := r.Fields
	j := Job{Title: f["titel"], Code: f["disco"], Employer: f["arbejdsgiver"], Place: f["sted"], HowToApply: f["ansøgning"],
		Contact: f["kontakt"], Source: f["kilde"], Postcode: f["postnr"], AddedOn: DateOnly(added), Hot: strings.EqualFold(f["hot"], "ja")}
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

// hasColumn is true when the header line names the (optional) column.
func hasColumn(data []byte, name string) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	for _, h := range strings.Split(string(first), string(delimiter(string(data)))) {
		if strings.EqualFold(strings.Trim(strings.TrimSpace(h), `"`), name) {
			return true
		}
	}
	return false
}

// Match is an opening with how well it fits: 0 same title, 1 same 4-digit
// group, 2 same 3-digit group; how near it is to the citizen's home; and
// the prospects of its occupation in the office's region.
type Match struct {
	Job
	Fit    int
	Near   Nearness
	Rating Rating
}

// CitizenMatch is a citizen whose job goals fit an opening.
type CitizenMatch struct {
	CitizenID int64
	Name      string
	Goal      string
	Fit       int
	Near      Nearness
}

// MatchOrder ranks openings for a citizen: nearest first (same
// municipality, region, unknown place, elsewhere); on the long-term track
// occupations with good prospects before poor ones; then the fit, the
// soonest deadline and the ID.
func MatchOrder(longterm bool) func(a, b Match) bool {
	return func(a, b Match) bool {
		if a.Near != b.Near {
			return a.Near < b.Near
		}
		if ga, gb := a.Rating >= RatingGood, b.Rating >= RatingGood; longterm && ga != gb {
			return ga
		}
		if a.Fit != b.Fit {
			return a.Fit < b.Fit
		}
		if da, db := deadlineKey(a.Job), deadlineKey(b.Job); da != db {
			return da < db
		}
		return a.ID < b.ID
	}
}

// deadlineKey sorts openings without a deadline last.
func deadlineKey(j Job) string {
	if j.Deadline.IsZero() {
		return "9999"
	}
	return j.Deadline.Format(DateLayout)
}
