package gofpdf

// This file is not part of gofpdf v1.16.2: see CHANGES.md.

import (
	"encoding/binary"
	"fmt"
	"sort"
	"sync"
)

// UTF8Font is a TrueType font parsed once and shared by any number of
// documents, on any goroutines (AddUTF8FontShared). It keeps the font's
// identifiers and the subsets it has cut, so that documents using the
// same characters reuse the same compressed subset.
type UTF8Font struct {
	data []byte
	desc FontDescType
	up   int
	ut   int
	cw   []int // widths by rune; read only once parsed

	mu      sync.Mutex
	ids     map[string]string      // font ID by font key
	subsets map[string]*utf8Subset // subsets by the runes used

	// common are the runes every subset includes (SetCommonRunes); the
	// subset of these alone is cut once, for every document that uses
	// no other rune.
	common     map[int]int
	commonBits []uint64
	commonOnce sync.Once
	commonCut  *utf8Subset
}

// maxSubsets bounds the subsets a font keeps (each is some kilobytes).
const maxSubsets = 64

// ParseUTF8Font parses a TrueType font for AddUTF8FontShared.
func ParseUTF8Font(data []byte) (font *UTF8Font, err error) {
	defer func() {
		if r := recover(); r != nil {
			font, err = nil, fmt.Errorf("parse TrueType font: %v", r)
		}
	}()
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		return nil, fmt.Errorf("parse TrueType font: %w", err)
	}
	return &UTF8Font{
		data: data,
		desc: FontDescType{
			Ascent:       int(utf.Ascent),
			Descent:      int(utf.Descent),
			CapHeight:    utf.CapHeight,
			Flags:        utf.Flags,
			FontBBox:     utf.Bbox,
			ItalicAngle:  utf.ItalicAngle,
			StemV:        utf.StemV,
			MissingWidth: round(utf.DefaultWidth),
		},
		up:      int(round(utf.UnderlinePosition)),
		ut:      round(utf.UnderlineThickness),
		cw:      utf.CharWidths,
		ids:     map[string]string{},
		subsets: map[string]*utf8Subset{},
	}, nil
}

// HasGlyph tells whether the font draws r (it has a glyph of its own, not
// the "missing" one). gofpdf's UTF-8 fonts cover the BMP only.
func (u *UTF8Font) HasGlyph(r rune) bool {
	return r > 0 && int(r) < len(u.cw) && u.cw[r] != 0
}

// SetCommonRunes names the runes most documents use (the wording of the
// documents, Latin-1, typographic punctuation). Every subset cut from the
// font then includes them, so that documents using only these runes share
// one subset, cut and compressed once per run, whatever their text. Runes
// the font has no glyph for are left out. Call it before the font is
// added to any document.
func (u *UTF8Font) SetCommonRunes(runes []rune) {
	u.common = map[int]int{}
	u.commonBits = make([]uint64, len(u.cw)/64+1)
	for _, r := range runes {
		if u.HasGlyph(r) {
			u.common[int(r)] = int(r)
			u.commonBits[r/64] |= 1 << (r % 64)
		}
	}
}

func (u *UTF8Font) isCommon(r int) bool {
	return r >= 0 && r/64 < len(u.commonBits) && u.commonBits[r/64]&(1<<(r%64)) != 0
}

// AddUTF8FontShared makes a parsed font available under family and style,
// like AddUTF8FontFromBytes but without parsing it again: the document
// writes the same bytes as with AddUTF8FontFromBytes.
func (f *Fpdf) AddUTF8FontShared(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	fontkey := getFontKey(fontFamilyEscape(familyStr), styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	used := makeSubsetRange(57)
	if f.aliasNbPagesStr != "" {
		used = makeSubsetRange(32)
	}
	def := fontDefType{Tp: "UTF8", Name: fontkey, Desc: font.desc, Up: font.up, Ut: font.ut,
		Cw: font.cw, usedRunes: used, shared: font}
	def.i = font.id(def)
	f.fonts[fontkey] = def
}

// id is the font's identifier under a key, computed once per key: the
// same JSON hash AddUTF8FontFromBytes computes for every document.
func (u *UTF8Font) id(def fontDefType) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	if id, ok := u.ids[def.Name]; ok {
		return id
	}
	id, _ := generateFontID(def)
	u.ids[def.Name] = id
	return id
}

// utf8Subset is what a UTF-8 font writes into a document for the runes
// it used.
type utf8Subset struct {
	font     []byte // the subset TrueType file, compressed
	size     int    // its length before compression
	cidToGid []byte // the CID to glyph map, compressed
	widths   string // the /W entry of the CID font
}

// utf8Subset cuts the font down to the runes the document used; a shared
// font cuts each set of runes once.
func (f *Fpdf) utf8Subset(font *fontDefType) *utf8Subset {
	delete(font.usedRunes, 0)
	if font.shared == nil {
		return cutUTF8Subset(font.utf8File, font)
	}
	return font.shared.subset(font)
}

func (u *UTF8Font) subset(font *fontDefType) *utf8Subset {
	if u.common != nil {
		// A rune mapped to 0 (the ranges AddUTF8Font* start with) adds
		// nothing to a subset: only runes mapped to themselves are cut.
		extra := false
		for _, r := range font.usedRunes {
			if r != 0 && !u.isCommon(r) {
				extra = true
				break
			}
		}
		if !extra {
			u.commonOnce.Do(func() {
				def := *font
				def.usedRunes = u.common
				u.commonCut = cutUTF8Subset(newUTF8Font(&fileReader{array: u.data}), &def)
			})
			return u.commonCut
		}
		def := *font
		def.usedRunes = make(map[int]int, len(u.common)+len(font.usedRunes))
		for k, r := range u.common {
			def.usedRunes[k] = r
		}
		for k, r := range font.usedRunes {
			if r != 0 {
				def.usedRunes[k] = r
			}
		}
		font = &def
	}
	key := usedKey(font.usedRunes)
	u.mu.Lock()
	s, ok := u.subsets[key]
	u.mu.Unlock()
	if ok {
		return s
	}
	// A fresh reader: cutting changes the parser's state.
	s = cutUTF8Subset(newUTF8Font(&fileReader{array: u.data}), font)
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.subsets) >= maxSubsets {
		for k := range u.subsets {
			delete(u.subsets, k)
			break
		}
	}
	u.subsets[key] = s
	return s
}

// usedKey is the used-rune map as a string: the subset depends on
// nothing else.
func usedKey(used map[int]int) string {
	keys := make([]int, 0, len(used))
	for k := range used {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	b := make([]byte, 0, len(keys)*6)
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(k))
		b = binary.AppendUvarint(b, uint64(used[k]))
	}
	return string(b)
}

// cutUTF8Subset does what putfonts did for every UTF-8 font in v1.16.2.
func cutUTF8Subset(utf *utf8FontFile, font *fontDefType) *utf8Subset {
	stream := utf.GenerateCutFont(font.usedRunes)
	codes := utf.CodeSymbolDictionary
	delete(codes, 0)
	cidToGid := make([]byte, 256*256*2)
	for cc, glyph := range codes {
		cidToGid[cc*2] = byte(glyph >> 8)
		cidToGid[cc*2+1] = byte(glyph & 0xFF)
	}
	return &utf8Subset{
		font:     sliceCompress(stream),
		size:     len(stream),
		cidToGid: sliceCompress(cidToGid),
		widths:   cidWidths(font, utf.LastRune),
	}
}
