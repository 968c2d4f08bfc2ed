package reports

import (
	"os"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// TestHotJobPrintsInWords: a job marked hot ("varmt", heard of this
// morning) is marked in words the font has on the handouts that show jobs
// (the plan and the folder list the agreed applications), and no handout
// kind prints a character the reader sees as � or □.
func TestHotJobPrintsInWords(t *testing.T) {
	s := storetest.Open(t)
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	c := storetest.AddCitizen(t, s, func(c *model.Citizen) { c.Name = "Søren Ærø" })
	conv := storetest.Plan(t, s, c.ID, now.Add(time.Hour), 30)
	job := storetest.AddJob(t, s, "Lagermedarbejder", time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), func(j *model.Job) {
		j.Hot, j.AddedOn, j.Employer = true, model.DateOnly(now), "Nordlys Logistik A/S"
	})
	if err := s.AgreeJob(conv.ID, job.ID, true); err != nil {
		t.Fatal(err)
	}
	svc := NewService(s, testContent(t))
	svc.Opts, svc.Now, svc.OutDir = Options{Fixed: fixed}, s.Now, t.TempDir()
	for _, kind := range Kinds {
		path, err := svc.Handout(kind, c.ID)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		text := fileText(t, path)
		if strings.ContainsAny(text, "\uFFFD□") {
			t.Errorf("the %s handout prints a character the font lacks:\n%s", kind, text)
		}
		if dir := os.Getenv("JOBSPOR_KEEP_HOT"); dir != "" {
			b, _ := os.ReadFile(path)
			os.WriteFile(dir+"/"+string(kind)+".pdf", b, 0o600)
		}
		if kind == model.HandoutJobList && !strings.Contains(text, "Nordlys Logistik A/S – Frist mandag den 7. december 2026") {
			t.Errorf("the day list shows an opening without a place badly:\n%s", text)
		}
		if (kind == model.HandoutJobs || kind == model.HandoutJobList) && !strings.Contains(text, "Varmt job") {
			t.Errorf("the %s handout shows the hot job without its mark:\n%s", kind, text)
		}
	}
}
