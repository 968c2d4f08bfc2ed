package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
)

// batchDay gives the first n active demo citizens a planned conversation on one
// day; the first of them is named name.
func batchDay(t *testing.T, n int, name string) (*Service, time.Time, []int64) {
	t.Helper()
	svc, s := demoService(t, 60)
	day := time.Date(2027, 3, 1, 0, 0, 0, 0, time.Local)
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true, Status: model.StatusActive})
	if err != nil || len(rows) < n {
		t.Fatalf("%d citizens: %v", len(rows), err)
	}
	var ids []int64
	for i, r := range rows[:n] {
		start := day.Add(time.Duration(8*60+10*i) * time.Minute)
		if err := s.PlanConversation(&model.Conversation{CitizenID: r.ID, Start: start, End: start.Add(30 * time.Minute), Kind: model.KindJob, Form: model.FormPhone}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	c, _ := s.Citizen(ids[0])
	c.Name = name
	if err := s.UpdateCitizen(c); err != nil {
		t.Fatal(err)
	}
	return svc, day, ids
}

// A one-PDF batch is written page by page into the file being made: it
// holds every handout, the □ stand-in and its warning still work, and a
// batch stopped half-way leaves neither a file nor a temp file.
func TestStreamedBatch(t *testing.T) {
	for _, opts := range []Options{{Fixed: fixed}, {}} {
		svc, day, ids := batchDay(t, 12, "Søren 👩 Ærø")
		svc.Opts = opts
		dir := t.TempDir()
		out := filepath.Join(dir, "alle.pdf")
		paths, err := svc.Batch(model.HandoutFolder, day, true, out, func(int, int) {}, nil)
		w, warned := model.AsPrintWarning(err)
		if !warned || len(paths) != 1 || !strings.Contains(strings.Join(w.Texts, " "), "Søren □ Ærø") {
			t.Fatalf("batch with an emoji in a name: %v, %v", paths, err)
		}
		text := fileText(t, out)
		if !strings.Contains(text, "Søren □ Ærø") || strings.Count(text, "Din vej tilbage til job") < len(ids) {
			t.Fatalf("the batch holds %d folders for %d citizens:\n%.400s", strings.Count(text, "Din vej tilbage til job"), len(ids), text)
		}
		stop := make(chan struct{})
		half := filepath.Join(dir, "halv.pdf")
		_, err = svc.Batch(model.HandoutBenefitMeeting, day, true, half, func(done, _ int) {
			if done == 5 {
				close(stop)
			}
		}, stop)
		if err != ErrCancelled {
			t.Fatalf("batch stopped half-way: %v", err)
		}
		left, _ := filepath.Glob(filepath.Join(dir, "*"))
		hidden, _ := filepath.Glob(filepath.Join(dir, ".jobspor-*"))
		if len(left) != 1 || len(hidden) != 0 {
			t.Fatalf("a stopped batch left %v %v", left, hidden)
		}
	}
}

// A streamed batch whose audit fails is removed, like any handout.
func TestStreamedBatchWithoutAuditLeavesNothing(t *testing.T) {
	svc, day, _ := batchDay(t, 3, "Åse Øster")
	svc.store = failingAudit{svc.store}
	out := filepath.Join(t.TempDir(), "alle.pdf")
	if _, err := svc.Batch(model.HandoutBenefitMeeting, day, true, out, func(int, int) {}, nil); err == nil || !strings.Contains(err.Error(), "Disken er fuld") {
		t.Fatalf("batch with a failing audit: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("an unaudited batch is still there")
	}
}

// A batch larger than the runs the database is read in (batchChunk) holds
// every citizen's handout once, in the order of their appointments, is
// told to the progress bar one citizen at a time, and its one audit row
// is in the audit of every citizen on it.
func TestABatchReadInRunsKeepsTheDaysOrder(t *testing.T) {
	n := 2*batchChunk + 5
	svc, s := demoService(t, 2*n)
	day := time.Date(2027, 3, 2, 0, 0, 0, 0, time.Local)
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true, Status: model.StatusActive})
	if err != nil || len(rows) < n {
		t.Fatalf("%d citizens: %v", len(rows), err)
	}
	var names []string
	var ids []int64
	for i, r := range rows[:n] {
		// later citizens in the list come earlier in the day: the day's
		// order is not the order of IDs or names
		start := day.Add(time.Duration(8*60+2*(n-i)) * time.Minute)
		if err := s.PlanConversation(&model.Conversation{CitizenID: r.ID, Start: start, End: start.Add(20 * time.Minute), Kind: model.KindJob, Form: model.FormPhone}); err != nil {
			t.Fatal(err)
		}
		names = append([]string{r.Name}, names...)
		ids = append(ids, r.ID)
	}
	for _, kind := range []model.HandoutKind{model.HandoutBenefitMeeting, model.HandoutFolder} {
		out := filepath.Join(t.TempDir(), "alle.pdf")
		var told []int
		if _, err := svc.Batch(kind, day, true, out, func(done, total int) { told = append(told, done) }, nil); err != nil {
			t.Fatalf("%s batch: %v", kind, err)
		}
		for i, d := range told {
			if d != i+1 {
				t.Fatalf("%s: progress told %v; want 1, 2, … %d", kind, told, n)
			}
		}
		text := fileText(t, out)
		at := 0
		for i, name := range names {
			j := strings.Index(text[at:], "Til: "+name)
			if kind == model.HandoutBenefitMeeting {
				j = strings.Index(text[at:], name)
			}
			if j < 0 {
				t.Fatalf("%s: citizen %d of the day (%s) is not after the one before", kind, i+1, name)
			}
			at += j + len(name)
		}
		if len(told) != n {
			t.Fatalf("%s: %d handouts for %d appointments", kind, len(told), n)
		}
	}
	row := int64(0)
	for _, id := range ids {
		entries, _ := s.AuditFor(id)
		var printed []model.AuditEntry
		for _, e := range entries {
			if e.Action == model.AuditPrint {
				printed = append(printed, e)
			}
		}
		if len(printed) != 2 || !strings.HasPrefix(printed[0].Detail, "ydelse: ") || !strings.HasPrefix(printed[1].Detail, "folder: ") {
			t.Fatalf("citizen %d's prints: %+v; want the two batches", id, printed)
		}
		if row != 0 && printed[0].ID != row {
			t.Fatalf("citizen %d's batch print is row %d, the first citizen's %d: want one row per batch", id, printed[0].ID, row)
		}
		row = printed[0].ID
	}
}
