package store

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

var updateGolden = flag.Bool("update-golden", false, "write the one-caseworker golden file from the code as it is")

// oneCaseworkerGolden holds what each caseworker's Today, figures and
// caseload showed at a fixed clock on a seeded office, as read before their
// reads were made index-driven (issue 27): a faster read must show the same.
const oneCaseworkerGolden = "testdata/one_caseworker.golden"

// TestOneCaseworkerReadsShowTheirCitizensAsBefore: each caseworker's Today
// (TodayFor, and the window's TodayRead with its figures) and caseload
// (CaseloadFor) name only that caseworker's citizens, the caseload every
// one of them; and every line, figure and row is what the reads gave before
// they were narrowed through indexes (the golden file). The demo's dates
// depend on the time zone, so the office is made and read in UTC.
func TestOneCaseworkerReadsShowTheirCitizensAsBefore(t *testing.T) {
	local := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = local })
	s := newTestStore(t)
	c := testutil.Content(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	if _, err := s.SeedDemo(c.Guide, model.DemoOptions{Citizens: 400, Seed: 5, Today: now, Reception: c.Reception, Caseworkers: 4}); err != nil {
		t.Fatal(err)
	}
	caseworkers := distinctCaseworkers(t, s)
	if len(caseworkers) != 4 {
		t.Fatalf("the demo office has caseworkers %v, want 4", caseworkers)
	}
	var out bytes.Buffer
	parts := map[string]int{}
	for _, who := range caseworkers {
		theirs, err := s.CitizensOf(who)
		must(t, err)
		today, err := s.TodayFor(c, now, model.Mine(who))
		must(t, err)
		read, err := s.TodayRead(c, now, model.Mine(who))
		must(t, err)
		rows, err := s.CaseloadFor(c.Guide, now, model.Mine(who))
		must(t, err)
		for part, ids := range todayCitizens(today) {
			parts[part] += len(ids)
			for _, id := range ids {
				if !theirs[id] {
					t.Errorf("%s's Today shows citizen %d under %s, who is not theirs", who, id, part)
				}
			}
		}
		if !jsonEqual(t, today, read.View) {
			t.Errorf("%s's Today differs between TodayFor and TodayRead", who)
		}
		seen := map[int64]bool{}
		for _, r := range rows {
			if !theirs[r.ID] || r.Caseworker != who || seen[r.ID] {
				t.Errorf("%s's caseload has row %d (caseworker %s), not theirs or twice", who, r.ID, r.Caseworker)
			}
			seen[r.ID] = true
		}
		if len(seen) != len(theirs) {
			t.Errorf("%s's caseload has %d of their %d citizens", who, len(seen), len(theirs))
		}
		writeGoldenLine(t, &out, map[string]any{"caseworker": who, "today": today, "office": read.Office, "mine": read.Mine})
		writeGoldenLine(t, &out, map[string]any{"caseworker": who, "caseload": rows})
	}
	for _, part := range []string{"conversations", "overdue steps", "due", "catch-up", "youth", "benefit late"} {
		if parts[part] == 0 {
			t.Errorf("no caseworker's Today shows any %s: the golden file would not guard that part", part)
		}
	}
	if *updateGolden {
		must(t, os.MkdirAll(filepath.Dir(oneCaseworkerGolden), 0o755))
		must(t, os.WriteFile(oneCaseworkerGolden, out.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(oneCaseworkerGolden)
	must(t, err)
	if !bytes.Equal(out.Bytes(), want) {
		got := filepath.Join(t.TempDir(), "got.golden")
		_ = os.WriteFile(got, out.Bytes(), 0o644)
		gl, wl := bytes.Split(out.Bytes(), []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if !bytes.Equal(gl[i], wl[i]) {
				t.Fatalf("line %d of %s differs from what the reads show now:\n got %.600s\nwant %.600s", i+1, oneCaseworkerGolden, gl[i], wl[i])
			}
		}
		t.Fatalf("%s has %d lines, the reads give %d", oneCaseworkerGolden, len(wl), len(gl))
	}
}

func distinctCaseworkers(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT DISTINCT caseworker FROM citizens WHERE caseworker <> '' ORDER BY caseworker`)
	must(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var cw string
		must(t, rows.Scan(&cw))
		out = append(out, cw)
	}
	must(t, rows.Err())
	return out
}

// todayCitizens are the citizens each part of a Today names.
func todayCitizens(v *model.TodayView) map[string][]int64 {
	out := map[string][]int64{}
	add := func(part string, id int64) { out[part] = append(out[part], id) }
	for _, x := range v.Conversations {
		add("conversations", x.CitizenID)
	}
	for _, x := range v.OverdueSteps {
		add("overdue steps", x.CitizenID)
	}
	for _, x := range v.Due {
		add("due", x.CitizenID)
	}
	for _, x := range v.CatchUp {
		add("catch-up", x.CitizenID)
	}
	for _, x := range v.Notices {
		add("notices", x.CitizenID)
	}
	for _, x := range v.Youth {
		add("youth", x.CitizenID)
	}
	for _, x := range v.BenefitLate {
		add("benefit late", x.CitizenID)
	}
	for _, x := range v.BenefitMeetings {
		add("benefit meetings", x.CitizenID)
	}
	return out
}

func goldenJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	must(t, err)
	return b
}

func writeGoldenLine(t *testing.T, out *bytes.Buffer, v any) {
	out.Write(goldenJSON(t, v))
	out.WriteByte('\n')
}

func jsonEqual(t *testing.T, a, b any) bool {
	return bytes.Equal(goldenJSON(t, a), goldenJSON(t, b))
}
