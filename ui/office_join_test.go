package ui

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
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

// officeTimer is one of the office sync's timers, fired by the test.
type officeTimer struct {
	mu       sync.Mutex
	d        time.Duration
	fn       func()
	restarts int
	stopped  bool
}

func (w *officeTimer) Reset(d time.Duration) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.d, w.restarts, w.stopped = d, w.restarts+1, false
	return true
}

func (w *officeTimer) Stop() bool { w.mu.Lock(); w.stopped = true; w.mu.Unlock(); return true }

// officeTimers makes the office sync's timers ones the test fires; the
// returned function lists those made so far.
func officeTimers(t *testing.T) func() []*officeTimer {
	var mu sync.Mutex
	var made []*officeTimer
	old := officeAfter
	officeAfter = func(d time.Duration, f func()) restartable {
		w := &officeTimer{d: d, fn: f}
		mu.Lock()
		made = append(made, w)
		mu.Unlock()
		return w
	}
	t.Cleanup(func() { officeAfter = old })
	return func() []*officeTimer {
		mu.Lock()
		defer mu.Unlock()
		return append([]*officeTimer(nil), made...)
	}
}

// officeLaptop is one caseworker's computer in the tests: a window on its own
// SQLite file and the office tier over the same store.
type officeLaptop struct {
	ui     *UI
	store  *store.Store
	office *office.Service
}

// newLaptop opens a window on a fresh SQLite file (the test clock, 23-11-2026
// 10.00) with the office tier handed to it, as main does.
func newOfficeLaptop(t *testing.T) *officeLaptop {
	t.Helper()
	u, s := newTestUI(t)
	svc := &office.Service{Store: s, IdentityPath: filepath.Join(t.TempDir(), "identity.txt"), ConnectTimeout: 5 * time.Second}
	u.SetOffice(svc)
	return &officeLaptop{ui: u, store: s, office: svc}
}

// kontor opens Indstillinger and returns its Kontor part.
func (l *officeLaptop) kontor(t *testing.T) *kontorPart {
	t.Helper()
	l.ui.onSettings()
	if l.ui.officeBar == nil || l.ui.officeBar.kontor == nil {
		t.Fatal("Indstillinger has no Kontor")
	}
	return l.ui.officeBar.kontor
}

// eachObject visits every object under o.
func eachObject(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			eachObject(x, fn)
		}
	}
}

// headerText is what the office's line in the top bar says ("" hidden).
func (l *officeLaptop) headerText() string {
	if l.ui.officeBar == nil || !l.ui.officeBar.header.box.Visible() {
		return ""
	}
	return l.ui.officeBar.header.text.Text
}

// leadOffice makes an office on server with LE as lead on her own officeLaptop
// (through the service, as the command line would), adds AL with alKey,
// and gives AL n citizens made on the lead's officeLaptop and handed over.
func leadOffice(t *testing.T, server, alKey string, n int) *officeLaptop {
	t.Helper()
	le := newOfficeLaptop(t)
	if _, err := le.office.Init(server, "LE", "Lene Eriksen"); err != nil {
		t.Fatal(err)
	}
	if _, err := le.office.AddCaseworker(server, "AL", "Anna Larsen", false, alKey); err != nil {
		t.Fatal(err)
	}
	if _, err := le.office.Join(server, "LE"); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := 0; i < n; i++ {
		c := storetest.AddCitizen(t, le.store, func(c *model.Citizen) { c.Name = "Borger " + string(rune('A'+i%26)) + strings.Repeat("x", i/26) })
		ids = append(ids, c.ID)
	}
	if n > 0 {
		if err := le.office.Move(ids, "AL"); err != nil {
			t.Fatal(err)
		}
	}
	return le
}

// joinFromKontor types the server and initials into Kontor and taps
// Forbind, then waits for the join to end.
func joinFromKontor(t *testing.T, l *officeLaptop, server, initials string) *kontorPart {
	t.Helper()
	k := l.kontor(t)
	test.Type(k.server, server)
	test.Type(k.initials, initials)
	test.Tap(k.connect)
	if !k.progress.Visible() || !k.cancelBtn.Visible() {
		t.Fatal("a join shows no progress bar and no Annullér")
	}
	waitFor(t, "the join", func() bool { return k.cancel == nil })
	return k
}

// A caseworker joins from the window: Kontor shows what was joined and
// when with the citizens pulled, the roster appears, the caseload has her
// citizens and the header says when the office last brought news, on the
// window's clock.
func TestACaseworkerJoinsTheOfficeFromKontor(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	if got := al.headerText(); got != "" {
		t.Fatalf("a officeLaptop in no office shows %q in its header", got)
	}
	key, _ := al.office.Recipient()
	leadOffice(t, server, key, 3)

	k := joinFromKontor(t, al, server, "al")
	want := "Forbundet til " + model.ServerAddress(server) + " som AL siden 23-11-2026 10.00 – 3 borgere hentet."
	if k.joinedText == nil || k.joinedText.Text != want {
		t.Fatalf("after the join Kontor says %q (message %q), want %q", textOf(k.joinedText), k.message.Text, want)
	}
	waitFor(t, "the roster", func() bool { return len(k.roster.Objects) >= 2 })
	roster := labels(k.roster)
	if !strings.Contains(roster, "AL  Anna Larsen") || !strings.Contains(roster, "LE  Lene Eriksen · leder") {
		t.Fatalf("the roster shows %q", roster)
	}
	if k.add.box.Visible() {
		t.Fatal("a caseworker who is not the lead is offered to add colleagues")
	}
	if got := al.headerText(); got != "Kontoret: opdateret 10.00" {
		t.Fatalf("the header says %q after the join", got)
	}
	al.ui.goBack()
	al.ui.onCaseload()
	if n := len(al.ui.caseload.rows); n != 3 {
		t.Fatalf("the caseload shows %d citizens after the join, want the 3 handed to AL", n)
	}
}

func textOf(l *widget.Label) string {
	if l == nil {
		return "<none>"
	}
	return l.Text
}

func labels(c *fyne.Container) string {
	var out []string
	eachObject(c, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return strings.Join(out, "\n")
}

// proxy stands between a officeLaptop and the office's socket: closing it makes
// the office unreachable (connection refused), opening it again brings it
// back. The server string it gives points at it.
type proxy struct {
	t      *testing.T
	dir    string
	target string
	mu     sync.Mutex
	ln     net.Listener
}

var socketName = regexp.MustCompile(`host=(\S+) port=(\d+)`)

func newProxy(t *testing.T, server string) (*proxy, string) {
	m := socketName.FindStringSubmatch(server)
	if m == nil {
		t.Fatalf("no socket in %q", server)
	}
	dir, err := os.MkdirTemp("", "pgproxy")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	p := &proxy{t: t, dir: dir, target: filepath.Join(m[1], ".s.PGSQL."+m[2])}
	p.open()
	t.Cleanup(p.close)
	return p, strings.Replace(server, "host="+m[1], "host="+dir, 1)
}

func (p *proxy) open() {
	ln, err := net.Listen("unix", filepath.Join(p.dir, filepath.Base(p.target)))
	if err != nil {
		p.t.Fatal(err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.pipe(c)
		}
	}()
}

func (p *proxy) pipe(c net.Conn) {
	s, err := net.Dial("unix", p.target)
	if err != nil {
		c.Close()
		return
	}
	go func() { io.Copy(s, c); s.Close() }()
	io.Copy(c, s)
	c.Close()
}

func (p *proxy) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
}

// syncFromHeader taps the header's button and waits for the sync to end.
func (l *officeLaptop) syncFromHeader(t *testing.T) {
	t.Helper()
	s := l.ui.officeBar.sync
	n := s.syncs
	test.Tap(l.ui.officeBar.header.button)
	if s.syncs != n+1 {
		t.Fatal("the header's button started no sync")
	}
	waitFor(t, "the sync", func() bool { return !s.running })
}

// The header in each state: reachable ("opdateret 10.00"), the office not
// answering with nothing waiting, offline with a change waiting after a
// save, and back again with nothing waiting.
func TestTheOfficeHeaderIsAlwaysHonest(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	leadOffice(t, server, key, 1)
	px, via := newProxy(t, server)
	joinFromKontor(t, al, via, "AL")
	if got := al.headerText(); got != "Kontoret: opdateret 10.00" {
		t.Fatalf("reachable: the header says %q", got)
	}
	px.close()
	al.syncFromHeader(t)
	if got := al.headerText(); got != "Kontoret svarer ikke – du kan arbejde videre" {
		t.Fatalf("unreachable, nothing waiting: the header says %q", got)
	}
	c := storetest.AddCitizen(t, al.store, func(c *model.Citizen) { c.Name = "Ny Offline" })
	al.ui.changed(c.ID)
	al.syncFromHeader(t)
	if got := al.headerText(); got != "Offline – 1 ændring venter" {
		t.Fatalf("offline after a save: the header says %q", got)
	}
	px.open()
	al.syncFromHeader(t)
	if got := al.headerText(); got != "Kontoret: opdateret 10.00" {
		t.Fatalf("back at the office: the header says %q", got)
	}
	if st, _ := al.office.Status(); st.Pending != 0 {
		t.Fatalf("%d changes still wait after the office answered again", st.Pending)
	}
}

// Saves are sent after a short wait, once for a burst: three saves restart
// one wait; when it ends, one sync sends all three; the rhythm's next sync
// is planned every few minutes while the office answers, later when not.
func TestSavesAreSentInOneDebouncedSync(t *testing.T) {
	timers := officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	leadOffice(t, server, key, 0)
	joinFromKontor(t, al, server, "AL")
	s := al.ui.officeBar.sync
	before := s.syncs
	for i := 0; i < 3; i++ {
		c := storetest.AddCitizen(t, al.store, func(c *model.Citizen) { c.Name = "Gemt " + string(rune('A'+i)) })
		al.ui.changed(c.ID)
	}
	var debounce *officeTimer
	for _, w := range timers() {
		if w.d == officeDebounce {
			debounce = w
		}
	}
	if debounce == nil || debounce.restarts != 2 {
		t.Fatalf("three saves: want one wait restarted twice, got %+v", debounce)
	}
	if s.syncs != before {
		t.Fatal("a save synced at once, before its wait ended")
	}
	debounce.fn()
	waitFor(t, "the debounced sync", func() bool { return s.syncs == before+1 && !s.running })
	if st, _ := al.office.Status(); st.Pending != 0 {
		t.Fatalf("after the debounced sync %d changes still wait", st.Pending)
	}
	if s.wait() != officeEvery {
		t.Fatalf("while the office answers the next sync is in %v, want %v", s.wait(), officeEvery)
	}
	s.failures = 3
	if s.wait() != 4*officeEvery {
		t.Fatalf("after 3 failures the next sync is in %v, want %v", s.wait(), 4*officeEvery)
	}
}

// The lead makes the office from Kontor, adds a colleague there (the
// password shown once), and sees the colleague's last sync once the
// colleague's officeLaptop has synced.
func TestTheLeadSetsUpTheOfficeAndSeesAColleaguesLastSync(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	le := newOfficeLaptop(t)
	k := le.kontor(t)
	test.Type(k.server, server)
	test.Type(k.initials, "LE")
	test.Type(k.name, "Lene Eriksen")
	test.Tap(k.create)
	waitFor(t, "the office made and joined", func() bool { return k.cancel == nil })
	if k.joinedText == nil {
		t.Fatalf("Opret kontoret did not join: %q", k.message.Text)
	}
	waitFor(t, "the roster", func() bool { return k.add.box.Visible() })

	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	test.Type(k.add.initials, "al")
	test.Type(k.add.name, "Anna Larsen")
	test.Type(k.add.recipient, key)
	test.Tap(k.add.button)
	waitFor(t, "AL on the roster", func() bool { return strings.Contains(labels(k.roster), "AL  Anna Larsen") })
	if d := le.ui.topDialog(); d == nil {
		t.Fatal("no password shown for the new colleague")
	}
	if r := labels(k.roster); !strings.Contains(r, "AL  Anna Larsen · sidst opdateret aldrig") {
		t.Fatalf("before AL synced the roster says %q", r)
	}
	if _, err := al.office.Join(server, "AL"); err != nil {
		t.Fatal(err)
	}
	test.Tap(k.reload)
	waitFor(t, "AL's last sync", func() bool {
		r := labels(k.roster)
		return strings.Contains(r, "AL  Anna Larsen · sidst opdateret ") && !strings.Contains(r, "AL  Anna Larsen · sidst opdateret aldrig")
	})
}

// The header's sentence in each state, with what waits and open conflicts
// counted in Danish (one/many), and the time of the last sync as today's
// clock time or with its day.
func TestTheOfficeHeaderSentence(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 42, 0, 0, time.Local)
	at := func(d time.Time) string { return d.UTC().Format(time.RFC3339) }
	for _, c := range []struct {
		st   model.OfficeStatus
		want string
	}{
		{model.OfficeStatus{Configured: true, Reachable: true, LastSync: at(now)}, "Kontoret: opdateret 10.42"},
		{model.OfficeStatus{Configured: true, Reachable: true, LastSync: at(now.AddDate(0, 0, -1)), Pending: 2},
			"Kontoret: opdateret 06-12 10.42 · 2 ændringer venter"},
		{model.OfficeStatus{Configured: true, Pending: 3, Conflicts: 1}, "Offline – 3 ændringer venter · 1 konflikt at afgøre"},
		{model.OfficeStatus{Configured: true}, "Kontoret svarer ikke – du kan arbejde videre"},
		{model.OfficeStatus{Configured: true, Reachable: true, LastSync: at(now), Conflicts: 2}, "Kontoret: opdateret 10.42 · 2 konflikter at afgøre"},
	} {
		if got := officeHeaderText(c.st, now); got != c.want {
			t.Errorf("%+v: the header says %q, want %q", c.st, got, c.want)
		}
	}
}

// blockingJoin is the office tier whose join stops at a step until the
// test lets it go on (a slow first pull, held where the test wants it).
type blockingJoin struct {
	*office.Service
	at      int
	reached chan struct{}
	release chan struct{}
}

func (b *blockingJoin) JoinAs(ctx context.Context, server, initials, password string, progress func(int, int)) (model.OfficeStatus, error) {
	once := sync.Once{}
	return b.Service.JoinAs(ctx, server, initials, password, func(done, total int) {
		progress(done, total)
		if done == b.at {
			once.Do(func() { close(b.reached) })
			<-b.release
		}
	})
}

// Annullér during a join (after the officeLaptop began to join, before the first
// pull) leaves it in no office: no header, changes go nowhere, the window
// works; while the join ran, the window answered (the caseload's search
// filtered as the caseworker typed).
func TestCancelDuringAJoinLeavesTheLaptopAsItWas(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	leadOffice(t, server, key, 2)
	storetest.AddCitizen(t, al.store, func(c *model.Citizen) { c.Name = "Søren Ærø" })
	storetest.AddCitizen(t, al.store, func(c *model.Citizen) { c.Name = "Mette Kjær" })
	b := &blockingJoin{Service: al.office, at: 3, reached: make(chan struct{}), release: make(chan struct{})}
	al.ui.SetOffice(b)
	k := al.kontor(t)
	test.Type(k.server, server)
	test.Type(k.initials, "AL")
	test.Tap(k.connect)
	<-b.reached // the officeLaptop has begun to join: its changes go to the outbox now

	al.ui.onFind()
	test.Type(al.ui.caseload.search, "Søren")
	if n := len(al.ui.caseload.rows); n != 1 {
		t.Fatalf("while the join runs the search shows %d rows, want 1", n)
	}
	al.ui.goBack()
	al.ui.onSettings()
	test.Tap(k.cancelBtn)
	close(b.release)
	waitFor(t, "the cancelled join", func() bool { return k.cancel == nil })
	if k.message.Text != "Forbindelsen blev afbrudt. Computeren er ikke med i et kontor; alt virker som før." {
		t.Fatalf("after Annullér Kontor says %q", k.message.Text)
	}
	st, err := al.office.Status()
	if err != nil || st.Configured || st.Pending != 0 {
		t.Fatalf("after Annullér the laptop is %+v (%v), want in no office", st, err)
	}
	if got := al.headerText(); got != "" {
		t.Fatalf("after Annullér the header says %q", got)
	}
	c := storetest.AddCitizen(t, al.store, func(c *model.Citizen) { c.Name = "Efter Annullér" })
	if st, _ := al.office.Status(); st.Pending != 0 {
		t.Fatalf("a change after Annullér went to the outbox (%d waiting)", st.Pending)
	}
	al.ui.onOpenCitizen(c.ID)
	if al.ui.citizen == nil {
		t.Fatal("the window does not open a citizen after a cancelled join")
	}
	// and the officeLaptop can join after all
	al.ui.SetOffice(al.office)
	k = joinFromKontor(t, al, server, "AL")
	if k.joinedText == nil {
		t.Fatalf("joining after a cancelled join failed: %q", k.message.Text)
	}
}

// A case the lead hands over while the caseworker looks at her caseload
// appears in it after the next sync (and the header says when).
func TestACaseHandedOverAppearsInTheCaseloadAfterASync(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	le := leadOffice(t, server, key, 1)
	joinFromKontor(t, al, server, "AL")
	al.ui.goBack()
	al.ui.onCaseload()
	if n := len(al.ui.caseload.rows); n != 1 {
		t.Fatalf("the caseload shows %d citizens after the join, want 1", n)
	}
	c := storetest.AddCitizen(t, le.store, func(c *model.Citizen) { c.Name = "Overdraget Nu" })
	if err := le.office.Move([]int64{c.ID}, "AL"); err != nil {
		t.Fatal(err)
	}
	al.syncFromHeader(t)
	rows := al.ui.caseload.rows
	if len(rows) != 2 || (rows[0].Name != "Overdraget Nu" && rows[1].Name != "Overdraget Nu") {
		t.Fatalf("after the sync the caseload shows %v, want the case handed over too", rows)
	}
}

// A sync the office refuses for a reason of its own says that reason in
// the header (a newer office: update Jobspor); anything else in general
// words, and the work goes on.
func TestTheHeaderSaysWhyASyncFailed(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 42, 0, 0, time.Local)
	h := newOfficeHeader(func() time.Time { return now }, nil)
	h.show(model.OfficeStatus{Configured: true, Reachable: true, LastSync: now.UTC().Format(time.RFC3339)})
	h.failed(model.NewUserError("office.newer", nil))
	if !strings.HasPrefix(h.text.Text, "Kontorets server er nyere end denne Jobspor: opdatér Jobspor.") {
		t.Fatalf("a newer office: the header says %q", h.text.Text)
	}
	h.failed(fmt.Errorf("pq: permission denied for table staff"))
	if h.text.Text != "Kontoret kunne ikke opdatere denne gang – du kan arbejde videre, og Jobspor prøver igen." {
		t.Fatalf("another problem: the header says %q", h.text.Text)
	}
	h.failed(fmt.Errorf("dial: %w", model.ErrOfficeUnreachable))
	if h.text.Text != "Kontoret svarer ikke – du kan arbejde videre" {
		t.Fatalf("unreachable: the header says %q", h.text.Text)
	}
}
