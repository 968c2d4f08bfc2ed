package reports

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
)

// The benchmarks here print as the office does: compression on, a real
// date, the demo database behind the service. They use only the service's
// public API, so the same file measures the code before and after a change.

// benchDay(n) is a day far from the demo's own conversations on which exactly n
// citizens have an appointment.
func benchDay(n int) time.Time {
	offset := map[int]int{100: 0, 200: 1, 1000: 2}[n]
	return time.Date(2027, 3, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, offset)
}

// appointmentsFor gives the first n active demo citizens a planned conversation
// on benchDay(n) (a closed case's conversations are not on the day's list).
func appointmentsFor(b *testing.B, s *store.Store, n int) {
	b.Helper()
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true, Status: model.StatusActive})
	if err != nil || len(rows) < n {
		b.Fatalf("%d active demo citizens for %d appointments: %v", len(rows), n, err)
	}
	for i, r := range rows[:n] {
		start := benchDay(n).Add(time.Duration(8*60+i%400) * time.Minute)
		c := &model.Conversation{CitizenID: r.ID, Start: start, End: start.Add(30 * time.Minute), Kind: model.KindJob, Form: model.FormPhone}
		if err := s.PlanConversation(c); err != nil {
			b.Fatal(err)
		}
	}
}

// printingService is enough demo citizens for max(sizes) active ones, and
// for each size n a day with n appointments; it prints as in production
// (compression on).
func printingService(b *testing.B, sizes ...int) *Service {
	svc, s := demoService(b, max(sizes[0], sizes[len(sizes)-1])*2)
	for _, n := range sizes {
		appointmentsFor(b, s, n)
	}
	svc.Opts = Options{}
	return svc
}

// BenchmarkBenefitMeetingFiles writes the benefit checklist as one file per
// citizen, the batch's way (every core), and reports the time per file.
func BenchmarkBenefitMeetingFiles(b *testing.B) {
	const n = 200
	svc := printingService(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		paths, err := svc.Batch("ydelse", benchDay(n), false, b.TempDir(), func(int, int) {}, nil)
		if err != nil || len(paths) < n {
			b.Fatalf("%d files: %v", len(paths), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*n), "ms/file")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N*n), "cpu-ms/file")
}

// BenchmarkOnePDF prints one kind for 100 and 1,000 citizens into one PDF
// and reports the time per page and the heap's peak while it runs.
func BenchmarkOnePDF(b *testing.B) {
	svc := printingService(b, 100, 1000)
	for _, kind := range []model.HandoutKind{"ydelse", "folder"} {
		for _, n := range []int{100, 1000} {
			b.Run(string(kind)+"/"+itoa(n), func(b *testing.B) { benchOnePDF(b, svc, kind, n) })
		}
	}
}

func benchOnePDF(b *testing.B, svc *Service, kind model.HandoutKind, n int) {
	b.ReportAllocs()
	pages, peak, base := 0, uint64(0), uint64(0)
	var cpu time.Duration // processor time of the batches alone
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), "alle.pdf")
		b.StopTimer()
		sampler := startPeak()
		b.StartTimer()
		c0 := cpuTime()
		done := 0
		if _, err := svc.Batch(kind, benchDay(n), true, out, func(d, _ int) { done = d }, nil); err != nil || done != n {
			b.Fatalf("%d of %d handouts: %v", done, n, err)
		}
		cpu += cpuTime() - c0
		b.StopTimer()
		p, bs := sampler.stop()
		peak, base = max(peak, p), bs
		pages = countPages(b, out)
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*pages), "ms/page")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N*pages), "cpu-ms/page")
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-peak-heap")
	b.ReportMetric(float64(peak-min(peak, base))/(1<<20), "MiB-peak-growth")
}

// countPages counts the page objects in a PDF written by gofpdf (page
// dictionaries are never compressed there).
func countPages(b *testing.B, path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Count(data, []byte("/Type /Page\n"))
}

func itoa(n int) string {
	if n >= 1000 {
		return "1000"
	}
	return "100"
}

// peakSampler polls the heap in use (objects and free space in spans in
// use, like MemStats.HeapInuse) every half millisecond without stopping
// the world, and keeps the largest value seen.
type peakSampler struct {
	quit, done chan struct{}
	peak, base uint64
}

var heapNames = []string{"/memory/classes/heap/objects:bytes", "/memory/classes/heap/unused:bytes"}

func heapInUse(s []metrics.Sample) uint64 {
	metrics.Read(s)
	return s[0].Value.Uint64() + s[1].Value.Uint64()
}

func startPeak() *peakSampler {
	runtime.GC()
	p := &peakSampler{quit: make(chan struct{}), done: make(chan struct{})}
	s := make([]metrics.Sample, len(heapNames))
	for i, n := range heapNames {
		s[i].Name = n
	}
	p.base = heapInUse(s)
	p.peak = p.base
	go func() {
		defer close(p.done)
		t := time.NewTicker(500 * time.Microsecond)
		defer t.Stop()
		for {
			p.peak = max(p.peak, heapInUse(s))
			select {
			case <-p.quit:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

// stop ends the sampling and returns the peak and the heap at the start.
func (p *peakSampler) stop() (peak, base uint64) {
	close(p.quit)
	<-p.done
	return p.peak, p.base
}

// BenchmarkBenefitMeetingDocument makes one benefit checklist in memory, as
// printed (compressed), without the database and the disk: the PDF's own
// cost per file. "logo" adds a 600×200 logo with transparency.
func BenchmarkBenefitMeetingDocument(b *testing.B) {
	for _, logo := range []bool{false, true} {
		name := "plain"
		office := model.Office{Name: "Jobcenter Ærøskøbing", Address: "Vestergade 1, 5970 Ærøskøbing", Phone: "62 52 10 00"}
		if logo {
			name, office.Logo = "logo", benchLogo()
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				doc, err := BenefitMeeting(BenefitMeetingData{Office: office, CitizenName: "Søren Ærø Åkjær", Printed: model.Now()}, Options{})
				if err == nil {
					err = doc.Write(io.Discard)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/file")
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/file")
		})
	}
}

// benchLogo is a 600×200 PNG with a colour gradient and soft edges.
func benchLogo() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 600, 200))
	for x := 0; x < 600; x++ {
		for y := 0; y < 200; y++ {
			img.Set(x, y, color.NRGBA{uint8(31 + x/8), 95, uint8(122 + y/4), uint8(255 - y/2)})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}
