package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// coverDesk is one caseworker's window, store and office in a test.
type coverDesk struct {
	u   *UI
	st  *store.Store
	svc *office.Service
}

func (l *coverDesk) sync(t *testing.T) {
	t.Helper()
	st, err := l.svc.Sync()
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	if !st.Reachable && st.LastError != "" {
		t.Fatalf("the office did not answer: %s", st.LastError)
	}
	// what the window does after a sync that moved cases (the sync in the
	// window itself, its timer and button, is issue 26's part A)
	l.u.afterOfficeChange(nil)
}

// coverServerDay is the office server's own date: a cover holds by the
// server's date as well as the laptop's, so the laptops' clocks are set to
// it and the test does not hang on which day it runs.
func coverServerDay(t *testing.T, server string) time.Time {
	t.Helper()
	c, err := pgx.Connect(context.Background(), server)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	var day string
	if err := c.QueryRow(context.Background(), `SELECT current_date::text`).Scan(&day); err != nil {
		t.Fatal(err)
	}
	d, err := time.ParseInLocation(model.DateLayout, day, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(9 * time.Hour)
}

// coverOffice is an office on a real server: Lene Eriksen the lead (LE),
// Anne Lund (AL) with two citizens, each with a conversation at 11:00
// today, and Carl Dam (CD) with none; each on a laptop with its window,
// every clock at 09:00 on the server's day.
func coverOffice(t *testing.T) (server string, le, al, cd *coverDesk, day time.Time) {
	t.Helper()
	server = officeServer(t)
	day = coverServerDay(t, server)
	open := func(initials string) *coverDesk {
		u, st := newTestUI(t)
		testClock(u).Set(day)
		svc := &office.Service{Store: st, IdentityPath: filepath.Join(t.TempDir(), initials+".txt"), ConnectTimeout: 5 * time.Second}
		u.SetOffice(svc)
		return &coverDesk{u: u, st: st, svc: svc}
	}
	le = open("LE")
	if _, err := le.svc.Init(server, "LE", "Lene Eriksen"); err != nil {
		t.Fatalf("init: %v", err)
	}
	if _, err := le.svc.Join(server, "LE"); err != nil {
		t.Fatalf("the lead's join: %v", err)
	}
	al, cd = open("AL"), open("CD")
	for _, l := range []struct {
		lap  *coverDesk
		who  string
		name string
	}{{al, "AL", "Anne Lund"}, {cd, "CD", "Carl Dam"}} {
		r, err := l.lap.svc.Recipient()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := le.svc.AddCaseworker(server, l.who, l.name, false, r); err != nil {
			t.Fatalf("add %s: %v", l.who, err)
		}
	}
	// the lead keeps the office's caseworkers; each coverDesk chooses "Jeg er" among them
	for _, c := range []model.Caseworker{{Initials: "LE", Name: "Lene Eriksen"}, {Initials: "AL", Name: "Anne Lund"}, {Initials: "CD", Name: "Carl Dam"}} {
		c := c
		if err := le.st.SaveCaseworker(&c); err != nil {
			t.Fatal(err)
		}
	}
	le.sync(t)
	for i, c := range []model.Citizen{{Name: "Åse Ærø", CPR: "0101904321"}, {Name: "Bent Bøg", CPR: "0202914321"}} {
		made := storetest.AddCitizen(t, al.st, func(x *model.Citizen) { x.Name, x.CPR = c.Name, c.CPR })
		storetest.Plan(t, al.st, made.ID, day.Add(2*time.Hour+time.Duration(i)*time.Hour), 30)
	}
	for _, l := range []*coverDesk{al, cd} {
		if _, err := l.svc.Join(server, map[*coverDesk]string{al: "AL", cd: "CD"}[l]); err != nil {
			t.Fatalf("join: %v", err)
		}
	}
	for l, who := range map[*coverDesk]string{le: "LE", al: "AL", cd: "CD"} {
		if err := l.st.SetMe(who); err != nil {
			t.Fatalf("Jeg er %s: %v", who, err)
		}
		l.u.onMeChanged(who)
	}
	return server, le, al, cd, day
}

// coverCitizenNamed finds a citizen on a laptop by name (0: not there).
func coverCitizenNamed(t *testing.T, st *store.Store, name string) int64 {
	t.Helper()
	rows, err := st.Caseload(testutil.Content(t).Guide, time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Name == name {
			return r.ID
		}
	}
	return 0
}

// coverCaseloadText is every cell the caseload shows for its rows, one row a line.
func coverCaseloadText(u *UI) string {
	u.onCaseload()
	s := u.caseload
	s.who.SetSelectedIndex(0) // Hele kontoret
	var b strings.Builder
	for _, r := range s.rows {
		for col := range caseColumns {
			b.WriteString(s.cellText(r, col) + " | ")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestCoverReachesTheColleagueAndEndsByItself: the lead grants cover for
// AL's cases to CD in the cover dialog; after one sync CD's window lists
// them, each screen of the case says "Du dækker for AL til …", and the
// scope choice names AL; when CD's clock passes the day, one sync takes
// them off CD's coverDesk.
func TestCoverReachesTheColleagueAndEndsByItself(t *testing.T) {
	_, le, al, cd, day := coverOffice(t)
	until := day.AddDate(0, 0, 5)
	le.u.onCaseload()
	if !isCoverButton(le.u.caseload.bar.Objects[0]) {
		t.Fatal("the lead's caseload offers no Dækning…")
	}
	d := newCoverDialog(le.u, le.svc, le.u.win)
	d.show()
	waitFor(t, "the lead's list of covers", func() bool { return d.list.Text != lang.L("cover.list.reading") })
	if d.list.Text != "Ingen dækninger lige nu." {
		t.Fatalf("before any cover the lead sees %q", d.list.Text)
	}
	d.absent.SetSelected("AL – Anne Lund")
	d.to.SetSelected("CD – Carl Dam")
	test.Type(d.until, until.Format("02-01-2006"))
	test.Type(d.reason, "Sygdom")
	d.onGrant()
	waitFor(t, "the cover", func() bool { return !d.busy })
	if got := dialogText(le.u.win); strings.Contains(got, "Fejl") || strings.Contains(got, "afvist") {
		t.Fatalf("granting cover said %q", got)
	}
	waitFor(t, "the list after the grant", func() bool { return strings.Contains(d.list.Text, "CD") })
	wantList := "AL dækkes af CD til og med " + until.Format("02-01-2006") + " (2 sager) – Sygdom · givet af LE"
	if d.list.Text != wantList {
		t.Errorf("the lead sees the covers as %q, want %q", d.list.Text, wantList)
	}
	trail, err := le.st.OfficeAudit()
	if err != nil || len(trail) != 1 || trail[0].Detail != "AL -> CD until "+until.Format(model.DateLayout)+" (2 cases): Sygdom" {
		t.Errorf("the lead's audit trail has %+v (%v)", trail, err)
	}
	if got := d.synced.Text; !strings.Contains(got, "AL: ") || !strings.Contains(got, "CD: ") || strings.Contains(got, "LE: aldrig") {
		t.Errorf("the lead sees the colleagues' last contact as %q", got)
	}
	_ = al

	cd.sync(t)
	want := "Du dækker for AL til " + until.Format("02-01")
	rows := coverCaseloadText(cd.u)
	if !strings.Contains(rows, "Åse Ærø") || !strings.Contains(rows, "Bent Bøg") {
		t.Fatalf("after one sync CD's caseload shows:\n%s", rows)
	}
	if !strings.Contains(rows, "dækker for AL til "+until.Format("02-01")) {
		t.Errorf("CD's caseload rows carry no cover mark:\n%s", rows)
	}
	id := coverCitizenNamed(t, cd.st, "Åse Ærø")
	cd.u.onOpenCitizen(id)
	if got := strings.Join(drawnTexts(cd.u.citizen.root), "\n"); !strings.Contains(got, want) {
		t.Errorf("the citizen screen does not say %q:\n%s", want, got)
	}
	convs, err := cd.st.Conversations(id)
	if err != nil || len(convs) != 1 {
		t.Fatalf("the covered case came with %d conversations (%v)", len(convs), err)
	}
	cs, err := newConversationScreen(cd.u.citizen, cd.st, convs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(drawnTexts(cs.root), "\n"); !strings.Contains(got, want) {
		t.Errorf("the conversation screen does not say %q:\n%s", want, got)
	}

	// Today: the scope choice names AL; AL's covered conversations carry the mark
	cd.u.stack = cd.u.stack[:1]
	cd.u.today.reload()
	if !coverContains(cd.u.today.scope.Options, "AL – Anne Lund") || !coverContains(cd.u.today.scope.Options, "LE – Lene Eriksen") {
		t.Fatalf("CD's scope choice offers %q", cd.u.today.scope.Options)
	}
	if n := len(cd.u.today.view.Conversations); n != 0 {
		t.Errorf("under Mine CD's Today lists %d conversations, want none of CD's own", n)
	}
	cd.u.today.scope.SetSelected("AL – Anne Lund")
	if n := len(cd.u.today.view.Conversations); n != 2 {
		t.Fatalf("with AL chosen CD's Today lists %d conversations, want AL's 2", n)
	}
	if got := strings.Join(drawnTexts(cd.u.today.root), "\n"); !strings.Contains(got, "dækker for AL til "+until.Format("02-01")) {
		t.Errorf("Today's rows carry no cover mark:\n%s", got)
	}

	// a covered case is the colleague's (or the lead's) to hand over
	if !cd.u.handOver([]int64{id}, "LE") || !strings.Contains(dialogText(cd.u.win), "kun kollegaen selv eller kontorets leder") {
		t.Errorf("handing over a covered case says %q", dialogText(cd.u.win))
	}
	if coverCitizenNamed(t, cd.st, "Åse Ærø") != id {
		t.Fatal("the covered case left CD's laptop")
	}

	// the day after the cover's last day: one sync, and the cases are gone
	testClock(cd.u).Set(until.AddDate(0, 0, 1))
	cd.sync(t)
	if id := coverCitizenNamed(t, cd.st, "Åse Ærø"); id != 0 {
		t.Fatalf("after the cover ended and one sync CD still holds Åse Ærø (%d)", id)
	}
	if rows := coverCaseloadText(cd.u); strings.Contains(rows, "Bent Bøg") {
		t.Errorf("after the cover ended CD's caseload still shows:\n%s", rows)
	}
}

// TestOnlyTheLeadGrantsCover: a caseworker who is not the lead is told so
// in Danish, and nothing changes at the office.
func TestOnlyTheLeadGrantsCover(t *testing.T) {
	_, _, al, cd, day := coverOffice(t)
	if cd.u.onCaseload(); isCoverButton(cd.u.caseload.bar.Objects[0]) {
		t.Error("a caseworker who is not the lead is offered Dækning…")
	}
	d := newCoverDialog(cd.u, cd.svc, cd.u.win)
	d.show()
	waitFor(t, "the list of covers", func() bool { return d.list.Text != lang.L("cover.list.reading") })
	if !strings.Contains(d.list.Text, "Kun kontorets leder") {
		t.Errorf("a non-lead reading the covers is told %q", d.list.Text)
	}
	d.absent.SetSelected("AL – Anne Lund")
	d.to.SetSelected("CD – Carl Dam")
	test.Type(d.until, day.AddDate(0, 0, 3).Format("02-01-2006"))
	test.Type(d.reason, "Ferie")
	d.onGrant()
	waitFor(t, "the refusal", func() bool { return !d.busy })
	if got := dialogText(cd.u.win); !strings.Contains(got, "Kun kontorets leder kan give dækning") {
		t.Fatalf("a non-lead granting cover is told %q", got)
	}
	_ = al
	cd.sync(t)
	if id := coverCitizenNamed(t, cd.st, "Åse Ærø"); id != 0 {
		t.Errorf("a refused cover brought AL's case to CD")
	}
}

// TestAHandOverFromTheCitizenScreenMovesTheCase: AL hands a citizen to CD
// from the citizen screen; it leaves AL's coverDesk, and CD has it after a
// sync, as CD's own.
func TestAHandOverFromTheCitizenScreenMovesTheCase(t *testing.T) {
	_, _, al, cd, _ := coverOffice(t)
	al.u.today.reload()
	if n := len(al.u.today.view.Conversations); n != 2 {
		t.Fatalf("under Mine AL's Today lists %d conversations, want the 2 of the citizens she joined with", n)
	}
	id := coverCitizenNamed(t, al.st, "Bent Bøg")
	al.u.onOpenCitizen(id)
	if got := strings.Join(drawnTexts(al.u.citizen.root), "\n"); !strings.Contains(got, "Overdrag til …") {
		t.Fatalf("the citizen screen offers no hand-over:\n%s", got)
	}
	al.u.handOver([]int64{id}, "CD")
	waitFor(t, "the hand-over", func() bool { return al.u.citizen == nil })
	if coverCitizenNamed(t, al.st, "Bent Bøg") != 0 {
		t.Fatal("the case handed over is still on AL's coverDesk")
	}
	if got := coverCaseloadText(al.u); strings.Contains(got, "Bent Bøg") || !strings.Contains(got, "Åse Ærø") {
		t.Errorf("after the hand-over AL's caseload shows:\n%s", got)
	}
	cd.sync(t)
	moved := coverCitizenNamed(t, cd.st, "Bent Bøg")
	if moved == 0 {
		t.Fatal("CD does not have the case after a sync")
	}
	c, err := cd.st.Citizen(moved)
	if err != nil || c.Caseworker != "CD" {
		t.Fatalf("CD's copy names caseworker %q (%v)", c.Caseworker, err)
	}
	if cd.u.coverText(moved) != "" {
		t.Errorf("a case handed over is marked as covered: %q", cd.u.coverText(moved))
	}
	trail, err := al.st.AuditFor(id)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range trail {
		found = found || a.Action == "office hand-over" && strings.Contains(a.Detail, "CD")
	}
	if !found {
		t.Errorf("AL's audit trail does not record the hand-over: %+v", trail)
	}
}

// TestAHandOverNeedsTheOffice: when the office does not answer, the
// hand-over says so in Danish and moves nothing.
func TestAHandOverNeedsTheOffice(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st)
	if err := st.JoinOffice("postgres://nobody@/jobspor?host=/nonexistent&port=1", "AL", st.NewGid()); err != nil {
		t.Fatal(err)
	}
	svc := &office.Service{Store: st, IdentityPath: filepath.Join(t.TempDir(), "id.txt"), ConnectTimeout: time.Second}
	u.SetOffice(svc)
	u.handOver([]int64{c.ID}, "CD")
	waitFor(t, "the answer", func() bool { return dialogText(u.win) != "" })
	if got := dialogText(u.win); !strings.Contains(got, "Kontoret svarer ikke, og en overdragelse kræver kontoret") {
		t.Errorf("an unreachable office says %q", got)
	}
	if _, err := st.Citizen(c.ID); err != nil {
		t.Errorf("the citizen left the laptop: %v", err)
	}
}

// TestTheScopeChoiceNamesColleaguesWithoutAnOffice: on a laptop without an
// office the colleagues are the caseworkers kept on it, and choosing one
// shows that colleague's conversations.
func TestTheScopeChoiceNamesColleaguesWithoutAnOffice(t *testing.T) {
	u, st := officeOfTwo(t)
	if err := st.SetMe("AL"); err != nil {
		t.Fatal(err)
	}
	u.onMeChanged("AL")
	if got := u.today.scope.Options; strings.Join(got, ",") != "Mine,JK – Jens Kure,Hele kontoret" {
		t.Fatalf("the scope choice offers %q", got)
	}
	u.today.scope.SetSelected("JK – Jens Kure")
	if n := len(u.today.view.Conversations); n != 1 || u.today.view.Conversations[0].Name != "Carl Clausen" {
		t.Errorf("with JK chosen Today lists %+v", u.today.view.Conversations)
	}
	u.today.scope.SetSelected("Mine")
	if n := len(u.today.view.Conversations); n != 2 {
		t.Errorf("under Mine Today lists %d conversations, want AL's 2", n)
	}
}

func coverContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
