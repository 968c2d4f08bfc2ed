package model

import (
	"strings"
	"time"
)

// Rating is a job title's prospects on the four-colour scale, 1–4: the
// order alternatives and matching compare by.
type Rating int

const (
	RatingUnknown  Rating = 0
	RatingPoor     Rating = 1 // red: mindre gode jobmuligheder
	RatingGood     Rating = 2 // yellow: gode jobmuligheder, paradoksproblemer
	RatingShortage Rating = 3 // green: mangel på arbejdskraft (older scheme: rigtig gode)
	RatingSevere   Rating = 4 // dark green: omfattende mangel
)

// Category is the category Arbejdsmarkedsbalancen publishes: five today
// (omfattende mangel, mangel, paradoksproblemer, gode, mindre gode) and
// the older scheme's "rigtig gode". Each has its own word and sits on the
// four-colour scale.
type Category string

const (
	CategorySevere   Category = "severe"
	CategoryShortage Category = "shortage"
	CategoryParadox  Category = "paradox"
	CategoryGood     Category = "good"
	CategoryPoor     Category = "poor"
	CategoryVeryGood Category = "verygood" // the older scheme's "rigtig gode"
)

// Categories lists every category, best prospects first.
var Categories = []Category{CategorySevere, CategoryShortage, CategoryVeryGood, CategoryParadox, CategoryGood, CategoryPoor}

var categoryRatings = map[Category]Rating{CategorySevere: RatingSevere, CategoryShortage: RatingShortage,
	CategoryVeryGood: RatingShortage, CategoryParadox: RatingGood, CategoryGood: RatingGood, CategoryPoor: RatingPoor}

// Rating places the category on the four-colour scale.
func (c Category) Rating() Rating { return categoryRatings[c] }

// Word is the category as the citizen reads it (from the texts).
func (c Category) Word() string {
	if c == "" {
		return ""
	}
	return Message{Key: c.textKey()}.Text()
}

// textKey is the category's key in the translation files.
func (c Category) textKey() string { return "prospect.cat." + string(c) }

// categoryWords are the words published files use, short and long: the
// long names' endings are cut off before looking up.
var categoryWords = map[string]Category{
	"omfattende mangel": CategorySevere, "mangel": CategoryShortage, "paradoksproblemer": CategoryParadox,
	"paradoksproblem": CategoryParadox, "paradoks": CategoryParadox, "gode": CategoryGood,
	"mindre gode": CategoryPoor, "rigtig gode": CategoryVeryGood, "dårlige": CategoryPoor,
}

// ParseCategory reads a published rating: "Gode jobmuligheder", "gode",
// "Omfattende mangel på arbejdskraft", "Paradoksproblemer", ...
func ParseCategory(s string) (Category, bool) {
	w := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, end := range []string{" på arbejdskraft", " jobmuligheder", " beskæftigelsesmuligheder"} {
		w = strings.TrimSuffix(w, end)
	}
	c, ok := categoryWords[w]
	return c, ok
}

// CategoryOf is the category an older edition stored only as a rating.
func CategoryOf(r Rating) Category {
	return map[Rating]Category{RatingSevere: CategorySevere, RatingShortage: CategoryShortage,
		RatingGood: CategoryGood, RatingPoor: CategoryPoor}[r]
}

// Regions are the eight areas of Arbejdsmarkedsbalancen (RAR).
var Regions = []string{"Bornholm", "Fyn", "Hovedstaden", "Nordjylland", "Sjælland", "Sydjylland", "Vestjylland", "Østjylland"}

// Prospect is one title's rating in one region of one edition.
type Prospect struct {
	Region, Title, Code string
	Rating              Rating
	Category            Category
}

// Word is the prospect's category in words ("" when unknown).
func (p Prospect) Word() string { return p.Category.Word() }

// Edition is one half-yearly edition of the prospects.
type Edition struct {
	ID         int64
	Published  time.Time
	ImportedAt time.Time
	Source     string
}

// ParseProspects reads an edition: columns udgave;region;titel;disco;vurdering
// (udgave as ÅÅÅÅ-01 or ÅÅÅÅ-07, one edition per file; vurdering in the
// published words, short or long).
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
	cat, known := ParseCategory(f["vurdering"])
	p := Prospect{Region: CanonicalRegion(f["region"]), Title: f["titel"], Code: f["disco"], Category: cat, Rating: cat.Rating()}
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
	case !known:
		return p, importError(r.Line, "import.rating", f["vurdering"])
	}
	*edition = f["udgave"]
	return p, nil
}

// CanonicalRegion is the RAR area's name as Jobspor writes it, also when
// a file says "RAR Fyn"; "" when unknown.
func CanonicalRegion(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "rar ") {
		s = strings.TrimSpace(s[4:])
	}
	for _, r := range Regions {
		if strings.EqualFold(r, s) {
			return r
		}
	}
	return ""
}
