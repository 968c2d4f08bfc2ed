package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/model/store/office/pgtest"
)

// dbHolds says whether the SQLite file at path (or its -wal) holds secret.
func dbHolds(t *testing.T, path, secret string) bool {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) {
			return true
		}
	}
	return false
}

// office join on the command line with the password from the lead in a
// file (--password-file) or in PGPASSWORD, against a server that checks
// SCRAM passwords: it joins, the password is kept protected, never in the
// database nor in a backup the backup command makes; status and every
// message show the address without user and password; a wrong password is
// said in Danish; the counts are Danish singular and plural.
func TestOfficeJoinOnTheCommandLineKeepsThePasswordOutOfTheDatabase(t *testing.T) {
	setup := officeServer(t, pgtest.StartPasswords, 55481)
	address := model.ServerAddress(setup)
	leadDB := filepath.Join(t.TempDir(), "lead.db")
	ls, err := store.Open(leadDB)
	if err != nil {
		t.Fatal(err)
	}
	lead := &office.Service{Store: ls, IdentityPath: filepath.Join(t.TempDir(), "lead-id.txt"), ConnectTimeout: 5 * time.Second}
	defer lead.Close()
	if _, err := lead.Init(setup, "LE", "Lene Eriksen"); err != nil {
		t.Fatal(err)
	}

	// AB: the password in a file
	abID := filepath.Join(t.TempDir(), "ab", "id.txt")
	t.Setenv("JOBSPOR_OFFICE_IDENTITY", abID)
	t.Setenv("PGPASSWORD", "")
	db, ids := dbWith(t, "Åse Ærø")
	_, rec, _ := run(t, nil, "office", "recipient", "--db", db)
	abPW, err := lead.AddCaseworker(setup, "AB", "Anna Berg", false, strings.TrimSpace(rec))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lead.AddCaseworker(setup, "CD", "Carl Dahl", false, ""); err != nil {
		t.Fatal(err)
	}
	pwFile := filepath.Join(t.TempDir(), "adgangskode.txt")
	os.WriteFile(pwFile, []byte(abPW+"x\n"), 0o600)
	code, out, errs := run(t, nil, "office", "join", "--db", db, "--server", address, "--initials", "AB", "--password-file", pwFile)
	if code != 1 || !strings.Contains(errs, "Kontoret afviste adgangskoden for AB") || strings.Contains(errs+out, abPW) {
		t.Fatalf("join with a wrong password = %d %q %q", code, out, errs)
	}
	os.WriteFile(pwFile, []byte(abPW+"\n"), 0o600)
	code, out, errs = run(t, nil, "office", "join", "--db", db, "--server", address, "--initials", "AB", "--password-file", pwFile)
	if code != 0 {
		t.Fatalf("join with --password-file = %d %q %q", code, out, errs)
	}
	if !strings.Contains(out, "Sendt til kontoret: 1 borger, ") || strings.Contains(out, "borger(e)") {
		t.Fatalf("the join's summary says %q", out)
	}
	if strings.Contains(out, abPW) || strings.Contains(out, "user=") || !strings.Contains(out, "Kontor: "+address+" (som AB)") {
		t.Fatalf("the join prints %q", out)
	}
	if dbHolds(t, db, abPW) {
		t.Fatal("the laptop's database holds the office password after office join")
	}
	code, out, _ = run(t, nil, "office", "status", "--db", db)
	if code != 0 || strings.Contains(out, abPW) || strings.Contains(out, "user=") || !strings.Contains(out, address) {
		t.Fatalf("office status = %d %q", code, out)
	}
	pass := filepath.Join(t.TempDir(), "backup-pass.txt")
	os.WriteFile(pass, []byte("sætning til backup\n"), 0o600)
	backups := t.TempDir()
	if code, out, errs := run(t, nil, "backup", "--db", db, "--to", backups, "--passphrase-file", pass); code != 0 {
		t.Fatalf("backup = %d %q %q", code, out, errs)
	}
	made, _ := filepath.Glob(filepath.Join(backups, "*"))
	if len(made) != 1 {
		t.Fatalf("backups made: %v", made)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	if _, err := store.Restore(made[0], restored, "sætning til backup"); err != nil {
		t.Fatal(err)
	}
	if dbHolds(t, restored, abPW) {
		t.Fatal("a backup made by the backup command holds the office password")
	}
	code, out, errs = run(t, nil, "office", "move", "--db", db, "--to", "CD", "--citizen", fmt.Sprint(ids[0]))
	if code != 0 || out != "1 borger overdraget til CD.\n" {
		t.Fatalf("office move (with the kept password) = %d %q %q", code, out, errs)
	}

	// CD: the password in PGPASSWORD
	t.Setenv("JOBSPOR_OFFICE_IDENTITY", filepath.Join(t.TempDir(), "cd", "id.txt"))
	cdDB, _ := dbWith(t)
	_, cdRec, _ := run(t, nil, "office", "recipient", "--db", cdDB)
	cdPW, err := lead.AddCaseworker(setup, "CD", "Carl Dahl", false, strings.TrimSpace(cdRec))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGPASSWORD", cdPW)
	code, out, errs = run(t, nil, "office", "join", "--db", cdDB, "--server", address, "--initials", "CD")
	if code != 0 || strings.Contains(out, cdPW) || !strings.Contains(out, "Sendt til kontoret: 0 borgere, ") {
		t.Fatalf("join with PGPASSWORD = %d %q %q", code, out, errs)
	}
	t.Setenv("PGPASSWORD", "")
	if dbHolds(t, cdDB, cdPW) {
		t.Fatal("the laptop's database holds the password from PGPASSWORD")
	}
	code, out, errs = run(t, nil, "office", "sync", "--db", cdDB)
	if code != 0 || strings.Contains(out, cdPW) {
		t.Fatalf("sync with the kept password = %d %q %q", code, out, errs)
	}
}

// The join's summary counts in Danish: one citizen, one record, one note,
// one edition; many of each.
func TestTheJoinSummaryCountsInDanish(t *testing.T) {
	for _, c := range []struct {
		r    model.JoinReport
		want []string
	}{
		{model.JoinReport{Cases: 1, Records: 1, Notes: 1, HandedOver: []model.JoinHandOver{{Initials: "CD", Cases: 1}},
			NotTaken: []model.JoinNotTaken{{Table: "prospect_editions", Rows: 1}, {Table: "caseworkers", Rows: 1}}},
			[]string{"1 borger, 1 registrering, 1 note;", "1 borger overdraget til CD.", ": 1 udgave af jobprognoserne.", ": 1 sagsbehandler."}},
		{model.JoinReport{Cases: 2, Records: 3, Notes: 4, HandedOver: []model.JoinHandOver{{Initials: "CD", Cases: 2, Kept: true}},
			NotTaken: []model.JoinNotTaken{{Table: "prospect_editions", Rows: 2}}},
			[]string{"2 borgere, 3 registreringer, 4 noter;", "2 borgere hos CD (ikke på kontorets liste)", ": 2 udgaver af jobprognoserne."}},
	} {
		var out bytes.Buffer
		printJoin(&Env{Stdout: &out}, &c.r, model.OfficeJobcenter)
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("the summary %q lacks %q", out.String(), w)
			}
		}
		if strings.Contains(out.String(), "(e)") {
			t.Errorf("the summary says %q", out.String())
		}
	}
}

// In an a-kasse the join's summary counts members, not citizens.
func TestTheJoinSummaryCountsMembersInAnAkasse(t *testing.T) {
	for _, c := range []struct {
		r    model.JoinReport
		want []string
	}{
		{model.JoinReport{Cases: 1, Records: 1, Notes: 1, HandedOver: []model.JoinHandOver{{Initials: "CD", Cases: 1}}},
			[]string{"Sendt til kontoret: 1 medlem, 1 registrering, 1 note;", "1 medlem overdraget til CD."}},
		{model.JoinReport{Cases: 2, Records: 3, Notes: 4, HandedOver: []model.JoinHandOver{{Initials: "CD", Cases: 2, Kept: true}}},
			[]string{"Sendt til kontoret: 2 medlemmer, 3 registreringer, 4 noter;", "2 medlemmer hos CD (ikke på kontorets liste)"}},
	} {
		var out bytes.Buffer
		printJoin(&Env{Stdout: &out}, &c.r, model.OfficeAkasse)
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("the a-kasse's summary %q lacks %q", out.String(), w)
			}
		}
		if strings.Contains(out.String(), "borger") {
			t.Errorf("the a-kasse's summary says borger: %q", out.String())
		}
	}
}
