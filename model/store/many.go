package store

import (
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

// The reads of this file are the per-citizen reads (Citizen, BenefitCase,
// PlannedFor, Applications, Reception) for many citizens at once: a batch
// of handouts reads a few hundred citizens in five queries instead of five
// queries each. Each gives what the per-citizen read gives for every
// citizen named (a test holds them to it); the job log's per-citizen read
// is ApplicationsMany for one.

// idList is an IN list of the IDs: "?, ?, ?" and its arguments.
func idList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "), args
}

// CitizensMany loads the citizens in the order of ids, without auditing (as
// Citizen); an ID without a citizen is an error, as in Citizen.
func (s *Store) CitizensMany(ids []int64) ([]*model.Citizen, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := idList(ids)
	rows, err := s.db.Query(`SELECT `+citizenColumns+` FROM citizens WHERE id IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("load citizens: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]*model.Citizen, len(ids))
	for rows.Next() {
		c, err := scanCitizen(rows)
		if err != nil {
			return nil, err
		}
		byID[c.ID] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load citizens: %w", err)
	}
	out := make([]*model.Citizen, len(ids))
	for i, id := range ids {
		if out[i] = byID[id]; out[i] == nil {
			return nil, fmt.Errorf("load citizen %d: %w", id, model.ErrNotFound)
		}
	}
	return out, nil
}

// BenefitCasesMany is BenefitCase for each of ids: every ID has an entry,
// the empty case when the citizen has none.
func (s *Store) BenefitCasesMany(ids []int64) (map[int64]model.BenefitCase, error) {
	out := make(map[int64]model.BenefitCase, len(ids))
	for _, id := range ids {
		out[id] = model.BenefitCase{CitizenID: id}
	}
	if len(ids) == 0 {
		return out, nil
	}
	in, args := idList(ids)
	rows, err := s.db.Query(`SELECT citizen_id, intends_on, started_on, settled_on, documents, meeting_at, meeting_place
		FROM benefit_cases WHERE citizen_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("load benefit cases: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var b model.BenefitCase
		var docs string
		if err := rows.Scan(&b.CitizenID, scanDate(&b.IntendsOn), scanDate(&b.StartedOn), scanDate(&b.SettledOn), &docs,
			scanWall(&b.MeetingAt), &b.MeetingPlace); err != nil {
			return nil, fmt.Errorf("load benefit case: %w", err)
		}
		b.Documents = documentList(docs)
		out[b.CitizenID] = b
	}
	return out, rows.Err()
}

// PlannedForMany is PlannedFor for each of ids: the planned conversations
// starting after now, in time order, with the citizen's name and phone.
// A citizen without any has no entry.
func (s *Store) PlannedForMany(ids []int64, now time.Time) (map[int64][]model.TodayConversation, error) {
	out := make(map[int64][]model.TodayConversation, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	in, args := idList(ids)
	rows, err := s.db.Query(`SELECT c.id, c.citizen_id, c.start, c.end, c.kind, c.form, c.attendance, c.notes, c.agreements,
			c.created_at, c.updated_at, z.name, z.phone
		FROM conversations c JOIN citizens z ON z.id = c.citizen_id
		WHERE c.citizen_id IN (`+in+`) AND c.attendance = `+lit(model.AttendancePlanned)+` AND c.start >= ?
		ORDER BY c.citizen_id, c.start, c.id`, append(args, now.In(time.Local).Format(model.WallLayout))...)
	if err != nil {
		return nil, fmt.Errorf("planned conversations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t model.TodayConversation
		c := &t.Conversation
		if err := rows.Scan(&c.ID, &c.CitizenID, scanWall(&c.Start), scanWall(&c.End), &c.Kind, &c.Form, &c.Attendance,
			&c.Notes, &c.Agreements, scanMoment(&c.CreatedAt), scanMoment(&c.UpdatedAt), &t.Name, &t.Phone); err != nil {
			return nil, fmt.Errorf("scan conversation: %w", err)
		}
		if c.Start.After(now) { // as PlannedFor: after the moment; SQL reads from its minute on
			out[c.CitizenID] = append(out[c.CitizenID], t)
		}
	}
	return out, rows.Err()
}

// ApplicationsMany is the job log of each of ids, newest first (Applications
// is it for one). A citizen without any has no entry.
func (s *Store) ApplicationsMany(ids []int64) (map[int64][]model.Application, error) {
	out := make(map[int64][]model.Application, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	in, args := idList(ids)
	rows, err := s.db.Query(`SELECT a.id, a.citizen_id, coalesce(a.job_id, 0), a.text, a.applied_on, a.status,
			coalesce(a.agreed_in, 0), coalesce(j.title || ', ' || j.employer, ''), coalesce(j.deadline, '')
		FROM applications a LEFT JOIN jobs j ON j.id = a.job_id
		WHERE a.citizen_id IN (`+in+`) ORDER BY a.citizen_id, a.applied_on = '', a.applied_on DESC, a.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("job logs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a model.Application
		var jobText string
		if err := rows.Scan(&a.ID, &a.CitizenID, &a.JobID, &a.Text, scanDate(&a.AppliedOn), &a.Status, &a.AgreedIn, &jobText, scanDate(&a.Deadline)); err != nil {
			return nil, fmt.Errorf("scan application: %w", err)
		}
		if a.Text == "" {
			a.Text = jobText
		}
		out[a.CitizenID] = append(out[a.CitizenID], a)
	}
	return out, rows.Err()
}

// variantDay: citizens who started the same day on the same variant of the
// plan share its dates.
type variantDay struct {
	variant *model.ReceptionVariant
	first   time.Time
}

// ReceptionMany is Reception for each citizen: the dated plan with what is
// ticked. Citizens who started on the same day share the dating (not the
// steps: each gets its own copy to tick).
func (s *Store) ReceptionMany(p *model.ReceptionPlan, cal *model.WorkCalendar, citizens []*model.Citizen) (map[int64][]model.DatedStep, error) {
	out := make(map[int64][]model.DatedStep, len(citizens))
	if len(citizens) == 0 {
		return out, nil
	}
	dated := map[variantDay][]model.DatedStep{}
	ids := make([]int64, len(citizens))
	for i, c := range citizens {
		ids[i] = c.ID
		v := p.VariantFor(c)
		k := variantDay{v, c.FirstContact}
		d, ok := dated[k]
		if !ok {
			d = p.With(v).Dated(c.FirstContact, cal)
			dated[k] = d
		}
		out[c.ID] = append(make([]model.DatedStep, 0, len(d)), d...)
	}
	in, args := idList(ids)
	rows, err := s.db.Query(`SELECT citizen_id, step_id, done_on, by_user FROM reception_steps WHERE citizen_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("load reception steps: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var citizen int64
		var id, by string
		var on time.Time
		if err := rows.Scan(&citizen, &id, scanDate(&on), &by); err != nil {
			return nil, fmt.Errorf("scan reception step: %w", err)
		}
		steps := out[citizen]
		for i := range steps {
			if steps[i].ID == id {
				steps[i].Done, steps[i].DoneOn, steps[i].By = true, on, by
			}
		}
	}
	return out, rows.Err()
}
