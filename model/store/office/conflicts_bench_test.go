package office

import (
	"fmt"
	"path/filepath"
	"testing"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/testutil"
)

// What the window pays for its conflict count: Today asks for it at every
// show and the citizen screen at every build (issue 26). A laptop with 150
// citizens and 40 open conflicts; no connection is made.
func BenchmarkConflictsForTheWindow(b *testing.B) {
	s := laptopWith40Conflicts(b)
	v := &Service{Store: s}
	b.ReportAllocs()
	for b.Loop() {
		cs, err := v.Conflicts()
		if err != nil || len(cs) != 40 {
			b.Fatalf("%d conflicts (%v)", len(cs), err)
		}
	}
}

// What the header pays for its count at every sync and every settled
// conflict (issue 26: a case refused whole counts once, so the count is
// the grouped list's length): the same laptop.
func BenchmarkOfficeStatusWithConflicts(b *testing.B) {
	s := laptopWith40Conflicts(b)
	b.ReportAllocs()
	for b.Loop() {
		st, err := s.OfficeStatus()
		if err != nil || st.Conflicts != 40 {
			b.Fatalf("%d conflicts (%v)", st.Conflicts, err)
		}
	}
}

// laptopWith40Conflicts is a laptop with 150 citizens and 40 open conflicts.
func laptopWith40Conflicts(b *testing.B) *store.Store {
	s, err := store.Open(filepath.Join(b.TempDir(), "l.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var gids []string
	for i := 0; i < 150; i++ {
		c := testutil.Citizen(func(c *model.Citizen) { c.Name = fmt.Sprintf("Borger %d", i) })
		if err := s.CreateCitizen(c); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.JoinOffice("postgres://kontor", "AL", s.NewGid()); err != nil {
		b.Fatal(err)
	}
	for i := int64(1); i <= 40; i++ {
		g, err := s.CitizenGid(i)
		if err != nil {
			b.Fatal(err)
		}
		gids = append(gids, g)
	}
	var results []store.OpResult
	for i, g := range gids {
		op := s.NewGid()
		results = append(results, store.OpResult{OpID: op, Table: "citizens", Gid: g, Citizen: g, Outcome: "conflict",
			Conflicts: []store.Conflict{{OpID: op, Citizen: g, Table: "citizens", Record: g, Field: "phone", Outcome: "conflict",
				Mine: fmt.Sprint(10000000 + i), Theirs: fmt.Sprint(20000000 + i), Author: "AL", TheirsBy: "BK"}}})
	}
	if err := s.AckPush(results); err != nil {
		b.Fatal(err)
	}
	return s
}
