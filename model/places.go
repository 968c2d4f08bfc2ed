package model

import (
	"strconv"
	"strings"
)

// Postcode is one row of PostNord's postcode file: a postcode in one
// municipality. A postcode that spans two municipalities has two rows; a
// company's own postcode (0783 Facility) is a row like any other.
type Postcode struct {
	Code         string // four digits, "0783"
	Town         string
	Municipality int // kommunenummer, 101 København
	MunicipName  string
	Region       int // region code, 1084 Hovedstaden
	RegionName   string
}

// postcodeColumns are the file's columns as PostNord publishes them.
var postcodeColumns = []string{"amts_nr", "adresseringsnavn", "kommune_nr", "adresseringsnavn_1", "postnr", "bynavn"}

// ParsePostcodes reads PostNord's file as published (UTF-8 with BOM, `;`,
// AMTS_NR;ADRESSERINGSNAVN;KOMMUNE_NR;ADRESSERINGSNAVN_1;POSTNR;BYNAVN).
func ParsePostcodes(data []byte) ([]Postcode, error) {
	rows, err := readCSV(data, postcodeColumns)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, NewUserError("error.import.empty", nil)
	}
	out := make([]Postcode, 0, len(rows))
	for _, r := range rows {
		p, err := postcodeRow(r)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func postcodeRow(r csvRow) (Postcode, error) {
	f := r.Fields
	p := Postcode{Code: f["postnr"], Town: f["bynavn"], MunicipName: f["adresseringsnavn_1"], RegionName: f["adresseringsnavn"]}
	var errM, errR error
	p.Municipality, errM = strconv.Atoi(f["kommune_nr"])
	p.Region, errR = strconv.Atoi(f["amts_nr"])
	switch {
	case !ValidPostcode(p.Code):
		return p, importError(r.Line, "import.postcode", p.Code)
	case errM != nil || p.MunicipName == "":
		return p, importError(r.Line, "import.municipality")
	case errR != nil || p.RegionName == "":
		return p, importError(r.Line, "import.regionmissing")
	}
	return p, nil
}

// ValidPostcode is true for four digits.
func ValidPostcode(s string) bool { return len(s) == 4 && AllDigits(s) }

// Reach is how far from home the citizen is offered openings.
type Reach string

const (
	ReachMunicipality Reach = "municipality"
	ReachRegion       Reach = "region"
	ReachCountry      Reach = "country"
)

// Reaches lists the reaches, nearest first; the first contact's default
// is the region.
var Reaches = []Reach{ReachMunicipality, ReachRegion, ReachCountry}

// Nearness says where an opening lies seen from the citizen's home.
type Nearness int

const (
	NearMunicipality Nearness = iota // the same municipality
	NearRegion                       // the same region
	NearUnknown                      // no postcode on one side, or one the file does not hold
	NearElsewhere                    // another region
)

// Places are the municipalities and regions of one or more postcodes.
type Places struct {
	Municipalities map[int]bool
	Regions        map[int]bool
}

// Known is true when a postcode was found.
func (p Places) Known() bool { return len(p.Municipalities) > 0 }

// PlaceIndex answers where a postcode lies; built from the imported file.
type PlaceIndex map[string]Places

// NewPlaceIndex indexes the file's rows by postcode.
func NewPlaceIndex(rows []Postcode) PlaceIndex {
	ix := PlaceIndex{}
	for _, r := range rows {
		p, ok := ix[r.Code]
		if !ok {
			p = Places{Municipalities: map[int]bool{}, Regions: map[int]bool{}}
			ix[r.Code] = p
		}
		p.Municipalities[r.Municipality] = true
		p.Regions[r.Region] = true
	}
	return ix
}

// Near says how near an opening at postcode job is to a home at postcode
// home: a postcode spanning two municipalities is near both.
func (ix PlaceIndex) Near(home, job string) Nearness {
	h, j := ix[strings.TrimSpace(home)], ix[strings.TrimSpace(job)]
	switch {
	case !h.Known() || !j.Known():
		return NearUnknown
	case overlaps(h.Municipalities, j.Municipalities):
		return NearMunicipality
	case overlaps(h.Regions, j.Regions):
		return NearRegion
	}
	return NearElsewhere
}

func overlaps(a, b map[int]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// Within is true when an opening this near is inside the reach. An opening
// whose place is unknown stays in: it may well be close.
func (n Nearness) Within(r Reach) bool {
	switch r {
	case ReachMunicipality:
		return n == NearMunicipality || n == NearUnknown
	case ReachCountry:
		return true
	}
	return n != NearElsewhere
}

// ReachOrDefault is the reach, the region when none is set.
func ReachOrDefault(r Reach) Reach {
	if r == "" {
		return ReachRegion
	}
	return r
}

// ValidReach is true for one of the three reaches.
func ValidReach(r Reach) bool { return oneOf(r, Reaches) }

// PostcodeCounts describes an imported postcode file.
type PostcodeCounts struct {
	Rows, Postcodes, Municipalities, Regions int
}
