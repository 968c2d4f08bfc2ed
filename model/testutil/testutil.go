// Package testutil is the tests' factory for plain model values: the
// embedded content, a valid citizen, a conversation, an opening. It imports
// only model and assets, so every package's tests can use it, the store's
// own included; storetest adds a fresh database on top.
package testutil

import (
	"testing"
	"time"

	"jobspor/assets"
	"jobspor/model"
)

// Content parses the embedded guide, reception plan, rules, catalogue and
// related titles,
// and loads the Danish wording messages are read in.
func Content(t testing.TB) *model.Content {
	t.Helper()
	c, err := model.LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	if err != nil {
		t.Fatalf("the embedded content does not load: %v", err)
	}
	if err := c.LoadRelated(assets.RelatedCSV); err != nil {
		t.Fatalf("the related titles do not load: %v", err)
	}
	if err := model.SetTexts(assets.DanishTexts); err != nil {
		t.Fatalf("the Danish texts do not load: %v", err)
	}
	return c
}

// Citizen is a valid, active citizen first seen 2 November 2026, changed by
// mods first.
func Citizen(mods ...func(*model.Citizen)) *model.Citizen {
	c := &model.Citizen{Name: "Mette Kjær", Phone: "+45 22 33 44 55", Email: "mette@example.dk",
		Benefit: model.BenefitDagpenge, Education: model.EducationSkilled, Status: model.StatusActive,
		FirstContact: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)}
	for _, m := range mods {
		m(c)
	}
	return c
}

// Conversation is a planned job conversation in person for the citizen,
// starting at start and lasting minutes, changed by mods first.
func Conversation(citizenID int64, start time.Time, minutes int, mods ...func(*model.Conversation)) *model.Conversation {
	c := &model.Conversation{CitizenID: citizenID, Start: start, End: start.Add(time.Duration(minutes) * time.Minute),
		Kind: model.KindJob, Form: model.FormInPerson, Attendance: model.AttendancePlanned}
	for _, m := range mods {
		m(c)
	}
	return c
}

// Held marks a conversation as held; Phone makes it a phone conversation.
func Held(c *model.Conversation)  { c.Attendance = model.AttendanceHeld }
func Phone(c *model.Conversation) { c.Form = model.FormPhone }

// Job is an opening with a title, an employer and a deadline, changed by mods.
func Job(title string, deadline time.Time, mods ...func(*model.Job)) *model.Job {
	j := &model.Job{Title: title, Employer: "Kantinen på Havnen", Deadline: deadline}
	for _, m := range mods {
		m(j)
	}
	return j
}

// At reads a local wall-clock time "2006-01-02T15:04"; it panics on a typo,
// which is a broken test, not a user error.
func At(s string) time.Time {
	t, err := time.ParseInLocation(model.WallLayout, s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}
