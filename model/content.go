package model

// Content is the embedded guidance Jobspor works from.
type Content struct {
	Guide     *Guide
	Reception *ReceptionPlan // the default plan; an office's own is in its database
	Rules     *RuleSet
	Catalogue *Catalogue
	Related   *Relations // the default related titles; an office's own list is in its database
}

// LoadContent parses the embedded guide, default reception plan and
// conversation rules.
func LoadContent(guide, reception, rules, titles []byte) (*Content, error) {
	g, err := ParseGuide(guide)
	if err != nil {
		return nil, err
	}
	p, err := ParseReceptionPlan(reception)
	if err != nil {
		return nil, err
	}
	r, err := ParseRules(rules)
	if err != nil {
		return nil, err
	}
	c, err := ParseCatalogue(titles)
	if err != nil {
		return nil, err
	}
	return &Content{Guide: g, Reception: p, Rules: r, Catalogue: c}, nil
}

// LoadRelated parses the default list of related titles into the content.
func (c *Content) LoadRelated(data []byte) error {
	r, err := ParseRelations(data)
	if err != nil {
		return err
	}
	c.Related = r
	return nil
}
