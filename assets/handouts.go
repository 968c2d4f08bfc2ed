package assets

import "embed"

// Handouts holds the texts printed on the citizen's handouts, one JSON file
// per handout, so an office can adapt the wording without a new release.
//
//go:embed handouts/*.json
var Handouts embed.FS
