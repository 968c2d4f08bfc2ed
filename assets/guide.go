package assets

import _ "embed"

// GuideJSON is STAR's guide as data: the opening phase and the three tracks
// with every core element and action (see model.ParseGuide).
//
//go:embed guide/guide.json
var GuideJSON []byte
