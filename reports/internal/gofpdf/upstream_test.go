package gofpdf

import (
	"bytes"
	"fmt"
	"testing"

	upstream "github.com/jung-kurt/gofpdf"
)

// The copy writes v1.16.2's bytes for a document that uses none of the
// new API: several pages of text in both faces with Danish letters, cells
// with borders and fills, lines, rectangles, a logo with transparency, a
// link, page numbers through the alias, compressed and not. Upstream gets
// its own copy of the font bytes, since it writes into them (CHANGES.md 3).
func TestTheCopyWritesUpstreamsBytes(t *testing.T) {
	logo := pngWithAlpha()
	for _, compress := range []bool{false, true} {
		theirs := upstream.New("P", "mm", "A4", "")
		theirs.AddUTF8FontFromBytes("Sans", "", append([]byte{}, fontRegular...))
		theirs.AddUTF8FontFromBytes("Sans", "B", append([]byte{}, fontBold...))
		theirs.SetCompression(compress)
		theirs.SetCatalogSort(true)
		theirs.SetCreationDate(when)
		theirs.SetModificationDate(when)
		theirs.RegisterImageOptionsReader("logo", upstream.ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo))
		theirs.AliasNbPages("{nb}")
		theirs.SetFooterFunc(func() {
			theirs.SetY(-20)
			theirs.SetFont("Sans", "", 10)
			theirs.CellFormat(0, 5, fmt.Sprintf("Side %d af {nb}", theirs.PageNo()), "", 0, "C", false, 0, "")
		})

		ours := New("P", "mm", "A4", "")
		ours.AddUTF8FontFromBytes("Sans", "", append([]byte{}, fontRegular...))
		ours.AddUTF8FontFromBytes("Sans", "B", append([]byte{}, fontBold...))
		ours.SetCompression(compress)
		ours.SetCatalogSort(true)
		ours.SetCreationDate(when)
		ours.SetModificationDate(when)
		ours.RegisterImageOptionsReader("logo", ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo))
		ours.AliasNbPages("{nb}")
		ours.SetFooterFunc(func() {
			ours.SetY(-20)
			ours.SetFont("Sans", "", 10)
			ours.CellFormat(0, 5, fmt.Sprintf("Side %d af {nb}", ours.PageNo()), "", 0, "C", false, 0, "")
		})

		type doc interface {
			AddPage()
			SetFont(string, string, float64)
			SetFillColor(int, int, int)
			SetDrawColor(int, int, int)
			SetTextColor(int, int, int)
			SetLineWidth(float64)
			MultiCell(float64, float64, string, string, string, bool)
			CellFormat(float64, float64, string, string, int, string, bool, int, string)
			Rect(float64, float64, float64, float64, string)
			Line(float64, float64, float64, float64)
			Ln(float64)
			Write(float64, string)
		}
		draw := func(d doc, image func(), link func()) {
			for p := 0; p < 3; p++ {
				d.AddPage()
				image()
				d.SetFont("Sans", "B", 20)
				d.MultiCell(170, 9, "Tjekliste til din samtale om ydelse", "", "L", false)
				d.SetFont("Sans", "", 11)
				d.SetTextColor(31, 95, 122)
				d.MultiCell(170, 6, "Søren Ærø Åkjær (a) \\ (b) – “tjekliste” … 12 € · Øster Allé 7, 5970 Ærøskøbing. "+
					"Når du har papirerne med, kan ydelseskontoret behandle din sag hurtigere.", "", "J", false)
				d.SetTextColor(0, 0, 0)
				d.SetFillColor(230, 240, 245)
				d.SetDrawColor(200, 200, 200)
				d.SetLineWidth(0.35)
				for i := 0; i < 12; i++ {
					d.CellFormat(60, 6.5, fmt.Sprintf("Række %d – æøå", i), "B", 0, "L", i%2 == 0, 0, "")
					d.CellFormat(110, 6.5, "Kontoudtog og kontooversigt fra din bank", "LB", 1, "R", false, 0, "")
				}
				d.Rect(20, 200, 5, 5, "D")
				d.Line(20, 220, 190, 220)
				d.Ln(4)
				link()
				d.Write(6, "Jobnet: www.jobnet.dk ")
			}
			// Wrapping (CHANGES.md 10): explicit and trailing line breaks, a
			// word longer than the line, borders, fills, every alignment,
			// a byte that is not UTF-8, wide characters as separators.
			d.AddPage()
			d.SetFont("Sans", "", 11)
			for _, align := range []string{"L", "C", "R", "J", ""} {
				d.MultiCell(80, 5, "Første linje\nAnden linje med æøå, der er for lang til én linje i feltet\n\nEfter en tom linje\n\n\n", "1", align, align == "C")
				d.MultiCell(60, 5, "Kontoudtogogkontooversigtfradinbankogdinpensionskasseogdinarbejdsgiver og så videre", "LR", align, false)
				d.MultiCell(50, 5, "Ugyldig \xff byte og \xc3 halv, 日本語のテキストは改行される 東京", "TB", align, true)
			}
			d.MultiCell(3, 5, "Ææ日Øx", "", "L", false) // not one letter fits: one a line
			// The same text in both faces: each face records its own letters.
			d.SetFont("Sans", "", 11)
			d.MultiCell(0, 5, "Ħ kun her", "", "L", false)
			d.SetFont("Sans", "B", 11)
			d.MultiCell(0, 5, "Ħ kun her", "", "L", false)
			// More texts than the copy keeps, then the first ones again.
			d.SetFont("Sans", "", 8)
			for round := 0; round < 2; round++ {
				for i := 0; i < 1100; i++ {
					d.CellFormat(17, 4, fmt.Sprintf("Nr. %d", i), "", i%10/9, "L", false, 0, "")
				}
			}
		}
		draw(theirs, func() { theirs.ImageOptions("logo", 150, 18, 30, 0, false, upstream.ImageOptions{}, 0, "") },
			func() { theirs.WriteLinkString(6, "jobnet.dk", "https://www.jobnet.dk") })
		draw(ours, func() { ours.ImageOptions("logo", 150, 18, 30, 0, false, ImageOptions{}, 0, "") },
			func() { ours.WriteLinkString(6, "jobnet.dk", "https://www.jobnet.dk") })
		if len(ours.texts) > maxTexts {
			t.Fatalf("the copy keeps %d texts; at most %d", len(ours.texts), maxTexts)
		}
		var want, got bytes.Buffer
		if err := theirs.Output(&want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Output(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			i := 0
			for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
				i++
			}
			t.Fatalf("compress %v: the copy's %d bytes differ from v1.16.2's %d at byte %d: %q / %q", compress,
				got.Len(), want.Len(), i, got.Bytes()[max(0, i-40):min(got.Len(), i+40)], want.Bytes()[max(0, i-40):min(want.Len(), i+40)])
		}
	}
}
