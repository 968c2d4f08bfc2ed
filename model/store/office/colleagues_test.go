package office

import (
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

// Cover for a colleague at the office (issue 26): only a lead grants it,
// for every case the absent caseworker owns, each grant and the whole in
// the server's audit; only a lead reads the covers in force (counts, no
// names); the coverer's pull brings the roster and the covers, and a
// cover the laptop's clock has seen end takes the case off the laptop
// though the office's own day has not come.
func TestCoverForAColleagueIsTheLeadsAndAudited(t *testing.T) {
	db := freshDB(t)
	ab, cd, le := newLaptop(t, db, "AB"), newLaptop(t, db, "CD"), login(t, db, "LE")
	for _, name := range []string{"Åse Lund", "Bo Berg"} {
		c := testutil.Citizen(func(c *model.Citizen) { c.Name, c.CPR = name, "" })
		if err := ab.s.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
	}
	ab.sync(t)
	mustRefuse(t, "a caseworker covered for a colleague", func() error {
		_, err := cd.cl.Conn.Exec(bg, `SELECT jobspor.cover_colleague('AB', 'CD', '2999-12-31', 'Ferie')`)
		return err
	}())
	mustRefuse(t, "a caseworker read the covers in force", func() error {
		_, err := cd.cl.Conn.Exec(bg, `SELECT * FROM jobspor.cover_overview`)
		return err
	}())
	mustRefuse(t, "a cover that ended before today", func() error {
		_, err := le.Exec(bg, `SELECT jobspor.cover_colleague('AB', 'CD', '2000-01-01', 'Ferie')`)
		return err
	}())
	var n int
	if err := le.QueryRow(bg, `SELECT jobspor.cover_colleague('AB', 'CD', '2999-12-31', 'Sygdom')`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("the lead covered %d cases (%v), want AB's 2", n, err)
	}
	if got := count(t, le, `SELECT count(*) FROM jobspor.audit WHERE action = 'cover'`); got != 2 {
		t.Errorf("the server audited %d grants, want one per case", got)
	}
	if got := count(t, le, `SELECT count(*) FROM jobspor.audit WHERE action = 'cover colleague' AND detail LIKE 'AB -> CD until 2999-12-31 (2 cases): Sygdom'`); got != 1 {
		t.Errorf("the server audited the whole grant %d times", got)
	}
	var absent, coverer, until string
	var cases int
	if err := le.QueryRow(bg, `SELECT absent, coverer, until::text, cases FROM jobspor.cover_overview`).Scan(&absent, &coverer, &until, &cases); err != nil ||
		absent != "AB" || coverer != "CD" || until != "2999-12-31" || cases != 2 {
		t.Errorf("the lead sees %s %s %s %d (%v)", absent, coverer, until, cases, err)
	}

	cd.sync(t)
	v := &Service{Store: cd.s}
	covers, err := v.Covering()
	if err != nil || len(covers) != 2 {
		t.Fatalf("CD's laptop knows %d covers (%v), want 2", len(covers), err)
	}
	for _, c := range covers {
		if c.For != "AB" || c.Until.Format(model.DateLayout) != "2999-12-31" || c.Reason != "Sygdom" {
			t.Errorf("CD's laptop has the cover %+v", c)
		}
	}
	team, err := v.Colleagues()
	if err != nil || len(team) != len(roster) {
		t.Fatalf("CD's laptop knows %d colleagues (%v), want the roster's %d", len(team), err, len(roster))
	}
	if lead, _ := v.IsLead(); lead {
		t.Error("CD's laptop takes CD for a lead")
	}

	// the laptop's clock past the cover's last day: one pull and the cases are gone
	// CD's work not yet sent stays when the case leaves the laptop, and goes later
	covered := cd.citizenByName(t, "Åse Lund")
	covered.Phone = "87654321"
	if err := cd.s.UpdateCitizen(covered); err != nil {
		t.Fatal(err)
	}
	later := time.Date(3000, 1, 1, 9, 0, 0, 0, time.UTC)
	cd.s.Now = func() time.Time { return later }
	if err := cd.cl.Pull(bg); err != nil { // a pull before the push: the work is unsent
		t.Fatal(err)
	}
	if cd.citizenByName(t, "Åse Lund") != nil || cd.citizenByName(t, "Bo Berg") != nil {
		t.Error("a cover past its day on the laptop's clock left the cases on the laptop")
	}
	if covers, _ := v.Covering(); len(covers) != 0 {
		t.Errorf("CD's laptop still marks %d covers", len(covers))
	}
	if n, err := cd.s.PendingCount(); err != nil || n == 0 {
		t.Fatalf("CD's unsent edit of a case that left the laptop is gone (%d, %v)", n, err)
	}
	cd.sync(t)
	if n, _ := cd.s.PendingCount(); n != 0 {
		t.Errorf("%d operations still wait on CD's laptop", n)
	}
	ab.sync(t)
	if got := ab.citizenByName(t, "Åse Lund"); got == nil || got.Phone != "87654321" {
		t.Errorf("the owner has %+v, want CD's phone number made while covering", got)
	}
}
