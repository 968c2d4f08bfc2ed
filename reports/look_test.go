package reports

import (
	"os"
	"testing"
	"time"
)

// TestWriteSamples writes sample handouts for looking at when
// JOBSPOR_SAMPLES names a folder (it does nothing otherwise).
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("JOBSPOR_SAMPLES")
	if dir == "" {
		t.Skip("set JOBSPOR_SAMPLES=folder to write sample PDFs")
	}
	talk := time.Date(2026, 12, 7, 10, 30, 0, 0, time.Local)
	for name, doc := range map[string]*Document{
		"ydelse.pdf":      ydelse(t, "Søren Ærøskøbing Åkjær", talk),
		"ydelse-lang.pdf": ydelse(t, "Anne-Sofie Kirstine Østergaard Bækgaard-Frølund Søndergaard Ærenlund Mølgaard Hansen", time.Time{}),
		"fremmoede.pdf":   mustDoc(Attendance(AttendanceData{Office: testOffice, Stats: sampleStats(), Printed: fixed}, Options{Fixed: fixed})),
	} {
		f, err := os.Create(dir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		doc.Write(f)
		f.Close()
	}
}

func mustDoc(d *Document, err error) *Document {
	if err != nil {
		panic(err)
	}
	return d
}
