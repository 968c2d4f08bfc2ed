package reports

import (
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"jobspor/assets"
	"jobspor/model"
)

// standIn is printed where the font has no glyph for a character (an emoji,
// a script Liberation Sans lacks): visible, so the reader knows something
// stood there, and never a failed handout.
const standIn = '□'

// coverage tells which characters the embedded font can print; gofpdf's
// UTF-8 fonts stop at the Basic Multilingual Plane, so nothing above it.
var coverage = sync.OnceValue(func() *sfnt.Font {
	f, err := sfnt.Parse(assets.FontRegular)
	if err != nil {
		panic("the embedded font does not parse: " + err.Error())
	}
	return f
})

var glyphCache sync.Map // rune -> bool

func printable(r rune) bool {
	if r < 0x250 || r == '\n' || r == '\t' {
		return true // Latin, with æ, ø, å: all in the font
	}
	if v, ok := glyphCache.Load(r); ok {
		return v.(bool)
	}
	var buf sfnt.Buffer
	i, err := coverage().GlyphIndex(&buf, r)
	ok := r <= 0xFFFF && err == nil && i != 0
	glyphCache.Store(r, ok)
	return ok
}

// safe returns s with every character the font cannot print replaced by
// the stand-in, and remembers what was replaced for the caller's warning.
func (d *Document) safe(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return !printable(r) }) < 0 {
		return s
	}
	out := strings.Map(func(r rune) rune {
		if printable(r) {
			return r
		}
		return standIn
	}, s)
	d.replaced = append(d.replaced, out)
	return out
}

// Replaced lists the texts in which characters were replaced by □.
func (d *Document) Replaced() []string { return d.replaced }

// replacedWarning is the warning for a saved document with stand-ins, or nil.
func replacedWarning(d *Document) error {
	if len(d.replaced) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var texts []string
	for _, t := range d.replaced {
		if !seen[t] {
			seen[t] = true
			texts = append(texts, t)
		}
	}
	return &model.PrintWarning{Texts: texts}
}
