package store

import (
	"database/sql"
	"fmt"
	"time"

	"jobspor/model"
)

const conversationColumns = `id, citizen_id, start, end, kind, form, attendance, notes, agreements, created_at, updated_at, with_akasse`

// PlanConversation validates and inserts a conversation (planned unless
// said otherwise) and audits it.
func (s *Store) PlanConversation(c *model.Conversation) error {
	if err := c.Validate(); err != nil {
		return err
	}
	now := s.Now().UTC()
	return s.inTx("plan conversation", func(tx *sql.Tx) error {
		res, err := tx.Exec(`
			INSERT INTO conversations (citizen_id, start, end, kind, form, attendance, notes, agreements, created_at, updated_at, with_akasse)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.CitizenID, c.Start.Format(model.WallLayout), c.End.Format(model.WallLayout), c.Kind, c.Form, c.Attendance,
			c.Notes, c.Agreements, now.Format(time.RFC3339), now.Format(time.RFC3339), c.WithAkasse)
		if err != nil {
			return fmt.Errorf("plan conversation for citizen %d: %w", c.CitizenID, foreignKey(err))
		}
		c.ID, _ = res.LastInsertId()
		c.CreatedAt, c.UpdatedAt = now, now
		return s.audit(tx, model.AuditConversation, c.CitizenID, fmt.Sprintf("plan %d", c.ID))
	})
}

// SaveConversation validates and saves every field of c and audits it.
func (s *Store) SaveConversation(c *model.Conversation) error {
	if err := c.Validate(); err != nil {
		return err
	}
	now := s.Now().UTC()
	return s.inTx("save conversation", func(tx *sql.Tx) error {
		res, err := tx.Exec(`
			UPDATE conversations SET start = ?, end = ?, kind = ?, form = ?, attendance = ?, notes = ?,
				agreements = ?, updated_at = ?, with_akasse = ?
			WHERE id = ? AND citizen_id = ?`,
			c.Start.Format(model.WallLayout), c.End.Format(model.WallLayout), c.Kind, c.Form, c.Attendance, c.Notes,
			c.Agreements, now.Format(time.RFC3339), c.WithAkasse, c.ID, c.CitizenID)
		if err != nil {
			return fmt.Errorf("save conversation %d: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.ErrNotFound
		}
		c.UpdatedAt = now
		return s.audit(tx, model.AuditConversation, c.CitizenID, fmt.Sprintf("save %d %s", c.ID, c.Attendance))
	})
}

// SetAttendance records whether a conversation was held, missed or cancelled.
func (s *Store) SetAttendance(id int64, a model.Attendance) error {
	c, err := s.Conversation(id)
	if err != nil {
		return err
	}
	c.Attendance = a
	return s.SaveConversation(c)
}

// Conversation loads one conversation.
func (s *Store) Conversation(id int64) (*model.Conversation, error) {
	rows, err := s.db.Query(`SELECT `+conversationColumns+` FROM conversations WHERE id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("load conversation %d: %w", id, err)
	}
	return firstConversation(rows)
}

// firstConversation scans rows and returns the first, or ErrNotFound.
func firstConversation(rows *sql.Rows) (*model.Conversation, error) {
	all, err := scanConversations(rows)
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, model.ErrNotFound
	}
	return &all[0], nil
}

// Conversations lists a citizen's conversations, oldest first.
func (s *Store) Conversations(citizenID int64) ([]model.Conversation, error) {
	rows, err := s.db.Query(`SELECT `+conversationColumns+` FROM conversations
		WHERE citizen_id = ? ORDER BY start, id`, citizenID)
	if err != nil {
		return nil, fmt.Errorf("list conversations for citizen %d: %w", citizenID, err)
	}
	return scanConversations(rows)
}

// NextConversation is the first planned conversation starting after `after`.
func (s *Store) NextConversation(citizenID int64, after time.Time) (*model.Conversation, error) {
	rows, err := s.db.Query(`SELECT `+conversationColumns+` FROM conversations
		WHERE citizen_id = ? AND attendance = `+lit(model.AttendancePlanned)+` AND start > ? ORDER BY start, id LIMIT 1`,
		citizenID, after.Format(model.WallLayout))
	if err != nil {
		return nil, fmt.Errorf("next conversation for citizen %d: %w", citizenID, err)
	}
	return firstConversation(rows)
}

func scanConversations(rows *sql.Rows) ([]model.Conversation, error) {
	defer rows.Close()
	var out []model.Conversation
	for rows.Next() {
		var c model.Conversation
		if err := rows.Scan(&c.ID, &c.CitizenID, scanWall(&c.Start), scanWall(&c.End), &c.Kind, &c.Form, &c.Attendance,
			&c.Notes, &c.Agreements, scanMoment(&c.CreatedAt), scanMoment(&c.UpdatedAt), &c.WithAkasse); err != nil {
			return nil, fmt.Errorf("scan conversation: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
