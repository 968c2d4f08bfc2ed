package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// newLaptop opens a window on its own database; the office is joined later.
func newLaptop(t *testing.T, a fyne.App) *officeLaptop {
	t.Helper()
	st := storetest.Open(t)
	w := a.NewWindow("Jobspor")
	w.Resize(fyne.NewSize(1366, 768))
	clock := model.NewFixedClock(time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local))
	st.Now = clock.Now
	u := New(a, w, st, testutil.Content(t), &fakeHandouts{}, clock)
	closeAtEnd(t, u)
	v := &office.Service{Store: st, IdentityPath: filepath.Join(t.TempDir(), "id.txt"), ConnectTimeout: 5 * time.Second}
	u.SetOffice(v)
	return &officeLaptop{ui: u, store: st, office: v}
}

// twoLaptops makes an office on a fresh database: lead's laptop inits it
// as lead, the other joins as other; both have joined.
func twoLaptops(t *testing.T, lead, other string) (server string, l, o *officeLaptop) {
	t.Helper()
	server = officeServer(t)
	a := test.NewTempApp(t)
	l, o = newLaptop(t, a), newLaptop(t, a)
	if _, err := l.office.Init(server, lead, "Leder "+lead); err != nil {
		t.Fatalf("init: %v", err)
	}
	recipient, err := o.office.Recipient()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.office.AddCaseworker(server, other, "Kollega "+other, false, recipient); err != nil {
		t.Fatalf("add caseworker: %v", err)
	}
	for _, x := range []struct {
		p *officeLaptop
		i string
	}{{l, lead}, {o, other}} {
		if _, err := x.p.office.Join(server, x.i); err != nil {
			t.Fatalf("join %s: %v", x.i, err)
		}
	}
	return server, l, o
}

func (p *officeLaptop) sync(t *testing.T) {
	t.Helper()
	st, err := p.office.Sync()
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	if st.LastError != "" {
		t.Fatalf("sync did not reach the office: %s", st.LastError)
	}
}

// newCase registers a citizen on p and sends it to the office.
func (p *officeLaptop) newCase(t *testing.T, name string) *model.Citizen {
	t.Helper()
	c := &model.Citizen{Name: name, Phone: "10 10 10 10", Notes: "Første samtale aftalt.", Benefit: model.BenefitDagpenge,
		Education: model.EducationSkilled, Status: model.StatusActive, FirstContact: p.ui.now()}
	if err := p.store.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	p.sync(t)
	return c
}

// localCitizen finds the citizen with gid on p (fails when it is not there).
func (p *officeLaptop) localCitizen(t *testing.T, gid string) *model.Citizen {
	t.Helper()
	id, err := p.store.CitizenIDByGid(gid)
	if err != nil || id == 0 {
		t.Fatalf("citizen %s is not on this laptop (%v)", gid, err)
	}
	c, err := p.store.Citizen(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// asCaseworker runs SQL at the office logged in as initials.
func asCaseworker(t *testing.T, server, initials, sql string, args ...any) {
	t.Helper()
	cfg, err := pgx.ParseConfig(server)
	if err != nil {
		t.Fatal(err)
	}
	cfg.User = office.RoleName(initials)
	c, err := pgx.ConnectConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(context.Background(), sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// sharedCase: AL registers a citizen and the lead grants BK cover, so that
// both laptops hold the case. It returns the citizen on each.
func sharedCase(t *testing.T, al, bk *officeLaptop) (onAL, onBK *model.Citizen, gid string) {
	t.Helper()
	onAL = al.newCase(t, "Åse Ørum")
	if err := al.office.Cover([]int64{onAL.ID}, "BK", time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC), "Ferie"); err != nil {
		t.Fatalf("cover: %v", err)
	}
	gid, err := al.store.CitizenGid(onAL.ID)
	if err != nil {
		t.Fatal(err)
	}
	bk.sync(t)
	return onAL, bk.localCitizen(t, gid), gid
}

// editInWindow changes a citizen through the window's form, as a caseworker does.
func editInWindow(t *testing.T, u *UI, c *model.Citizen, edit func(f *citizenForm)) {
	t.Helper()
	u.onOpenCitizen(c.ID)
	u.onEditCitizen(u.citizen.citizen)
	edit(u.form)
	test.Tap(u.form.save)
	if u.form != nil {
		t.Fatalf("the form did not save: %q", u.form.problems.Text)
	}
}

// openConflicts taps Today's count and returns the conflict screen.
func openConflicts(t *testing.T, u *UI, want string) *conflictsScreen {
	t.Helper()
	u.stack = u.stack[:1]
	u.show(u.today.content())
	u.today.load()
	if len(u.today.conflicts.Objects) != 1 {
		t.Fatalf("Today shows no count of conflicts")
	}
	b := u.today.conflicts.Objects[0].(*widget.Button)
	if b.Text != want {
		t.Errorf("Today says %q, want %q", b.Text, want)
	}
	test.Tap(b)
	s, ok := u.top().(*conflictsScreen)
	if !ok {
		t.Fatalf("the count opened %T, not the conflict screen", u.top())
	}
	return s
}

// shown is every text on the screen, joined.
func shown(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *secondaryLabel:
			b.WriteString(x.Text + "\n")
		case *widget.Check:
			b.WriteString(x.Text + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		case *widget.Card:
			walk(x.Content)
		case *container.Scroll:
			walk(x.Content)
		case *container.Split:
			walk(x.Leading)
			walk(x.Trailing)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func wantShown(t *testing.T, what string, o fyne.CanvasObject, texts ...string) {
	t.Helper()
	all := shown(o)
	for _, s := range texts {
		if !strings.Contains(all, s) {
			t.Errorf("%s does not show %q; it shows:\n%s", what, s, all)
		}
	}
}

// A edits a citizen's phone number offline, B edits it online, A syncs:
// A's conflict screen shows both values with who; "Brug min" wins on both
// laptops after the next sync of both; the choice is audited, and the
// office hears of it.
func TestPhoneEditedOnTwoLaptopsIsSettledByAPersonAndMineWinsOnBoth(t *testing.T) {
	server, al, bk := twoLaptops(t, "AL", "BK")
	onAL, onBK, gid := sharedCase(t, al, bk)

	editInWindow(t, al.ui, onAL, func(f *citizenForm) { f.phone.SetText("11 11 11 11") }) // offline: no sync
	onBK.Phone = "22 22 22 22"
	if err := bk.store.UpdateCitizen(onBK); err != nil {
		t.Fatal(err)
	}
	bk.sync(t)
	al.sync(t)

	if n := al.ui.conflictCount(0); n != 1 {
		t.Fatalf("AL's laptop counts %d conflicts, want 1", n)
	}
	al.ui.onOpenCitizen(onAL.ID)
	wantShown(t, "the case's banner", al.ui.citizen.content(), "En ændring på denne borger venter på din afgørelse", "Se og afgør")
	s := openConflicts(t, al.ui, "1 ændring venter på din afgørelse")
	wantShown(t, "the conflict screen", s.content(), "Åse Ørum  ·  Telefon", "Din ændring", "11 11 11 11",
		"Skrevet på denne computer 23. november 2026 kl. 10.00", "Kontorets værdi – fra BK", "22 22 22 22", "Ændret af BK",
		"Behold deres", "Brug min", "Ret")
	if strings.Contains(shown(s.content()), "phone") {
		t.Error("the conflict screen shows the column name")
	}
	if len(s.cards) != 1 {
		t.Fatalf("%d cards, want 1", len(s.cards))
	}
	for _, card := range s.cards {
		test.Tap(card.mine)
	}
	if len(s.cards) != 0 || al.ui.conflictCount(0) != 0 {
		t.Fatalf("after Brug min %d cards and %d conflicts remain", len(s.cards), al.ui.conflictCount(0))
	}
	wantShown(t, "the conflict screen", s.content(), "Ingen ændringer venter på din afgørelse.")

	al.sync(t)
	bk.sync(t)
	if p := al.localCitizen(t, gid).Phone; p != "11 11 11 11" {
		t.Errorf("AL's laptop shows %q after both synced, want AL's value", p)
	}
	if p := bk.localCitizen(t, gid).Phone; p != "11 11 11 11" {
		t.Errorf("BK's laptop shows %q after both synced, want AL's value", p)
	}
	wantAudited(t, al.store, onAL.ID, "telefon", "mine")
	wantResolvedAtOffice(t, server, "phone", "mine", "AL")
}

// wantAudited finds the resolution in the citizen's audit trail.
func wantAudited(t *testing.T, st *store.Store, id int64, field, how string) {
	t.Helper()
	entries, err := st.AuditFor(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Action == "office conflict" && strings.HasSuffix(e.Detail, " "+how) {
			return
		}
	}
	t.Errorf("no audit entry for the resolution (%s of %s) among %d", how, field, len(entries))
}

// wantResolvedAtOffice: the office's conflict row carries the person's choice.
func wantResolvedAtOffice(t *testing.T, server, field, how, by string) {
	t.Helper()
	c, err := pgx.Connect(context.Background(), server)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	var res, who string
	err = c.QueryRow(context.Background(), `SELECT resolution, coalesce(resolved_by, '') FROM jobspor.conflict WHERE field = $1`, field).Scan(&res, &who)
	if err != nil {
		t.Fatalf("the office's conflict row: %v", err)
	}
	if res != how || who != by {
		t.Errorf("the office holds the conflict as %q by %q, want %q by %q", res, who, how, by)
	}
	var n int
	err = c.QueryRow(context.Background(), `SELECT count(*) FROM jobspor.audit WHERE action = $1 AND actor = $2 AND detail LIKE $3`,
		"conflict "+how, by, "%."+field).Scan(&n)
	if err != nil || n != 1 {
		t.Errorf("the office's audit has %d entries for the resolution (%v), want 1", n, err)
	}
}

// A resolution made offline reaches the office with the next sync.
func TestAResolutionMadeOfflineReachesTheOfficeAtTheNextSync(t *testing.T) {
	server, al, bk := twoLaptops(t, "AL", "BK")
	onAL, onBK, _ := sharedCase(t, al, bk)
	onAL.Email = "ase@eksempel.dk"
	if err := al.store.UpdateCitizen(onAL); err != nil {
		t.Fatal(err)
	}
	onBK.Email = "ase.orum@eksempel.dk"
	if err := bk.store.UpdateCitizen(onBK); err != nil {
		t.Fatal(err)
	}
	bk.sync(t)
	al.sync(t)
	bk.sync(t) // BK's laptop holds AL's conflict on the shared case: it is AL's to settle
	if raw, _ := bk.store.Conflicts(); len(raw) != 1 || raw[0].Author != "AL" {
		t.Fatalf("BK's laptop holds %+v, want AL's conflict", raw)
	}
	if st, _ := bk.office.Status(); st.Conflicts != 0 || bk.ui.conflictCount(0) != 0 {
		t.Errorf("BK is asked about AL's conflict: status %d, window %d", st.Conflicts, bk.ui.conflictCount(0))
	}
	if st, _ := al.office.Status(); st.Conflicts != 1 {
		t.Errorf("AL's status counts %d conflicts, want 1", st.Conflicts)
	}
	s := openConflicts(t, al.ui, "1 ændring venter på din afgørelse")
	for _, card := range s.cards {
		test.Tap(card.theirs) // no connection is made: the choice waits here
	}
	pending, err := al.store.PendingResolutions()
	if err != nil || len(pending) != 1 {
		t.Fatalf("%d resolutions wait to be sent (%v), want 1", len(pending), err)
	}
	al.sync(t)
	wantResolvedAtOffice(t, server, "email", "theirs", "AL")
	if pending, _ := al.store.PendingResolutions(); len(pending) != 0 {
		t.Errorf("%d resolutions still wait after the sync", len(pending))
	}
}

// "Ret": the value typed is kept, written as a new edit, on both laptops.
func TestRetWritesTheTypedValueAsANewEdit(t *testing.T) {
	_, al, bk := twoLaptops(t, "AL", "BK")
	onAL, onBK, gid := sharedCase(t, al, bk)
	onAL.Phone = "11 11 11 11"
	al.store.UpdateCitizen(onAL)
	onBK.Phone = "22 22 22 22"
	bk.store.UpdateCitizen(onBK)
	bk.sync(t)
	al.sync(t)
	s := openConflicts(t, al.ui, "1 ændring venter på din afgørelse")
	var c model.OfficeConflict
	for _, x := range s.items {
		c = x
	}
	err := s.office.Settle(c.ID, "edited", "ring til mor")
	if err == nil || !strings.Contains(errText(err), "Telefonnummeret") {
		t.Errorf("Ret with a phone number the form refuses: %v (%q)", err, errText(err))
	}
	if p := al.localCitizen(t, gid).Phone; p != "22 33 44 55" && p != "22 22 22 22" || al.ui.conflictCount(0) != 1 {
		t.Errorf("a refused Ret left the phone %q and %d conflicts", p, al.ui.conflictCount(0))
	}
	s.onSettle(c, "edited", "33 33 33 33")
	al.sync(t)
	bk.sync(t)
	if a, b := al.localCitizen(t, gid).Phone, bk.localCitizen(t, gid).Phone; a != "33 33 33 33" || b != "33 33 33 33" {
		t.Errorf("after Ret the laptops show %q and %q, want the typed value", a, b)
	}
	wantAudited(t, al.store, onAL.ID, "telefon", "edited: 33 33 33 33")
}

// Two versions of a note, written apart: both are shown side by side on
// both laptops, both are kept at the office, nothing is lost.
func TestANoteWrittenOnTwoLaptopsShowsBothVersionsAndLosesNothing(t *testing.T) {
	server, al, bk := twoLaptops(t, "AL", "BK")
	onAL, onBK, _ := sharedCase(t, al, bk)
	editInWindow(t, al.ui, onAL, func(f *citizenForm) { f.notes.SetText("AL: ringede, hun søger lager.") })
	onBK.Notes = "BK: mødte op, vil gerne i praktik."
	if err := bk.store.UpdateCitizen(onBK); err != nil {
		t.Fatal(err)
	}
	bk.sync(t)
	al.sync(t)
	s := openConflicts(t, al.ui, "1 ændring venter på din afgørelse")
	wantShown(t, "AL's conflict screen", s.content(), "Noter om borgeren", "Din udgave", "AL: ringede, hun søger lager.",
		"Udgave fra BK", "BK: mødte op, vil gerne i praktik.", "Begge udgaver er gemt")
	for _, card := range s.cards {
		test.Tap(card.seen)
	}
	bk.sync(t)
	s = openConflicts(t, bk.ui, "1 ændring venter på din afgørelse")
	wantShown(t, "BK's conflict screen", s.content(), "Din udgave", "BK: mødte op, vil gerne i praktik.",
		"Udgave fra AL", "AL: ringede, hun søger lager.")
	c, err := pgx.Connect(context.Background(), server)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	var n int
	c.QueryRow(context.Background(), `SELECT count(*) FROM jobspor.note WHERE body IN ($1, $2)`,
		"AL: ringede, hun søger lager.", "BK: mødte op, vil gerne i praktik.").Scan(&n)
	if n != 2 {
		t.Errorf("the office keeps %d of the two versions", n)
	}
	wantAudited(t, al.store, onAL.ID, "noter", "seen")
}

// A change refused because the case was handed away meanwhile is shown
// with its text (honest that the case has left the laptop); the note the
// former owner wrote after the hand-over reaches the new owner marked.
func TestARefusedChangeIsShownWithItsTextAndTheLateNoteArrivesMarked(t *testing.T) {
	server, bk, al := twoLaptops(t, "BK", "AL") // BK leads; AL owns the case
	onAL := al.newCase(t, "Åse Ørum")
	gid, err := al.store.CitizenGid(onAL.ID)
	if err != nil {
		t.Fatal(err)
	}
	// offline on AL's laptop: a new phone number and a note
	editInWindow(t, al.ui, onAL, func(f *citizenForm) {
		f.phone.SetText("44 44 44 44")
		f.notes.SetText("Skrevet på toget: hun har fået job på lageret.")
	})
	asCaseworker(t, server, "BK", `SELECT jobspor.move_case($1, 'BK')`, gid) // the lead hands the case to BK
	al.sync(t)

	s := openConflicts(t, al.ui, "1 ændring venter på din afgørelse")
	wantShown(t, "AL's conflict screen", s.content(), "Kontoret tog ikke imod din ændring", "Telefon: 44 44 44 44",
		"Borgeren er ikke længere på denne computer", "Kopiér teksten")
	for _, card := range s.cards {
		if card.open != nil {
			t.Error("a case no longer on the laptop offers to open it")
		}
		test.Tap(card.copy)
		if got := al.ui.app.Clipboard().Content(); !strings.Contains(got, "44 44 44 44") {
			t.Errorf("the copied text is %q", got)
		}
		test.Tap(card.seen)
	}

	bk.sync(t)
	onBK := bk.localCitizen(t, gid)
	bk.ui.onOpenCitizen(onBK.ID)
	wantShown(t, "BK's case", bk.ui.citizen.content(), "En note på denne borger er skrevet efter overdragelsen – se den")
	test.Tap(findButton(t, bk.ui.citizen.content(), "Se og afgør"))
	s, ok := bk.ui.top().(*conflictsScreen)
	if !ok || s.citizenID != onBK.ID {
		t.Fatalf("the banner opened %T, not the conflict screen for the citizen", bk.ui.top())
	}
	wantShown(t, "BK's conflict screen", s.content(), "Ændringer på Åse Ørum der venter på din afgørelse",
		"Skrevet efter overdragelse", "Skrevet på toget: hun har fået job på lageret.", "AL skrev noten 23. november 2026 kl. 10.00 (efter sin computers ur). Sagen var overdraget")
	if onBK.Notes != "Skrevet på toget: hun har fået job på lageret." {
		t.Errorf("BK's case holds the notes %q", onBK.Notes)
	}
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// Without an office nothing of this shows: no count on Today, no banner.
func TestWithoutAnOfficeNoConflictCountOrBanner(t *testing.T) {
	u, st := newTestUI(t)
	c := &model.Citizen{Name: "Åse Ørum", Benefit: model.BenefitDagpenge, Education: model.EducationSkilled,
		Status: model.StatusActive, FirstContact: u.now()}
	if err := st.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	u.today.load()
	if len(u.today.conflicts.Objects) != 0 {
		t.Error("Today shows a conflict count without an office")
	}
	u.onOpenCitizen(c.ID)
	if strings.Contains(shown(u.citizen.content()), "afgørelse") {
		t.Error("the case shows a conflict banner without an office")
	}
}

// An operation the office refused whole (say, from too old a Jobspor) is
// kept on the laptop as one refusal holding the record's fields and its
// note's text: the conflict screen shows both to enter again, not "(en
// sletning)".
func TestARefusedRecordWithItsNoteShowsBothTexts(t *testing.T) {
	c := model.OfficeConflict{Table: "citizens", Field: "*, note:notes", Outcome: "rejected",
		Mine: `{"name":"Søren Ærø","phone":"12345678"}` + "\nAftalt praktik hos Bager Ærø\nStart mandag."}
	got := refusedText(c)
	for _, want := range []string{"Søren Ærø", "12345678", "Aftalt praktik hos Bager Ærø\nStart mandag."} {
		if !strings.Contains(got, want) {
			t.Errorf("the refused change shows %q, without %q", got, want)
		}
	}
}

// A refused citizen record (kept as "*, note:notes": the record and its
// notes) is titled so a caseworker knows what it is: "Borgerens
// oplysninger", not "Et felt i borgeren"; a refused conversation names the
// conversation; known fields keep their own labels.
func TestARefusedCitizenRecordIsTitledTheCitizensDetails(t *testing.T) {
	for _, c := range []struct {
		c    model.OfficeConflict
		want string
	}{
		{model.OfficeConflict{Table: "citizens", Field: "*, note:notes", Outcome: "rejected", Kind: model.ConflictRefused,
			Mine: `{"name":"Søren Ærø"}` + "\nStart mandag."}, "Søren Ærø  ·  Borgerens oplysninger"},
		{model.OfficeConflict{Table: "citizens", Field: "*", Outcome: "rejected", Kind: model.ConflictRefused,
			CitizenName: "Søren Ærø"}, "Søren Ærø  ·  Borgerens oplysninger"},
		{model.OfficeConflict{Table: "conversations", Field: "*, note:notes", Outcome: "rejected", Kind: model.ConflictRefused,
			CitizenName: "Søren Ærø"}, "Søren Ærø  ·  Ændring af en samtale"},
		{model.OfficeConflict{Table: "citizens", Field: "phone", Outcome: "conflict", Kind: model.ConflictField,
			CitizenName: "Søren Ærø"}, "Søren Ærø  ·  Telefon"},
		{model.OfficeConflict{Table: "citizens", Field: "note:notes", Outcome: "rejected", Kind: model.ConflictRefused,
			CitizenName: "Søren Ærø"}, "Søren Ærø  ·  Noter om borgeren"},
	} {
		if got := cardTitle(c.c); got != c.want {
			t.Errorf("%s %q is titled %q, want %q", c.c.Table, c.c.Field, got, c.want)
		}
		if strings.Contains(cardTitle(c.c), "Et felt") {
			t.Errorf("%s %q is titled %q", c.c.Table, c.c.Field, cardTitle(c.c))
		}
	}
}
