package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Caseworker is one of the office's caseworkers: the initials are the key
// every citizen's case refers to.
type Caseworker struct {
	Initials string `json:"initials"`
	Name     string `json:"name"`
}

// MaxInitialsLen bounds a caseworker's initials (e.g. "ABJ", "KLAUS").
const MaxInitialsLen = 8

// Validate checks the initials (letters only, upper-cased) and the name.
func (c *Caseworker) Validate() error {
	v := &ValidationError{}
	c.Initials = strings.ToUpper(strings.TrimSpace(c.Initials))
	n := utf8.RuneCountInString(c.Initials)
	if n == 0 || n > MaxInitialsLen || strings.IndexFunc(c.Initials, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		v.add("initials", "error.caseworker.initials", MaxInitialsLen)
	}
	c.Name = strings.TrimSpace(c.Name)
	if n := utf8.RuneCountInString(c.Name); n == 0 || n > 100 {
		v.add("name", "error.caseworker.name")
	} else if strings.IndexFunc(c.Name, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) >= 0 {
		v.add("name", "error.caseworker.namechars") // a terminal escape sequence, say
	}
	return v.OrNil()
}

// Scope is whose work a list shows: one caseworker's citizens, or the whole
// office when Caseworker is "".
type Scope struct {
	Caseworker string
	// Citizen narrows the scope to one citizen as well (the store's re-read
	// of a citizen that changed); 0 for none.
	Citizen int64
}

// WholeOffice is the whole office's scope.
var WholeOffice = Scope{}

// Mine is one caseworker's scope.
func Mine(initials string) Scope { return Scope{Caseworker: initials} }

// All is true for the whole office.
func (s Scope) All() bool { return s.Caseworker == "" && s.Citizen == 0 }

// Includes says whether a citizen with this caseworker falls in the scope.
func (s Scope) Includes(caseworker string) bool {
	return s.Caseworker == "" || s.Caseworker == caseworker
}
