package gofpdf

// This file is not part of gofpdf v1.16.2: see CHANGES.md.

// textCache keeps, for the texts a document prints with a UTF-8 font, the
// form they take in the page's content (UTF-16, escaped): the handouts of
// a batch print the same wording on every page. A text found here has
// also had its runes recorded as used by that font. It holds at most
// maxTexts texts, so a document of any length holds a bounded amount.
type textCache map[textKey]string

type textKey struct{ family, style, text string }

const maxTexts = 1024

// utf8Text is f.escape(utf8toutf16(s, false)) for the current UTF-8 font,
// with s's runes recorded as used by the font.
func (f *Fpdf) utf8Text(s string) string {
	key := textKey{f.fontFamily, f.fontStyle, s}
	if t, ok := f.texts[key]; ok {
		return t
	}
	t := f.escape(utf8toutf16(s, false))
	used := f.currentFont.usedRunes
	for _, uni := range s { // as []rune(s), without the copy
		if r, ok := used[int(uni)]; !ok || r != int(uni) {
			used[int(uni)] = int(uni)
		}
	}
	if f.texts == nil || len(f.texts) >= maxTexts {
		f.texts = make(textCache, 64)
	}
	f.texts[key] = t
	return t
}
