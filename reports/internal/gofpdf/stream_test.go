package gofpdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// letter writes pages of a letter with a header and a footer, an alias
// and an image-free drawing on every page; stream, when set, receives the
// pages as they are completed.
func letter(t testing.TB, compress bool, pages int, stream io.Writer, add func(*Fpdf)) ([]byte, *Fpdf) {
	t.Helper()
	pdf := New("P", "mm", "A4", "")
	add(pdf)
	pdf.SetCompression(compress)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.AliasNbPages("{nb}") // declared, as reports does, but not printed
	pdf.RegisterAlias("{kontor}", "Jobcenter Ærø")
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("Sans", "B", 14)
		pdf.CellFormat(0, 8, "{kontor} – Søren Ærø", "", 1, "L", false, 0, "")
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-20)
		pdf.SetFont("Sans", "", 10)
		pdf.CellFormat(0, 5, fmt.Sprintf("Side %d", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	if stream != nil {
		pdf.SetOutputStream(stream)
	}
	for i := 0; i < pages; i++ {
		pdf.AddPage()
		pdf.SetFont("Sans", "", 11)
		pdf.MultiCell(170, 6, fmt.Sprintf("Borger %d: Åse Ørsted, “tjekliste” … 12 € %c", i, 'A'+rune(i%26)), "", "L", false)
		pdf.Rect(20, 60, 5, 5, "D")
		pdf.Line(20, 80, 190, 80)
	}
	var out bytes.Buffer
	w := io.Writer(&out)
	if stream != nil {
		w = nil
	}
	if err := pdf.Output(w); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), pdf
}

// A streamed document is byte for byte the buffered one.
func TestStreamedWritesTheSameBytes(t *testing.T) {
	regular, bold := parsed(t)
	shared := func(pdf *Fpdf) {
		pdf.AddUTF8FontShared("Sans", "", regular)
		pdf.AddUTF8FontShared("Sans", "B", bold)
	}
	for _, add := range []func(*Fpdf){fromBytes, shared} {
		for _, compress := range []bool{false, true} {
			for _, pages := range []int{1, 2, 7} {
				want, _ := letter(t, compress, pages, nil, add)
				var got bytes.Buffer
				_, pdf := letter(t, compress, pages, &got, add)
				if !bytes.Equal(got.Bytes(), want) {
					t.Fatalf("compress %v, %d pages: the streamed document differs", compress, pages)
				}
				if !compress && !strings.Contains(got.String(), utf8toutf16("Jobcenter Ærø", false)) {
					t.Error("the alias was not replaced")
				}
				for n := 1; n < len(pdf.pages); n++ {
					if pdf.pages[n] != nil {
						t.Fatalf("page %d of %d is still held after it was written", n, pages)
					}
				}
			}
		}
	}
}

// What a streamed document cannot do is an error, not a broken file.
func TestStreamedRefusesWhatItCannotDo(t *testing.T) {
	newDoc := func() *Fpdf {
		pdf := New("P", "mm", "A4", "")
		fromBytes(pdf)
		pdf.SetFont("Sans", "", 11)
		return pdf
	}
	pdf := newDoc()
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() { pdf.Cell(10, 5, "Side 1 af {nb}") })
	pdf.SetOutputStream(io.Discard)
	pdf.AddPage()
	pdf.AddPage()
	if err := pdf.Output(nil); err == nil || !strings.Contains(err.Error(), "page count alias") {
		t.Errorf("page count printed in a streamed document: %v", err)
	}

	pdf = newDoc()
	pdf.SetOutputStream(io.Discard)
	pdf.AddPage()
	pdf.AddPage()
	pdf.SetPage(1)
	if pdf.Err() == false {
		t.Error("SetPage went back to a written page")
	}

	pdf = newDoc()
	pdf.AddPage()
	pdf.SetOutputStream(io.Discard)
	if pdf.Err() == false {
		t.Error("SetOutputStream after the first page was accepted")
	}

	pdf = newDoc()
	pdf.SetOutputStream(io.Discard)
	pdf.AddPage()
	if err := pdf.Output(&bytes.Buffer{}); err == nil {
		t.Error("a streamed document was output to another writer")
	}

	pdf = newDoc()
	pdf.SetOutputStream(io.Discard)
	pdf.AddPage()
	pdf.AddPage()
	pdf.SetAlpha(0.5, "Multiply")
	if err := pdf.Output(nil); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("the version changed after the first page: %v", err)
	}
}

// A shared font with common runes cuts one subset for every document that
// uses only those, and a larger one, cached, for a document that uses more.
func TestCommonRunesShareOneSubset(t *testing.T) {
	regular, err := ParseUTF8Font(fontRegular)
	if err != nil {
		t.Fatal(err)
	}
	regular.SetCommonRunes([]rune("abcdefghijklmnopqrstuvwxyz ÆØÅæøå–"))
	def := func(text string) *fontDefType {
		used := makeSubsetRange(57)
		for _, r := range text {
			used[int(r)] = int(r)
		}
		return &fontDefType{Cw: regular.cw, usedRunes: used}
	}
	a := regular.subset(def("søren ærø"))
	if b := regular.subset(def("åse – øster")); a != b {
		t.Error("two documents within the common runes cut two subsets")
	}
	extra := regular.subset(def("søren łukasz"))
	if extra == a {
		t.Fatal("a document with a rune outside the common ones got the common subset")
	}
	if !strings.Contains(extra.widths, "322 [") && !strings.Contains(extra.widths, " 322 ") {
		t.Errorf("the subset's widths lack ł (322): %s", extra.widths)
	}
	if again := regular.subset(def("łukasz")); again != extra {
		t.Error("the same extra rune cut a second subset")
	}
	if !strings.Contains(a.widths, "8211") { // – is above 255: listed only when used
		t.Errorf("the common subset's widths lack – (8211): %s", a.widths)
	}
}
