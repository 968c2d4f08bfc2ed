package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

const jobColumns = `id, title, code, employer, place, deadline, how_to_apply, contact, source, added_on, hot`

// SaveJob inserts (ID 0) or updates an opening.
func (s *Store) SaveJob(j *model.Job) error {
	if err := j.Validate(); err != nil {
		return err
	}
	if j.AddedOn.IsZero() {
		j.AddedOn = model.DateOnly(s.Now())
	}
	return s.inTx("save job", func(tx *sql.Tx) error { return saveJob(tx, j) })
}

func saveJob(tx *sql.Tx, j *model.Job) error {
	args := []any{j.Title, j.Code, j.Employer, j.Place, dateText(j.Deadline), j.HowToApply, j.Contact, j.Source, dateText(j.AddedOn), j.Hot}
	if j.ID == 0 {
		r, err := tx.Exec(`INSERT INTO jobs (title, code, employer, place, deadline, how_to_apply, contact, source, added_on, hot)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return fmt.Errorf("add job: %w", err)
		}
		j.ID, _ = r.LastInsertId()
		return nil
	}
	_, err := tx.Exec(`UPDATE jobs SET title = ?, code = ?, employer = ?, place = ?, deadline = ?, how_to_apply = ?,
		contact = ?, source = ?, added_on = ?, hot = ? WHERE id = ?`, append(args, j.ID)...)
	if err != nil {
		return fmt.Errorf("save job %d: %w", j.ID, err)
	}
	return nil
}

func scanJobs(rows *sql.Rows) ([]model.Job, error) {
	defer rows.Close()
	var out []model.Job
	for rows.Next() {
		var j model.Job
		if err := rows.Scan(&j.ID, &j.Title, &j.Code, &j.Employer, &j.Place, scanDate(&j.Deadline), &j.HowToApply, &j.Contact,
			&j.Source, scanDate(&j.AddedOn), &j.Hot); err != nil {
			return nil, fmt.Errorf("scan job: %w", err)
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// Job loads one opening.
func (s *Store) Job(id int64) (*model.Job, error) {
	rows, err := s.db.Query(`SELECT `+jobColumns+` FROM jobs WHERE id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("load job %d: %w", id, err)
	}
	all, err := scanJobs(rows)
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, model.ErrNotFound
	}
	return &all[0], nil
}

// OpenJobs lists the openings whose deadline has not passed (or that have
// none): hot and newest first — the day's job list.
func (s *Store) OpenJobs(today time.Time) ([]model.Job, error) {
	rows, err := s.db.Query(`SELECT `+jobColumns+` FROM jobs WHERE deadline = '' OR deadline >= ?
		ORDER BY hot DESC, added_on DESC, deadline, id`, model.DateOnly(today).Format(model.DateLayout))
	if err != nil {
		return nil, fmt.Errorf("open jobs: %w", err)
	}
	return scanJobs(rows)
}

// ImportJobs adds the openings in one transaction; a dry run writes nothing.
//
// An opening is the same as one already held when its title, employer,
// place and deadline are: importing the same file again adds nothing.
func (s *Store) ImportJobs(jobs []model.Job, dryRun bool) (model.ImportResult, error) {
	var res model.ImportResult
	err := s.inTx("import jobs", func(tx *sql.Tx) error {
		seen := map[string]bool{}
		for i := range jobs {
			held, err := jobHeld(tx, &jobs[i])
			if err != nil {
				return err
			}
			if held || seen[jobKey(&jobs[i])] {
				res.Unchanged++
				continue
			}
			seen[jobKey(&jobs[i])] = true
			res.Added++
			if dryRun {
				continue
			}
			if err := saveJob(tx, &jobs[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

func jobKey(j *model.Job) string {
	return strings.Join([]string{j.Title, j.Employer, j.Place, dateText(j.Deadline)}, "\x1f")
}

// jobHeld tells whether an opening with the same title, employer, place
// and deadline is already in the database.
func jobHeld(tx *sql.Tx, j *model.Job) (bool, error) {
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM jobs WHERE title = ? AND employer = ? AND place = ? AND deadline = ?`,
		j.Title, j.Employer, j.Place, dateText(j.Deadline)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for the opening: %w", err)
	}
	return n > 0, nil
}

// MatchCitizen lists open jobs that fit the citizen's job goals: same title
// (DISCO code), then the same 4-digit group, then 3-digit; soonest deadline
// first within each.
func (s *Store) MatchCitizen(citizenID int64, today time.Time) ([]model.Match, error) {
	goals, err := s.JobGoals(citizenID)
	if err != nil {
		return nil, err
	}
	best := map[int64]model.Match{}
	for _, g := range goals {
		if len(g.Code) != 6 {
			continue
		}
		for fit, n := range []int{6, 4, 3} {
			if err := s.jobsWithPrefix(g.Code[:n], today, fit, best); err != nil {
				return nil, err
			}
		}
	}
	return sortedMatches(best), nil
}

func (s *Store) jobsWithPrefix(prefix string, today time.Time, fit int, best map[int64]model.Match) error {
	rows, err := s.db.Query(`SELECT `+jobColumns+` FROM jobs WHERE code >= ? AND code < ? AND (deadline = '' OR deadline >= ?)`,
		prefix, prefix+"\xff", model.DateOnly(today).Format(model.DateLayout))
	if err != nil {
		return fmt.Errorf("match jobs: %w", err)
	}
	jobs, err := scanJobs(rows)
	for _, j := range jobs {
		if m, ok := best[j.ID]; !ok || fit < m.Fit {
			best[j.ID] = model.Match{Job: j, Fit: fit}
		}
	}
	return err
}

func sortedMatches(best map[int64]model.Match) []model.Match {
	out := make([]model.Match, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	sortBy(out, func(a, b model.Match) bool {
		if a.Fit != b.Fit {
			return a.Fit < b.Fit
		}
		return deadlineKey(a.Job) < deadlineKey(b.Job) || deadlineKey(a.Job) == deadlineKey(b.Job) && a.ID < b.ID
	})
	return out
}

// deadlineKey sorts openings without a deadline last.
func deadlineKey(j model.Job) string {
	if j.Deadline.IsZero() {
		return "9999"
	}
	return dateText(j.Deadline)
}

// MatchJob lists the active citizens whose goals fit an opening: "who
// should hear about this job?" — same title first, then 4- and 3-digit group.
func (s *Store) MatchJob(jobID int64) ([]model.CitizenMatch, error) {
	j, err := s.Job(jobID)
	if err != nil || len(j.Code) != 6 {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT z.id, z.name, g.title, g.code FROM job_goals g JOIN citizens z ON z.id = g.citizen_id
		WHERE g.code >= ? AND g.code < ? AND z.status = `+lit(model.StatusActive)+``, j.Code[:3], j.Code[:3]+"\xff")
	if err != nil {
		return nil, fmt.Errorf("match citizens: %w", err)
	}
	defer rows.Close()
	best := map[int64]model.CitizenMatch{}
	for rows.Next() {
		var m model.CitizenMatch
		var code string
		if err := rows.Scan(&m.CitizenID, &m.Name, &m.Goal, &code); err != nil {
			return nil, fmt.Errorf("scan citizen match: %w", err)
		}
		m.Fit = fitOf(j.Code, code)
		if old, ok := best[m.CitizenID]; !ok || m.Fit < old.Fit {
			best[m.CitizenID] = m
		}
	}
	out := make([]model.CitizenMatch, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	sortBy(out, func(a, b model.CitizenMatch) bool { return a.Fit < b.Fit || a.Fit == b.Fit && a.Name < b.Name })
	return out, rows.Err()
}

func fitOf(a, b string) int {
	switch {
	case a == b:
		return 0
	case a[:4] == b[:4]:
		return 1
	}
	return 2
}
