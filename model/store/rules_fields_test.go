package store

import (
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

// TestConversationFieldsTheRulesRead: a conversation keeps whether the
// a-kasse took part; held_days marks each held individual conversation held
// in person ('p') and with the a-kasse ('a') through saving and changing,
// and the rules read them: in an a-kasse office (2025 rule) the first
// conversation by phone does not meet LAB § 31, stk. 4 (in person, BEK
// 46/2026 § 12, stk. 6), one in person does; in a jobcentre under the 2020
// rule a joint conversation counts for the joint requirement and not among
// the four (§ 31, stk. 2: »ud over«).
func TestConversationFieldsTheRulesRead(t *testing.T) {
	s := newTestStore(t)
	r := testutil.Content(t).Rules
	must(t, s.SaveOfficeKind(model.OfficeAkasse))
	z := makeCitizen(t, s, func(c *model.Citizen) {
		c.Benefit, c.FirstContact, c.UnemployedSince, c.RegisteredOn = model.BenefitDagpenge, day("2025-03-10"), day("2025-03-10"), day("2025-03-03")
	})
	got, err := s.Citizen(z.ID)
	must(t, err)
	if !got.RegisteredOn.Equal(day("2025-03-03")) {
		t.Fatalf("registered on %v", got.RegisteredOn)
	}
	phone := testutil.Conversation(z.ID, time.Date(2025, 3, 5, 10, 0, 0, 0, time.Local), 30, testutil.Held, testutil.Phone)
	must(t, s.PlanConversation(phone))
	due, err := s.DueConversations(r, z)
	must(t, err)
	if due[0].ID != "first" || due[0].Met || due[0].By.Format(model.DateLayout) != "2025-03-17" {
		t.Fatalf("a phone call met the in-person first conversation, or its deadline is not from the registration: %+v", due[0])
	}
	phone.Form, phone.WithAkasse = model.FormInPerson, true
	must(t, s.SaveConversation(phone))
	back, err := s.Conversation(phone.ID)
	must(t, err)
	var marks string
	must(t, s.db.QueryRow(`SELECT held_days FROM citizens WHERE id = ?`, z.ID).Scan(&marks))
	if !back.WithAkasse || marks != "2025-03-05pa" {
		t.Fatalf("with the a-kasse %v, held_days %q; want true, 2025-03-05pa", back.WithAkasse, marks)
	}
	if due, _ = s.DueConversations(r, z); !due[0].Met {
		t.Errorf("the first conversation in person is not met: %+v", due[0])
	}
	cases, err := s.activeCases(figureRanges(r, day("2025-03-20")), model.WholeOffice)
	must(t, err)
	if len(cases) != 1 || len(cases[0].Held) != 1 || cases[0].Held[0].Form != model.FormInPerson || !cases[0].Held[0].WithAkasse {
		t.Fatalf("the caseload read for the rules: %+v", cases)
	}

	must(t, s.SaveOfficeKind(model.OfficeJobcenter))
	y := makeCitizen(t, s, func(c *model.Citizen) {
		c.Name, c.Benefit, c.FirstContact, c.UnemployedSince = "Fælles", model.BenefitDagpenge, day("2022-03-01"), day("2022-03-01")
	})
	for _, d := range []string{"2022-03-10", "2022-04-20", "2022-06-15", "2022-08-10"} {
		must(t, s.PlanConversation(testutil.Conversation(y.ID, at(d+"T10:00"), 45, testutil.Held)))
	}
	must(t, s.PlanConversation(testutil.Conversation(y.ID, at("2022-07-05T10:00"), 45, testutil.Held,
		func(c *model.Conversation) { c.WithAkasse = true })))
	// the day-6 joint follow-up (a group session) counts for nothing
	must(t, s.PlanConversation(testutil.Conversation(y.ID, at("2022-03-07T10:00"), 45, testutil.Held,
		func(c *model.Conversation) { c.Kind = model.KindJointFollowup })))
	due, err = s.DueConversations(r, y)
	must(t, err)
	if due[1].ID != "first6" || due[1].Had != 4 || due[2].ID != "joint36" || due[2].Had != 1 {
		t.Errorf("four ordinary and one joint: %+v", due)
	}
}

// TestChangeOfBenefitStartsANewPeriod: LAB § 9, stk. 1, nr. 2: an
// uddannelseshjælp citizen first seen 2 March 2026 who changes to
// kontanthjælp on 1 June 2026 has the four conversations due in the six
// months from the change (1 June - 30 November); the first week stays with
// the first approach.
func TestChangeOfBenefitStartsANewPeriod(t *testing.T) {
	s := newTestStore(t)
	r := testutil.Content(t).Rules
	s.Now = func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local) }
	c := makeCitizen(t, s, func(c *model.Citizen) {
		c.Benefit, c.FirstContact, c.UnemployedSince = model.BenefitUddannelseshjaelp, day("2026-03-02"), day("2026-03-02")
	})
	s.Now = func() time.Time { return time.Date(2026, 6, 1, 9, 0, 0, 0, time.Local) }
	c.Benefit = model.BenefitKontanthjaelp
	must(t, s.UpdateCitizen(c))
	got, err := s.Citizen(c.ID)
	must(t, err)
	due, err := s.DueConversations(r, got)
	must(t, err)
	if got.BenefitSince.Format(model.DateLayout) != "2026-06-01" || due[0].By.Format(model.DateLayout) != "2026-03-09" ||
		due[1].Start.Format(model.DateLayout) != "2026-06-01" || due[1].By.Format(model.DateLayout) != "2026-11-30" {
		t.Errorf("benefit since %s; due %+v", got.BenefitSince.Format(model.DateLayout), due)
	}
	got.Notes = "ingen ny ydelse"
	must(t, s.UpdateCitizen(got))
	if again, _ := s.Citizen(c.ID); !again.BenefitSince.Equal(got.BenefitSince) {
		t.Errorf("an edit without a change of benefit moved the period to %v", again.BenefitSince)
	}
}

// TestAkasseDeadlineFromTheRegistration: registered 3 March 2025, placed in
// a dagpenge period 7 April: the a-kasse's first conversation is due by 17
// March, and Today on 10 March lists it.
func TestAkasseDeadlineFromTheRegistration(t *testing.T) {
	s := newTestStore(t)
	must(t, s.SaveOfficeKind(model.OfficeAkasse))
	now := time.Date(2025, 3, 10, 9, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	makeCitizen(t, s, func(c *model.Citizen) {
		c.Benefit, c.FirstContact, c.UnemployedSince, c.RegisteredOn = model.BenefitDagpenge, day("2025-03-03"), day("2025-04-07"), day("2025-03-03")
	})
	v, err := s.Today(testutil.Content(t), now)
	must(t, err)
	if len(v.Due) != 1 || v.Due[0].Due.ID != "first" || v.Due[0].Due.By.Format(model.DateLayout) != "2025-03-17" {
		t.Errorf("deadlines on 10 March: %+v", v.Due)
	}
}
