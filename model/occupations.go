package model

import (
	"sort"
	"strconv"
	"strings"
)

// DiscoGroup is one group of Danmarks Statistik's DISCO-08 classification:
// level 1–4 codes have 1–4 digits, level 5 has 6.
type DiscoGroup struct {
	Code  string
	Level int
	Title string
}

var discoCodeLen = map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 6}

// ParseDisco reads DST's DISCO-08 file as published (UTF-8 with BOM, CRLF,
// `;`, quoted codes) and checks every row: a known level, a code of the
// level's length whose parent group is in the file, a title.
func ParseDisco(data []byte) ([]DiscoGroup, error) {
	rows, err := readCSV(data, []string{"kode", "niveau", "titel"})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := make([]DiscoGroup, 0, len(rows))
	for _, r := range rows {
		g, err := discoRow(r, seen)
		if err != nil {
			return nil, err
		}
		seen[g.Code] = true
		out = append(out, g)
	}
	return out, nil
}

func discoRow(r csvRow, seen map[string]bool) (DiscoGroup, error) {
	g := DiscoGroup{Code: r.Fields["kode"], Title: r.Fields["titel"]}
	level, err := strconv.Atoi(r.Fields["niveau"])
	switch {
	case err != nil || discoCodeLen[level] == 0:
		return g, importError(r.Line, "import.level", r.Fields["niveau"])
	case len(g.Code) != discoCodeLen[level] || !AllDigits(g.Code):
		return g, importError(r.Line, "import.codelevel", g.Code, level)
	case g.Title == "":
		return g, importError(r.Line, "import.notitle")
	case level > 1 && !seen[discoParent(g.Code, level)]:
		return g, importError(r.Line, "import.noparent", g.Code, discoParent(g.Code, level))
	}
	g.Level = level
	return g, nil
}

func discoParent(code string, level int) string { return code[:discoCodeLen[level-1]] }

// ImportResult says what an import did (or, dry run, would do).
type ImportResult struct {
	Added, Changed, Unchanged int
}

// JobTitle is one entry of the occupation catalogue.
type JobTitle struct {
	Title string
	Code  string // DISCO-08, six digits
	key   string
}

// Catalogue is the searchable list of job titles, held in memory.
type Catalogue struct {
	Titles []JobTitle
	byName map[string]JobTitle
}

// ParseCatalogue reads the catalogue file (titel;disco).
func ParseCatalogue(data []byte) (*Catalogue, error) {
	rows, err := readCSV(data, []string{"titel", "disco"})
	if err != nil {
		return nil, err
	}
	c := &Catalogue{byName: map[string]JobTitle{}}
	for _, r := range rows {
		t := JobTitle{Title: r.Fields["titel"], Code: r.Fields["disco"], key: FoldName(r.Fields["titel"])}
		if t.Title == "" || len(t.Code) != 6 || !AllDigits(t.Code) {
			return nil, importError(r.Line, "import.titlecode")
		}
		c.Titles = append(c.Titles, t)
		c.byName[t.key] = t
	}
	sort.Slice(c.Titles, func(i, j int) bool { return c.Titles[i].key < c.Titles[j].key })
	return c, nil
}

// Len is the number of titles.
func (c *Catalogue) Len() int { return len(c.Titles) }

// Lookup finds a title by name, case-insensitively.
func (c *Catalogue) Lookup(title string) (JobTitle, bool) {
	t, ok := c.byName[FoldName(title)]
	return t, ok
}

// Search returns up to limit titles: those starting with the query first,
// then those containing it.
func (c *Catalogue) Search(query string, limit int) []JobTitle {
	q := FoldName(query)
	var starts, contains []JobTitle
	for _, t := range c.Titles {
		switch {
		case strings.HasPrefix(t.key, q):
			starts = append(starts, t)
		case strings.Contains(t.key, q):
			contains = append(contains, t)
		}
		if len(starts) >= limit {
			break
		}
	}
	out := append(starts, contains...)
	return out[:min(len(out), limit)]
}

// InGroup lists the titles sharing the first n digits of code.
func (c *Catalogue) InGroup(code string, n int) []JobTitle {
	var out []JobTitle
	for _, t := range c.Titles {
		if len(code) >= n && strings.HasPrefix(t.Code, code[:n]) {
			out = append(out, t)
		}
	}
	return out
}

// Add puts titles not yet in the catalogue into it (an imported edition's
// titles: the catalogue grows with every edition) and says how many were new.
func (c *Catalogue) Add(titles []JobTitle) int {
	n := 0
	for _, t := range titles {
		t.key = FoldName(t.Title)
		if _, ok := c.byName[t.key]; ok || t.Title == "" || len(t.Code) != 6 {
			continue
		}
		c.byName[t.key] = t
		c.Titles = append(c.Titles, t)
		n++
	}
	if n > 0 {
		sort.Slice(c.Titles, func(i, j int) bool { return c.Titles[i].key < c.Titles[j].key })
	}
	return n
}
