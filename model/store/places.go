package store

import (
	"database/sql"
	"fmt"
	"strings"

	"jobspor/model"
)

// ImportPostcodes replaces the postcode table with PostNord's file in one
// transaction and counts new, changed and unchanged rows; a dry run writes
// nothing.
func (s *Store) ImportPostcodes(rows []model.Postcode, dryRun bool) (model.ImportResult, error) {
	var res model.ImportResult
	err := s.inTx("import postcodes", func(tx *sql.Tx) error {
		old, err := postcodeRows(tx)
		if err != nil {
			return err
		}
		res = comparePostcodes(old, rows)
		if dryRun {
			return nil
		}
		if err := markPostcodesImported(tx); err != nil {
			return err
		}
		return replacePostcodes(tx, rows)
	})
	return res, err
}

type postcodeKey struct {
	code string
	muni int
}

func comparePostcodes(old map[postcodeKey]model.Postcode, rows []model.Postcode) model.ImportResult {
	var res model.ImportResult
	for _, r := range rows {
		o, ok := old[postcodeKey{r.Code, r.Municipality}]
		switch {
		case !ok:
			res.Added++
		case o == r:
			res.Unchanged++
		default:
			res.Changed++
		}
	}
	return res
}

func postcodeRows(q interface {
	Query(string, ...any) (*sql.Rows, error)
}) (map[postcodeKey]model.Postcode, error) {
	rows, err := q.Query(`SELECT code, town, municipality, municipality_name, region, region_name FROM postcodes`)
	if err != nil {
		return nil, fmt.Errorf("read postcodes: %w", err)
	}
	defer rows.Close()
	out := map[postcodeKey]model.Postcode{}
	for rows.Next() {
		var p model.Postcode
		if err := rows.Scan(&p.Code, &p.Town, &p.Municipality, &p.MunicipName, &p.Region, &p.RegionName); err != nil {
			return nil, fmt.Errorf("scan postcode: %w", err)
		}
		out[postcodeKey{p.Code, p.Municipality}] = p
	}
	return out, rows.Err()
}

func replacePostcodes(tx *sql.Tx, rows []model.Postcode) error {
	if _, err := tx.Exec(`DELETE FROM postcodes`); err != nil {
		return fmt.Errorf("clear postcodes: %w", err)
	}
	st, err := tx.Prepare(`INSERT INTO postcodes (code, town, municipality, municipality_name, region, region_name)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code, municipality) DO NOTHING`)
	if err != nil {
		return fmt.Errorf("prepare postcodes: %w", err)
	}
	defer st.Close()
	for _, p := range rows {
		if _, err := st.Exec(p.Code, p.Town, p.Municipality, p.MunicipName, p.Region, p.RegionName); err != nil {
			return fmt.Errorf("add postcode %s: %w", p.Code, err)
		}
	}
	return nil
}

// Postcodes lists the rows for one postcode (two when it spans two
// municipalities); none when the file does not hold it or is not imported.
func (s *Store) Postcodes(code string) ([]model.Postcode, error) {
	rows, err := s.db.Query(`SELECT code, town, municipality, municipality_name, region, region_name
		FROM postcodes WHERE code = ? ORDER BY municipality`, code)
	if err != nil {
		return nil, fmt.Errorf("look up postcode %s: %w", code, err)
	}
	defer rows.Close()
	var out []model.Postcode
	for rows.Next() {
		var p model.Postcode
		if err := rows.Scan(&p.Code, &p.Town, &p.Municipality, &p.MunicipName, &p.Region, &p.RegionName); err != nil {
			return nil, fmt.Errorf("scan postcode: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PostcodeCounts counts the imported file: rows, postcodes,
// municipalities and regions.
func (s *Store) PostcodeCounts() (model.PostcodeCounts, error) {
	var c model.PostcodeCounts
	err := s.db.QueryRow(`SELECT count(*), count(DISTINCT code), count(DISTINCT municipality), count(DISTINCT region)
		FROM postcodes`).Scan(&c.Rows, &c.Postcodes, &c.Municipalities, &c.Regions)
	if err != nil {
		return c, fmt.Errorf("count postcodes: %w", err)
	}
	return c, nil
}

// placesOf indexes the rows of the postcodes marked true only (a home and the
// openings' or the citizens' postcodes), so matching reads a handful of
// rows, not the whole file.
func (s *Store) placesOf(codes map[string]bool) (model.PlaceIndex, error) {
	args := make([]any, 0, len(codes))
	for c, want := range codes {
		if want && c != "" {
			args = append(args, c)
		}
	}
	if len(args) == 0 {
		return model.PlaceIndex{}, nil
	}
	rows, err := s.db.Query(`SELECT code, town, municipality, municipality_name, region, region_name FROM postcodes
		WHERE code IN (?`+strings.Repeat(", ?", len(args)-1)+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("look up postcodes: %w", err)
	}
	defer rows.Close()
	var ps []model.Postcode
	for rows.Next() {
		var p model.Postcode
		if err := rows.Scan(&p.Code, &p.Town, &p.Municipality, &p.MunicipName, &p.Region, &p.RegionName); err != nil {
			return nil, fmt.Errorf("scan postcode: %w", err)
		}
		ps = append(ps, p)
	}
	return model.NewPlaceIndex(ps), rows.Err()
}

// SaveReach stores how far from home a citizen is offered openings.
func (s *Store) SaveReach(citizenID int64, r model.Reach) error {
	if r != "" && !model.ValidReach(r) {
		return model.NewUserError("error.reach", nil)
	}
	return s.inTx("save reach", func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE citizens SET reach = ? WHERE id = ?`, r, citizenID)
		if err != nil {
			return fmt.Errorf("save reach of citizen %d: %w", citizenID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.ErrNotFound
		}
		return s.audit(tx, model.AuditUpdate, citizenID, "reach")
	})
}

// LoadDefaultPostcodes imports the shipped postcode list (PostNord's
// format) into a database that has no postcodes yet, so a fresh office
// knows where its citizens and openings lie from the first day; a database
// with a list of its own (an import of a newer one) keeps it. It says
// whether it loaded; nothing is done for an empty list.
func (s *Store) LoadDefaultPostcodes(data []byte) (bool, error) {
	if len(data) == 0 {
		return false, nil
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM postcodes`).Scan(&n); err != nil {
		return false, fmt.Errorf("count postcodes: %w", err)
	}
	if n > 0 {
		return false, nil
	}
	rows, err := model.ParsePostcodes(data)
	if err != nil {
		return false, fmt.Errorf("the default postcode list: %w", err)
	}
	loaded := false
	err = s.inTx("default postcodes", func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM postcodes`).Scan(&n); err != nil || n > 0 {
			return err // another Jobspor loaded a list in between
		}
		loaded = true
		return replacePostcodes(tx, rows)
	})
	return loaded && err == nil, err
}
