package reports

import (
	"jobspor/model"
	"os"
	"path/filepath"
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

// TestWriteHandoutSamples writes every handout for one demo citizen into
// JOBSPOR_SAMPLES (nothing otherwise), for looking at the pages.
func TestWriteHandoutSamples(t *testing.T) {
	dir := os.Getenv("JOBSPOR_SAMPLES")
	if dir == "" {
		t.Skip("set JOBSPOR_SAMPLES=folder to write sample PDFs")
	}
	svc, s := demoService(t, 200)
	s.SaveOffice(testOffice)
	c := recentCitizen(t, s)
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	conv := &model.Conversation{CitizenID: c.ID, Start: start, End: start.Add(time.Hour), Kind: model.KindJob, Form: model.FormInPerson, Attendance: model.AttendanceHeld}
	s.PlanConversation(conv)
	matches, _ := s.MatchCitizen(c.ID, start)
	for i, m := range matches[:min(3, len(matches))] {
		s.PresentJob(conv.ID, m.ID)
		if i < 2 {
			s.AgreeJob(conv.ID, m.ID, true)
		}
	}
	svc.OutDir = dir
	for _, kind := range Kinds {
		path := filepath.Join(dir, string(kind)+".pdf")
		if err := svc.HandoutTo(kind, path, c.ID); err != nil {
			t.Fatal(err)
		}
	}
}
