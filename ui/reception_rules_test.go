package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// receptionText is every label's text on the citizen's reception section.
func receptionText(cs *citizenScreen) string {
	var b strings.Builder
	walk(cs.content(), func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			b.WriteString(l.Text + "\n")
		case *secondaryLabel:
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// TestReceptionShowsTheRuleAndTheExemption: a kontanthjælp citizen first
// seen 9 November 2026 is under the rule from 1 July 2026, which rests on
// STAR's guidance: the window says the rule in plain Danish, its
// paragraphs and "Bygger på STAR's vejledning"; an exemption with a reason
// is shown in the case and can be undone.
func TestReceptionShowsTheRuleAndTheExemption(t *testing.T) {
	u, st := newTestUI(t) // Monday 23 November 2026
	st.Now = u.now
	c := storetest.AddCitizen(t, st, func(c *model.Citizen) {
		c.Name, c.Benefit, c.FirstContact = "Karl Kontant", model.BenefitKontanthjaelp, time.Date(2026, 11, 9, 0, 0, 0, 0, time.UTC)
	})
	u.onOpenCitizen(c.ID)
	cs := u.citizen
	cs.nav.Select(sectionReception)
	text := receptionText(cs)
	for _, want := range []string{"Kontanthjælp, ledig fra 1. juli 2026: Første jobsamtale holdes med alle jobparate",
		"Hjemmel: LAB § 31 efter lov nr. 1750", "Bygger på STAR's vejledning"} {
		if !strings.Contains(text, want) {
			t.Errorf("the reception section lacks %q:\n%s", want, text)
		}
	}
	variant := ""
	walk(cs.content(), func(o fyne.CanvasObject) {
		if s, ok := o.(*safeSelect); ok && strings.HasPrefix(s.Selected, "Modtagelsesplanen") {
			variant = s.Selected
		}
	})
	if variant != "Modtagelsesplanen som den er" {
		t.Errorf("the reception variant picker shows %q", variant)
	}
	if err := st.Exempt(&model.Exemption{CitizenID: c.ID, Reason: "Har selv fundet jobsamtaler", DecidedOn: u.now()}); err != nil {
		t.Fatal(err)
	}
	cs.nav.Select(sectionReception)
	u.onOpenCitizen(c.ID)
	cs = u.citizen
	cs.nav.Select(sectionReception)
	if text = receptionText(cs); !strings.Contains(text, "Fritaget fra minimumskravet om jobsamtaler efter en konkret vurdering den 23-11-2026") ||
		!strings.Contains(text, "Har selv fundet jobsamtaler") {
		t.Errorf("the exemption is not shown:\n%s", text)
	}
	var undo *widget.Button
	walk(cs.content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Ophæv fritagelsen" {
			undo = b
		}
	})
	if undo == nil {
		t.Fatal("no button to undo the exemption")
	}
	test.Tap(undo)
	if open, _ := st.OpenExemption(c.ID); open != nil {
		t.Error("the exemption is still open after undoing it")
	}
}
