package model

import (
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Office is the office's own details, printed on every handout.
type Office struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	Phone   string `json:"phone"`
	Email   string `json:"email"`
	Hours   string `json:"hours"`
	// BenefitPlace is where the benefit (ydelse) talk is held.
	BenefitPlace string `json:"benefit_place"`
	// Logo is a PNG or JPEG printed at the top of every handout.
	Logo []byte `json:"-"`
}

// DefaultOffice is used until the office fills in its own details.
var DefaultOffice = Office{
	Name:         "Jobcenter",
	Address:      "",
	Phone:        "",
	BenefitPlace: "Ydelseskontoret",
}

var officeKeys = []string{"office.name", "office.address", "office.phone", "office.email", "office.hours", "office.benefit_place"}

func (o *Office) fields() []*string {
	return []*string{&o.Name, &o.Address, &o.Phone, &o.Email, &o.Hours, &o.BenefitPlace}
}

// Validate keeps each field to one printable line.
func (o *Office) Validate() error {
	v := &ValidationError{}
	for i, f := range o.fields() {
		*f = strings.TrimSpace(*f)
		if utf8.RuneCountInString(*f) > 120 {
			v.add(officeKeys[i], "error.office.long", "Feltet må højst have 120 tegn")
		}
	}
	if o.Name == "" {
		v.add("office.name", "error.office.name", "Kontorets navn skal udfyldes")
	}
	return v.orNil()
}

// Office returns the saved office details, defaults where none are saved.
func (s *Store) Office() (Office, error) {
	o := DefaultOffice
	for i, f := range o.fields() {
		var v string
		err := s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, officeKeys[i]).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return o, fmt.Errorf("read setting %s: %w", officeKeys[i], err)
		}
		*f = v
	}
	logo, err := s.setting("office.logo")
	if err == nil && logo != "" {
		o.Logo, _ = base64.StdEncoding.DecodeString(logo)
	}
	return o, err
}

// MaxLogoBytes bounds the logo image.
const MaxLogoBytes = 1 << 20

// SaveLogo stores the office's logo (PNG or JPEG, at most 1 MB); nil removes it.
func (s *Store) SaveLogo(img []byte) error {
	png := len(img) > 8 && string(img[1:4]) == "PNG"
	jpg := len(img) > 2 && img[0] == 0xff && img[1] == 0xd8
	if img != nil && (!png && !jpg || len(img) > MaxLogoBytes) {
		return userError("error.logo", "Logoet skal være et PNG- eller JPEG-billede på højst 1 MB", nil)
	}
	return s.saveSetting("office.logo", base64.StdEncoding.EncodeToString(img))
}

// SaveOffice stores every office field in one transaction.
func (s *Store) SaveOffice(o Office) error {
	if err := o.Validate(); err != nil {
		return err
	}
	return s.inTx("save office", func(tx *sql.Tx) error {
		for i, f := range o.fields() {
			if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, officeKeys[i], *f); err != nil {
				return fmt.Errorf("save setting %s: %w", officeKeys[i], err)
			}
		}
		return nil
	})
}
