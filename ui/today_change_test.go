package ui

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store/storetest"
)

// countingToday is Today's narrow view of the database, counting its reads.
type countingToday struct {
	todayStore
	whole    int
	citizens []int64
	catchUps int
}

func (c *countingToday) TodayRead(ct *model.Content, now time.Time, scope model.Scope) (*model.TodayRead, error) {
	c.whole++
	return c.todayStore.TodayRead(ct, now, scope)
}

func (c *countingToday) TodayCitizen(ct *model.Content, now time.Time, scope model.Scope, id int64) (*model.TodayPart, error) {
	c.citizens = append(c.citizens, id)
	return c.todayStore.TodayCitizen(ct, now, scope, id)
}

func (c *countingToday) TodayCatchUp(now time.Time, scope model.Scope) (time.Time, []model.TodayConversation, error) {
	c.catchUps++
	return c.todayStore.TodayCatchUp(now, scope)
}

// TestTodayRereadsTheChangedCitizenOnly: after a change to one citizen,
// coming back to Today re-reads that citizen alone (not the office), and
// shows what a whole read shows; the catch-up held re-reads the catch-up
// alone; a change Today cannot place (a new caseworker) reads it whole.
func TestTodayRereadsTheChangedCitizenOnly(t *testing.T) {
	u, store := newTestUI(t) // Monday 23 November 2026, 10:00
	a := storetest.AddCitizen(t, store, func(c *model.Citizen) { c.Name = "Aase Ærø" })
	b := storetest.AddCitizen(t, store, func(c *model.Citizen) { c.Name = "Bent Bo" })
	storetest.Plan(t, store, a.ID, u.now().Add(2*time.Hour), 30)
	storetest.Plan(t, store, b.ID, u.now().Add(3*time.Hour), 30)
	count := &countingToday{todayStore: store}
	u.today.store = count
	u.today.load()
	if count.whole != 1 || len(u.today.view.Conversations) != 2 {
		t.Fatalf("the first read: %d whole reads, %d conversations", count.whole, len(u.today.view.Conversations))
	}

	u.onOpenCitizen(a.ID)
	storetest.Plan(t, store, a.ID, u.now().Add(5*time.Hour), 30)
	u.back()
	if count.whole != 1 || !slices.Equal(count.citizens, []int64{a.ID}) {
		t.Fatalf("after a change to %d: %d whole reads, citizens re-read %v", a.ID, count.whole, count.citizens)
	}
	fresh, err := store.TodayRead(u.content, u.now(), u.scope)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(u.today.view, fresh.View) || !reflect.DeepEqual(u.today.data.read.Office, fresh.Office) {
		t.Errorf("Today after the re-read differs from a whole read:\n got %+v\nwant %+v", u.today.view, fresh.View)
	}
	if len(u.today.view.Conversations) != 3 {
		t.Errorf("Today lists %d conversations, want 3", len(u.today.view.Conversations))
	}

	u.onCaseload()
	if err := store.SaveCatchUp(u.now()); err != nil {
		t.Fatal(err)
	}
	u.back()
	if count.whole != 1 || count.catchUps != 1 || len(count.citizens) != 1 {
		t.Errorf("after the catch-up: %d whole reads, %d catch-up reads, citizens %v", count.whole, count.catchUps, count.citizens)
	}

	u.onCaseload()
	if err := store.SaveCaseworker(&model.Caseworker{Initials: "ZZ", Name: "Zenia Z"}); err != nil {
		t.Fatal(err)
	}
	u.back()
	if count.whole != 2 {
		t.Errorf("a change Today cannot place was not read whole: %d whole reads", count.whole)
	}
}
