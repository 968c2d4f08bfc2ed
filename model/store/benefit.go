package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"jobspor/model"
)

// SaveBenefitCase stores the case; the first time the citizen intends to
// apply, a notice goes to the benefit office, and when the benefit is
// settled, a notice comes back. All in one transaction.
func (s *Store) SaveBenefitCase(b *model.BenefitCase, checklistLen int) error {
	if err := b.Validate(checklistLen); err != nil {
		return err
	}
	return s.inTx("save benefit case", func(tx *sql.Tx) error {
		old, err := benefitCase(tx, b.CitizenID)
		if err != nil {
			return err
		}
		if err := writeBenefitCase(tx, b); err != nil {
			return err
		}
		if err := s.benefitNotices(tx, old, *b); err != nil {
			return err
		}
		return s.audit(tx, "benefit", b.CitizenID, "")
	})
}

func writeBenefitCase(tx *sql.Tx, b *model.BenefitCase) error {
	docs := make([]string, len(b.Documents))
	for i, d := range b.Documents {
		docs[i] = strconv.Itoa(d)
	}
	_, err := tx.Exec(`INSERT INTO benefit_cases (citizen_id, intends_on, started_on, settled_on, documents, meeting_at, meeting_place)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (citizen_id) DO UPDATE SET intends_on = excluded.intends_on,
		started_on = excluded.started_on, settled_on = excluded.settled_on, documents = excluded.documents,
		meeting_at = excluded.meeting_at, meeting_place = excluded.meeting_place`,
		b.CitizenID, dateText(b.IntendsOn), dateText(b.StartedOn), dateText(b.SettledOn), strings.Join(docs, ","),
		wallText(b.MeetingAt), strings.TrimSpace(b.MeetingPlace))
	if err != nil {
		return fmt.Errorf("save benefit case: %w", foreignKey(err))
	}
	return nil
}

func (s *Store) benefitNotices(tx *sql.Tx, old, b model.BenefitCase) error {
	if old.IntendsOn.IsZero() && !b.IntendsOn.IsZero() {
		text := "Borgeren påtænker at søge ydelse (meldt " + b.IntendsOn.Format("02-01-2006") + ")"
		if err := s.addNotice(tx, b.CitizenID, model.ToBenefit, text); err != nil {
			return err
		}
	}
	if old.SettledOn.IsZero() && !b.SettledOn.IsZero() {
		return s.addNotice(tx, b.CitizenID, model.FromBenefit, "Ydelsen er afklaret "+b.SettledOn.Format("02-01-2006"))
	}
	return nil
}

// BenefitCase returns the citizen's case, empty when none.
func (s *Store) BenefitCase(citizenID int64) (model.BenefitCase, error) {
	return benefitCase(s.db, citizenID)
}

type queryRower interface {
	QueryRow(query string, args ...any) *sql.Row
}

func benefitCase(q queryRower, citizenID int64) (model.BenefitCase, error) {
	b := model.BenefitCase{CitizenID: citizenID}
	var docs string
	err := q.QueryRow(`SELECT intends_on, started_on, settled_on, documents, meeting_at, meeting_place
		FROM benefit_cases WHERE citizen_id = ?`, citizenID).Scan(scanDate(&b.IntendsOn), scanDate(&b.StartedOn),
		scanDate(&b.SettledOn), &docs, scanWall(&b.MeetingAt), &b.MeetingPlace)
	if errors.Is(err, sql.ErrNoRows) {
		return b, nil
	}
	if err != nil {
		return b, fmt.Errorf("load benefit case: %w", err)
	}
	b.Documents = documentList(docs)
	return b, nil
}

// AddNotice writes a notice by hand (either direction).
func (s *Store) AddNotice(citizenID int64, direction, text string) error {
	text = strings.TrimSpace(text)
	if text == "" || utf8.RuneCountInString(text) > 500 || (direction != model.ToBenefit && direction != model.FromBenefit) {
		return &model.ValidationError{Problems: []model.FieldProblem{{Field: "text", Msg: model.Message{Key: "error.notice"}}}}
	}
	return s.inTx("add notice", func(tx *sql.Tx) error { return s.addNotice(tx, citizenID, direction, text) })
}

func (s *Store) addNotice(tx *sql.Tx, citizenID int64, direction, text string) error {
	_, err := tx.Exec(`INSERT INTO notices (citizen_id, direction, text, created_at, created_by) VALUES (?, ?, ?, ?, ?)`,
		citizenID, direction, text, s.Now().UTC().Format(time.RFC3339), s.User)
	if err != nil {
		return fmt.Errorf("add notice: %w", foreignKey(err))
	}
	return s.audit(tx, "notice", citizenID, direction)
}

// AcknowledgeNotice takes a notice off Today.
func (s *Store) AcknowledgeNotice(id int64) error {
	return s.inTx("acknowledge notice", func(tx *sql.Tx) error {
		var citizen int64
		if err := tx.QueryRow(`SELECT citizen_id FROM notices WHERE id = ?`, id).Scan(&citizen); err != nil {
			return notFound(fmt.Errorf("acknowledge notice %d: %w", id, err))
		}
		if _, err := tx.Exec(`UPDATE notices SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?`,
			s.Now().UTC().Format(time.RFC3339), s.User, id); err != nil {
			return fmt.Errorf("acknowledge notice %d: %w", id, err)
		}
		return s.audit(tx, "notice", citizen, "acknowledged")
	})
}

// ReopenNotice puts an acknowledged notice back on Today (Fortryd).
func (s *Store) ReopenNotice(id int64) error {
	return s.inTx("reopen notice", func(tx *sql.Tx) error {
		var citizen int64
		if err := tx.QueryRow(`SELECT citizen_id FROM notices WHERE id = ?`, id).Scan(&citizen); err != nil {
			return notFound(fmt.Errorf("reopen notice %d: %w", id, err))
		}
		if _, err := tx.Exec(`UPDATE notices SET acknowledged_at = '', acknowledged_by = '' WHERE id = ?`, id); err != nil {
			return fmt.Errorf("reopen notice %d: %w", id, err)
		}
		return s.audit(tx, "notice", citizen, "reopened")
	})
}

// OpenNotices lists the notices not yet acknowledged, oldest first.
func (s *Store) OpenNotices() ([]model.Notice, error) {
	return s.openNotices(model.WholeOffice)
}

func (s *Store) openNotices(scope model.Scope) ([]model.Notice, error) {
	cond, args := scopeCond("z.caseworker", scope)
	return s.noticesFrom(ownFirst(scope, "notices n", "n"), `n.acknowledged_at = ''`+cond+` ORDER BY n.created_at, n.id`, args...)
}

// Notices loads the notices with the given IDs, oldest first.
func (s *Store) Notices(ids []int64) ([]model.Notice, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return s.notices(`n.id IN (?`+strings.Repeat(", ?", len(ids)-1)+`) ORDER BY n.created_at, n.id`, args...)
}

func (s *Store) notices(where string, args ...any) ([]model.Notice, error) {
	return s.noticesFrom(`notices n JOIN citizens z ON z.id = n.citizen_id`, where, args...)
}

func (s *Store) noticesFrom(from, where string, args ...any) ([]model.Notice, error) {
	rows, err := s.db.Query(`SELECT n.id, n.citizen_id, n.direction, n.text, n.created_at, n.created_by,
		n.sent_at, n.sent_by, n.sent_how, z.name FROM `+from+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("load notices: %w", err)
	}
	defer rows.Close()
	var out []model.Notice
	for rows.Next() {
		var n model.Notice
		if err := rows.Scan(&n.ID, &n.CitizenID, &n.Direction, &n.Text, scanMoment(&n.CreatedAt), &n.CreatedBy,
			scanMoment(&n.SentAt), &n.SentBy, &n.SentHow, &n.Name); err != nil {
			return nil, fmt.Errorf("scan notice: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// MarkNoticesSent records that the notices were printed or copied to be
// sent, now, by the local user; each is audited for its citizen.
func (s *Store) MarkNoticesSent(ids []int64, how model.SentHow) error {
	if how != model.SentPrinted && how != model.SentCopied {
		return fmt.Errorf("mark notices sent: unknown way %q", how)
	}
	return s.inTx("mark notices sent", func(tx *sql.Tx) error {
		for _, id := range ids {
			if err := s.markSent(tx, id, how); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *Store) markSent(tx *sql.Tx, id int64, how model.SentHow) error {
	var citizen int64
	if err := tx.QueryRow(`SELECT citizen_id FROM notices WHERE id = ?`, id).Scan(&citizen); err != nil {
		return notFound(fmt.Errorf("mark notice %d sent: %w", id, err))
	}
	if _, err := tx.Exec(`UPDATE notices SET sent_at = ?, sent_by = ?, sent_how = ? WHERE id = ?`,
		s.Now().UTC().Format(time.RFC3339), s.User, how, id); err != nil {
		return fmt.Errorf("mark notice %d sent: %w", id, err)
	}
	return s.audit(tx, "notice", citizen, "sent "+string(how))
}

// BenefitMeetings lists the booked meetings at the benefit office in [from, to), in time order.
func (s *Store) BenefitMeetings(from, to time.Time) ([]model.BenefitMeeting, error) {
	return s.benefitMeetings(from, to, model.WholeOffice)
}

func (s *Store) benefitMeetings(from, to time.Time, scope model.Scope) ([]model.BenefitMeeting, error) {
	cond, args := scopeCond("z.caseworker", scope)
	rows, err := s.db.Query(`SELECT b.citizen_id, z.name, b.meeting_at, b.meeting_place FROM `+ownFirst(scope, "benefit_cases b", "b")+`
		WHERE b.meeting_at >= ? AND b.meeting_at < ?`+cond+` ORDER BY b.meeting_at, z.name_key, b.citizen_id`,
		append([]any{from.Format(model.WallLayout), to.Format(model.WallLayout)}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("benefit meetings: %w", err)
	}
	defer rows.Close()
	var out []model.BenefitMeeting
	for rows.Next() {
		var m model.BenefitMeeting
		if err := rows.Scan(&m.CitizenID, &m.Name, scanWall(&m.At), &m.Place); err != nil {
			return nil, fmt.Errorf("scan benefit meeting: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// wallText stores a local wall-clock time, "" when unset.
func wallText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(model.WallLayout)
}

// documentList reads the stored list of documents handed in ("1,3,4").
func documentList(docs string) []int {
	var out []int
	for _, d := range strings.Split(docs, ",") {
		if n, err := strconv.Atoi(d); err == nil {
			out = append(out, n)
		}
	}
	return out
}
