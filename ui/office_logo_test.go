package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"jobspor/model"
)

// tinyPNG is a 2×2 PNG of one colour.
func tinyPNG(t *testing.T, c color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	for x := 0; x < 2; x++ {
		for y := 0; y < 2; y++ {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The logo is each laptop's own: the lead's letterhead reaches a colleague
// with a sync, the colleague's handouts keep the colleague's own logo (the
// lead's never replaces it, and a laptop without one prints none rather
// than a broken one); setting a logo sends nothing to the office; and
// Indstillinger says so where the logo is chosen.
func TestTheLogoStaysOnEachLaptopAndSaysSo(t *testing.T) {
	_, al, bk := twoLaptops(t, "AL", "BK")
	lead, own := tinyPNG(t, color.RGBA{200, 0, 0, 255}), tinyPNG(t, color.RGBA{0, 0, 200, 255})
	o := model.DefaultOffice
	o.Name, o.Address, o.Phone = "Jobcenter Vest", "Torvet 1, 6700 Esbjerg", "70 11 22 33"
	if err := al.store.SaveOffice(o); err != nil {
		t.Fatal(err)
	}
	if err := al.store.SaveLogo(lead); err != nil {
		t.Fatal(err)
	}
	if err := bk.store.SaveLogo(own); err != nil {
		t.Fatal(err)
	}
	if st, _ := bk.office.Status(); st.Pending != 0 {
		t.Fatalf("choosing a logo sent %d changes to the office", st.Pending)
	}
	al.sync(t)
	bk.sync(t)
	got, err := bk.store.Office()
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Jobcenter Vest" || got.Address != "Torvet 1, 6700 Esbjerg" {
		t.Fatalf("the lead's letterhead did not reach BK: %+v", got)
	}
	if !bytes.Equal(got.Logo, own) {
		t.Fatalf("BK's handouts print a logo of %d bytes, want BK's own (%d)", len(got.Logo), len(own))
	}
	if err := bk.store.SaveLogo(nil); err != nil {
		t.Fatal(err)
	}
	bk.sync(t)
	if got, _ := bk.store.Office(); len(got.Logo) != 0 {
		t.Fatalf("without a logo of its own BK's handouts print %d bytes of logo", len(got.Logo))
	}
	if got, _ := al.store.Office(); !bytes.Equal(got.Logo, lead) {
		t.Fatal("the lead's own logo changed")
	}
	bk.ui.onSettings()
	if all := shown(bk.ui.top().content()); !strings.Contains(all, "Logoet hører til denne computer og følger ikke med kontoret") {
		t.Fatalf("Indstillinger does not say the logo is this laptop's:\n%s", all)
	}
}
