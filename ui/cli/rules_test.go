package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

func date(s string) time.Time {
	d, err := time.Parse(model.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestTodayShowsTheFullTargetBeforeJuly2026 (issue 23, case 1): on 2 March
// 2026 every rule in force is one of LAB § 31 before the reform, which
// requires the conversations of every citizen: 100 %, not 75 %.
func TestTodayShowsTheFullTargetBeforeJuly2026(t *testing.T) {
	db, _ := dbWith(t, "Åse Ærø")
	code, out, errs := run(t, &fakeHandouts{}, "today", "--db", db, "--date", "2026-03-02")
	if code != 0 {
		t.Fatalf("today: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Samtaler til tiden: 100 % krævet") || strings.Contains(out, "75 % krævet") {
		t.Errorf("the day sheet of 2 March 2026 does not require 100 %%:\n%s", out)
	}
}

// TestTodayFiguresPerGroupWithExemptions: a hand-made caseload of each
// group under the rules from 1 July 2026, on 15 March 2027, with two
// citizens exempted through the command line. Worked out by hand:
//
//	Dagpengemodtagere: D1 (passed 3 November, 2 due by 2 February) had 2;
//	  D2 (passed 10 November, by 9 February) had 1 and is exempted:
//	  1 of 2 = 50 %, exempted 1 of 2 = 50 % > 25 %: warned.
//	Jobparate kontanthjælps- og ledighedsydelsesmodtagere: K1, K2, K3
//	  (first contact 1 September, 4 due by 28 February) had 4, 2 and 1 (K3
//	  exempted); L1 (ledighedsydelse from 1 September) had 4: 2 of 4 = 50 %,
//	  exempted 1 of 4 = 25 %: not above the cap.
//	Uddannelseshjælpsmodtagere (uklart): U1 (contact 1 September) had 4: 1 of 1.
//	A self-supporting citizen has no requirement and is not counted.
//	All: 4 of 7 = 57 %, against 75 %.
func TestTodayFiguresPerGroupWithExemptions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grupper.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	add := func(name string, b model.Benefit, start string, mod func(*model.Citizen), held ...string) {
		c := &model.Citizen{Name: name, Benefit: b, Education: model.EducationSkilled, Status: model.StatusActive,
			FirstContact: date(start), UnemployedSince: date(start)}
		if mod != nil {
			mod(c)
		}
		if err := s.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
		ids[name] = c.ID
		for _, d := range held {
			if err := s.PlanConversation(testutil.Conversation(c.ID, date(d).Add(10*time.Hour), 45, testutil.Held)); err != nil {
				t.Fatal(err)
			}
		}
	}
	passed := func(on string) func(*model.Citizen) {
		return func(c *model.Citizen) { c.FirstContact, c.TransferredOn = date(on), date(on) }
	}
	four := []string{"2026-09-03", "2026-10-01", "2026-11-05", "2027-01-10"}
	add("D1", model.BenefitDagpenge, "2026-08-03", passed("2026-11-03"), "2026-11-10", "2027-01-12")
	add("D2", model.BenefitDagpenge, "2026-08-10", passed("2026-11-10"), "2026-11-12")
	add("K1", model.BenefitKontanthjaelp, "2026-09-01", nil, four...)
	add("K2", model.BenefitKontanthjaelp, "2026-09-01", nil, four[:2]...)
	add("K3", model.BenefitKontanthjaelp, "2026-09-01", nil, four[:1]...)
	add("L1", model.BenefitOther, "2026-09-01", func(c *model.Citizen) { c.OtherBenefit = "ledighedsydelse" }, four...)
	add("U1", model.BenefitUddannelseshjaelp, "2026-09-01", nil, four...)
	add("S1", model.BenefitOther, "2026-09-01", nil)
	s.Close()
	for _, who := range []string{"D2", "K3", "K1"} {
		if code, _, errs := run(t, &fakeHandouts{}, "exempt", "--db", db, "--citizen", itoa(ids[who]), "--reason", "Finder selv job", "--date", "2026-12-01"); code != 0 {
			t.Fatalf("exempt %s: %s", who, errs)
		}
	}
	// K1 was exempted by mistake: undone, and the history shows it.
	if code, out, errs := run(t, &fakeHandouts{}, "exempt", "--db", db, "--citizen", itoa(ids["K1"]), "--undo"); code != 0 || !strings.Contains(out, "ophævet") {
		t.Fatalf("undo: exit %d %s %s", code, out, errs)
	}
	if _, out, _ := run(t, &fakeHandouts{}, "exempt", "--db", db, "--citizen", itoa(ids["K1"])); !strings.Contains(out, "ophævet") || !strings.Contains(out, "Finder selv job") {
		t.Errorf("K1's exemptions:\n%s", out)
	}
	if code, _, errs := run(t, &fakeHandouts{}, "exempt", "--db", db, "--citizen", itoa(ids["K1"]), "--reason", " "); code == 0 {
		t.Errorf("an exemption without a reason was recorded: %s", errs)
	}
	code, out, errs := run(t, &fakeHandouts{}, "today", "--db", db, "--date", "2027-03-15")
	if code != 0 {
		t.Fatalf("today: exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Samtaler til tiden: 75 % krævet — 57 % (4 af 7, vinduer afsluttet inden for 6 mdr.)",
		"  Dagpengemodtagere: 75 % krævet — 50 % (1 af 2), fritaget 1\n  Advarsel: 1 af 2 er fritaget (50 %) – højst 25 % må fritages",
		"  Jobparate kontanthjælps- og ledighedsydelsesmodtagere: 75 % krævet — 50 % (2 af 4), fritaget 1\n  Uddannelseshjælpsmodtagere (uklart): 75 % krævet — 100 % (1 af 1), fritaget 0\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("day sheet lacks %q:\n%s", want, out)
		}
	}
}

// TestReceptionVariantChosenAtTheFirstConversation: the youth route is
// suggested for a 23-year-old until chosen; choosing "no_selfservice" gives
// the fixed conversations (Monday 2 November 2026: working days 3, 5, 8).
func TestReceptionVariantChosenAtTheFirstConversation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "modtagelse.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	c := testutil.Citizen(func(c *model.Citizen) { c.BirthDate = date("2003-05-01") })
	if err := s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, out, errs := run(t, &fakeHandouts{}, "reception", "--db", db, "--citizen", itoa(c.ID))
	if !strings.Contains(out, "Unge under 25: direkte i tilbud (foreslået") || !strings.Contains(out, "02-11-2026–03-11-2026\tDirekte i beskæftigelsestilbud") {
		t.Errorf("youth suggested:\n%s%s", out, errs)
	}
	_, out, errs = run(t, &fakeHandouts{}, "reception", "--db", db, "--citizen", itoa(c.ID), "--variant", "no_selfservice")
	for _, want := range []string{"Kan ikke bruge selvbetjening: faste samtaler\n", "04-11-2026–04-11-2026\tFast samtale", "06-11-2026–06-11-2026\tFast samtale", "11-11-2026–11-11-2026\tFast samtale"} {
		if !strings.Contains(out, want) {
			t.Errorf("no self-service lacks %q:\n%s%s", want, out, errs)
		}
	}
	if code, _, _ := run(t, &fakeHandouts{}, "reception", "--db", db, "--citizen", itoa(c.ID), "--variant", "nope"); code == 0 {
		t.Error("an unknown variant was accepted")
	}
}
