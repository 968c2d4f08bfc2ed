package store

import (
	"database/sql"
	"fmt"
	"sort"
	"time"

	"jobspor/model"
)

// ExportCitizen records the export in the audit trail, then gathers every
// record about the citizen (that audit entry included).
func (s *Store) ExportCitizen(id int64) (*model.Export, error) {
	if err := s.inTx("export", func(tx *sql.Tx) error {
		if _, err := scanCitizen(tx.QueryRow(`SELECT `+citizenColumns+` FROM citizens WHERE id = ?`, id)); err != nil {
			return err
		}
		return s.audit(tx, model.AuditExport, id, "right of access")
	}); err != nil {
		return nil, fmt.Errorf("export citizen %d: %w", id, err)
	}
	return s.gatherExport(id)
}

func (s *Store) gatherExport(id int64) (*model.Export, error) {
	c, err := s.Citizen(id)
	if err != nil {
		return nil, err
	}
	progress, err := s.ProgressFor(id)
	if err != nil {
		return nil, err
	}
	e := &model.Export{ExportedAt: s.Now().UTC().Format(time.RFC3339), ExportedBy: s.User,
		CitizenRow: citizenRecord(c), Citizen: *c, Progress: sortedProgress(progress)}
	steps := []func() error{
		func() (err error) { e.JobGoals, err = s.JobGoals(id); return },
		func() (err error) { e.Opening, err = s.Opening(id); return },
		func() (err error) { e.TrackChanges, err = s.TrackHistory(id); return },
		func() (err error) { e.Conversations, err = s.Conversations(id); return },
		func() (err error) { e.Upskilling, err = s.Upskillings(id); return },
		func() (err error) { e.Education, err = s.EducationPlan(id); return },
		func() (err error) { e.Company, err = s.CompanyEfforts(id); return },
		func() (err error) { e.TempAgencies, err = s.TempAgencies(id); return },
		func() (err error) { e.Audit, err = s.AuditFor(id); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := s.exportMore(e, id); err != nil {
		return nil, err
	}
	return e, s.exportCaseworkers(e)
}

// exportCaseworkers adds the roster entries of the caseworkers the export
// refers to: the citizen's own and every one named in the audit.
func (s *Store) exportCaseworkers(e *model.Export) error {
	named := map[string]bool{e.Citizen.Caseworker: true}
	for _, a := range e.Audit {
		named[a.Caseworker] = true
	}
	roster, err := s.Caseworkers()
	if err != nil {
		return err
	}
	for _, c := range roster {
		if named[c.Initials] {
			e.Caseworkers = append(e.Caseworkers, c)
		}
	}
	return nil
}

func sortedProgress(m map[string]model.Progress) []model.Progress {
	out := make([]model.Progress, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ActionID < out[j].ActionID })
	return out
}
