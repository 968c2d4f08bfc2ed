package store

import (
	"errors"
	"strings"

	"jobspor/model"
)

// relationsKey is the setting holding the office's own related titles (CSV).
const relationsKey = "jobs.related"

// Relations is the office's list of related titles, or def when it has
// not saved one.
func (s *Store) Relations(def *model.Relations) (*model.Relations, error) {
	text, err := s.setting(relationsKey)
	if err != nil || strings.TrimSpace(text) == "" {
		return def, err
	}
	return model.ParseRelations([]byte(text))
}

// SaveRelations checks and stores the office's related titles (the CSV
// text, titel;beslægtet;begrundelse); empty text goes back to the default.
func (s *Store) SaveRelations(text string) (int, error) {
	if strings.TrimSpace(text) == "" {
		return 0, s.saveSetting(relationsKey, "")
	}
	r, err := model.ParseRelations([]byte(text))
	if err != nil {
		return 0, err
	}
	return r.Len(), s.saveSetting(relationsKey, r.Text()) // UTF-8, whatever the file's encoding
}

// Alternatives offers job goals instead of one with poor prospects, each
// with why: better-rated titles in the goal's DISCO 4-digit and 3-digit
// group, then the titles the office links to it (rel), then better-rated
// titles in the same DISCO major group; each step adds at most altCaps.
// ErrNotFound when no edition is loaded.
func (s *Store) Alternatives(region string, g model.JobGoal, than model.Rating, rel *model.Relations, limit int) ([]model.Alternative, error) {
	e, err := s.LatestEdition()
	if err != nil {
		return nil, err
	}
	c := &altCollector{seen: map[string]bool{model.FoldName(g.Title): true}}
	c.step(limit, altCaps[model.AltSameGroup])
	for _, n := range []int{4, 3} {
		if err := s.groupAlts(c, e.ID, region, g.Code, n, than, model.AltSameGroup); err != nil {
			return nil, err
		}
	}
	c.step(limit, altCaps[model.AltRelated])
	if err := s.relatedAlts(c, region, g.Title, than, rel); err != nil {
		return nil, err
	}
	c.step(limit, altCaps[model.AltMajorGroup])
	if err := s.groupAlts(c, e.ID, region, g.Code, 1, than, model.AltMajorGroup); err != nil {
		return nil, err
	}
	return c.out, nil
}

// altCaps is how many alternatives each step may add, so the same group's
// many titles leave room for the office's related ones and the broad
// major group does not crowd out the closer steps.
var altCaps = map[model.AltReason]int{model.AltSameGroup: 4, model.AltRelated: 4, model.AltMajorGroup: 2}

// step lets the next step add up to n more, within limit in all.
func (c *altCollector) step(limit, n int) { c.limit = min(limit, len(c.out)+n) }

// altCollector keeps each title once, in the order offered, up to limit.
type altCollector struct {
	seen  map[string]bool
	out   []model.Alternative
	limit int
}

func (c *altCollector) add(a model.Alternative) {
	key := model.FoldName(a.Title)
	if c.seen[key] || len(c.out) >= c.limit {
		return
	}
	c.seen[key] = true
	c.out = append(c.out, a)
}

func (s *Store) groupAlts(c *altCollector, edition int64, region, code string, n int, than model.Rating, why model.AltReason) error {
	if len(code) < n {
		return nil
	}
	ps, err := s.betterIn(edition, region, code[:n], than)
	for _, p := range ps {
		c.add(model.Alternative{Prospect: p, Reason: why, Group: code[:n]})
	}
	return err
}

// relatedAlts offers the office's related titles unless they are rated no
// better than the goal; a title the edition does not rate is offered too.
func (s *Store) relatedAlts(c *altCollector, region, title string, than model.Rating, rel *model.Relations) error {
	for _, r := range rel.For(title) {
		p, err := s.ProspectFor(region, r.Title, "")
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return err
		}
		if p.Rating != model.RatingUnknown && p.Rating <= than {
			continue
		}
		p.Title, p.Region = r.Title, region
		c.add(model.Alternative{Prospect: p, Reason: model.AltRelated, Note: r.Reason})
	}
	return nil
}
