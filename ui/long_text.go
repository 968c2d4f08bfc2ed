package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Long notes (up to 5,000 characters) are wrapped here rather than by
// Fyne's Label and Entry. Fyne 2.7 measures the whole rest of a paragraph
// for every row it makes (fyne-io/fyne#5297): a 5,000-character note took
// 0.1–0.7 s to lay out at each new width, a pasted 21,400 characters
// seconds. Here each word is measured once and rows are added up from the
// words' widths.

// textMetrics measures words of one text size and style, once each.
type textMetrics struct {
	size   float32
	style  fyne.TextStyle
	widths map[string]float32
	space  float32
	height float32
}

type metricsKey struct {
	size  float32
	style fyne.TextStyle
}

// maxCachedWords bounds the word cache; it starts afresh when full.
const maxCachedWords = 50000

var metricsCache = map[metricsKey]*textMetrics{}

// metricsFor returns the shared word measurer for a text size and style.
func metricsFor(size float32, style fyne.TextStyle) *textMetrics {
	k := metricsKey{size, style}
	if m, ok := metricsCache[k]; ok {
		return m
	}
	m := &textMetrics{size: size, style: style, widths: map[string]float32{}}
	m.space = fyne.MeasureText(" ", size, style).Width
	m.height = fyne.MeasureText("ÅÉgj", size, style).Height
	metricsCache[k] = m
	return m
}

// width is how wide s is drawn.
func (m *textMetrics) width(s string) float32 {
	if w, ok := m.widths[s]; ok {
		return w
	}
	if len(m.widths) >= maxCachedWords {
		m.widths = map[string]float32{}
	}
	w := fyne.MeasureText(s, m.size, m.style).Width
	m.widths[s] = w
	return w
}

// span is one row of wrapped text: the runes [start, end). A row broken at
// spaces keeps them (they hang past the edge); a line break is in no row.
type span struct{ start, end int }

// wrap breaks text into rows no wider than max: at spaces, and inside a word
// only when the word alone is wider than a row. Empty text is one empty row.
func (m *textMetrics) wrap(text []rune, max float32) []span {
	var rows []span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			rows = m.wrapParagraph(text, start, i, max, rows)
			start = i + 1
		}
	}
	return rows
}

// wrapParagraph appends the rows of text[from:to], which holds no line break.
func (m *textMetrics) wrapParagraph(text []rune, from, to int, max float32, rows []span) []span {
	row, x := from, float32(0)
	for i := from; i < to; {
		spaces := i
		for i < to && text[i] == ' ' {
			i++
		}
		word := i
		for i < to && text[i] != ' ' {
			i++
		}
		gap, w := float32(word-spaces)*m.space, m.width(string(text[word:i]))
		switch {
		case spaces > row && x+gap+w > max:
			rows, row, x = m.placeWord(text, i, max, word, append(rows, span{row, word}))
		case x+gap+w > max:
			rows, row, x = m.placeWord(text, i, max, row, rows)
		default:
			x += gap + w
		}
	}
	return append(rows, span{row, to})
}

// placeWord starts a row at row with text[row:to] (a word, after leading
// spaces at most), cutting it into rows of its own while it is wider than
// max. It returns the row it ends in and that row's width so far.
func (m *textMetrics) placeWord(text []rune, to int, max float32, row int, rows []span) ([]span, int, float32) {
	for {
		w := m.width(string(text[row:to]))
		if w <= max || to-row <= 1 {
			return rows, row, w
		}
		n := sort.Search(to-row, func(k int) bool { return m.width(string(text[row:row+k+1])) > max })
		if n < 1 {
			n = 1
		}
		rows, row = append(rows, span{row, row + n}), row+n
	}
}

// rowOf is the row that holds the cursor position pos.
func rowOf(rows []span, pos int) int {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].start > pos }) - 1
	if i < 0 {
		return 0
	}
	return i
}

// textBlock draws wrapped text as one canvas.Text per row.
type textBlock struct {
	text   []rune
	rows   []span
	width  float32
	m      *textMetrics
	pad    float32
	lines  []*canvas.Text
	colour fyne.ThemeColorName
}

// setWidth wraps for a new width; it reports whether the row count changed.
func (b *textBlock) setWidth(w float32) bool {
	if w == b.width && b.rows != nil {
		return false
	}
	n := len(b.rows)
	b.width = w
	b.rewrap()
	return n != len(b.rows)
}

func (b *textBlock) rewrap() {
	w := b.width - 2*b.pad
	if w < b.m.space*10 {
		w = b.m.space * 10
	}
	b.rows = b.m.wrap(b.text, w)
}

// lineHeight is the distance between rows.
func (b *textBlock) lineHeight() float32 {
	return b.m.height + theme.LineSpacing()
}

// height is what the rows need, with padding above and below.
func (b *textBlock) height() float32 {
	return float32(len(b.rows))*b.lineHeight() + 2*b.pad
}

// objects updates the canvas texts to the rows and returns them.
func (b *textBlock) objects(th fyne.Theme) []*canvas.Text {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for len(b.lines) < len(b.rows) {
		b.lines = append(b.lines, canvas.NewText("", nil))
	}
	b.lines = b.lines[:len(b.rows)]
	for i, r := range b.rows {
		t := b.lines[i]
		t.TextSize, t.TextStyle = b.m.size, b.m.style
		t.Color = th.Color(b.colour, v)
		if s := string(b.text[r.start:r.end]); s != t.Text {
			t.Text = s
			t.Refresh()
		}
		t.Move(fyne.NewPos(b.pad, b.pad+float32(i)*b.lineHeight()+theme.LineSpacing()/2))
		t.Resize(fyne.NewSize(b.width-b.pad, b.m.height))
	}
	return b.lines
}

// posX is where the cursor at pos stands within its row.
func (b *textBlock) posX(pos int) float32 {
	r := b.rows[rowOf(b.rows, pos)]
	return b.pad + b.m.width(string(b.text[r.start:pos]))
}

// posAt is the cursor position nearest to p.
func (b *textBlock) posAt(p fyne.Position) int {
	i := int((p.Y - b.pad) / b.lineHeight())
	if i < 0 {
		return 0
	}
	if i >= len(b.rows) {
		return len(b.text)
	}
	return b.posInRow(i, p.X-b.pad)
}

// posInRow is the position in row i nearest to x.
func (b *textBlock) posInRow(i int, x float32) int {
	r := b.rows[i]
	last := r.end
	if i+1 < len(b.rows) && b.rows[i+1].start == r.end && r.end > r.start {
		last = r.end - 1 // a wrapped row's end is the next row's start
	}
	n := sort.Search(last-r.start, func(k int) bool {
		a := b.m.width(string(b.text[r.start : r.start+k]))
		c := b.m.width(string(b.text[r.start : r.start+k+1]))
		return x < (a+c)/2
	})
	return r.start + n
}

// noteText shows a long text, wrapped, read-only: a citizen's note.
type noteText struct {
	widget.BaseWidget
	block textBlock
}

func newNoteText(text string) *noteText {
	t := &noteText{}
	t.block.text = []rune(text)
	t.block.colour = theme.ColorNameForeground
	t.ExtendBaseWidget(t)
	t.setTheme()
	return t
}

func (t *noteText) setTheme() {
	th := t.Theme()
	t.block.m = metricsFor(th.Size(theme.SizeNameText), fyne.TextStyle{})
	t.block.pad = th.Size(theme.SizeNameInnerPadding)
}

func (t *noteText) CreateRenderer() fyne.WidgetRenderer {
	t.setTheme()
	return &noteTextRenderer{t: t}
}

// Resize wraps the text for the new width.
func (t *noteText) Resize(s fyne.Size) {
	changed := t.block.setWidth(s.Width)
	t.BaseWidget.Resize(s)
	if changed {
		t.Refresh()
	}
}

type noteTextRenderer struct {
	t *noteText
}

func (r *noteTextRenderer) Destroy() {}

func (r *noteTextRenderer) Layout(s fyne.Size) {
	r.t.block.setWidth(s.Width)
	r.t.block.objects(r.t.Theme())
}

func (r *noteTextRenderer) MinSize() fyne.Size {
	b := &r.t.block
	if b.rows == nil {
		b.width = defaultWrapWidth
		b.rewrap()
	}
	return fyne.NewSize(b.m.space*10+2*b.pad, b.height())
}

func (r *noteTextRenderer) Objects() []fyne.CanvasObject {
	lines := r.t.block.objects(r.t.Theme())
	objs := make([]fyne.CanvasObject, len(lines))
	for i, l := range lines {
		objs[i] = l
	}
	return objs
}

func (r *noteTextRenderer) Refresh() {
	r.t.setTheme()
	r.t.block.rewrap()
	r.t.block.objects(r.t.Theme())
}

// defaultWrapWidth is the width text is wrapped at before it is laid out.
const defaultWrapWidth = 600
