package store

import (
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"

	"jobspor/model"
)

// Office returns the saved office details, defaults where none are saved.
func (s *Store) Office() (model.Office, error) {
	o := model.DefaultOffice
	for i, f := range o.Fields() {
		var v string
		err := s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, model.OfficeKeys[i]).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return o, fmt.Errorf("read setting %s: %w", model.OfficeKeys[i], err)
		}
		*f = v
	}
	logo, err := s.setting("office.logo")
	if err == nil && logo != "" {
		o.Logo, _ = base64.StdEncoding.DecodeString(logo)
	}
	return o, err
}

// SaveLogo stores the office's logo (PNG or JPEG, at most 1 MB); nil removes it.
func (s *Store) SaveLogo(img []byte) error {
	png := len(img) > 8 && string(img[1:4]) == "PNG"
	jpg := len(img) > 2 && img[0] == 0xff && img[1] == 0xd8
	if img != nil && (!png && !jpg || len(img) > model.MaxLogoBytes) {
		return model.NewUserError("error.logo", nil)
	}
	return s.saveSetting("office.logo", base64.StdEncoding.EncodeToString(img))
}

// SaveOffice stores every office field in one transaction (only those that
// changed are written: in an office each is a record of the office's).
func (s *Store) SaveOffice(o model.Office) error {
	if err := o.Validate(); err != nil {
		return err
	}
	return s.inTx("save office", func(tx *sql.Tx) error {
		for i, f := range o.Fields() {
			if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`, model.OfficeKeys[i], *f); err != nil {
				return fmt.Errorf("save setting %s: %w", model.OfficeKeys[i], err)
			}
		}
		return nil
	})
}
