package model

import (
	"strings"
	"unicode/utf8"
)

// OfficeKind is whether Jobspor runs in a job centre or an a-kasse.
type OfficeKind string

const (
	OfficeJobcenter OfficeKind = "jobcenter"
	OfficeAkasse    OfficeKind = "akasse"
)

// Office is the office's own details, printed on every handout.
type Office struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	Phone   string `json:"phone"`
	Email   string `json:"email"`
	Hours   string `json:"hours"`
	// BenefitPlace is where the benefit meeting is held.
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

var OfficeKeys = []string{"office.name", "office.address", "office.phone", "office.email", "office.hours", "office.benefit_place"}

func (o *Office) Fields() []*string {
	return []*string{&o.Name, &o.Address, &o.Phone, &o.Email, &o.Hours, &o.BenefitPlace}
}

// Validate keeps each field to one printable line.
func (o *Office) Validate() error {
	v := &ValidationError{}
	for i, f := range o.Fields() {
		*f = strings.TrimSpace(*f)
		if utf8.RuneCountInString(*f) > 120 {
			v.add(OfficeKeys[i], "error.office.long")
		}
	}
	if o.Name == "" {
		v.add("office.name", "error.office.name")
	}
	return v.OrNil()
}

// MaxLogoBytes bounds the logo image.
const MaxLogoBytes = 1 << 20
