package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/testutil"
)

// sameCitizenOn registers Karen Holm (the same CPR number) on p before it
// joins, with n conversations, each with a note.
func sameCitizenOn(t *testing.T, p *officeLaptop, n int, who string) *model.Citizen {
	t.Helper()
	c := testutil.Citizen(func(c *model.Citizen) {
		c.Name, c.CPR, c.Notes = "Karen Holm", model.CPR("0303551234"), "Noter fra "+who+": ringer helst om formiddagen."
	})
	if err := p.store.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= n; k++ {
		cv := testutil.Conversation(c.ID, testutil.At("2026-11-02T09:00").Add(time.Duration(k)*24*time.Hour), 30,
			func(cv *model.Conversation) {
				cv.Notes = fmt.Sprintf("%s, samtale %d: vil gerne være lagerarbejder.", who, k)
			})
		if err := p.store.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// Two laptops both hold Karen Holm (the same CPR number) with
// conversations and notes, and both join. The second is refused her and
// each of her records, and asks its caseworker ONE question: the header
// and Today count it once, the conflict screen shows one card with every
// text of the case (copied at one tap), and the case stays on the laptop.
// Closing the question is audited and closes every refusal at the office;
// a real conflict (a phone number both changed) still shows as before.
func TestACitizenAlreadyAtTheOfficeIsOneQuestion(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	a := test.NewTempApp(t)
	al, bk := newLaptop(t, a), newLaptop(t, a)
	sameCitizenOn(t, al, 1, "AL")
	karen := sameCitizenOn(t, bk, 3, "BK")
	if _, err := al.office.Init(server, "AL", "Leder AL"); err != nil {
		t.Fatal(err)
	}
	recipient, err := bk.office.Recipient()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := al.office.AddCaseworker(server, "BK", "Kollega BK", false, recipient); err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		p *officeLaptop
		i string
	}{{al, "AL"}, {bk, "BK"}} {
		if _, err := x.p.office.Join(server, x.i); err != nil {
			t.Fatalf("join %s: %v", x.i, err)
		}
	}
	bk.ui.officeBar.sync.begin(false) // joined: the header shows the office
	// a real conflict beside it: a phone number both changed
	_, onBK, _ := sharedCase(t, al, bk)
	editInWindow(t, bk.ui, onBK, func(f *citizenForm) { f.phone.SetText("11 11 11 11") }) // offline: no sync
	asCaseworker(t, server, "AL", `UPDATE jobspor.citizens SET phone = '22 22 22 22', version = version + 1 WHERE name = 'Åse Ørum'`)
	bk.syncFromHeader(t)

	if h := bk.headerText(); !strings.Contains(h, " · 2 konflikter at afgøre") {
		t.Errorf("BK's header says %q, want two questions (the case and the phone number)", h)
	}
	s := openConflicts(t, bk.ui, "2 ændringer venter på din afgørelse")
	if len(s.cards) != 2 {
		t.Fatalf("the conflict screen shows %d cards, want 2:\n%s", len(s.cards), shown(s.content()))
	}
	wantShown(t, "the conflict screen", s.content(), "Åse Ørum  ·  Telefon", "Behold deres", "Brug min",
		"Karen Holm  ·  Findes allerede på kontoret",
		"Borgeren Karen Holm findes allerede på kontoret (hos en kollega). Din sag med 3 samtaler og 4 noter er ikke sendt; den er stadig her.",
		"Kopiér teksterne", "Færdig – luk spørgsmålet", "Åbn borgeren",
		"Noter fra BK: ringer helst om formiddagen.", "BK, samtale 1: vil gerne være lagerarbejder.",
		"BK, samtale 3: vil gerne være lagerarbejder.")
	if all := shown(s.content()); strings.Contains(all, "0303551234") || strings.Contains(all, "030355-1234") {
		t.Error("the conflict screen shows the CPR number")
	}
	var card *conflictCard
	for id, c := range s.cards {
		if strings.HasPrefix(id, "case:") {
			card = c
		}
	}
	if card == nil {
		t.Fatal("no card for Karen Holm's case")
	}
	bk.ui.onOpenCitizen(karen.ID)
	wantShown(t, "Karen Holm's banner", bk.ui.citizen.content(),
		"Borgeren findes allerede på kontoret hos en kollega: sagen er ikke sendt, men den er her stadig", "Se og afgør")
	s = openConflicts(t, bk.ui, "2 ændringer venter på din afgørelse")
	for id, c := range s.cards {
		if strings.HasPrefix(id, "case:") {
			card = c
		}
	}
	test.Tap(card.copy)
	clip := a.Clipboard().Content()
	for k := 1; k <= 3; k++ {
		if want := fmt.Sprintf("BK, samtale %d: vil gerne være lagerarbejder.", k); !strings.Contains(clip, want) {
			t.Errorf("Kopiér teksterne did not copy %q:\n%s", want, clip)
		}
	}

	test.Tap(card.seen)
	if len(s.cards) != 1 || bk.ui.conflictCount(0) != 1 {
		t.Fatalf("after Færdig %d cards and %d conflicts remain, want the phone number's", len(s.cards), bk.ui.conflictCount(0))
	}
	wantShown(t, "the conflict screen", s.content(), "Åse Ørum  ·  Telefon")
	if h := bk.headerText(); !strings.Contains(h, " · 1 konflikt at afgøre") {
		t.Errorf("right after Færdig BK's header says %q, want the phone number's one", h)
	}
	wantAudited(t, bk.store, karen.ID, "the case", "dismissed")
	if cvs, _ := bk.store.Conversations(karen.ID); len(cvs) != 3 {
		t.Errorf("Karen Holm has %d conversations on BK's laptop, want all 3 kept", len(cvs))
	}
	if c, err := bk.store.Citizen(karen.ID); err != nil || c.Notes != karen.Notes {
		t.Errorf("Karen Holm's notes on BK's laptop: %v", err)
	}

	bk.syncFromHeader(t)
	if h := bk.headerText(); !strings.Contains(h, " · 1 konflikt at afgøre") {
		t.Errorf("after the sync BK's header says %q, want the phone number's one", h)
	}
	c, err := pgx.Connect(context.Background(), server)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	var open, closed int
	err = c.QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE resolution = ''), count(*) FILTER (WHERE resolution = 'dismissed')
		FROM jobspor.conflict WHERE outcome = 'rejected' AND author = 'BK'`).Scan(&open, &closed)
	if err != nil || open != 0 || closed < 4 {
		t.Errorf("the office holds %d of BK's refusals open and %d dismissed (%v), want none open", open, closed, err)
	}
}
