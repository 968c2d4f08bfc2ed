package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/model/store/office/pgtest"
	"jobspor/model/testutil"
)

// karenOn registers Karen Holm (CPR 030355-1234) in the database at path
// with n conversations, each with a note, and returns her local ID.
func karenOn(t *testing.T, s *store.Store, n int, who string) int64 {
	t.Helper()
	c := testutil.Citizen(func(c *model.Citizen) {
		c.Name, c.CPR, c.Notes = "Karen Holm", model.CPR("0303551234"), "Noter fra "+who+": ringer helst om formiddagen."
	})
	if err := s.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= n; k++ {
		cv := testutil.Conversation(c.ID, testutil.At("2026-11-02T09:00").Add(time.Duration(k)*24*time.Hour), 30,
			func(cv *model.Conversation) {
				cv.Notes = fmt.Sprintf("%s, samtale %d: vil gerne være lagerarbejder.", who, k)
			})
		if err := s.PlanConversation(cv); err != nil {
			t.Fatal(err)
		}
	}
	return c.ID
}

// An a-kasse's caseworker joins on the command line holding a member the
// office already has (the same CPR number, with the lead). The join counts
// members; office conflicts names her (name and masked CPR number, never
// the full one, nor the raw case:<gid>), says in Danish what happened and
// what her case here holds, and how to close the question with her local
// ID; resolving it that way closes it here and at the office at once, and
// says so in Danish; the case stays on the laptop.
func TestOfficeConflictsNamesACaseTheOfficeAlreadyHas(t *testing.T) {
	server := officeServer(t, pgtest.Start, 55483)
	ctx := context.Background()

	ls, err := store.Open(filepath.Join(t.TempDir(), "lead.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ls.SaveOfficeKind(model.OfficeAkasse); err != nil {
		t.Fatal(err)
	}
	karenOn(t, ls, 1, "LE")
	lead := &office.Service{Store: ls, IdentityPath: filepath.Join(t.TempDir(), "lead-id.txt"), ConnectTimeout: 5 * time.Second}
	defer lead.Close()
	if _, err := lead.Init(server, "LE", "Lene Eriksen"); err != nil {
		t.Fatal(err)
	}
	if _, err := lead.Join(server, "LE"); err != nil {
		t.Fatal(err)
	}

	t.Setenv("JOBSPOR_OFFICE_IDENTITY", filepath.Join(t.TempDir(), "bk", "id.txt"))
	t.Setenv("PGPASSWORD", "")
	db := filepath.Join(t.TempDir(), "bk.db")
	bs, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	karen := karenOn(t, bs, 3, "BK")
	bs.Close()
	_, rec, _ := run(t, nil, "office", "recipient", "--db", db)
	if _, err := lead.AddCaseworker(server, "BK", "Birte Kjær", false, strings.TrimSpace(rec)); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, nil, "office", "join", "--db", db, "--server", server, "--initials", "BK")
	if code != 0 || !strings.Contains(out, "Sendt til kontoret: 0 medlemmer, ") || strings.Contains(out, "borger") ||
		!strings.Contains(out, "1 medlem findes allerede på kontoret hos en kollega (samme CPR-nummer) og er ikke sendt; sagen er stadig her. Se: jobspor office conflicts") {
		t.Fatalf("join in an a-kasse = %d %q %q; want the member counted as a member", code, out, errs)
	}

	code, out, errs = run(t, nil, "office", "conflicts", "--db", db)
	if code != 0 {
		t.Fatalf("office conflicts = %d %q %q", code, out, errs)
	}
	for _, want := range []string{
		fmt.Sprintf("Medlem %d: Karen Holm (030355-xxxx) findes allerede på kontoret hos en kollega (samme CPR-nummer)", karen),
		"Din sag med 3 samtaler og 4 noter er ikke sendt; den er stadig her på computeren.",
		fmt.Sprintf("jobspor office conflicts resolve --citizen %d --keep dismissed", karen),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("office conflicts lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"0303551234", "030355-1234", "case:", "citizens.*", `"cpr"`} {
		if strings.Contains(out, bad) {
			t.Errorf("office conflicts says %q:\n%s", bad, out)
		}
	}

	code, _, errs = run(t, nil, "office", "conflicts", "resolve", "--citizen", fmt.Sprint(karen), "--keep", "mine", "--db", db)
	if code != 1 || !strings.Contains(errs, "--keep dismissed") || strings.Contains(errs, "*") {
		t.Errorf("resolve with --keep mine = %d %q; want the one answer such a question has, in Danish", code, errs)
	}
	code, out, errs = run(t, nil, "office", "conflicts", "resolve", "--citizen", fmt.Sprint(karen), "--keep", "dismissed", "--db", db)
	if code != 0 || !strings.Contains(out, "Spørgsmålet om Karen Holm (030355-xxxx) er lukket. Sagen og dine tekster bliver her på computeren") {
		t.Fatalf("resolve --citizen = %d %q %q", code, out, errs)
	}
	if code, out, _ = run(t, nil, "office", "conflicts", "--db", db); code != 0 || out != "Ingen åbne konflikter.\n" {
		t.Errorf("after resolve office conflicts = %d %q", code, out)
	}
	pg, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close(ctx)
	var open, closed int
	err = pg.QueryRow(ctx, `SELECT count(*) FILTER (WHERE resolution = ''), count(*) FILTER (WHERE resolution = 'dismissed')
		FROM jobspor.conflict WHERE outcome = 'rejected' AND author = 'BK'`).Scan(&open, &closed)
	if err != nil || open != 0 || closed < 4 {
		t.Errorf("right after resolve the office holds %d of BK's refusals open and %d dismissed (%v), want none open", open, closed, err)
	}
	s, err := store.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if cvs, _ := s.Conversations(karen); len(cvs) != 3 {
		t.Errorf("Karen Holm has %d conversations on BK's laptop after resolve, want all 3 kept", len(cvs))
	}
}

// Each other open question is one line in the window's words: the field's
// Danish name, the citizen's name, "(tom)" for nothing; a refusal says in
// Danish that the office did not take it instead of the server's English,
// and no CPR number is shown in full.
func TestOfficeConflictLinesSpeakDanish(t *testing.T) {
	for _, c := range []struct {
		c    model.OfficeConflict
		kind model.OfficeKind
		want []string
	}{
		{model.OfficeConflict{ID: "01a2", Table: "citizens", Field: "phone", Outcome: "conflict", Kind: model.ConflictField,
			Mine: "11 11 11 11", Theirs: "\x00", CitizenID: 3, CitizenName: "Åse Ørum"}, model.OfficeJobcenter,
			[]string{"01a2\tkonflikt\tborger 3 Åse Ørum\tTelefon\tdin: \"11 11 11 11\"\tkontorets: \"(tom)\""}},
		{model.OfficeConflict{ID: "01a3", Table: "citizens", Field: "*, note:notes", Outcome: "rejected", Kind: model.ConflictRefused,
			Mine: `{"cpr":"0303551234","name":"Karen Holm"}` + "\nRinger om formiddagen.", Theirs: `new row violates row-level security policy for table "citizens"`,
			CitizenID: 4, CitizenName: "Karen Holm"}, model.OfficeAkasse,
			[]string{"01a3\tafvist\tmedlem 4 Karen Holm\tborgeren, Noter om borgeren\tkontoret tog ikke imod din ændring", "030355-xxxx", "Ringer om formiddagen."}},
	} {
		got := conflictLine(c.c, c.kind)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("the line %q lacks %q", got, w)
			}
		}
		for _, bad := range []string{"0303551234", "row-level", "violates", "citizens.", "\\x00"} {
			if strings.Contains(got, bad) {
				t.Errorf("the line %q says %q", got, bad)
			}
		}
	}
}
