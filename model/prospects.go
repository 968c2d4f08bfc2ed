package model

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
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
		return time.Time{}, nil, userError("error.import.empty", "Filen er tom", nil)
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
	p := Prospect{Region: canonicalRegion(f["region"]), Title: f["titel"], Code: f["disco"], Rating: ratingWords[strings.ToLower(f["vurdering"])]}
	e, err := time.Parse("2006-01", f["udgave"])
	switch {
	case err != nil || (e.Month() != time.January && e.Month() != time.July):
		return p, importError(r.Line, "udgaven %q skal være januar eller juli, skrevet ÅÅÅÅ-01 eller ÅÅÅÅ-07", f["udgave"])
	case *edition != "" && f["udgave"] != *edition:
		return p, importError(r.Line, "filen blander udgaverne %s og %s", *edition, f["udgave"])
	case p.Region == "":
		return p, importError(r.Line, "ukendt region %q (brug %s)", f["region"], strings.Join(Regions, ", "))
	case p.Title == "" || len(p.Code) != 6 || !allDigits(p.Code):
		return p, importError(r.Line, "titel eller DISCO-kode (6 cifre) mangler")
	case p.Rating == RatingUnknown:
		return p, importError(r.Line, "ukendt vurdering %q", f["vurdering"])
	}
	*edition = f["udgave"]
	return p, nil
}

func canonicalRegion(s string) string {
	for _, r := range Regions {
		if strings.EqualFold(r, strings.TrimSpace(s)) {
			return r
		}
	}
	return ""
}

// ImportProspects stores an edition whole, replacing an earlier import of
// the same edition; a dry run writes nothing.
func (s *Store) ImportProspects(published time.Time, ps []Prospect, source string, dryRun bool) (ImportResult, error) {
	res := ImportResult{Added: len(ps)}
	if dryRun {
		return res, nil
	}
	return res, s.inTx("import prospects", func(tx *sql.Tx) error {
		day := published.Format(DateLayout)
		if _, err := tx.Exec(`DELETE FROM prospect_editions WHERE published = ?`, day); err != nil {
			return fmt.Errorf("replace edition %s: %w", day, err)
		}
		r, err := tx.Exec(`INSERT INTO prospect_editions (published, imported_at, source) VALUES (?, ?, ?)`,
			day, s.Now().UTC().Format(time.RFC3339), source)
		if err != nil {
			return fmt.Errorf("add edition %s: %w", day, err)
		}
		id, _ := r.LastInsertId()
		return insertProspects(tx, id, ps)
	})
}

func insertProspects(tx *sql.Tx, edition int64, ps []Prospect) error {
	st, err := tx.Prepare(`INSERT INTO prospects (edition_id, region, title, code, rating) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (edition_id, region, title) DO UPDATE SET code = excluded.code, rating = excluded.rating`)
	if err != nil {
		return fmt.Errorf("prepare prospects: %w", err)
	}
	defer st.Close()
	for _, p := range ps {
		if _, err := st.Exec(edition, p.Region, p.Title, p.Code, p.Rating); err != nil {
			return fmt.Errorf("add prospect %s: %w", p.Title, err)
		}
	}
	return nil
}

// LatestEdition is the newest edition loaded; ErrNotFound when none.
func (s *Store) LatestEdition() (Edition, error) {
	var e Edition
	var pub, imp string
	err := s.db.QueryRow(`SELECT id, published, imported_at, source FROM prospect_editions ORDER BY published DESC LIMIT 1`).
		Scan(&e.ID, &pub, &imp, &e.Source)
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("latest edition: %w", err)
	}
	e.Published, e.ImportedAt = parseDateText(pub), parseDateTime(imp)
	return e, nil
}

func parseDateTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// ProspectFor rates a title in a region in the newest edition: by its own
// name, else by its DISCO code (the best rating of that code).
func (s *Store) ProspectFor(region, title, code string) (Rating, error) {
	e, err := s.LatestEdition()
	if err != nil {
		return RatingUnknown, err
	}
	var r Rating
	err = s.db.QueryRow(`SELECT rating FROM prospects WHERE edition_id = ? AND region = ? AND title = ? COLLATE NOCASE`,
		e.ID, region, title).Scan(&r)
	if errors.Is(err, sql.ErrNoRows) && code != "" {
		err = s.db.QueryRow(`SELECT coalesce(max(rating), 0) FROM prospects WHERE edition_id = ? AND region = ? AND code = ?`,
			e.ID, region, code).Scan(&r)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return RatingUnknown, nil
	}
	return r, err
}

// Alternatives lists titles with better prospects than `than` in the same
// occupational group: the same 4-digit DISCO group first, then the same
// 3-digit group; best rating first within each (the Jobvejviser idea).
func (s *Store) Alternatives(region, code string, than Rating, limit int) ([]Prospect, error) {
	e, err := s.LatestEdition()
	if err != nil || len(code) < 4 {
		return nil, err
	}
	var out []Prospect
	seen := map[string]bool{}
	for _, n := range []int{4, 3} {
		ps, err := s.betterIn(e.ID, region, code[:n], than)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if !seen[p.Title] {
				seen[p.Title] = true
				out = append(out, p)
			}
		}
	}
	return out[:min(len(out), limit)], nil
}

func (s *Store) betterIn(edition int64, region, prefix string, than Rating) ([]Prospect, error) {
	rows, err := s.db.Query(`SELECT region, title, code, rating FROM prospects
		WHERE edition_id = ? AND region = ? AND code >= ? AND code < ? AND rating > ?`,
		edition, region, prefix, prefix+"\xff", than)
	if err != nil {
		return nil, fmt.Errorf("alternatives: %w", err)
	}
	defer rows.Close()
	var out []Prospect
	for rows.Next() {
		var p Prospect
		if err := rows.Scan(&p.Region, &p.Title, &p.Code, &p.Rating); err != nil {
			return nil, fmt.Errorf("scan alternative: %w", err)
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Rating > out[j].Rating || out[i].Rating == out[j].Rating && out[i].Title < out[j].Title
	})
	return out, rows.Err()
}

// Region is the office's region for prospects (a setting; Hovedstaden unless set).
func (s *Store) Region() (string, error) {
	v, err := s.setting("office.region")
	if v == "" {
		return "Hovedstaden", err
	}
	return v, err
}

// SaveRegion stores the office's region.
func (s *Store) SaveRegion(region string) error {
	r := canonicalRegion(region)
	if r == "" {
		return userError("error.region", "Ukendt region %q", nil, region)
	}
	return s.saveSetting("office.region", r)
}
