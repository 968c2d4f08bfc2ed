package model

import (
	"fmt"
	"strings"
	"testing"
)

// ruleRow is one benefit × office kind × first day of unemployment: the rule
// that must apply, a piece of its source line, and each requirement as
// "id count first..last day".
type ruleRow struct {
	office  OfficeKind
	benefit Benefit
	start   string // first day of unemployment; the first contact is 10 days later
	rule    string
	source  string
	// verified: every requirement was checked against the law's text or
	// STAR's guidance (README, "Conversation rules"); when false the rule's
	// source line must say what is "ikke verificeret".
	verified bool
	due      []string
}

// Worked out by hand from LAB § 9, § 25, § 27 and § 31-32 (lov nr. 548/2019,
// lovbek. 280/2024), BEK nr. 34/2026 and STAR's answers on lov nr. 1750 (see
// README, "Conversation rules"): windows of months end the day before the
// month comes round, deadlines in days end on that day; kontanthjælp counts
// from the first contact (§ 9, stk. 2, nr. 2), dagpenge from the placing in
// a dagpenge period (here the first day of unemployment; the registration
// is not given, so the a-kasse's two weeks count from the same day).
var ruleRows = []ruleRow{
	// Before 2024: the jobcentre holds 4 in 6 months, the joint ones on top.
	{OfficeJobcenter, BenefitDagpenge, "2023-05-01", "jc-2020-dagpenge", "lov nr. 548", true, []string{
		"first 1 2023-05-01..2023-10-31", "first6 4 2023-05-01..2023-10-31", "joint36 1 2023-08-01..2023-10-31", "month16 1 2023-11-01..2024-08-31"}},
	// § 31, stk. 3: "senest 1 uge fra første henvendelse"; the 6 months from it too.
	{OfficeJobcenter, BenefitKontanthjaelp, "2023-05-01", "jc-2020-kontanthjaelp", "§ 31, stk. 1 og 3", true, []string{
		"first 1 2023-05-11..2023-05-18", "first6 4 2023-05-11..2023-11-10"}},
	{OfficeJobcenter, BenefitUddannelseshjaelp, "2023-05-01", "jc-2020-kontanthjaelp", "lovbek. nr. 701", true, []string{
		"first 1 2023-05-11..2023-05-18", "first6 4 2023-05-11..2023-11-10"}},
	// LAB § 25: the CV conversation within 2 weeks, in person; § 31, stk. 2, nr. 2; § 32, stk. 2.
	{OfficeAkasse, BenefitDagpenge, "2023-05-01", "ak-2020", "§ 25", true, []string{
		"first 1 2023-05-01..2023-05-15", "joint36 1 2023-08-01..2023-10-31", "month16 1 2023-11-01..2024-08-31"}},
	// From 2024: the a-kasse holds months 0-3, the jobcentre 3 from the passing until month 6.
	{OfficeJobcenter, BenefitDagpenge, "2025-03-03", "jc-2024-dagpenge", "lov nr. 727", true, []string{
		"first 1 2025-06-03..2025-09-02", "after3 3 2025-06-03..2025-09-02", "month16 1 2025-09-03..2026-07-02"}},
	{OfficeJobcenter, BenefitKontanthjaelp, "2025-03-03", "jc-2024-kontanthjaelp", "lovbek. nr. 280", true, []string{
		"first 1 2025-03-13..2025-03-20", "first6 4 2025-03-13..2025-09-12"}},
	{OfficeJobcenter, BenefitUddannelseshjaelp, "2025-03-03", "jc-2024-kontanthjaelp", "§ 31, stk. 3 og 5", true, []string{
		"first 1 2025-03-13..2025-03-20", "first6 4 2025-03-13..2025-09-12"}},
	{OfficeAkasse, BenefitDagpenge, "2025-03-03", "ak-2024", "§ 31, stk. 1 og 4", true, []string{
		"first 1 2025-03-03..2025-03-17", "first3 3 2025-03-03..2025-06-02"}},
	// From 1 July 2026: counts from STAR's answers (the amended § 31 not seen).
	{OfficeJobcenter, BenefitDagpenge, "2026-09-01", "jc-2026-dagpenge", "Lov nr. 1750", false, []string{
		"first 1 2026-12-01..2027-02-28", "after3 2 2026-12-01..2027-02-28", "month16 1 2027-03-01..2027-12-31"}},
	{OfficeJobcenter, BenefitKontanthjaelp, "2026-09-01", "jc-2026-kontanthjaelp", "Lov nr. 1750", false, []string{
		"first 1 2026-09-11..2026-09-18", "first6 4 2026-09-11..2027-03-10"}},
	{OfficeJobcenter, BenefitUddannelseshjaelp, "2026-09-01", "jc-2026-uddannelseshjaelp", "lov nr. 1655", false, []string{
		"first 1 2026-09-11..2026-09-18", "first6 4 2026-09-11..2027-03-10"}},
	{OfficeAkasse, BenefitDagpenge, "2026-09-01", "ak-2026", "BEK nr. 34", false, []string{
		"first 1 2026-09-01..2026-09-15", "first3 2 2026-09-01..2026-11-30"}},
}

func TestRulesByBenefitOfficeAndStart(t *testing.T) {
	r := loadContent(t).Rules
	for _, row := range ruleRows {
		t.Run(fmt.Sprintf("%s/%s/%s", row.office, row.benefit, row.start), func(t *testing.T) {
			c := &Citizen{Benefit: row.benefit, UnemployedSince: day(row.start), FirstContact: day(row.start).AddDate(0, 0, 10)}
			rule := r.ForCitizen(row.office, c)
			if rule == nil || rule.ID != row.rule {
				t.Fatalf("rule = %v, want %s", rule, row.rule)
			}
			if !strings.Contains(rule.Source, row.source) {
				t.Errorf("source %q does not cite %q", rule.Source, row.source)
			}
			if rule.Verified() != row.verified {
				t.Errorf("verified = %v, want %v", rule.Verified(), row.verified)
			}
			if got := dueLines(t, rule.DueOn(c, nil)); strings.Join(got, "; ") != strings.Join(row.due, "; ") {
				t.Errorf("requirements\n got %s\nwant %s", strings.Join(got, "; "), strings.Join(row.due, "; "))
			}
		})
	}
}

// dueLines formats each requirement; each must name its paragraph, and one
// of them is the first conversation.
func dueLines(t *testing.T, due []Due) []string {
	t.Helper()
	var out []string
	firsts := 0
	for _, d := range due {
		if d.Paragraph == "" {
			t.Errorf("requirement %s has no paragraph", d.ID)
		}
		if d.First {
			firsts++
		}
		out = append(out, fmt.Sprintf("%s %d %s..%s", d.ID, d.Count, d.Start.Format(DateLayout), d.By.Format(DateLayout)))
	}
	if firsts > 1 {
		t.Errorf("%d requirements marked first, want at most 1", firsts)
	}
	return out
}

// TestAkasseHasNoRuleForMunicipalBenefits: the a-kasse holds dagpenge
// conversations only.
func TestAkasseHasNoRuleForMunicipalBenefits(t *testing.T) {
	r := loadContent(t).Rules
	for _, b := range []Benefit{BenefitKontanthjaelp, BenefitUddannelseshjaelp, BenefitOther} {
		for _, start := range []string{"2023-05-01", "2025-03-03", "2026-09-01"} {
			if rule := r.For(OfficeAkasse, b, day(start)); rule != nil {
				t.Errorf("a-kasse, %s, %s: rule %s", b, start, rule.ID)
			}
		}
	}
}

// TestRuleChangesOnTheirFirstDay: the first day of unemployment picks the rule.
func TestRuleChangesOnTheirFirstDay(t *testing.T) {
	r := loadContent(t).Rules
	for start, want := range map[string]string{"2023-12-31": "jc-2020-dagpenge", "2024-01-01": "jc-2024-dagpenge",
		"2026-06-30": "jc-2024-dagpenge", "2026-07-01": "jc-2026-dagpenge"} {
		if rule := r.For(OfficeJobcenter, BenefitDagpenge, day(start)); rule == nil || rule.ID != want {
			t.Errorf("unemployed from %s: rule %v, want %s", start, rule, want)
		}
	}
}

// TestDagpengePassedInMonthFour: a citizen unemployed from 3 August 2026 who
// passes to the jobcentre on 10 December (month 4) is due there from that
// day until 2 February 2027 (month 6), not a month after the first contact.
func TestDagpengePassedInMonthFour(t *testing.T) {
	r := loadContent(t).Rules
	c := &Citizen{Benefit: BenefitDagpenge, UnemployedSince: day("2026-08-03"), FirstContact: day("2026-12-10"), TransferredOn: day("2026-12-10")}
	held := []Held{{Day: day("2026-12-14"), Kind: KindJob}, {Day: day("2027-02-02"), Kind: KindJob}}
	due := r.For(OfficeJobcenter, c.Benefit, c.RulesStart()).DueOn(c, held)
	got := strings.Join(dueLines(t, due), "; ")
	want := "first 1 2026-12-10..2027-02-02; after3 2 2026-12-10..2027-02-02; month16 1 2027-02-03..2027-12-02"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if !due[0].Met || !due[1].Met || due[1].Had != 2 {
		t.Errorf("two held conversations, the second on the last day: %+v", due[:2])
	}
}
