package gofpdf

import (
	"os"
	"path/filepath"
)

// The print faces Jobspor embeds, read from its assets folder (this copy is
// a module of its own and does not import Jobspor).
var fontRegular, fontBold = readFont("LiberationSans-Regular.ttf"), readFont("LiberationSans-Bold.ttf")

func readFont(name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "assets", "fonts", name))
	if err != nil {
		panic(err)
	}
	return b
}
