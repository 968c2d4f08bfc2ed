package ui

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/model/store/storetest"
)

// watchedJoin is the office tier whose join records every progress it
// reports and may stop at a step of the first pull's local apply until the
// test lets it go on.
type watchedJoin struct {
	*office.Service
	mu      sync.Mutex
	seen    [][2]int
	at      int         // 0: never stops
	until   func() bool // if set, stops at the first step of at or after where it holds
	reached chan struct{}
	release chan struct{}
}

func (w *watchedJoin) JoinAs(ctx context.Context, server, initials, password string, progress func(int, int)) (model.OfficeStatus, error) {
	once := sync.Once{}
	return w.Service.JoinAs(ctx, server, initials, password, func(done, total int) {
		w.mu.Lock()
		w.seen = append(w.seen, [2]int{done, total})
		w.mu.Unlock()
		progress(done, total)
		if w.at != 0 && done >= w.at && (w.until == nil || w.until()) {
			once.Do(func() { close(w.reached); <-w.release })
		}
	})
}

func (w *watchedJoin) progress() [][2]int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([][2]int(nil), w.seen...)
}

// applyFrom is the first progress step of a first pull's local apply (the
// fetch's steps are before it).
func applyFrom() int { return 6 - 1 + len(store.SyncTables) }

// localNames are the citizens on a laptop, sorted.
func localNames(t *testing.T, s *store.Store) []string {
	t.Helper()
	list, err := s.ListCitizens(model.CitizenFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range list {
		out = append(out, c.Name)
	}
	sort.Strings(out)
	return out
}

// A first join's bar moves while the pull is applied on the laptop, one
// step per local transaction, never backwards; at a step of the apply the
// bar shows that step's share (the apply is the bar's second half).
func TestTheJoinsBarMovesThroughTheApply(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	leadOffice(t, server, key, 8)
	al.office.ApplyBatch = 2 // 8 cases with their records: many small transactions
	w := &watchedJoin{Service: al.office, at: applyFrom() + 1, reached: make(chan struct{}), release: make(chan struct{})}
	al.ui.SetOffice(w)
	k := al.kontor(t)
	test.Type(k.server, server)
	test.Type(k.initials, "AL")
	test.Tap(k.connect)
	<-w.reached
	runWindow()
	seen := w.progress()
	last := seen[len(seen)-1]
	if want := float64(last[0]) / float64(last[1]); k.progress.Value != want || want <= 0.5 {
		t.Fatalf("amid the apply (step %d of %d) the bar shows %.2f, want %.2f past half", last[0], last[1], k.progress.Value, want)
	}
	close(w.release)
	waitFor(t, "the join", func() bool { return k.cancel == nil })
	if k.joinedText == nil {
		t.Fatalf("the join failed: %q", k.message.Text)
	}
	var apply []int
	for i, p := range w.progress() {
		if i > 0 && p[0] < seen[0][0] {
			t.Fatalf("the bar went back: %v", w.progress())
		}
		if p[0] > applyFrom() && p[0] < p[1] {
			apply = append(apply, p[0])
		}
	}
	if len(apply) < 5 {
		t.Fatalf("the bar moved %d times during the apply (%v), want once per transaction", len(apply), w.progress())
	}
	for i := 1; i < len(apply); i++ {
		if apply[i] < apply[i-1] {
			t.Fatalf("the bar went back during the apply: %v", apply)
		}
	}
	if n := len(localNames(t, al.store)); n != 8 {
		t.Fatalf("after the join the laptop holds %d citizens, want the 8 handed to AL", n)
	}
}

// Annullér while the first pull is applied stops it at its next
// transaction: the laptop is in no office, the colleagues' cases that had
// arrived are gone again, its own citizens are as they were, and Kontor
// says what stayed (the office's shared lists). It can join afterwards.
func TestCancelDuringTheFirstPullsApply(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	leadOffice(t, server, key, 8)
	own := []string{"Mette Kjær", "Søren Ærø"}
	for _, n := range own {
		storetest.AddCitizen(t, al.store, func(c *model.Citizen) { c.Name = n })
	}
	al.office.ApplyBatch = 2
	w := &watchedJoin{Service: al.office, at: applyFrom() + 1, reached: make(chan struct{}), release: make(chan struct{}),
		until: func() bool { return len(localNames(t, al.store)) > len(own) }}
	al.ui.SetOffice(w)
	k := al.kontor(t)
	test.Type(k.server, server)
	test.Type(k.initials, "AL")
	test.Tap(k.connect)
	<-w.reached
	if names := localNames(t, al.store); len(names) <= len(own) {
		t.Fatalf("the test stops too early: no colleague's case had arrived yet (%v)", names)
	}
	runWindow()
	stoppedAt := len(w.progress())
	test.Tap(k.cancelBtn)
	close(w.release)
	waitFor(t, "the cancelled join", func() bool { return k.cancel == nil })
	want := "Forbindelsen blev afbrudt under hentningen. Computeren er ikke med i et kontor: kollegernes sager, der nåede at komme, er fjernet igen, og dine egne borgere er som før. Kontorets fælles lister (jobliste, prospekter, indstillinger), der nåede at komme, er beholdt. " + historySentText
	if k.message.Text != want {
		t.Fatalf("after Annullér amid the apply Kontor says %q", k.message.Text)
	}
	if names := localNames(t, al.store); strings.Join(names, ",") != strings.Join(own, ",") {
		t.Fatalf("after Annullér the laptop holds %v, want only its own %v", names, own)
	}
	st, err := al.office.Status()
	if err != nil || st.Configured || st.Pending != 0 {
		t.Fatalf("after Annullér the laptop is %+v (%v), want in no office", st, err)
	}
	if got := al.headerText(); got != "" {
		t.Fatalf("after Annullér the header says %q", got)
	}
	if seen := w.progress(); len(seen) != stoppedAt {
		t.Fatalf("the apply went on after Annullér: %v after %v", seen[stoppedAt:], seen[:stoppedAt])
	}
	al.ui.SetOffice(al.office)
	k = joinFromKontor(t, al, server, "AL")
	if k.joinedText == nil {
		t.Fatalf("joining after a cancelled join failed: %q", k.message.Text)
	}
	if n := len(localNames(t, al.store)); n != 10 {
		t.Fatalf("after joining again the laptop holds %d citizens, want its 2 and the 8 handed to AL", n)
	}
}

const historySentText = "Dine egne borgere nåede dog at blive sendt til kontoret og ligger der under dine initialer; tal med kontorets leder, hvis de ikke skal være der."

// ownAtTheOffice counts the named citizens the office holds as AL's.
func ownAtTheOffice(t *testing.T, server string, names ...string) int {
	t.Helper()
	c, err := pgx.Connect(context.Background(), server)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	var n int
	if err := c.QueryRow(context.Background(), `SELECT count(*) FROM jobspor.citizens WHERE caseworker = 'AL' AND name = ANY($1)`, names).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Annullér after the laptop's own citizens were sent to the office, before
// the first pull: the laptop is as it was, and Kontor says too that the
// office keeps its citizens, under the caseworker's initials (true: the
// office has them). Before they were sent it says nothing of the kind
// (TestCancelDuringAJoinLeavesTheLaptopAsItWas, at step 3).
func TestCancelAfterTheHistoryWasSentSaysSo(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	leadOffice(t, server, key, 2)
	own := []string{"Mette Kjær", "Søren Ærø"}
	for _, n := range own {
		storetest.AddCitizen(t, al.store, func(c *model.Citizen) { c.Name = n })
	}
	b := &blockingJoin{Service: al.office, at: 4, reached: make(chan struct{}), release: make(chan struct{})}
	al.ui.SetOffice(b)
	k := al.kontor(t)
	test.Type(k.server, server)
	test.Type(k.initials, "AL")
	test.Tap(k.connect)
	<-b.reached
	test.Tap(k.cancelBtn)
	close(b.release)
	waitFor(t, "the cancelled join", func() bool { return k.cancel == nil })
	if want := "Forbindelsen blev afbrudt. Computeren er ikke med i et kontor; alt virker som før. " + historySentText; k.message.Text != want {
		t.Fatalf("after Annullér Kontor says %q, want %q", k.message.Text, want)
	}
	if n := ownAtTheOffice(t, server, own...); n != 2 {
		t.Fatalf("the office holds %d of the laptop's citizens as AL's; the message says it holds them", n)
	}
	if names := localNames(t, al.store); strings.Join(names, ",") != strings.Join(own, ",") {
		t.Fatalf("after Annullér the laptop holds %v, want its own %v", names, own)
	}
}
