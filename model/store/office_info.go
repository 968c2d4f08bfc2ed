package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"jobspor/model"
)

// settingOfficeInfo is where the laptop keeps what the last sync brought of
// the office itself (model.OfficeInfo): a setting of this laptop's own,
// which never travels.
const settingOfficeInfo = "sync.office_info"

// putOfficeInfo keeps what the office said of itself, in the pull's
// transaction (nil: nothing new).
func putOfficeInfo(tx *sql.Tx, info *model.OfficeInfo) error {
	if info == nil {
		return nil
	}
	var v string
	err := tx.QueryRow(`SELECT value FROM settings WHERE key = ?`, settingOfficeInfo).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var held model.OfficeInfo
	if v != "" && json.Unmarshal([]byte(v), &held) == nil && held.Known &&
		(held.Seq > info.Seq || held.Seq == info.Seq && held.Figures.ComputedAt.After(info.Figures.ComputedAt)) {
		return nil // a newer read was applied first (two syncs at once): it stays
	}
	info.Known = true
	b, err := json.Marshal(info)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, settingOfficeInfo, string(b))
	if err != nil {
		return fmt.Errorf("keep the office's figures: %w", err)
	}
	return nil
}

// OfficeInfo is what the last sync brought of the office: lead or not, its
// figures and capacity (Known false before the first).
func (s *Store) OfficeInfo() (model.OfficeInfo, error) {
	var info model.OfficeInfo
	var v string
	err := s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, settingOfficeInfo).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return info, nil
	}
	if err != nil {
		return info, fmt.Errorf("read the office's figures: %w", err)
	}
	if err := json.Unmarshal([]byte(v), &info); err != nil {
		return model.OfficeInfo{}, fmt.Errorf("read the office's figures: %w", err)
	}
	return info, nil
}

// settingPostcodesImported marks a postcode list imported on this laptop
// since the last sync (the lead's goes to the office); settingPostcodesSeq
// is how far the office's list has been pulled.
const (
	settingPostcodesImported = "sync.postcodes_imported"
	settingPostcodesSeq      = "sync.postcodes_seq"
)

// markPostcodesImported notes, in an import's transaction, that the list
// was imported here while in an office.
func markPostcodesImported(tx *sql.Tx) error {
	var active bool
	if err := tx.QueryRow(`SELECT active FROM sync_state WHERE id = 1`).Scan(&active); err != nil || !active {
		return err
	}
	_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = '1'`,
		settingPostcodesImported)
	return err
}

// PostcodesToSend is the postcode list imported here since the last sync
// (nil when none was).
func (s *Store) PostcodesToSend() ([]model.Postcode, error) {
	v, err := s.setting(settingPostcodesImported)
	if err != nil || v != "1" {
		return nil, err
	}
	rows, err := postcodeRows(s.db)
	if err != nil {
		return nil, err
	}
	out := make([]model.Postcode, 0, len(rows))
	for _, p := range rows {
		out = append(out, p)
	}
	return out, nil
}

// PostcodesSent notes that the office has the list imported here (or
// refused it: the office's list comes with the next pull).
func (s *Store) PostcodesSent() error {
	return s.syncTx("postcodes sent", func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM settings WHERE key = ?`, settingPostcodesImported)
		return err
	})
}

// PostcodesSeq is how far the office's postcode list has been pulled.
func (s *Store) PostcodesSeq() (int64, error) {
	v, err := s.setting(settingPostcodesSeq)
	if err != nil || v == "" {
		return 0, err
	}
	var n int64
	_, err = fmt.Sscan(v, &n)
	return n, err
}

// putPostcodes replaces the laptop's postcode list with the office's, in
// the pull's transaction (nil: the office's did not change).
func putPostcodes(tx *sql.Tx, b PullBatch) error {
	if b.Postcodes == nil {
		return nil
	}
	if err := replacePostcodes(tx, b.Postcodes); err != nil {
		return err
	}
	_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		settingPostcodesSeq, fmt.Sprint(b.PostcodesSeq))
	return err
}
