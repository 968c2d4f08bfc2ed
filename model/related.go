package model

// Related is a title the office links to another as a realistic
// alternative, with the office's reason in a few words.
type Related struct {
	Title  string
	Reason string
}

// Relations are the office's links between titles (assets/jobs/related.csv
// by default, the office's own list from Indstillinger when saved), looked
// up by the goal's title whatever its case.
type Relations struct {
	links map[string][]Related
	count int
	text  string
}

// ParseRelations reads titel;beslægtet;begrundelse (begrundelse may be empty).
func ParseRelations(data []byte) (*Relations, error) {
	rows, err := readCSV(data, []string{"titel", "beslægtet", "begrundelse"})
	if err != nil {
		return nil, err
	}
	text, err := decodeCSV(data) // a Windows-1252 file is kept as UTF-8 text
	if err != nil {
		return nil, err
	}
	rel := &Relations{links: map[string][]Related{}, text: text}
	for _, r := range rows {
		from, to := r.Fields["titel"], r.Fields["beslægtet"]
		if from == "" || to == "" {
			return nil, importError(r.Line, "import.related")
		}
		key := FoldName(from)
		rel.links[key] = append(rel.links[key], Related{Title: to, Reason: r.Fields["begrundelse"]})
		rel.count++
	}
	return rel, nil
}

// For lists the titles linked to title, in the file's order.
func (r *Relations) For(title string) []Related {
	if r == nil {
		return nil
	}
	return r.links[FoldName(title)]
}

// Text is the list as the file it was read from.
func (r *Relations) Text() string {
	if r == nil {
		return ""
	}
	return r.text
}

// Len is the number of links.
func (r *Relations) Len() int {
	if r == nil {
		return 0
	}
	return r.count
}

// AltReason says why an alternative job goal is offered.
type AltReason string

const (
	AltSameGroup  AltReason = "samegroup"  // the same DISCO 4- or 3-digit group, better prospects
	AltRelated    AltReason = "related"    // the office links the titles
	AltMajorGroup AltReason = "majorgroup" // the same DISCO major group, good prospects
)

// AltReasons lists the reasons in the order alternatives are offered.
var AltReasons = []AltReason{AltSameGroup, AltRelated, AltMajorGroup}

// Alternative is a job goal offered instead of one with poor prospects.
type Alternative struct {
	Prospect
	Reason AltReason
	Group  string // the DISCO group shared with the goal (same group, major group)
	Note   string // the office's reason for a related title
}
