package gofpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"sync"
	"testing"
	"time"
)

var when = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// write makes a two-page document with text in both faces, its fonts
// added by add, and returns its bytes.
func write(t testing.TB, compress bool, text string, add func(*Fpdf)) []byte {
	t.Helper()
	pdf := New("P", "mm", "A4", "")
	add(pdf)
	pdf.SetCompression(compress)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	for _, style := range []string{"", "B"} {
		pdf.AddPage()
		pdf.SetFont("Sans", style, 11)
		pdf.MultiCell(170, 6, text, "", "L", false)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fromBytes(pdf *Fpdf) {
	pdf.AddUTF8FontFromBytes("Sans", "", fontRegular)
	pdf.AddUTF8FontFromBytes("Sans", "B", fontBold)
}

func parsed(t testing.TB) (regular, bold *UTF8Font) {
	t.Helper()
	regular, err := ParseUTF8Font(fontRegular)
	if err != nil {
		t.Fatal(err)
	}
	bold, err = ParseUTF8Font(fontBold)
	if err != nil {
		t.Fatal(err)
	}
	return regular, bold
}

// randomText draws from Latin-1, Latin Extended-A, Greek, Cyrillic and
// punctuation, so that subsets differ from one text to the next.
func randomText(r *rand.Rand) string {
	ranges := [][2]rune{{0x20, 0x7e}, {0xa0, 0xff}, {0x100, 0x17f}, {0x391, 0x3c9}, {0x410, 0x44f}, {0x2010, 0x2026}}
	var b []rune
	for i := 0; i < 60+r.Intn(60); i++ {
		g := ranges[r.Intn(len(ranges))]
		b = append(b, g[0]+rune(r.Intn(int(g[1]-g[0]+1))))
	}
	return string(b)
}

// A shared font writes the very bytes a font parsed for the document does,
// for the first document and for later ones that reuse its subsets.
func TestSharedFontWritesTheSameBytes(t *testing.T) {
	regular, bold := parsed(t)
	shared := func(pdf *Fpdf) {
		pdf.AddUTF8FontShared("Sans", "", regular)
		pdf.AddUTF8FontShared("Sans", "B", bold)
	}
	r := rand.New(rand.NewSource(1))
	texts := []string{"Søren Ærøskøbing Åkjær – “tjekliste” … 12 €", "Søren Ærøskøbing Åkjær – “tjekliste” … 12 €"}
	for i := 0; i < 20; i++ {
		texts = append(texts, randomText(r))
	}
	for i, text := range texts {
		for _, compress := range []bool{false, true} {
			want := write(t, compress, text, fromBytes)
			for round := 0; round < 2; round++ {
				if got := write(t, compress, text, shared); !bytes.Equal(got, want) {
					t.Fatalf("text %d (compress %v, round %d): shared font writes other bytes", i, compress, round)
				}
			}
		}
	}
}

// Documents on many goroutines share one parsed font (go test -race).
func TestSharedFontOnManyGoroutines(t *testing.T) {
	regular, bold := parsed(t)
	want := map[int][]byte{}
	for i := 0; i < 8; i++ {
		want[i] = write(t, true, fmt.Sprintf("Borger nr. %d – Æble Øre Ål %c", i, 'A'+rune(i)), fromBytes)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 8; i++ {
				got := write(t, true, fmt.Sprintf("Borger nr. %d – Æble Øre Ål %c", i, 'A'+rune(i)), func(pdf *Fpdf) {
					pdf.AddUTF8FontShared("Sans", "", regular)
					pdf.AddUTF8FontShared("Sans", "B", bold)
				})
				if !bytes.Equal(got, want[i]) {
					errs <- fmt.Errorf("goroutine %d, text %d: other bytes", g, i)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestHasGlyph(t *testing.T) {
	regular, _ := parsed(t)
	for _, r := range "aæøåÆØÅé€–“”…•□" {
		if !regular.HasGlyph(r) {
			t.Errorf("Liberation Sans lacks %q", r)
		}
	}
	for _, r := range []rune{0, 0x1F469, 0x4E2D, 0xFE0F, -1} {
		if regular.HasGlyph(r) {
			t.Errorf("HasGlyph(%U) is true", r)
		}
	}
}

// A reused zlib writer compresses to the same bytes as a new one.
func TestReusedZlibWriterGivesTheSameBytes(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20; i++ {
		data := []byte(randomText(r) + string(make([]byte, r.Intn(100000))))
		var fresh bytes.Buffer
		w, _ := zlib.NewWriterLevel(&fresh, zlib.BestSpeed)
		w.Write(data)
		w.Close()
		if got := sliceCompress(data); !bytes.Equal(got, fresh.Bytes()) {
			t.Fatalf("stream %d: reused writer differs", i)
		}
	}
}

func BenchmarkFromBytes(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		write(b, true, "Søren Ærø", fromBytes)
	}
}

func BenchmarkShared(b *testing.B) {
	regular, bold := parsed(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		write(b, true, "Søren Ærø", func(pdf *Fpdf) {
			pdf.AddUTF8FontShared("Sans", "", regular)
			pdf.AddUTF8FontShared("Sans", "B", bold)
		})
	}
}

// Writing documents leaves the font file untouched: v1.16.2 wrote into it
// while cutting subsets (see CHANGES.md).
func TestCuttingLeavesTheFontUntouched(t *testing.T) {
	regular := append([]byte{}, fontRegular...)
	bold := append([]byte{}, fontBold...)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		write(t, false, randomText(r), fromBytes)
	}
	if !bytes.Equal(regular, fontRegular) || !bytes.Equal(bold, fontBold) {
		t.Fatal("cutting a subset changed the embedded font")
	}
}

// pngWithAlpha is a small PNG with transparency (it has a soft mask).
func pngWithAlpha() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			img.Set(x, y, color.NRGBA{uint8(6 * x), 95, 122, uint8(255 - 10*y)})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// withLogo writes a one-page document with the logo, registered by add.
func withLogo(t *testing.T, protect bool, add func(*Fpdf)) []byte {
	t.Helper()
	regular, bold := sharedFaces(t)
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontShared("Sans", "", regular)
	pdf.AddUTF8FontShared("Sans", "B", bold)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	if protect {
		pdf.SetProtection(0, "borger", "kontor")
	}
	add(pdf)
	pdf.AddPage()
	pdf.ImageOptions("logo", 150, 18, 30, 0, false, ImageOptions{}, 0, "")
	pdf.SetFont("Sans", "", 11)
	pdf.Cell(100, 6, "Jobcenter Ærøskøbing")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var sharedFaces = func() func(testing.TB) (*UTF8Font, *UTF8Font) {
	var regular, bold *UTF8Font
	return func(t testing.TB) (*UTF8Font, *UTF8Font) {
		if regular == nil {
			regular, bold = parsed(t)
		}
		return regular, bold
	}
}()

// An image registered once and shared writes the bytes of an image read
// for the document; an encrypted document leaves the shared image and
// font subsets as they were (v1.16.2 encrypted streams in place).
func TestSharedImageAndEncryption(t *testing.T) {
	logo := pngWithAlpha()
	read := func(pdf *Fpdf) {
		pdf.RegisterImageOptionsReader("logo", ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo))
	}
	p := New("P", "mm", "A4", "")
	info := p.RegisterImageOptionsReader("logo", ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo))
	if !p.Ok() {
		t.Fatal(p.Error())
	}
	shared := func(pdf *Fpdf) { pdf.RegisterImageShared("logo", info) }
	want := withLogo(t, false, read)
	if got := withLogo(t, false, shared); !bytes.Equal(got, want) {
		t.Fatal("a shared image writes other bytes")
	}
	withLogo(t, true, shared)
	withLogo(t, true, shared)
	if got := withLogo(t, false, shared); !bytes.Equal(got, want) {
		t.Fatal("an encrypted document changed the shared image or font")
	}
	inch := New("P", "in", "A4", "")
	inch.RegisterImageShared("logo", info)
	if inch.Ok() {
		t.Error("an image read in millimetres was shared with a document in inches")
	}
}
