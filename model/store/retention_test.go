package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jobspor/model"
	"jobspor/model/testutil"
)

// citizenTables lists the schema's tables that hold records about a
// citizen: a citizen_id column, or a foreign key to a table that has one.
func citizenTables(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	must(t, err)
	var all []string
	for rows.Next() {
		var n string
		must(t, rows.Scan(&n))
		all = append(all, n)
	}
	rows.Close()
	refers := map[string]bool{"citizens": true}
	for changed := true; changed; {
		changed = false
		for _, table := range all {
			if !refers[table] && tableRefersToCitizen(t, s, table, refers) {
				refers[table], changed = true, true
			}
		}
	}
	var out []string
	for _, table := range all {
		if refers[table] {
			out = append(out, table)
		}
	}
	return out
}

func tableRefersToCitizen(t *testing.T, s *Store, table string, refers map[string]bool) bool {
	cols, err := s.db.Query(`SELECT name FROM pragma_table_info(?)`, table)
	must(t, err)
	defer cols.Close()
	for cols.Next() {
		var c string
		must(t, cols.Scan(&c))
		if c == "citizen_id" {
			return true
		}
	}
	fks, err := s.db.Query(`SELECT "table" FROM pragma_foreign_key_list(?)`, table)
	must(t, err)
	defer fks.Close()
	for fks.Next() {
		var parent string
		must(t, fks.Scan(&parent))
		if refers[parent] {
			return true
		}
	}
	return false
}

// TestTheExportHoldsEveryTableAboutTheCitizen: every table of the schema
// that refers to a citizen has its key in the export, and for a citizen with
// a record in every such table that key is not empty. A table added later
// fails here until it is exported (and given a row in everyRecord).
func TestTheExportHoldsEveryTableAboutTheCitizen(t *testing.T) {
	s := newTestStore(t)
	id := everyRecord(t, s, testutil.Content(t))
	tables := citizenTables(t, s)
	if len(tables) < 18 {
		t.Fatalf("found only %d tables about citizens: %v", len(tables), tables)
	}
	e, err := s.ExportCitizen(id)
	must(t, err)
	var m map[string]json.RawMessage
	data, _ := json.Marshal(e)
	must(t, json.Unmarshal(data, &m))
	for _, table := range tables {
		key, ok := exportedTables[table]
		if !ok {
			t.Errorf("table %s refers to citizens but is not in the export", table)
			continue
		}
		if n := rowsAbout(t, s, table, id); n == 0 {
			t.Errorf("everyRecord made no row in %s: add one", table)
		}
		if v := strings.TrimSpace(string(m[key])); v == "" || v == "null" || v == "[]" || v == "{}" {
			t.Errorf("the citizen has rows in %s, but the export's %q is %s", table, key, v)
		}
	}
	if !strings.Contains(string(m["audit"]), "caseload: 3 borgere") {
		t.Error("the caseload view that named the citizen among others is not in their export's audit")
	}
}

func TestRangesContain(t *testing.T) {
	for _, c := range []struct {
		ranges string
		id     int64
		want   bool
	}{{"3-7,12,15-16", 5, true}, {"3-7,12,15-16", 12, true}, {"3-7,12,15-16", 8, false}, {"3-7,12,15-16", 16, true}, {"", 1, false}} {
		if got := model.RangesContain(c.ranges, c.id); got != c.want {
			t.Errorf("RangesContain(%q, %d) = %v", c.ranges, c.id, got)
		}
	}
}

// TestPurgeLeavesNothingOfTheCitizen: a case closed past the retention
// period is deleted by the purge: no row in any table refers to the citizen
// but the audit, the audit rows name no one, a byte search of the database
// and its -wal finds neither name nor CPR, and the audit chain still checks.
func TestPurgeLeavesNothingOfTheCitizen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	atNoon(s, "2025-03-01")
	gone := makeCitizen(t, s, func(c *model.Citizen) {
		c.Name, c.CPR, c.Notes = "Ingeborg Slettesen", "1203851234", "Noter om Ingeborg"
		c.FirstContact = day("2025-02-01")
	})
	cv := plan(t, s, gone.ID, "2025-03-03T09:00")
	cv.Attendance, cv.Notes = model.AttendanceHeld, "Ingeborg fortalte om sit helbred"
	must(t, s.SaveConversation(cv))
	must(t, s.AddNotice(gone.ID, "to_benefit", "Ingeborg har fået job"))
	atNoon(s, "2025-04-01")
	must(t, s.CloseCase(&model.CaseClosing{CitizenID: gone.ID, Date: day("2025-03-31"), Reason: model.CloseMoved}))
	kept := makeCitizen(t, s, func(c *model.Citizen) {
		c.Name, c.CPR, c.FirstContact = "Bente Bliver", "0101751234", day("2025-02-01")
	})
	must(t, s.CloseCase(&model.CaseClosing{CitizenID: kept.ID, Date: day("2025-03-01"), Reason: model.CloseOther}))
	must(t, s.ReopenCase(kept.ID)) // reopened: not due

	atNoon(s, "2026-11-23")
	must(t, s.SaveRetention(model.Retention{Months: 12, AuditYears: 5, Reason: "Sagen afsluttet; klagefrist og revision"}))
	due, err := s.DueForDeletion(s.Now(), model.WholeOffice)
	must(t, err)
	if len(due) != 1 || due[0].CitizenID != gone.ID || !due[0].DeleteFrom.Equal(day("2026-03-31")) {
		t.Fatalf("due for deletion = %+v, want only citizen %d from 31-03-2026", due, gone.ID)
	}
	dry, err := s.Purge(nil, s.Now(), true)
	must(t, err)
	if dry.Citizens != 1 {
		t.Fatalf("the dry run would delete %d", dry.Citizens)
	}
	if _, err := s.Citizen(gone.ID); err != nil {
		t.Fatal("the dry run deleted the citizen")
	}
	res, err := s.Purge(nil, s.Now(), false)
	must(t, err)
	if res.Citizens != 1 {
		t.Fatalf("purged %d, want 1", res.Citizens)
	}
	for _, table := range citizenTables(t, s) {
		if table == "audit" {
			continue
		}
		if n := rowsAbout(t, s, table, gone.ID); n != 0 {
			t.Errorf("%d rows in %s still refer to the purged citizen", n, table)
		}
	}
	for _, secret := range []string{"Ingeborg", "Slettesen", "1203851234", "120385"} {
		assertNotInFiles(t, path, secret)
	}
	entries, _ := s.AuditFor(gone.ID)
	if len(entries) == 0 || entries[len(entries)-1].Action != model.AuditPurge ||
		!strings.Contains(entries[len(entries)-1].Detail, "2025-03-31") {
		t.Errorf("the last audit row of the purged citizen is not the purge with its closing date: %+v", entries)
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Errorf("check after the purge: %v %v", problems, err)
	}
	if _, err := s.Citizen(kept.ID); err != nil {
		t.Errorf("the reopened case was deleted: %v", err)
	}
}

func rowsAbout(t *testing.T, s *Store, table string, id int64) int {
	q := `SELECT count(*) FROM ` + table + ` WHERE citizen_id = ?`
	switch table {
	case "citizens":
		q = `SELECT count(*) FROM citizens WHERE id = ?`
	case "conversation_jobs":
		q = `SELECT count(*) FROM conversation_jobs j JOIN conversations c ON c.id = j.conversation_id WHERE c.citizen_id = ?`
	}
	var n int
	must(t, s.db.QueryRow(q, id).Scan(&n))
	return n
}

// TestTheAuditIsCutPastItsRetentionAndStillChecks: rows older than the
// audit's retention go, the last cut row's seal becomes the chain's start,
// `check` verifies the rest — and still finds a row changed after the cut.
func TestTheAuditIsCutPastItsRetentionAndStillChecks(t *testing.T) {
	s := newTestStore(t)
	atNoon(s, "2019-05-01")
	old := makeCitizen(t, s)
	must(t, s.LogAudit(model.AuditView, old.ID, ""))
	atNoon(s, "2026-11-23")
	recent := makeCitizen(t, s, func(c *model.Citizen) { c.Name = "Ny Borger" })
	must(t, s.LogAudit(model.AuditView, recent.ID, ""))
	if _, err := s.Check(); err != nil {
		t.Fatal(err)
	}
	res, err := s.Purge(nil, s.Now(), false)
	must(t, err)
	if res.AuditRows != 2 {
		t.Fatalf("cut %d audit rows, want the 2 from 2019", res.AuditRows)
	}
	if entries, _ := s.AuditFor(old.ID); len(entries) != 0 {
		t.Errorf("%d audit rows from 2019 remain", len(entries))
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("check after the cut: %v %v", problems, err)
	}
	forge(t, s, recent.ID)
	if problems, _ := s.Check(); len(problems) == 0 {
		t.Error("a row changed after the cut was not found")
	}
}

// forge rewrites the detail of the citizen's newest audit row behind
// Jobspor's back (lifting the trigger as an attacker with sqlite3 could).
func forge(t *testing.T, s *Store, citizen int64) {
	for _, q := range []string{`DROP TRIGGER audit_no_update`,
		`UPDATE audit SET detail = 'forged' WHERE id = (SELECT max(id) FROM audit WHERE citizen_id = ` + itoa(citizen) + `)`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// everyRecord makes a young citizen with a record in every table Jobspor
// has about citizens, and closes the case; it returns the citizen's ID.
func everyRecord(t *testing.T, s *Store, c *model.Content) int64 {
	t.Helper()
	atNoon(s, "2026-11-23")
	z := makeCitizen(t, s, func(c *model.Citizen) {
		c.CPR, c.Education, c.Benefit = "0101044234", model.EducationUnskilled, model.BenefitKontanthjaelp
	})
	id := z.ID
	action := c.Guide.Phases[0].Elements[0].Actions[0].ID
	must(t, s.SaveProgress(&model.Progress{CitizenID: id, ActionID: action, Done: true, DoneOn: day("2026-11-20")}))
	must(t, s.AddJobGoal(&model.JobGoal{CitizenID: id, Title: "Lagerarbejder", Horizon: model.HorizonShort}))
	must(t, s.SaveOpening(&model.Opening{CitizenID: id, UpskillingNeed: "Truckcertifikat", EUV: model.EUVNo}))
	must(t, s.AssignTrack(&model.TrackChange{CitizenID: id, Track: model.TrackIntensive, On: day("2026-11-20"), Reason: "Jobparat"}))
	cv := plan(t, s, id, "2026-11-20T09:00")
	job := &model.Job{Title: "Lagermedarbejder", Employer: "Coop", Deadline: day("2026-12-20")}
	must(t, s.SaveJob(job))
	must(t, s.AgreeJob(cv.ID, job.ID, true))
	must(t, s.SaveUpskilling(&model.Upskilling{CitizenID: id, Kind: model.UpskillingCertificate, Title: "Truck", Status: model.UpskillingPlanned}))
	must(t, s.SaveEducationPlan(&model.EducationPlan{CitizenID: id, Chosen: "Lager og logistik"}))
	must(t, s.SaveCompanyEffort(&model.CompanyEffort{CitizenID: id, Kind: model.CompanyPraktik, Company: "Coop",
		Start: day("2026-12-01"), End: day("2026-12-20")}))
	must(t, s.SaveTempAgency(&model.TempAgency{CitizenID: id, Agency: "Vikar A/S"}))
	must(t, s.TickReception(id, c.Reception.Steps[0].ID, true))
	must(t, s.SaveBenefitCase(&model.BenefitCase{CitizenID: id, IntendsOn: day("2026-11-20")}, 6))
	must(t, s.AddNotice(id, "to_benefit", "Borgeren søger kontanthjælp"))
	must(t, s.Exempt(&model.Exemption{CitizenID: id, Reason: "Finder selv job", DecidedOn: day("2026-11-21")}))
	must(t, s.CloseCase(&model.CaseClosing{CitizenID: id, Date: day("2026-11-23"), Reason: model.CloseEducation}))
	must(t, s.LogViewed("caseload", []int64{id - 1, id, id + 1}))
	return id
}

// TestPurgeRemovesTheCitizensHandoutsAndTheCopiesKeptAside: after a purge
// no handout in the print folder names the purged citizen, and no copy a
// restore kept aside holds them; other citizens' handouts stay.
func TestPurgeRemovesTheCitizensHandoutsAndTheCopiesKeptAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	atNoon(s, "2025-03-01")
	gone := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Ingeborg Slettesen", day("2025-02-01") })
	kept := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.FirstContact = "Bente Bliver", day("2025-02-01") })
	atNoon(s, "2025-04-01")
	must(t, s.CloseCase(&model.CaseClosing{CitizenID: gone.ID, Date: day("2025-03-31"), Reason: model.CloseMoved}))
	out := s.printFolder()
	must(t, os.MkdirAll(out, 0o700))
	g, k := itoa(gone.ID), itoa(kept.ID)
	goneFiles := []string{"jobsoegningsfolder-" + g + "-2025-03-03-090000.pdf", "plan-" + g + "-2025-03-03.pdf",
		"ydelsestjekliste-" + g + "-2025-03-03-091500.pdf", "indsigt-" + g + "-2025-03-05-100000.pdf", "dagens-job-" + g + "-2025-03-03.pdf"}
	keptFiles := []string{"plan-" + k + "-2025-03-03.pdf", "dagens-job-2025-03-03.pdf", "opkaldsliste-2025-03-03.pdf"}
	for _, f := range append(append([]string{}, goneFiles...), keptFiles...) {
		must(t, os.WriteFile(filepath.Join(out, f), []byte("%PDF Ingeborg"), 0o600))
		must(t, os.Chtimes(filepath.Join(out, f), day("2026-11-01"), day("2026-11-01"))) // within the period
	}
	// A call list naming both, printed then: it expires with the period.
	oldList := filepath.Join(out, "opkaldsliste-2025-03-04.pdf")
	must(t, os.WriteFile(oldList, []byte("%PDF Ingeborg og Bente"), 0o600))
	must(t, os.Chtimes(oldList, day("2025-03-04"), day("2025-03-04")))
	aside := path + "-før-gendannelse-2025-03-20-101010"
	must(t, os.WriteFile(aside, []byte("SQLite format 3\x00 Ingeborg Slettesen"), 0o600))
	must(t, os.WriteFile(aside+".audit", []byte("x"), 0o600))

	atNoon(s, "2026-11-23")
	must(t, s.SaveRetention(model.Retention{Months: 12, AuditYears: 5, Reason: "Sagen afsluttet; klagefrist og revision"}))
	res, err := s.Purge(nil, s.Now(), false)
	must(t, err)
	if res.Citizens != 1 {
		t.Fatalf("purged %d citizens", res.Citizens)
	}
	for _, f := range goneFiles {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("the purged citizen's handout %s is still in the print folder", f)
		}
	}
	for _, f := range keptFiles {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s, not the purged citizen's, was removed", f)
		}
	}
	for _, f := range []string{aside, aside + ".audit"} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("the copy kept aside by a restore (%s) still holds the purged citizen", filepath.Base(f))
		}
	}
	if _, err := os.Stat(oldList); err == nil {
		t.Error("a call list older than the retention period, naming the purged citizen, is still there")
	}
}
