package model

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
