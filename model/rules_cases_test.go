package model

import (
	"fmt"
	"strings"
	"testing"
)

// issue23Case is one of the fourteen places issue 23 found the rules and the
// law apart (1-13; 14 is the wording, checked by TestRulesSayThemselvesPlainly).
// got computes the answer with the rules file; want is worked out by hand
// from the law's text, in the row.
type issue23Case struct {
	name string
	got  func(t *testing.T, r *RuleSet) string
	want string
}

func dueText(d []Due) string {
	var out []string
	for _, x := range d {
		out = append(out, fmt.Sprintf("%s %d/%d %s..%s", x.ID, x.Had, x.Count, x.Start.Format(DateLayout), x.By.Format(DateLayout)))
	}
	return strings.Join(out, "; ")
}

func figText(f Figure) string {
	return fmt.Sprintf("%d/%d of %d%% (exempted %d)", f.OnCourse, f.Total, f.TargetPercent, f.Exempted)
}

func job(on string, opts ...func(*Held)) Held {
	h := Held{Day: day(on), Kind: KindJob, Form: FormInPerson}
	for _, o := range opts {
		o(&h)
	}
	return h
}

func withAkasse(h *Held) { h.WithAkasse = true }
func byPhone(h *Held)    { h.Form = FormPhone }

func helds(days ...string) []Held {
	var out []Held
	for _, d := range days {
		out = append(out, job(d))
	}
	return out
}

func kontanthjaelp(contact string, held []Held) Case {
	return Case{Citizen: Citizen{Benefit: BenefitKontanthjaelp, UnemployedSince: day(contact), FirstContact: day(contact)}, Held: held}
}

var issue23Cases = []issue23Case{
	{
		// 1. Before 1 July 2026 § 31 requires the conversations of every
		// citizen: on 2 March 2026 the kontanthjælp citizens fall under
		// lovbek. 280/2024 § 31, stk. 3 (»holder jobcenteret mindst fire«),
		// so the target is 100 %. A (first contact 4 August 2025) had 4 by
		// 3 February 2026; B (11 August) had 2 by 10 February: 1 of 2.
		name: "1 target 100 % before July 2026",
		got: func(t *testing.T, r *RuleSet) string {
			cases := []Case{
				kontanthjaelp("2025-08-04", helds("2025-08-06", "2025-09-10", "2025-11-12", "2026-01-20")),
				kontanthjaelp("2025-08-11", helds("2025-08-12", "2025-10-01")),
			}
			return figText(r.Tally(OfficeJobcenter, cases, day("2026-03-02")).OnTime)
		},
		want: "1/2 of 100% (exempted 0)",
	},
	{
		// 2. From July 2026: per group, citizens who had the minimum in the
		// window, no pro rata. On 15 March 2027 four kontanthjælp citizens
		// (contact 1 September 2026, window closed 28 February 2027): two had
		// 4, one had 2, one had 1; the last two are exempted (2 of 4 = 50 % >
		// 25 %: warned). A fifth (contact 15 December, window open to 14 June)
		// with 2 is not counted (pro rata would have put it on course). One
		// dagpenge citizen (passed 3 November, window to 2 February) had 2 of
		// 2: its own group.
		name: "2 groups, exemptions, no pro rata",
		got: func(t *testing.T, r *RuleSet) string {
			four := helds("2026-09-03", "2026-10-01", "2026-11-05", "2027-01-10")
			cases := []Case{
				kontanthjaelp("2026-09-01", four),
				kontanthjaelp("2026-09-01", four),
				kontanthjaelp("2026-09-01", helds("2026-09-03", "2026-10-01")),
				kontanthjaelp("2026-09-01", helds("2026-09-03")),
				kontanthjaelp("2026-12-15", helds("2026-12-16", "2027-02-01")),
				{Citizen: Citizen{Benefit: BenefitDagpenge, UnemployedSince: day("2026-08-03"), FirstContact: day("2026-11-03"), TransferredOn: day("2026-11-03")},
					Held: helds("2026-11-10", "2027-01-12")},
			}
			cases[2].Exempt, cases[3].Exempt = true, true
			c := r.Tally(OfficeJobcenter, cases, day("2027-03-15"))
			var out []string
			for _, g := range c.Groups {
				out = append(out, fmt.Sprintf("%s %s warn=%v", g.Group, figText(g.Figure), g.TooManyExempted(c.ExemptMaxPercent)))
			}
			return strings.Join(out, "; ") + "; all " + figText(c.OnTime)
		},
		want: "Dagpengemodtagere 1/1 of 75% (exempted 0) warn=false; " +
			"Jobparate kontanthjælps- og ledighedsydelsesmodtagere 2/4 of 75% (exempted 2) warn=true; all 3/5 of 75% (exempted 2)",
	},
	{
		// 3. § 31, stk. 2 (lov nr. 548/2019): the joint conversations are held
		// »ud over« the four. Unemployed 1 March 2022: four ordinary ones
		// (months 0-6, to 31 August) meet stk. 1 but not the joint one in
		// months 3-6 (1 June - 31 August); a fifth with the a-kasse on 5 July
		// meets it and is not one of the four.
		name: "3 joint conversations on top of the four",
		got: func(t *testing.T, r *RuleSet) string {
			c := &Citizen{Benefit: BenefitDagpenge, UnemployedSince: day("2022-03-01")}
			rule := r.ForCitizen(OfficeJobcenter, c)
			held := helds("2022-03-10", "2022-04-20", "2022-06-15", "2022-08-10")
			before := rule.DueOn(c, held)
			after := rule.DueOn(c, append(held, job("2022-07-05", withAkasse)))
			return dueText(before[1:3]) + " | " + dueText(after[1:3])
		},
		want: "first6 4/4 2022-03-01..2022-08-31; joint36 0/1 2022-06-01..2022-08-31 | " +
			"first6 4/4 2022-03-01..2022-08-31; joint36 1/1 2022-06-01..2022-08-31",
	},
	{
		// 4. § 9, stk. 2, nr. 2: kontanthjælp's six months run from the first
		// approach to the kommune (13 March 2025), not from Ledig siden (15
		// January): 13 March - 12 September. § 9, stk. 1, nr. 2: a change of
		// benefit (to kontanthjælp on 2 June) starts a new period: 2 June - 1
		// December; the first week stays with the first approach.
		name: "4 kontanthjælp from the first approach, again from a change of benefit",
		got: func(t *testing.T, r *RuleSet) string {
			c := &Citizen{Benefit: BenefitKontanthjaelp, UnemployedSince: day("2025-01-15"), FirstContact: day("2025-03-13")}
			changed := *c
			changed.BenefitSince = day("2025-06-02")
			return dueText(r.ForCitizen(OfficeJobcenter, c).DueOn(c, nil)) + " | " + dueText(r.ForCitizen(OfficeJobcenter, &changed).DueOn(&changed, nil))
		},
		want: "first 0/1 2025-03-13..2025-03-20; first6 0/4 2025-03-13..2025-09-12 | first 0/1 2025-03-13..2025-03-20; first6 0/4 2025-06-02..2025-12-01",
	},
	{
		// 5. § 9, stk. 2, nr. 1: dagpenge periods count »fra indplacering i en
		// dagpengeperiode« (10 March 2025: the three months to 9 June); the
		// first conversation »senest 2 uger efter personens tilmelding som
		// jobsøgende« (§ 31, stk. 4; registered 3 March: by 17 March).
		name: "5 dagpenge from the dagpenge period, the first from registration",
		got: func(t *testing.T, r *RuleSet) string {
			c := &Citizen{Benefit: BenefitDagpenge, UnemployedSince: day("2025-03-10"), RegisteredOn: day("2025-03-03")}
			return dueText(r.ForCitizen(OfficeAkasse, c).DueOn(c, nil))
		},
		want: "first 0/1 2025-03-03..2025-03-17; first3 0/3 2025-03-10..2025-06-09",
	},
	{
		// 6. § 31 names no self-supporting citizen (§ 6, nr. 12): no
		// requirement. Ledighedsydelse (§ 31, stk. 3) counts from the passing
		// to it (§ 9, stk. 2, nr. 3: 1 April 2025, to 30 September), not the
		// first contact (1 February).
		name: "6 anden ydelse: none for the self-supporting, ledighedsydelse from the passing",
		got: func(t *testing.T, r *RuleSet) string {
			self := &Citizen{Benefit: BenefitOther, UnemployedSince: day("2025-04-01"), FirstContact: day("2025-02-01")}
			ly := *self
			ly.OtherBenefit = "ledighedsydelse"
			return fmt.Sprintf("self: %q | ly: %s", dueText(r.ForCitizen(OfficeJobcenter, self).DueOn(self, nil)),
				dueText(r.ForCitizen(OfficeJobcenter, &ly).DueOn(&ly, nil)))
		},
		want: `self: "" | ly: first 0/1 2025-04-01..2025-09-30; first6 0/4 2025-04-01..2025-09-30`,
	},
	{
		// 7. From July 2026 no source says the kommune's first conversation
		// with a dagpenge citizen must reach everyone (BEK 34/2026 § 36 only
		// has the a-kasse join it): the 100 % figure counts the kontanthjælp
		// citizen (STAR: first with every job-ready one), not the dagpenge one.
		name: "7 no 100 % first conversation for dagpenge in the kommune",
		got: func(t *testing.T, r *RuleSet) string {
			cases := []Case{
				{Citizen: Citizen{Benefit: BenefitDagpenge, UnemployedSince: day("2026-08-03"), TransferredOn: day("2026-11-03")}},
				kontanthjaelp("2026-11-16", helds("2026-11-18")),
			}
			return figText(r.Tally(OfficeJobcenter, cases, day("2026-11-20")).First)
		},
		want: "1/1 of 100% (exempted 0)",
	},
	{
		// 8. Uddannelseshjælp from July 2026: paid as kontanthjælp since July
		// 2025 and not named by STAR: the rule says the sources are unclear.
		name: "8 uddannelseshjælp from 2026 is unclear",
		got: func(t *testing.T, r *RuleSet) string {
			c := &Citizen{Benefit: BenefitUddannelseshjaelp, UnemployedSince: day("2026-09-01"), FirstContact: day("2026-09-01")}
			e := r.Explain(OfficeJobcenter, c)
			return fmt.Sprintf("%s verified=%v unclear=%v", e.Rule.ID, e.Verified, strings.Contains(e.Text, "uklare"))
		},
		want: "jc-2026-uddannelseshjaelp verified=false unclear=true",
	},
	{
		// 9. Lov nr. 548/2019 came into force on 1 January 2020; no older
		// text is at hand: a citizen unemployed since June 2019 is told so,
		// and counted apart.
		name: "9 no rule known before 2020",
		got: func(t *testing.T, r *RuleSet) string {
			c := Case{Citizen: Citizen{Benefit: BenefitDagpenge, UnemployedSince: day("2019-06-03")}}
			e := r.Explain(OfficeJobcenter, &c.Citizen)
			return fmt.Sprintf("%v %v %d", e.Rule == nil, strings.Contains(e.Plain(), "Ingen regel kendt for denne startdato"),
				r.Tally(OfficeJobcenter, []Case{c}, day("2019-09-01")).NoRule)
		},
		want: "true true 1",
	},
	{
		// 10. § 27, stk. 3 and § 31, stk. 1, 3. pkt. (lovbek. 280/2024): a
		// 23-year-old without a qualifying education on dagpenge is sent to
		// the jobcentre, which holds six in the first 6 months (3 March - 2
		// September 2025); the a-kasse holds none of the three.
		name: "10 the § 27, stk. 3 group",
		got: func(t *testing.T, r *RuleSet) string {
			c := &Citizen{Benefit: BenefitDagpenge, Education: EducationUnskilled, BirthDate: day("2001-09-01"), UnemployedSince: day("2025-03-03")}
			jc, ak := r.ForCitizen(OfficeJobcenter, c), r.ForCitizen(OfficeAkasse, c)
			return fmt.Sprintf("%s: %s | %s: %d", jc.ID, dueText(jc.DueOn(c, nil)[:2]), ak.ID, len(ak.Requirements))
		},
		want: "jc-2024-dagpenge-youth: first 0/1 2025-03-03..2025-09-02; first6 0/6 2025-03-03..2025-09-02 | ak-2024-youth: 0",
	},
	{
		// 11. The a-kasse's first conversation is held in person (BEK 46/2026
		// § 12, stk. 6; lov nr. 548/2019 § 25): a phone call on 5 March does
		// not meet it, a meeting on 12 March does.
		name: "11 the a-kasse's first conversation in person",
		got: func(t *testing.T, r *RuleSet) string {
			c := &Citizen{Benefit: BenefitDagpenge, UnemployedSince: day("2025-03-03")}
			rule := r.ForCitizen(OfficeAkasse, c)
			phone := rule.DueOn(c, []Held{job("2025-03-05", byPhone)})[0]
			met := rule.DueOn(c, []Held{job("2025-03-05", byPhone), job("2025-03-12")})[0]
			return fmt.Sprintf("%d %d", phone.Had, met.Had)
		},
		want: "0 1",
	},
	{
		// 12. § 31 counts individual conversations: the day-6 joint follow-up
		// (a group session) does not count; three individual ones of four.
		name: "12 group follow-ups are not individual conversations",
		got: func(t *testing.T, r *RuleSet) string {
			c := &Citizen{Benefit: BenefitKontanthjaelp, UnemployedSince: day("2025-03-13"), FirstContact: day("2025-03-13")}
			held := append(helds("2025-03-14", "2025-04-10", "2025-05-20"), Held{Day: day("2025-03-19"), Kind: KindJointFollowup, Form: FormInPerson})
			d := r.ForCitizen(OfficeJobcenter, c).DueOn(c, held)[1]
			return fmt.Sprintf("%d/%d met=%v", d.Had, d.Count, d.Met)
		},
		want: "3/4 met=false",
	},
	{
		// 13. No source at hand says which rule a citizen unemployed before 1
		// July 2026 follows after it: a course running over the day is marked
		// not verified; one that ended before is not.
		name: "13 a course over 1 July 2026 is marked",
		got: func(t *testing.T, r *RuleSet) string {
			over := r.Explain(OfficeJobcenter, &Citizen{Benefit: BenefitKontanthjaelp, UnemployedSince: day("2026-05-04"), FirstContact: day("2026-05-04")})
			before := r.Explain(OfficeJobcenter, &Citizen{Benefit: BenefitKontanthjaelp, UnemployedSince: day("2024-05-06"), FirstContact: day("2024-05-06")})
			return fmt.Sprintf("%s %v %v | %s %v %d", over.Rule.ID, over.Verified, strings.Contains(strings.Join(over.Notes, " "), "1. juli 2026"),
				before.Rule.ID, before.Verified, len(before.Notes))
		},
		want: "jc-2024-kontanthjaelp false true | jc-2024-kontanthjaelp true 0",
	},
}

func TestIssue23RulesFollowTheLaw(t *testing.T) {
	r := loadContent(t).Rules
	for _, c := range issue23Cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.got(t, r); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestRulesSayThemselvesPlainly (14): every rule says itself in Danish, cites
// its paragraphs and a source, and says how sure it is.
func TestRulesSayThemselvesPlainly(t *testing.T) {
	r := loadContent(t).Rules
	for i := range r.Rules {
		rule := &r.Rules[i]
		c := &Citizen{Benefit: rule.Benefits[0], UnemployedSince: day(rule.From), FirstContact: day(rule.From), OtherBenefit: rule.OtherBenefit}
		if rule.Youth {
			c.Education, c.BirthDate = EducationUnskilled, day(rule.From).AddDate(-20, 0, 0)
		}
		e := r.Explain(rule.Office, c)
		if e.Rule != rule {
			t.Errorf("%s: explained as %v", rule.ID, e.Rule)
			continue
		}
		plain := e.Plain()
		for _, bad := range []string{"kun set afkortet", "http", "ikke verificeret"} {
			if strings.Contains(plain, bad) {
				t.Errorf("%s: the caseworker's text has %q: %s", rule.ID, bad, plain)
			}
		}
		if len(rule.Requirements) > 0 && !strings.Contains(plain, "Hjemmel: ") {
			t.Errorf("%s: no paragraph in %s", rule.ID, plain)
		}
		if rule.StarOnly() != strings.Contains(plain, "STAR's vejledning") {
			t.Errorf("%s: star only %v, text %s", rule.ID, rule.StarOnly(), plain)
		}
	}
}
