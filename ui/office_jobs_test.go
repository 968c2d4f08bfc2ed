package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/model/store/storetest"
)

// jobsLaptop is one caseworker's window in an office: the window, its store
// and its office tier over that store.
type jobsLaptop struct {
	u *UI
	s *store.Store
	v *office.Service
}

// sync meets the office, as the header's sync does, and fails the test
// when it cannot.
func (l jobsLaptop) sync(t *testing.T) {
	t.Helper()
	st, err := l.v.Sync()
	if err != nil || !st.Reachable || st.Pending != 0 {
		t.Fatalf("sync of %s: %+v %v", l.u.me, st, err)
	}
}

// officeLeadAndAB makes an office on a fresh server: the lead LE (who made it)
// and the caseworker AB, each with a window of their own, joined.
func officeLeadAndAB(t *testing.T) (lead, ab jobsLaptop) {
	t.Helper()
	server := officeServer(t)
	open := func(initials string) jobsLaptop {
		u, s := newTestUI(t)
		u.me = initials
		v := &office.Service{Store: s, IdentityPath: filepath.Join(t.TempDir(), initials+".txt"), ConnectTimeout: 5 * time.Second}
		return jobsLaptop{u, s, v}
	}
	lead, ab = open("LE"), open("AB")
	if _, err := lead.v.Init(server, "LE", "Lene Eriksen"); err != nil {
		t.Fatalf("init: %v", err)
	}
	if _, err := lead.v.Join(server, "LE"); err != nil {
		t.Fatalf("the lead joins: %v", err)
	}
	rec, err := ab.v.Recipient()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lead.v.AddCaseworker(server, "AB", "Anna Berg", false, rec); err != nil {
		t.Fatal(err)
	}
	if _, err := ab.v.Join(server, "AB"); err != nil {
		t.Fatalf("AB joins: %v", err)
	}
	lead.u.SetOffice(lead.v)
	ab.u.SetOffice(ab.v)
	return lead, ab
}

// addJob adds an opening in the window's job list, as a caseworker types it.
func addJob(t *testing.T, u *UI, title, employer string, hot bool) {
	t.Helper()
	u.onJobList()
	s := u.top().(*jobListScreen)
	test.Type(s.form.title.entry, title)
	test.Type(s.form.employer, employer)
	s.form.hot.SetChecked(hot)
	test.Tap(s.form.save)
	if !hasJob(s.jobs, title) {
		t.Fatalf("the job %q was not saved: %+v", title, s.jobs)
	}
	u.goBack()
}

func hasJob(jobs []model.Job, title string) bool {
	for _, j := range jobs {
		if j.Title == title {
			return true
		}
	}
	return false
}

// A job a caseworker adds on her laptop is on her lead's job list after one
// sync each, and the list says it is the office's; a caseworker cannot edit
// or remove the office's jobs (the lead does), the lead can.
func TestAJobAddedOnOneLaptopIsOnTheColleaguesJobListAfterASync(t *testing.T) {
	lead, ab := officeLeadAndAB(t)
	addJob(t, ab.u, "Lagermedarbejder", "Coop Vejle", false)
	ab.sync(t)
	lead.sync(t)
	lead.u.onJobList()
	s := lead.u.top().(*jobListScreen)
	if !hasJob(s.jobs, "Lagermedarbejder") {
		t.Fatalf("the lead's job list after one sync: %+v", s.jobs)
	}
	if got := test.WidgetRenderer(s.list).Objects(); len(got) == 0 {
		t.Fatal("the job list shows nothing")
	}
	if !strings.Contains(labelsIn(s.root), "Kontorets fælles jobliste") {
		t.Errorf("the job list does not say it is the office's:\n%s", labelsIn(s.root))
	}
	row := s.createRow()
	s.updateRow(0, row)
	if editButton(row).Disabled() {
		t.Error("the lead cannot edit the office's jobs")
	}
	ab.u.onJobList()
	abList := ab.u.top().(*jobListScreen)
	abRow := abList.createRow()
	abList.updateRow(0, abRow)
	if !editButton(abRow).Disabled() {
		t.Error("a caseworker is offered to edit a job the office's rules refuse her")
	}
}

// editButton is a job row's edit button (its delete button follows the same rule).
func editButton(row fyne.CanvasObject) *widget.Button {
	btns := row.(*fyne.Container).Objects[1].(*fyne.Container)
	return btns.Objects[1].(*widget.Button)
}

// labelsIn is every label's text under o, one per line.
func labelsIn(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			b.WriteString(l.Text + "\n")
		case *secondaryLabel:
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// A hot job a caseworker heard of this morning (10 råd, råd 1) is on her
// lead's Today after one sync each, above the day's work; the whole
// office's meetings at the benefit office are one overview on Today, with
// whose case they are (initials, no names).
func TestAHotJobOnOneLaptopIsOnTheColleaguesToday(t *testing.T) {
	lead, ab := officeLeadAndAB(t)
	c := storetest.AddCitizen(t, ab.s, func(c *model.Citizen) { c.Name, c.Caseworker = "Mette Møller", "AB" })
	meeting := time.Date(2026, 11, 25, 13, 30, 0, 0, time.Local)
	if err := ab.s.SaveBenefitCase(&model.BenefitCase{CitizenID: c.ID, IntendsOn: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		MeetingAt: meeting, MeetingPlace: "Ydelseskontoret, Vejle"}, 6); err != nil {
		t.Fatal(err)
	}
	addJob(t, ab.u, "Opvasker – start i morgen", "Hotel Vejlefjord", true)
	addJob(t, ab.u, "Pedel", "Vejle Kommune", false)
	ab.sync(t)
	lead.sync(t)
	lead.u.today.load()
	o := lead.u.today.office
	if o == nil {
		t.Fatal("Today in an office has no office part")
	}
	hot := labelsIn(o.hot.box)
	if !strings.Contains(hot, "Varme job til hele kontoret (1)") || !strings.Contains(hot, "Opvasker – start i morgen – Hotel Vejlefjord") {
		t.Errorf("the lead's Today shows of the hot jobs:\n%s", hot)
	}
	if strings.Contains(hot, "Pedel") {
		t.Errorf("a job not marked hot is on Today:\n%s", hot)
	}
	meetings := labelsIn(o.meetings)
	if !strings.Contains(meetings, "25-11-2026 kl. 13:30  Ydelseskontoret, Vejle – sag hos AB") {
		t.Errorf("the office's meetings on the lead's Today:\n%s", meetings)
	}
	if strings.Contains(meetings, "Mette") {
		t.Errorf("the office's overview names the citizen:\n%s", meetings)
	}
}

// The office's settings are the lead's: on a caseworker's laptop the
// settings screen shows them read-only, says so in Danish and offers no Gem
// for them; the lead saves them and they reach the caseworker at her next
// sync.
func TestTheOfficesSettingsAreTheLeadsAndReachTheCaseworker(t *testing.T) {
	lead, ab := officeLeadAndAB(t)
	ab.u.onSettings()
	s := ab.u.top().(*settingsScreen)
	for _, e := range s.entries {
		if e.Visible() && !e.Disabled() && isShown(s.root, e) {
			t.Fatal("a caseworker can type in the office's settings")
		}
	}
	if !strings.Contains(labelsIn(s.root), "sættes af lederen") {
		t.Errorf("the caseworker's settings do not say whose they are:\n%s", labelsIn(s.root))
	}
	if !s.save.Disabled() || s.Dirty() {
		t.Error("Gem is offered for the office's settings on a caseworker's laptop")
	}
	if !s.rules.kind.Disabled() {
		t.Error("a caseworker can change the office's kind")
	}
	ab.u.goBack()

	lead.u.onSettings()
	ls := lead.u.top().(*settingsScreen)
	if ls.entries[0].Disabled() {
		t.Fatal("the lead cannot edit the office's settings")
	}
	ls.entries[0].SetText("")
	test.Type(ls.entries[0], "Jobcenter Vejle, Team Nord")
	test.Type(ls.entries[2], "")
	ls.entries[2].SetText("75 15 00 00")
	if ls.rules.kind.Disabled() {
		t.Fatal("the lead cannot change the office's kind")
	}
	ls.rules.kind.SetSelected(ls.rules.kinds.labels[1])
	if ls.save.Disabled() {
		t.Fatal("the lead's Gem is not offered")
	}
	test.Tap(ls.save)
	if ls.Dirty() {
		t.Fatalf("the lead's settings were not saved: %q", ls.problems.Text)
	}
	lead.u.goBack()
	lead.sync(t)
	ab.sync(t)
	o, err := ab.s.Office()
	if err != nil || o.Name != "Jobcenter Vejle, Team Nord" || o.Phone != "75 15 00 00" {
		t.Fatalf("the caseworker's letterhead after a sync: %+v %v", o, err)
	}
	if k, err := ab.s.OfficeKind(); err != nil || k != model.OfficeAkasse {
		t.Fatalf("the office's kind on the caseworker's laptop after a sync: %q %v", k, err)
	}
	ab.u.onSettings()
	s = ab.u.top().(*settingsScreen)
	if !strings.Contains(labelsIn(s.root), "Jobcenter Vejle, Team Nord\n") || isShown(s.root, s.entries[0]) {
		t.Errorf("the caseworker's settings do not show the office's name as text:\n%s", labelsIn(s.root))
	}
	if cs, _ := ab.v.Conflicts(); len(cs) != 0 {
		t.Errorf("the office's settings made conflicts: %+v", cs)
	}
}

// Today in an office shows the office's two figures as the server added
// them up from every caseworker's report, with when it did: the counts are
// those made here from each laptop's own citizens (AB: two, LE: one, each a
// kontanthjælp citizen first seen 14 days ago without a conversation: 0 of
// 3 for the first conversation). The capacity view counts the office's
// caseworkers and names who holds company contact and who can take an extra
// conversation.
func TestTodayShowsTheOfficesFiguresComputedByTheServer(t *testing.T) {
	lead, ab := officeLeadAndAB(t)
	seen := time.Date(2026, 11, 9, 0, 0, 0, 0, time.UTC)
	add := func(l jobsLaptop, name, initials string) {
		storetest.AddCitizen(t, l.s, func(c *model.Citizen) {
			c.Name, c.Benefit, c.FirstContact, c.Caseworker = name, model.BenefitKontanthjaelp, seen, initials
		})
	}
	add(ab, "Karl Kontant", "AB")
	add(ab, "Kirsten Kontant", "AB")
	add(lead, "Lars Kontant", "LE")
	storetest.Plan(t, lead.s, 1, time.Date(2026, 11, 24, 9, 0, 0, 0, time.Local), 30)
	ab.u.today.load()
	lead.u.today.load()
	ab.sync(t)
	lead.sync(t)
	lead.u.today.load()
	want := model.FigureReport{}
	for _, l := range []jobsLaptop{ab, lead} {
		c, err := l.s.ComplianceFor(l.u.content.Rules, l.u.now(), model.Mine(l.u.me))
		if err != nil {
			t.Fatal(err)
		}
		r := model.ReportOf(c)
		want.FirstOnCourse, want.FirstTotal = want.FirstOnCourse+r.FirstOnCourse, want.FirstTotal+r.FirstTotal
		want.OnTimeOnCourse, want.OnTimeTotal = want.OnTimeOnCourse+r.OnTimeOnCourse, want.OnTimeTotal+r.OnTimeTotal
	}
	if want.FirstTotal != 3 || want.FirstOnCourse != 0 {
		t.Fatalf("the count made here: %+v, want 0 of 3 first conversations", want)
	}
	info, err := lead.v.OfficeInfo()
	if err != nil || info.Figures.ComputedAt.IsZero() || info.Figures.Caseworkers != 2 {
		t.Fatalf("the office's figures: %+v %v", info, err)
	}
	got := lead.u.today.office.figures.Text
	wantText := fmt.Sprintf("Kontorets tal pr. %s (tal fra 2 af 2 sagsbehandlere): første jobsamtale 0 %% (0 af 3) · samtaler til tiden %.0f %% (%d af %d)",
		officeStamp(info.Figures.ComputedAt), share(want.OnTimeOnCourse, want.OnTimeTotal), want.OnTimeOnCourse, want.OnTimeTotal)
	if !strings.HasPrefix(got, wantText) || !strings.HasSuffix(got, "under kravet") {
		t.Errorf("the office's figures on Today:\n got %q\nwant %q…", got, wantText)
	}
	// the laptop holds one of the three: the figure for the whole office is the server's
	if first := lead.u.today.first.Text; !strings.Contains(first, "— 0 % (0 af 3, første 6 mdr.)") {
		t.Errorf("Today's first figure for the whole office: %q", first)
	}

	// an idle sync does not count the office again; a roster change does
	lead.sync(t)
	if again, _ := lead.v.OfficeInfo(); !again.Figures.ComputedAt.Equal(info.Figures.ComputedAt) {
		t.Errorf("an idle sync read the office's figures again (%v, then %v)", info.Figures.ComputedAt, again.Figures.ComputedAt)
	}
	if err := lead.v.SetCompanyContact(officeServerOf(t, lead), "AB", true); err != nil {
		t.Fatal(err)
	}
	lead.sync(t)
	lead.u.onAttendance()
	text := labelsIn(lead.u.top().content())
	for _, w := range []string{"Kontorets kapacitet – samtaler booket de næste 7 dage (2)",
		"AB: 2 aktive sager, 0 samtaler booket de næste 7 dage – virksomhedskontakt – kan tage en ekstra samtale med kort varsel",
		"LE: 1 aktive sager, 1 samtaler booket de næste 7 dage",
		"Første samtaler kan gå til kolleger med virksomhedskontakt: AB"} {
		if !strings.Contains(text, w) {
			t.Errorf("the capacity view lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "LE: 1 aktive sager, 1 samtaler booket de næste 7 dage – kan tage") {
		t.Error("the busier colleague is named as able to take an extra conversation")
	}
}

func share(n, total int) float64 { return model.Figure{OnCourse: n, Total: total}.Share() }

// officeServerOf is the server a laptop joined, logging in as its administrator.
func officeServerOf(t *testing.T, l jobsLaptop) string {
	t.Helper()
	st, err := l.s.SyncState()
	if err != nil {
		t.Fatal(err)
	}
	// the laptop keeps the address without user: the lead logs in as the
	// server's administrator for this, as she types it
	return model.ServerLogin(st.Server, "postgres", "")
}

// isShown: o is part of what root shows.
func isShown(root, o fyne.CanvasObject) bool {
	found := false
	walk(root, func(x fyne.CanvasObject) { found = found || x == o })
	return found
}
