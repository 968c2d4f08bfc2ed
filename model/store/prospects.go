package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"jobspor/model"
)

// ImportProspects stores an edition whole, replacing an earlier import of
// the same edition, and adds its titles to the catalogue; a dry run writes
// nothing.
func (s *Store) ImportProspects(published time.Time, ps []model.Prospect, source string, dryRun bool) (model.ImportResult, error) {
	res := model.ImportResult{Added: len(ps)}
	if dryRun {
		return res, nil
	}
	return res, s.inTx("import prospects", func(tx *sql.Tx) error {
		id, err := s.replaceEdition(tx, published, source)
		if err != nil {
			return err
		}
		if err := insertProspects(tx, id, ps); err != nil {
			return err
		}
		return addCatalogueTitles(tx, ps)
	})
}

func (s *Store) replaceEdition(tx *sql.Tx, published time.Time, source string) (int64, error) {
	day := published.Format(model.DateLayout)
	if _, err := tx.Exec(`DELETE FROM prospect_editions WHERE published = ?`, day); err != nil {
		return 0, fmt.Errorf("replace edition %s: %w", day, err)
	}
	r, err := tx.Exec(`INSERT INTO prospect_editions (published, imported_at, source) VALUES (?, ?, ?)`,
		day, s.Now().UTC().Format(time.RFC3339), source)
	if err != nil {
		return 0, fmt.Errorf("add edition %s: %w", day, err)
	}
	return r.LastInsertId()
}

func insertProspects(tx *sql.Tx, edition int64, ps []model.Prospect) error {
	st, err := tx.Prepare(`INSERT INTO prospects (edition_id, region, title, code, rating, category) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (edition_id, region, title) DO UPDATE SET code = excluded.code, rating = excluded.rating,
			category = excluded.category`)
	if err != nil {
		return fmt.Errorf("prepare prospects: %w", err)
	}
	defer st.Close()
	for _, p := range ps {
		if _, err := st.Exec(edition, p.Region, p.Title, p.Code, p.Rating, p.Category); err != nil {
			return fmt.Errorf("add prospect %s: %w", p.Title, err)
		}
	}
	return nil
}

// addCatalogueTitles keeps every title an edition names, so the catalogue
// only grows (a later edition that drops a title does not take it away).
func addCatalogueTitles(tx *sql.Tx, ps []model.Prospect) error {
	st, err := tx.Prepare(`INSERT INTO catalogue_titles (title, code) VALUES (?, ?) ON CONFLICT (title) DO NOTHING`)
	if err != nil {
		return fmt.Errorf("prepare catalogue titles: %w", err)
	}
	defer st.Close()
	for _, p := range ps {
		if _, err := st.Exec(p.Title, p.Code); err != nil {
			return fmt.Errorf("add catalogue title %s: %w", p.Title, err)
		}
	}
	return nil
}

// CatalogueTitles lists the titles imported editions added to the catalogue.
func (s *Store) CatalogueTitles() ([]model.JobTitle, error) {
	rows, err := s.db.Query(`SELECT title, code FROM catalogue_titles ORDER BY title`)
	if err != nil {
		return nil, fmt.Errorf("catalogue titles: %w", err)
	}
	defer rows.Close()
	var out []model.JobTitle
	for rows.Next() {
		var t model.JobTitle
		if err := rows.Scan(&t.Title, &t.Code); err != nil {
			return nil, fmt.Errorf("scan catalogue title: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// LatestEdition is the newest edition loaded; ErrNotFound when none.
func (s *Store) LatestEdition() (model.Edition, error) {
	var e model.Edition
	err := s.db.QueryRow(`SELECT id, published, imported_at, source FROM prospect_editions ORDER BY published DESC LIMIT 1`).
		Scan(&e.ID, scanDate(&e.Published), scanMoment(&e.ImportedAt), &e.Source)
	if errors.Is(err, sql.ErrNoRows) {
		return e, model.ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("latest edition: %w", err)
	}
	return e, nil
}

const prospectColumns = `region, title, code, rating, category`

func scanProspect(r rowScanner) (model.Prospect, error) {
	var p model.Prospect
	err := r.Scan(&p.Region, &p.Title, &p.Code, &p.Rating, &p.Category)
	if p.Category == "" {
		p.Category = model.CategoryOf(p.Rating) // imported before categories were kept
	}
	return p, err
}

// ProspectFor rates a title in a region in the newest edition: by its own
// name, else by its DISCO code (the best rating of that code). Unknown is
// the zero Prospect; ErrNotFound when no edition is loaded.
func (s *Store) ProspectFor(region, title, code string) (model.Prospect, error) {
	e, err := s.LatestEdition()
	if err != nil {
		return model.Prospect{}, err
	}
	p, err := scanProspect(s.db.QueryRow(`SELECT `+prospectColumns+` FROM prospects
		WHERE edition_id = ? AND region = ? AND title = ? COLLATE NOCASE`, e.ID, region, title))
	if errors.Is(err, sql.ErrNoRows) && code != "" {
		p, err = scanProspect(s.db.QueryRow(`SELECT `+prospectColumns+` FROM prospects
			WHERE edition_id = ? AND region = ? AND code = ? ORDER BY rating DESC, title LIMIT 1`, e.ID, region, code))
	}
	if errors.Is(err, sql.ErrNoRows) {
		return model.Prospect{}, nil
	}
	if err != nil {
		return model.Prospect{}, fmt.Errorf("prospect for %s: %w", title, err)
	}
	return p, nil
}

// ProspectList lists the newest edition's titles in a region with one of
// the categories (all when none given) whose DISCO code starts with group
// ("" for every group): best prospects first, then by group and title —
// the seed's searches by rating and by occupational group.
func (s *Store) ProspectList(region string, cats []model.Category, group string) ([]model.Prospect, error) {
	e, err := s.LatestEdition()
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT `+prospectColumns+` FROM prospects
		WHERE edition_id = ? AND region = ? AND code >= ? AND code < ? ORDER BY rating DESC, code, title`,
		e.ID, region, group, group+"\xff")
	if err != nil {
		return nil, fmt.Errorf("list prospects: %w", err)
	}
	ps, err := scanProspects(rows)
	return keepCategories(ps, cats), err
}

func keepCategories(ps []model.Prospect, cats []model.Category) []model.Prospect {
	if len(cats) == 0 {
		return ps
	}
	want := map[model.Category]bool{}
	for _, c := range cats {
		want[c] = true
	}
	out := ps[:0]
	for _, p := range ps {
		if want[p.Category] {
			out = append(out, p)
		}
	}
	return out
}

func scanProspects(rows *sql.Rows) ([]model.Prospect, error) {
	defer rows.Close()
	var out []model.Prospect
	for rows.Next() {
		p, err := scanProspect(rows)
		if err != nil {
			return nil, fmt.Errorf("scan prospect: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// betterIn lists the titles in a DISCO group rated above than, best first.
func (s *Store) betterIn(edition int64, region, prefix string, than model.Rating) ([]model.Prospect, error) {
	rows, err := s.db.Query(`SELECT `+prospectColumns+` FROM prospects
		WHERE edition_id = ? AND region = ? AND code >= ? AND code < ? AND rating > ?`,
		edition, region, prefix, prefix+"\xff", than)
	if err != nil {
		return nil, fmt.Errorf("alternatives: %w", err)
	}
	out, err := scanProspects(rows)
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Rating > out[j].Rating || out[i].Rating == out[j].Rating && out[i].Title < out[j].Title
	})
	return out, err
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
	r := model.CanonicalRegion(region)
	if r == "" {
		return model.NewUserError("error.region", nil, region)
	}
	return s.saveSetting("office.region", r)
}
