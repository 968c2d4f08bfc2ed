package reports

import (
	"path/filepath"
	"testing"

	"jobspor/model"
)

// BenchmarkOneHandout prints one citizen's folder and benefit checklist,
// as the window does from the citizen's screen: the reads for one citizen,
// the PDF, the file.
func BenchmarkOneHandout(b *testing.B) {
	svc, s := demoService(b, 200)
	svc.Opts = Options{} // compressed, as printed
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true, Status: model.StatusActive})
	if err != nil || len(rows) == 0 {
		b.Fatalf("no demo citizens: %v", err)
	}
	for _, kind := range []model.HandoutKind{"folder", "ydelse"} {
		b.Run(string(kind), func(b *testing.B) {
			dir := b.TempDir()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := svc.HandoutTo(kind, filepath.Join(dir, "x.pdf"), rows[i%len(rows)].ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
