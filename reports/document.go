// Package reports makes the handouts the citizen takes home, as PDF. It is
// the only package that imports gofpdf, so a fork could replace it here.
package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"a.jobspor.local/gofpdf"

	"jobspor/assets"
	"jobspor/model"
)

// Page geometry in millimetres and type sizes in points: A4 with print
// margins, body text at 11 pt so it reads at arm's length.
const (
	margin     = 20.0
	pageWidth  = 210.0
	textWidth  = pageWidth - 2*margin
	bodySize   = 11.0
	lineHeight = 6.0
	family     = "Sans"
)

// Options control a document's metadata.
type Options struct {
	// Fixed, when set, is used as creation date and turns compression off,
	// so the same input gives the same bytes (tests).
	Fixed time.Time
	// Batch holds many handouts in one file: pages are numbered within
	// each handout ("Side 2") instead of "Side 1 af 3" over the file.
	Batch bool
}

// Document is one or more handouts being built: A4, the office's
// letterhead on every page, page numbers when a handout runs over a page.
type Document struct {
	pdf    *gofpdf.Fpdf
	office model.Office
	opts   Options
	start  int // first page of the handout being written
	logo   bool
	// replaced are the texts printed with □ for characters the font lacks.
	replaced []string
}

func newDocument(office model.Office, title string, opts Options) *Document {
	d := NewBatch(office, title, opts)
	d.begin()
	return d
}

// NewBatch starts an empty document; each handout added to it begins on a
// new page.
func NewBatch(office model.Office, title string, opts Options) *Document {
	pdf := gofpdf.New("P", "mm", "A4", "")
	d := &Document{pdf: pdf, office: office, opts: opts}
	d.addFonts()
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin+8)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(office.Name, true)
	pdf.SetCreator("Jobspor", true)
	d.setDates(opts)
	d.registerLogo()
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFunc(d.header)
	pdf.SetFooterFuncLpi(d.footer)
	return d
}

// faces are the embedded fonts, parsed once per run and shared by every
// document, on any goroutine. Each face cuts its subset of the common
// characters once per run; a document that prints only those (nearly all
// of them: Danish names, the handouts' own wording) reuses it.
type faces struct{ regular, bold *gofpdf.UTF8Font }

var parsedFaces = sync.OnceValues(func() (faces, error) {
	regular, err := gofpdf.ParseUTF8Font(assets.FontRegular)
	if err != nil {
		return faces{}, fmt.Errorf("regular font: %w", err)
	}
	bold, err := gofpdf.ParseUTF8Font(assets.FontBold)
	if err != nil {
		return faces{}, fmt.Errorf("bold font: %w", err)
	}
	runes := commonRunes()
	regular.SetCommonRunes(runes)
	bold.SetCommonRunes(runes)
	return faces{regular, bold}, nil
})

// commonRunes are the characters most handouts print: ASCII, the letters
// of Latin-1 (æ, ø, å and the names of most of Europe), the typographic
// marks, the bullet and the □ stand-in, and every character of the
// handouts' wording (assets/handouts/*.json). Each one costs the file
// about 150 bytes of font; a name with a letter outside them still
// prints, at the price of a subset cut for it (kept for the run).
func commonRunes() []rune {
	var runes []rune
	for r := rune(0x20); r < 0x7F; r++ {
		runes = append(runes, r)
	}
	for r := rune(0xC0); r <= 0xFF; r++ {
		if r != 0xD7 && r != 0xF7 { // × and ÷
			runes = append(runes, r)
		}
	}
	runes = append(runes, []rune("§°½«»–‘’“”„•…€□·")...)
	files, _ := assets.Handouts.ReadDir("handouts")
	for _, f := range files {
		data, _ := assets.Handouts.ReadFile("handouts/" + f.Name())
		var v any
		if json.Unmarshal(data, &v) == nil {
			runes = appendRunes(runes, v)
		}
	}
	return runes
}

// appendRunes adds the characters of every string in a decoded JSON value.
func appendRunes(runes []rune, v any) []rune {
	switch v := v.(type) {
	case string:
		runes = append(runes, []rune(v)...)
	case []any:
		for _, e := range v {
			runes = appendRunes(runes, e)
		}
	case map[string]any:
		for k, e := range v {
			runes = appendRunes(append(runes, []rune(k)...), e)
		}
	}
	return runes
}

// addFonts makes the shared fonts the document's family.
func (d *Document) addFonts() {
	f, err := parsedFaces()
	if err != nil {
		d.pdf.SetError(err)
		return
	}
	d.pdf.AddUTF8FontShared(family, "", f.regular)
	d.pdf.AddUTF8FontShared(family, "B", f.bold)
}

// StreamTo makes the document write each page to w as soon as it is
// complete, so that a batch of any length holds one page in memory; Write
// then finishes the file on w. Call it before the first handout is added.
// The page count ("Side 1 af 3") cannot be printed in a streamed document:
// stream batches only (Options.Batch), which number pages per handout.
func (d *Document) StreamTo(w io.Writer) {
	d.pdf.SetOutputStream(w)
}

// begin starts a new handout on a new page.
func (d *Document) begin() {
	d.pdf.AddPage()
	d.start = d.pdf.PageNo()
}

// registerLogo adds the office's logo (PNG or JPEG) once for every page.
// A logo that cannot be read is left out.
func (d *Document) registerLogo() {
	if len(d.office.Logo) == 0 {
		return
	}
	info := parsedLogo(d.office.Logo)
	if info == nil {
		return
	}
	d.pdf.RegisterImageShared("logo", info)
	d.logo = d.pdf.Ok()
	if !d.logo {
		d.pdf.ClearError()
	}
}

// lastLogo is the logo as read for the last document: reading a PNG with
// transparency costs milliseconds, and every document of a run (and of a
// batch) has the same one. nil info: the logo cannot be read.
var lastLogo struct {
	sync.Mutex
	data []byte
	info *gofpdf.ImageInfoType
}

func parsedLogo(data []byte) *gofpdf.ImageInfoType {
	lastLogo.Lock()
	defer lastLogo.Unlock()
	if lastLogo.data != nil && bytes.Equal(lastLogo.data, data) {
		return lastLogo.info
	}
	kind := "PNG"
	if bytes.HasPrefix(data, []byte{0xff, 0xd8}) {
		kind = "JPG"
	}
	p := gofpdf.New("P", "mm", "A4", "") // the unit of every document
	info := p.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
	if !p.Ok() {
		info = nil
	}
	lastLogo.data, lastLogo.info = data, info
	return info
}

func (d *Document) setDates(opts Options) {
	when := opts.Fixed
	if when.IsZero() {
		when = model.Now()
	} else {
		d.pdf.SetCompression(false)
		d.pdf.SetCatalogSort(true)
	}
	d.pdf.SetCreationDate(when)
	d.pdf.SetModificationDate(when)
}

// header is the letterhead: the office's name, then its contact lines,
// and the logo at the right when the office has one.
func (d *Document) header() {
	p := d.pdf
	w := textWidth
	if d.logo {
		p.ImageOptions("logo", pageWidth-margin-30, margin-2, 30, 0, false, gofpdf.ImageOptions{}, 0, "")
		w -= 34
	}
	p.SetFont(family, "B", 14)
	p.SetTextColor(31, 95, 122)
	p.MultiCell(w, 6.5, d.safe(d.office.Name), "", "L", false)
	p.SetFont(family, "", 10)
	p.SetTextColor(60, 60, 60)
	if line := joinNonEmpty(" · ", d.office.Address, phoneText(d.office.Phone), d.office.Email); line != "" {
		p.MultiCell(w, 5, d.safe(line), "", "L", false)
	}
	if d.office.Hours != "" {
		p.MultiCell(w, 5, d.safe(fmt.Sprintf(common.Hours, d.office.Hours)), "", "L", false)
	}
	if d.logo && p.GetY() < margin+14 {
		p.SetY(margin + 14)
	}
	y := p.GetY() + 2
	p.SetDrawColor(31, 95, 122)
	p.SetLineWidth(0.5)
	p.Line(margin, y, pageWidth-margin, y)
	p.SetY(y + 6)
	d.body()
}

func phoneText(phone string) string {
	if phone == "" {
		return ""
	}
	return fmt.Sprintf(common.Phone, phone)
}

// footer numbers the pages, but only when a handout has more than one:
// "Side 1 af 2" in a single handout, "Side 2" within a batch.
func (d *Document) footer(lastPage bool) {
	p := d.pdf
	page := p.PageNo() - d.start + 1
	text := fmt.Sprintf(common.PageOf, page, "{nb}")
	switch {
	case d.opts.Batch && page == 1:
		return
	case d.opts.Batch:
		text = fmt.Sprintf(common.Page, page)
	case lastPage && p.PageNo() == 1:
		return
	}
	p.SetY(-margin)
	p.SetFont(family, "", 10)
	p.SetTextColor(90, 90, 90)
	p.CellFormat(textWidth, 5, d.safe(text), "", 0, "C", false, 0, "")
}

// Big is a line of large print for the reception area's day list.
func (d *Document) Big(text string, size float64) {
	d.pdf.SetFont(family, "B", size)
	d.pdf.MultiCell(textWidth, size*0.5, d.safe(text), "", "L", false)
	d.body()
}

// Bullets is a list of wrapped lines, each with a bullet.
func (d *Document) Bullets(lines []string) {
	p := d.pdf
	for _, l := range lines {
		d.keepSpace(8)
		x := p.GetX()
		p.CellFormat(6, lineHeight, d.safe("•"), "", 0, "L", false, 0, "")
		p.MultiCell(textWidth-6, lineHeight, d.safe(l), "", "L", false)
		p.SetX(x)
		p.Ln(1)
	}
	p.Ln(1)
}

func (d *Document) body() {
	d.pdf.SetFont(family, "", bodySize)
	d.pdf.SetTextColor(0, 0, 0)
}

// Title is the handout's big heading.
func (d *Document) Title(text string) {
	d.pdf.SetFont(family, "B", 20)
	d.pdf.MultiCell(textWidth, 9, d.safe(text), "", "L", false)
	d.pdf.Ln(3)
	d.body()
}

// Heading starts a section; it moves to a new page rather than stand alone
// at the bottom of one.
func (d *Document) Heading(text string) {
	d.keepSpace(22)
	d.pdf.Ln(3)
	d.pdf.SetFont(family, "B", 13)
	d.pdf.MultiCell(textWidth, 7, d.safe(text), "", "L", false)
	d.pdf.Ln(1)
	d.body()
}

// Para is a wrapped paragraph of body text.
func (d *Document) Para(text string) {
	d.pdf.MultiCell(textWidth, lineHeight, d.safe(text), "", "L", false)
	d.pdf.Ln(2)
}

// Field is "Label: value" with the label in bold; long values wrap.
func (d *Document) Field(label, value string) {
	p := d.pdf
	p.SetFont(family, "B", bodySize)
	w := p.GetStringWidth(d.safe(label)+":") + 3
	p.CellFormat(w, lineHeight, d.safe(label+":"), "", 0, "L", false, 0, "")
	d.body()
	p.MultiCell(textWidth-w, lineHeight, d.safe(value), "", "L", false)
}

// CheckItem is a line of text with an empty box to tick by hand.
func (d *Document) CheckItem(text string) {
	p := d.pdf
	d.keepSpace(12)
	x, y := p.GetX(), p.GetY()
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.35)
	p.Rect(x, y+0.8, 5, 5, "D")
	p.SetX(x + 9)
	p.MultiCell(textWidth-9, lineHeight+0.5, d.safe(text), "", "L", false)
	p.Ln(4)
}

// Table draws a header row in bold and the rows under it, with light rules.
func (d *Document) Table(header []string, widths []float64, rows [][]string) {
	p := d.pdf
	p.SetFont(family, "B", 10)
	for i, h := range header {
		p.CellFormat(widths[i], 6, d.safe(h), "B", 0, "L", false, 0, "")
	}
	p.Ln(-1)
	d.body()
	p.SetDrawColor(200, 200, 200)
	for _, r := range rows {
		for i, c := range r {
			p.CellFormat(widths[i], 6.5, d.safe(c), "B", 0, "L", false, 0, "")
		}
		p.Ln(-1)
	}
	p.Ln(2)
}

// Lines draws n ruled lines to write on.
func (d *Document) Lines(n int) {
	p := d.pdf
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.2)
	for i := 0; i < n; i++ {
		d.keepSpace(10)
		y := p.GetY() + 9
		p.Line(margin, y, pageWidth-margin, y)
		p.SetY(y)
	}
	p.Ln(3)
}

// Small is a line of secondary text at 10 pt (dates printed, sources).
func (d *Document) Small(text string) {
	d.pdf.SetFont(family, "", 10)
	d.pdf.SetTextColor(90, 90, 90)
	d.pdf.MultiCell(textWidth, 5, d.safe(text), "", "L", false)
	d.body()
}

// keepSpace starts a new page when less than h mm is left.
func (d *Document) keepSpace(h float64) {
	_, pageH := d.pdf.GetPageSize()
	if d.pdf.GetY()+h > pageH-margin-8 {
		d.pdf.AddPage()
	}
}

// Write renders the document.
func (d *Document) Write(w io.Writer) error {
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, strings.TrimSpace(p))
		}
	}
	return strings.Join(keep, sep)
}
