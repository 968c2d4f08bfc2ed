package assets

import _ "embed"

// Liberation Sans (SIL Open Font License 1.1, see fonts/LICENSE-OFL.txt):
// a plain print face with æ, ø, å and the rest of Latin-1 and beyond.
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	FontBold []byte
)
