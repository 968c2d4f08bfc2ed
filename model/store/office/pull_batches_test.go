package office

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"jobspor/model"
	"jobspor/model/testutil"
)

// officeCases makes n cases of AB at the office, each with a note, a
// planned conversation with its note and a job goal, and returns AB's laptop.
func officeCases(t *testing.T, db string, n int) *laptop {
	t.Helper()
	ab := newLaptop(t, db, "AB")
	for i := 0; i < n; i++ {
		c := testutil.Citizen(func(c *model.Citizen) { c.Name, c.Notes = fmt.Sprintf("Borger %02d", i), fmt.Sprintf("Note %02d", i) })
		if err := ab.s.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
		cv := testutil.Conversation(c.ID, testutil.At("2026-11-24T10:00"), 45, func(cv *model.Conversation) { cv.Notes = fmt.Sprintf("Samtale %02d", i) })
		if err := ab.s.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
		if err := ab.s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Lagerarbejder", Horizon: model.HorizonShort, Note: fmt.Sprintf("Mål %02d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	ab.sync(t)
	return ab
}

// holdsCases checks that the laptop holds exactly the n cases of
// officeCases, each once and whole with its texts, and no conflict.
func holdsCases(t *testing.T, l *laptop, n int, except map[string]bool) {
	t.Helper()
	list, err := l.s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, c := range list {
		seen[c.Name]++
	}
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Borger %02d", i)
		if seen[name] != 1 {
			t.Fatalf("%s is on the laptop %d times", name, seen[name])
		}
		c := l.citizenByName(t, name)
		if c.Notes != fmt.Sprintf("Note %02d", i) && !except[name] {
			t.Errorf("%s's note is %q", name, c.Notes)
		}
		cvs, err := l.s.Conversations(c.ID)
		if err != nil || len(cvs) != 1 || cvs[0].Notes != fmt.Sprintf("Samtale %02d", i) {
			t.Errorf("%s's conversations: %+v %v", name, cvs, err)
		}
		goals, err := l.s.JobGoals(c.ID)
		if err != nil || len(goals) != 1 || goals[0].Note != fmt.Sprintf("Mål %02d", i) {
			t.Errorf("%s's job goals: %+v %v", name, goals, err)
		}
	}
	if cs, err := l.s.Conflicts(); err != nil || len(cs) != 0 {
		t.Fatalf("conflicts after the pull: %+v %v", cs, err)
	}
}

// A big first pull is applied in small transactions, and what the window
// saves between two of them goes through at once (the store's one
// connection is free there): a new citizen and an edit of a citizen the
// pull already brought. After the pull both are there with everything
// pulled, and the next sync takes them to the office with no conflict.
func TestTheWindowSavesBetweenTheBatchesOfABigPull(t *testing.T) {
	db := freshDB(t)
	const n = 12
	officeCases(t, db, n)
	second := newLaptop(t, db, "AB") // AB's second laptop, empty
	second.cl.ApplyBatch = 5
	batches, saved := 0, false
	var edited string
	second.cl.Fault = func(p string) error {
		if p != FaultBetweenBatches {
			return nil
		}
		batches++
		list, err := second.s.ListCitizens(model.CitizenFilter{AnyTrack: true})
		if err != nil || saved || len(list) == 0 {
			return err
		}
		// the window's saves, from another goroutine, while the pull waits for them
		done := make(chan error)
		go func() {
			c, err := second.s.Citizen(list[0].ID)
			if err != nil {
				done <- err
				return
			}
			c.Phone, edited = "87654321", c.Name
			if err := second.s.UpdateCitizen(c); err != nil {
				done <- err
				return
			}
			done <- second.s.CreateCitizen(testutil.Citizen(func(c *model.Citizen) { c.Name = "Gemt Undervejs" }))
		}()
		if err := <-done; err != nil {
			return err
		}
		saved = true
		if got, _ := second.s.OfficeStatus(); got.Citizens >= n {
			t.Errorf("the pull had applied all %d citizens before the save (%d batches)", got.Citizens, batches)
		}
		return nil
	}
	second.sync(t)
	second.cl.Fault = nil
	if !saved || batches < 4 {
		t.Fatalf("saved between batches: %v; %d transactions before the last", saved, batches)
	}
	holdsCases(t, second, n, nil)
	if c := second.citizenByName(t, edited); c == nil || c.Phone != "87654321" {
		t.Fatalf("the edit made between batches: %+v", c)
	}
	if second.citizenByName(t, "Gemt Undervejs") == nil {
		t.Fatal("the citizen saved between batches is gone")
	}
	if p, _ := second.s.PendingCount(); p == 0 {
		t.Fatal("the saves made between batches are not waiting for the office")
	}
	second.sync(t)
	if p, _ := second.s.PendingCount(); p != 0 {
		t.Fatalf("%d operations left after the next sync", p)
	}
	holdsCases(t, second, n, nil)
	ab := newLaptop(t, db, "AB") // a third look: what the office holds now
	ab.sync(t)
	if c := ab.citizenByName(t, edited); c == nil || c.Phone != "87654321" {
		t.Fatalf("the office's copy of the edit: %+v", c)
	}
	if ab.citizenByName(t, "Gemt Undervejs") == nil {
		t.Fatal("the citizen saved between batches did not reach the office")
	}
}

// A pull killed between two of its transactions leaves a laptop that the
// next sync completes: cases newly covered are fetched whole again though
// their citizens already arrived, every record is there once, nothing is
// a conflict. Killed after the first transaction (the cases marked to be
// fetched whole), the first batch of records, a middle one and the last
// before the end.
func TestAPullKilledBetweenBatchesIsCompletedByTheNext(t *testing.T) {
	const n = 8
	for _, kill := range []int{1, 2, 9, 17} { // 18 transactions here
		t.Run(fmt.Sprint(kill), func(t *testing.T) {
			db := freshDB(t)
			officeCases(t, db, n)
			cd := newLaptop(t, db, "CD")
			if err := cd.s.CreateCitizen(testutil.Citizen(func(c *model.Citizen) { c.Name = "CD's egen" })); err != nil {
				t.Fatal(err)
			}
			cd.sync(t) // CD's since is past every record of AB's cases
			// the lead lets CD cover AB's cases: they become visible to CD with
			// no record of theirs changed, so only a whole fetch brings them
			le := login(t, db, "LE")
			if _, err := le.Exec(bg, `SELECT jobspor.cover_colleague('AB', 'CD', '2999-12-31', 'Ferie')`); err != nil {
				t.Fatal(err)
			}
			cd.cl.ApplyBatch = 3
			calls := 0
			killed := errors.New("killed")
			cd.cl.Fault = func(p string) error {
				if p != FaultBetweenBatches {
					return nil
				}
				calls++
				if calls == kill {
					return killed
				}
				return nil
			}
			err := cd.cl.Sync(context.Background())
			if !errors.Is(err, killed) {
				t.Fatalf("the pull was not killed at %d: %v (%d transactions)", kill, err, calls)
			}
			if st, _ := cd.s.OfficeStatus(); kill > 1 && st.Citizens == 0 {
				t.Fatal("nothing was applied before the kill")
			}
			cd.cl.Fault = nil
			cd.sync(t)
			holdsCases(t, cd, n, nil)
			cd.sync(t) // and again: nothing moves
			holdsCases(t, cd, n, nil)
		})
	}
}

// A history bigger than one of the laptop's transactions (280 records,
// recorded 250 a transaction) is recorded whole: every record at the
// office once, none left to go op by op, none a conflict, and the history
// marked sent only with the last transaction.
func TestAHistoryOfMoreThanOneTransactionIsRecordedWhole(t *testing.T) {
	db := freshDB(t)
	s := storeWithHistory(t, 140, 2000)
	joinWithHistory(t, s, db, "AB")
	su := login(t, db, "postgres")
	if n := count(t, su, `SELECT count(*) FROM jobspor.citizens`); n != 140 {
		t.Fatalf("%d citizens at the office", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.conversations`); n != 140 {
		t.Fatalf("%d conversations at the office", n)
	}
	if n := count(t, su, `SELECT count(*) FROM jobspor.applied_op`); n != 0 {
		t.Fatalf("%d operations went op by op", n)
	}
	if n, _ := s.PendingCount(); n != 0 {
		t.Fatalf("%d pending after the join", n)
	}
	if left, err := s.HistoryOps(); err != nil || len(left) != 0 {
		t.Fatalf("%d records not recorded as at the office (%v)", len(left), err)
	}
	if st, err := s.SyncState(); err != nil || !st.HistorySent {
		t.Fatalf("the history is not marked sent: %+v %v", st, err)
	}
	if cs, err := s.Conflicts(); err != nil || len(cs) != 0 {
		t.Fatalf("conflicts after the join: %+v %v", cs, err)
	}
	second := newLaptop(t, db, "AB")
	second.sync(t)
	if st, _ := second.s.OfficeStatus(); st.Citizens != 140 {
		t.Fatalf("AB's second laptop holds %d citizens", st.Citizens)
	}
	if c := second.citizenByName(t, "Borger 139"); c == nil || c.Notes != "Note om borger 139" {
		t.Fatalf("the last citizen on the second laptop: %+v", c)
	}
}
