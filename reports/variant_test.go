package reports

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// TestFolderShowsTheReceptionVariant: with the default plan, a 23-year-old
// first seen Monday 23 November 2026 gets the youth route in the folder
// (10 råd #6-#8): straight into the job workshop on 23-24 November, UU
// guidance 24-27 November, the benefit handled alongside, no activation on
// day 10. A citizen chosen at the first conversation as not using
// self-service gets the fixed conversations (working days 3, 5 and 8: 25
// November, 27 November, 2 December) instead of the self-service days.
func TestFolderShowsTheReceptionVariant(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "v.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	content := testutil.Content(t)
	s.Now = func() time.Time { return today23 }
	if err := s.SaveOffice(testOffice); err != nil {
		t.Fatal(err)
	}
	first := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	young := testutil.Citizen(func(c *model.Citizen) {
		c.Name, c.FirstContact, c.BirthDate = "Ung Ung", first, time.Date(2003, 5, 1, 0, 0, 0, 0, time.UTC)
	})
	adult := testutil.Citizen(func(c *model.Citizen) {
		c.Name, c.FirstContact, c.BirthDate = "Voksen", first, time.Date(1970, 5, 1, 0, 0, 0, 0, time.UTC)
	})
	for _, c := range []*model.Citizen{young, adult} {
		if err := s.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetReceptionVariant(content.Reception, adult, "no_selfservice"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReceptionVariant(content.Reception, adult, "nope"); err == nil {
		t.Error("a variant the plan does not have was chosen")
	}
	svc := NewService(s, content)
	svc.Opts, svc.Now, svc.OutDir = Options{Fixed: fixed}, s.Now, keepDir(t)
	for _, tc := range []struct {
		c         *model.Citizen
		want, not []string
	}{
		{young, []string{"23. november – 24. november Direkte i beskæftigelsestilbud (jobværksted)",
			"24. november – 27. november Vejledning om uddannelse (UU)", "Ydelsen behandles sideløbende"},
			[]string{"Beskæftigelsesindsats begynder"}},
		{adult, []string{"Modtagelse med personlig hjælp", "onsdag 25. november Fast samtale om jobsøgning", "fredag 27. november Fast samtale om jobsøgning", "onsdag 2. december Fast samtale om jobsøgning"},
			[]string{"selvbetjening i jobværksted", "Aktiv jobsøgning"}},
	} {
		path := filepath.Join(svc.OutDir, "folder-"+strings.Fields(tc.c.Name)[0]+".pdf")
		if err := svc.HandoutTo("folder", path, tc.c.ID); err != nil {
			t.Fatal(err)
		}
		text := fileText(t, path)
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s's folder lacks %q:\n%s", tc.c.Name, w, text)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(text, w) {
				t.Errorf("%s's folder has %q:\n%s", tc.c.Name, w, text)
			}
		}
	}
}
