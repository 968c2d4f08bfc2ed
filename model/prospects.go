package model

import (
	"strings"
	"time"
)

// Rating is a job title's prospects in Arbejdsmarkedsbalancen, 1–4.
type Rating int

const (
	RatingUnknown  Rating = 0
	RatingPoor     Rating = 1 // mindre gode jobmuligheder
	RatingGood     Rating = 2 // gode jobmuligheder
	RatingShortage Rating = 3 // mangel på arbejdskraft (older scheme: rigtig gode)
	RatingSevere   Rating = 4 // omfattende mangel
)

// ratingWords accepts the newer and the older scheme's words.
var ratingWords = map[string]Rating{
	"omfattende mangel": RatingSevere, "mangel": RatingShortage, "rigtig gode": RatingShortage,
	"gode": RatingGood, "mindre gode": RatingPoor, "dårlige": RatingPoor,
}

// Word is the rating as the citizen reads it.
func (r Rating) Word() string {
	return map[Rating]string{RatingSevere: "omfattende mangel på arbejdskraft", RatingShortage: "mangel på arbejdskraft",
		RatingGood: "gode jobmuligheder", RatingPoor: "mindre gode jobmuligheder"}[r]
}

// Regions are the eight areas of Arbejdsmarkedsbalancen (RAR).
var Regions = []string{"Bornholm", "Fyn", "Hovedstaden", "Nordjylland", "Sjælland", "Sydjylland", "Vestjylland", "Østjylland"}

// Prospect is one title's rating in one region of one edition.
type Prospect struct {
	Region, Title, Code string
	Rating              Rating
}

// Edition is one half-yearly edition of the prospects.
type Edition struct {
	ID         int64
	Published  time.Time
	ImportedAt time.Time
	Source     string
}

// ParseProspects reads an edition: columns udgave;region;titel;disco;vurdering
// (udgave as ÅÅÅÅ-01 or ÅÅÅÅ-07, one edition per file).
func ParseProspects(data []byte) (time.Time, []Prospect, error) {
	rows, err := readCSV(data, []string{"udgave", "region", "titel", "disco", "vurdering"})
	if err != nil {
		return time.Time{}, nil, err
	}
	if len(rows) == 0 {
		return time.Time{}, nil, NewUserError("error.import.empty", nil)
	}
	var edition string
	out := make([]Prospect, 0, len(rows))
	for _, r := range rows {
		p, err := prospectRow(r, &edition)
		if err != nil {
			return time.Time{}, nil, err
		}
		out = append(out, p)
	}
	published, _ := time.Parse("2006-01", edition)
	return published, out, nil
}

func prospectRow(r csvRow, edition *string) (Prospect, error) {
	f := r.Fields
	p := Prospect{Region: CanonicalRegion(f["region"]), Title: f["titel"], Code: f["disco"], Rating: ratingWords[strings.ToLower(f["vurdering"])]}
	e, err := time.Parse("2006-01", f["udgave"])
	switch {
	case err != nil || (e.Month() != time.January && e.Month() != time.July):
		return p, importError(r.Line, "import.edition", f["udgave"])
	case *edition != "" && f["udgave"] != *edition:
		return p, importError(r.Line, "import.mixed", *edition, f["udgave"])
	case p.Region == "":
		return p, importError(r.Line, "import.region", f["region"], strings.Join(Regions, ", "))
	case p.Title == "" || len(p.Code) != 6 || !AllDigits(p.Code):
		return p, importError(r.Line, "import.titlecode")
	case p.Rating == RatingUnknown:
		return p, importError(r.Line, "import.rating", f["vurdering"])
	}
	*edition = f["udgave"]
	return p, nil
}

func CanonicalRegion(s string) string {
	for _, r := range Regions {
		if strings.EqualFold(r, strings.TrimSpace(s)) {
			return r
		}
	}
	return ""
}
