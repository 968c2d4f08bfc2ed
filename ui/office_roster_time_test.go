package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
	"github.com/jackc/pgx/v5"

	"jobspor/model"
)

// The lead's roster says each caseworker's last sync as the office's clock
// recorded it, with its day ("kl. 10.42 7-12"), whatever this laptop's
// clock says: a laptop set a year wrong shows the same.
func TestTheRosterShowsTheOfficesClockAsItIs(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	le := leadOffice(t, server, key, 0)
	if _, err := al.office.Join(server, "AL"); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 7, 9, 42, 0, 0, time.UTC)
	admin, err := pgx.Connect(context.Background(), server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	if _, err := admin.Exec(context.Background(), `UPDATE jobspor.staff SET last_sync = $1 WHERE initials = 'AL'`, at); err != nil {
		t.Fatal(err)
	}
	want := "AL  Anna Larsen · sidst opdateret kl. " + at.In(time.Local).Format("15.04 2-1")
	for _, now := range []time.Time{time.Date(2026, 12, 7, 10, 0, 0, 0, time.Local), time.Date(2027, 12, 9, 8, 0, 0, 0, time.Local)} {
		testClock(le.ui).Set(now)
		k := le.kontor(t)
		waitFor(t, "the roster", func() bool { return strings.Contains(labels(k.roster), "AL  Anna Larsen") })
		if got := labels(k.roster); !strings.Contains(got, want) {
			t.Fatalf("with the laptop's clock at %v the roster says\n%s\nwant %q", now, got, want)
		}
		le.ui.goBack()
	}
}

// The cover dialog's line of last syncs says the office's time with its
// day too, not "today" by this laptop's clock.
func TestTheCoverDialogsLastSyncsNeedNoLaptopClock(t *testing.T) {
	u, _ := newTestUI(t)
	at := time.Date(2026, 12, 7, 9, 42, 0, 0, time.UTC)
	testClock(u).Set(at.In(time.Local)) // the laptop thinks it is the same day: no "10.42" without the day
	c := &coverDialog{host: u, team: []model.Caseworker{{Initials: "AL"}, {Initials: "CD"}}}
	c.synced = widget.NewLabel("")
	c.showSynced(map[string]time.Time{"AL": at, "CD": {}})
	want := "AL: kl. " + at.In(time.Local).Format("15.04 2-1") + "  ·  CD: aldrig"
	if c.synced.Text != want {
		t.Fatalf("the cover dialog says %q, want %q", c.synced.Text, want)
	}
}
