package model

import (
	"math/rand"
	"reflect"
	"testing"
	"time"
	"unsafe"

	"jobspor/assets"
)

// TestKeptCasesGiveTheSameFigures: Today keeps the office's cases small all
// day; the figures worked out from them are the figures of the cases as
// read, on every day around the rules' changes, for either kind of office.
// Cases whose dates or conversations do not pack (a time of day, a kind
// of conversation not known) are kept whole and count the same.
func TestKeptCasesGiveTheSameFigures(t *testing.T) {
	c, err := LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	if err != nil {
		t.Fatal(err)
	}
	cases := randomCases(rand.New(rand.NewSource(7)), 3000)
	// three that do not pack
	cases[0].Held = append(cases[0].Held, Held{Day: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC), Kind: KindJob, Form: FormPhone})
	cases[1].Held = append(cases[1].Held, Held{Day: day0(2026, 3, 2), Kind: "other", Form: FormPhone})
	cases[2].FirstContact = time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	kept := KeepCases(cases)
	whole := 0
	for i := range kept {
		if kept[i].whole != nil {
			whole++
		}
	}
	if whole != 3 {
		t.Errorf("%d cases kept whole, want the 3 that do not pack", whole)
	}
	for _, kind := range []OfficeKind{OfficeJobcenter, OfficeAkasse} {
		for _, d := range []string{"2024-01-02", "2025-06-30", "2026-06-30", "2026-07-01", "2026-12-07", "2027-03-15"} {
			now, _ := time.Parse(DateLayout, d)
			now = now.Add(9 * time.Hour)
			want := c.Rules.Tally(kind, cases, now)
			read := &TodayRead{Kind: kind, Scope: Mine("AL"), Cases: kept}
			read.Figure(c.Rules, now)
			if !reflect.DeepEqual(read.Office, want) {
				t.Errorf("%s %s: office figures from the kept cases\n %+v, want\n %+v", kind, d, read.Office, want)
			}
			var mine []Case
			for _, x := range cases {
				if x.Caseworker == "AL" {
					mine = append(mine, x)
				}
			}
			if w := c.Rules.Tally(kind, mine, now); !reflect.DeepEqual(read.Mine, w) {
				t.Errorf("%s %s: AL's figures from the kept cases\n %+v, want\n %+v", kind, d, read.Mine, w)
			}
			if want.OnTime.Total == 0 && kind == OfficeJobcenter && d == "2026-12-07" {
				t.Fatalf("the generated cases count in no group: the test shows nothing")
			}
		}
	}
	// each case comes back as the rules read it: the name is not kept
	var back Case
	var held []Held
	for i := range cases {
		held = kept[i].Case(&back, held)
		want := cases[i]
		want.Name = ""
		if kept[i].whole != nil {
			want.Name = cases[i].Name
		}
		if !reflect.DeepEqual(back, want) {
			t.Fatalf("case %d comes back as\n %+v, want\n %+v", i, back, want)
		}
	}
}

// TestAKeptCaseIsSmall: Today keeps every counted case of the office all
// day (7,400 at 10,000 citizens): a kept case with five held
// conversations takes less than a quarter of the room of the case as read.
func TestAKeptCaseIsSmall(t *testing.T) {
	keptSize := int(unsafe.Sizeof(KeptCase{})) + 5*int(unsafe.Sizeof(packedHeld(0)))
	readSize := int(unsafe.Sizeof(Case{})) + 5*int(unsafe.Sizeof(Held{}))
	if keptSize*4 > readSize {
		t.Errorf("a kept case takes %d bytes, the case as read %d: more than a quarter", keptSize, readSize)
	}
}

func day0(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// randomCases are n active cases as the store reads them for the rules:
// benefits, ages and educations mixed, unemployed from 2023 to 2026, with
// held conversations, some exempted, among four caseworkers.
func randomCases(rng *rand.Rand, n int) []Case {
	benefits := []Benefit{BenefitDagpenge, BenefitKontanthjaelp, BenefitUddannelseshjaelp, BenefitOther}
	educations := []Education{EducationUnskilled, EducationSkilled}
	out := make([]Case, n)
	for i := range out {
		start := day0(2023, 1, 1).AddDate(0, 0, rng.Intn(4*365))
		c := &out[i]
		c.ID = int64(i + 1)
		c.Name = "Borger " + string(rune('A'+i%26))
		born := day0(1960+rng.Intn(45), time.Month(1+rng.Intn(12)), 1+rng.Intn(28))
		if rng.Intn(4) == 0 {
			c.BirthDate = born
		} else {
			c.CPR = CPR(born.Format("020106") + "-" + []string{"1234", "4321", "5678"}[rng.Intn(3)])
		}
		c.Benefit, c.Education = benefits[rng.Intn(len(benefits))], educations[rng.Intn(len(educations))]
		if c.Benefit == BenefitOther && rng.Intn(2) == 0 {
			c.OtherBenefit = "ledighedsydelse"
		}
		c.UnemployedSince = start
		c.FirstContact = start.AddDate(0, 0, rng.Intn(20))
		if rng.Intn(3) == 0 {
			c.RegisteredOn = start.AddDate(0, 0, rng.Intn(5))
		}
		if rng.Intn(5) == 0 {
			c.TransferredOn = start.AddDate(0, 3, 0)
		}
		if rng.Intn(10) == 0 {
			c.BenefitSince = start.AddDate(0, 2, 0)
		}
		c.Caseworker = []string{"AL", "BK", "CM", ""}[rng.Intn(4)]
		c.Exempt = rng.Intn(12) == 0
		for d := c.FirstContact; rng.Intn(6) > 0; d = d.AddDate(0, 0, 10+rng.Intn(50)) {
			c.Held = append(c.Held, Held{Day: d, Kind: KindJob, Form: []ConversationForm{FormPhone, FormInPerson}[rng.Intn(2)], WithAkasse: rng.Intn(4) == 0})
		}
	}
	return out
}
