package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"jobspor/model"
)

const jobColumns = `id, title, code, employer, place, deadline, how_to_apply, contact, source, added_on, hot, postcode`

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
	args := []any{j.Title, j.Code, j.Employer, j.Place, dateText(j.Deadline), j.HowToApply, j.Contact, j.Source, dateText(j.AddedOn), j.Hot, j.Postcode}
	if j.ID == 0 {
		r, err := tx.Exec(`INSERT INTO jobs (title, code, employer, place, deadline, how_to_apply, contact, source, added_on, hot, postcode)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return fmt.Errorf("add job: %w", err)
		}
		j.ID, _ = r.LastInsertId()
		return nil
	}
	_, err := tx.Exec(`UPDATE jobs SET title = ?, code = ?, employer = ?, place = ?, deadline = ?, how_to_apply = ?,
		contact = ?, source = ?, added_on = ?, hot = ?, postcode = ? WHERE id = ?`, append(args, j.ID)...)
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
			&j.Source, scanDate(&j.AddedOn), &j.Hot, &j.Postcode); err != nil {
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
// place and deadline are: importing the same file again adds nothing. Each
// opening is looked up by a seek in the index jobs_key, which also finds
// the ones this import added (twice in one file); a dry run adds them too
// and rolls the transaction back. Both statements are prepared once, and the
// page cache is larger while the import runs.
func (s *Store) ImportJobs(jobs []model.Job, dryRun bool) (model.ImportResult, error) {
	res, err := s.importJobs(dryRun, func(add func(*model.Job) error) error {
		for i := range jobs {
			if err := add(&jobs[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if dryRun {
		for i := range jobs {
			jobs[i].ID = 0 // rolled back
		}
	}
	return res, err
}

// ImportJobsCSV reads a job list (model.EachJob) and adds its openings as
// ImportJobs does, each as it is read: a file of a million rows is never
// held as openings, and a row in error leaves nothing added.
func (s *Store) ImportJobsCSV(data []byte, added time.Time, dryRun bool) (model.ImportResult, error) {
	return s.importJobs(dryRun, func(add func(*model.Job) error) error {
		return model.EachJob(data, added, func(j model.Job) error { return add(&j) })
	})
}

// importJobs runs feed in one transaction; feed hands every opening to add.
func (s *Store) importJobs(dryRun bool, feed func(add func(*model.Job) error) error) (model.ImportResult, error) {
	var res model.ImportResult
	err := s.inTx("import jobs", func(tx *sql.Tx) error {
		defer largerCache(tx)()
		held, err := tx.Prepare(jobHeldSQL)
		if err != nil {
			return fmt.Errorf("look for the opening: %w", err)
		}
		defer held.Close()
		ins, err := tx.Prepare(addJobSQL)
		if err != nil {
			return fmt.Errorf("add job: %w", err)
		}
		defer ins.Close()
		err = feed(func(j *model.Job) error {
			found, err := jobHeld(held, j)
			if err != nil || found {
				res.Unchanged++
				return err
			}
			res.Added++
			return addJob(ins, j)
		})
		if err == nil && dryRun {
			return errDryRun
		}
		return err
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return model.ImportResult{}, err
	}
	return res, nil
}

const addJobSQL = `INSERT INTO jobs (title, code, employer, place, deadline, how_to_apply, contact, source, added_on, hot, postcode)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// addJob inserts a new opening with the prepared addJobSQL.
func addJob(st *sql.Stmt, j *model.Job) error {
	r, err := st.Exec(j.Title, j.Code, j.Employer, j.Place, dateText(j.Deadline), j.HowToApply, j.Contact, j.Source, dateText(j.AddedOn), j.Hot, j.Postcode)
	if err != nil {
		return fmt.Errorf("add job: %w", err)
	}
	j.ID, _ = r.LastInsertId()
	return nil
}

// jobHeldSQL counts the openings with the same title, employer, place and
// deadline: a seek in the index jobs_key.
const jobHeldSQL = `SELECT count(*) FROM jobs WHERE title = ? AND employer = ? AND place = ? AND deadline = ?`

// jobHeld tells whether an opening with the same title, employer, place
// and deadline is already in the database (a seek in the index jobs_key).
func jobHeld(st *sql.Stmt, j *model.Job) (bool, error) {
	var n int
	err := st.QueryRow(j.Title, j.Employer, j.Place, dateText(j.Deadline)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for the opening: %w", err)
	}
	return n > 0, nil
}

// MatchCitizen lists the open jobs that fit the citizen's job goals (same
// title, then the same 4-digit and 3-digit DISCO group) within the
// citizen's reach, ranked by model.MatchOrder: nearest first, on the
// long-term track good prospects first, then fit and deadline.
func (s *Store) MatchCitizen(citizenID int64, today time.Time) ([]model.Match, error) {
	c, err := s.Citizen(citizenID)
	if err != nil {
		return nil, err
	}
	best, err := s.fittingJobs(citizenID, today)
	if err != nil {
		return nil, err
	}
	codes := map[string]bool{}
	for _, m := range best {
		codes[m.Postcode] = c.Postcode != ""
	}
	codes[c.Postcode] = true
	ix, err := s.placesOf(codes)
	if err != nil {
		return nil, err
	}
	rate, err := s.ratingLookup(c.Track == model.TrackLongterm)
	if err != nil {
		return nil, err
	}
	out := make([]model.Match, 0, len(best))
	for _, m := range best {
		m.Near, m.Rating = ix.Near(c.Postcode, m.Postcode), rate(m.Job)
		if m.Near.Within(model.ReachOrDefault(c.Reach)) {
			out = append(out, m)
		}
	}
	sortBy(out, model.MatchOrder(c.Track == model.TrackLongterm))
	return out, nil
}

// fittingJobs finds the open jobs fitting any of the citizen's goals, each
// with its best fit.
func (s *Store) fittingJobs(citizenID int64, today time.Time) (map[int64]model.Match, error) {
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
	return best, nil
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

// ratingLookup rates an opening's occupation in the office's region in the
// newest edition: by its title, else the best rating of its DISCO code.
// Without an edition, or when not needed, every opening is unknown.
func (s *Store) ratingLookup(needed bool) (func(model.Job) model.Rating, error) {
	if !needed {
		return func(model.Job) model.Rating { return model.RatingUnknown }, nil
	}
	region, err := s.Region()
	if err != nil {
		return nil, err
	}
	ps, err := s.ProspectList(region, nil, "")
	if errors.Is(err, model.ErrNotFound) {
		return func(model.Job) model.Rating { return model.RatingUnknown }, nil
	}
	byTitle, byCode := map[string]model.Rating{}, map[string]model.Rating{}
	for _, p := range ps {
		byTitle[model.FoldName(p.Title)] = p.Rating
		byCode[p.Code] = max(byCode[p.Code], p.Rating)
	}
	return func(j model.Job) model.Rating {
		if r, ok := byTitle[model.FoldName(j.Title)]; ok {
			return r
		}
		return byCode[j.Code]
	}, err
}

// MatchJob lists the active citizens whose goals fit an opening and whose
// reach takes it in: "who should hear about this job?" — those living in
// the same municipality first, then the region, then the rest; same title
// before the 4- and 3-digit group within each.
func (s *Store) MatchJob(jobID int64) ([]model.CitizenMatch, error) {
	j, err := s.Job(jobID)
	if err != nil || len(j.Code) != 6 {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT z.id, z.name, z.postcode, z.reach, g.title, g.code FROM job_goals g
		JOIN citizens z ON z.id = g.citizen_id
		WHERE g.code >= ? AND g.code < ? AND z.status = `+lit(model.StatusActive), j.Code[:3], j.Code[:3]+"\xff")
	if err != nil {
		return nil, fmt.Errorf("match citizens: %w", err)
	}
	cands, err := scanCandidates(rows)
	if err != nil {
		return nil, err
	}
	best, err := s.bestCitizens(cands, j)
	if err != nil {
		return nil, err
	}
	out := make([]model.CitizenMatch, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	sortBy(out, citizenOrder)
	return out, nil
}

func citizenOrder(a, b model.CitizenMatch) bool {
	if a.Near != b.Near {
		return a.Near < b.Near
	}
	return a.Fit < b.Fit || a.Fit == b.Fit && (a.Name < b.Name || a.Name == b.Name && a.CitizenID < b.CitizenID)
}

// candidate is a citizen with a goal in the opening's 3-digit group.
type candidate struct {
	model.CitizenMatch
	home, code string
	reach      model.Reach
}

func scanCandidates(rows *sql.Rows) ([]candidate, error) {
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.CitizenID, &c.Name, &c.home, &c.reach, &c.Goal, &c.code); err != nil {
			return nil, fmt.Errorf("scan citizen match: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// bestCitizens keeps each citizen once, with the best fitting goal, when
// the opening lies within the citizen's reach.
func (s *Store) bestCitizens(cands []candidate, j *model.Job) (map[int64]model.CitizenMatch, error) {
	codes := map[string]bool{}
	for _, c := range cands {
		codes[c.home] = j.Postcode != ""
	}
	codes[j.Postcode] = true
	ix, err := s.placesOf(codes)
	best := map[int64]model.CitizenMatch{}
	for _, c := range cands {
		m := c.CitizenMatch
		m.Fit, m.Near = fitOf(j.Code, c.code), ix.Near(c.home, j.Postcode)
		if !m.Near.Within(model.ReachOrDefault(c.reach)) {
			continue
		}
		if old, ok := best[m.CitizenID]; !ok || m.Fit < old.Fit {
			best[m.CitizenID] = m
		}
	}
	return best, err
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
