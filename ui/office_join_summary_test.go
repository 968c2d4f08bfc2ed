package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// officeJobs are the lead's job list, typed alike on the caseworker's laptop.
func officeJobs(t *testing.T, save func(*model.Job) error, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		j := testutil.Job(fmt.Sprintf("Lagermedarbejder %d", i), testutil.At("2026-12-15T00:00"), func(j *model.Job) {
			j.Employer, j.Place = "Nordlys Logistik A/S", "Køge"
		})
		if err := save(j); err != nil {
			t.Fatal(err)
		}
	}
}

// A caseworker whose laptop has been in use joins from Kontor an office
// whose lead already set up the job list and the letterhead: no question
// waits for her afterwards, and Kontor says once, in Danish, what went to
// the office (her citizens and their notes, the job she typed herself),
// that her own letterhead was not taken over, and where the copy from
// before the join is kept.
func TestAJoinFromKontorSaysWhatItSentAndWhatItKept(t *testing.T) {
	officeTimers(t)
	server := officeServer(t)
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	le := leadOffice(t, server, key, 0)
	officeJobs(t, le.store.SaveJob, 40)
	if err := le.store.SaveOffice(model.Office{Name: "Jobcenter Vest", Phone: "70101010"}); err != nil {
		t.Fatal(err)
	}
	if _, err := le.office.Sync(); err != nil {
		t.Fatal(err)
	}

	officeJobs(t, al.store.SaveJob, 40)
	own := testutil.Job("Pladsmand", testutil.At("2026-12-20T00:00"), func(j *model.Job) { j.Employer = "Vognmand Ærø" })
	if err := al.store.SaveJob(own); err != nil {
		t.Fatal(err)
	}
	if err := al.store.SaveOffice(model.Office{Name: "Annas brevhoved", Phone: "70101010"}); err != nil {
		t.Fatal(err)
	}
	for i, cpr := range []string{"0101901111", "0202902222"} {
		storetest.AddCitizen(t, al.store, func(c *model.Citizen) {
			c.Name, c.CPR, c.Notes = fmt.Sprintf("Borger %d", i), model.CPR(cpr), "Aftalt at søge lagerjob"
		})
	}

	k := joinFromKontor(t, al, server, "AL")
	if k.summary == nil || !k.summary.Visible() {
		t.Fatalf("Kontor shows no summary of the join (message %q)", k.message.Text)
	}
	text := k.summary.Text
	for _, want := range []string{"Sendt til kontoret: 2 borgere", "1 job, som kontoret ikke havde, står nu på kontorets jobliste",
		"Dine egne indstillinger er ikke overtaget – kontorets gælder: kontorets navn.", "kopi, som kun du kan læse: "} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, text)
		}
	}
	for _, english := range []string{"Sent ", "office", "settings", "%!"} {
		if strings.Contains(text, english) {
			t.Errorf("the summary has %q in it:\n%s", english, text)
		}
	}
	st, err := al.store.OfficeStatus()
	if err != nil || st.Conflicts != 0 || st.Pending != 0 {
		t.Fatalf("after the join %d questions and %d changes wait (%v)", st.Conflicts, st.Pending, err)
	}
	if got := al.headerText(); got != "Kontoret: opdateret 10.00" {
		t.Errorf("the header says %q after the join", got)
	}
	copyPath := text[strings.LastIndex(text, ": ")+2:]
	if fi, err := os.Stat(copyPath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the copy named in the summary, %q: %v %v", copyPath, fi, err)
	}
	all, err := al.store.OpenJobs(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(all) != 41 {
		t.Errorf("AL's laptop holds %d jobs after the join, want the office's 41 (%v)", len(all), err)
	}
}

// Every part of a join's summary is said in Danish: no key left untranslated
// (each table and setting the join can name), nothing in English.
func TestTheJoinSummarySaysEveryPartInDanish(t *testing.T) {
	u, _ := newTestUI(t)
	r := &model.JoinReport{Cases: 1, Records: 12, Notes: 3, JobsAdded: 2, OfficeHad: 1500,
		HandedOver: []model.JoinHandOver{{Initials: "AL", Cases: 3}, {Initials: "XY", Cases: 1, Kept: true}},
		Settings:   model.OfficeSettingKeys, SettingsKept: []string{"jobs.related"}, Copy: "/data/jobspor.db-før-kontor-2026-11-23-100000"}
	for _, tb := range []string{"caseworkers", "prospect_editions", "prospects"} {
		r.NotTaken = append(r.NotTaken, model.JoinNotTaken{Table: tb, Rows: 2})
	}
	text := joinSummary(r, u.term)
	for _, want := range []string{"Sendt til kontoret: 1 borger, 12 registreringer i alt og 3 noter.", "overdraget til dem: AL (3)",
		"er lagt hos dig: XY (1)", "sagsbehandlere (2), udgaver af jobprognoserne (2), jobprognoser (2)", "beslægtede jobmål",
		"kontorets navn, adresse, telefon", "gælder kun på denne computer"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"kontor.join", "office.", "retention.", "reception.", "%!"} {
		if strings.Contains(text, bad) {
			t.Errorf("the summary says %q:\n%s", bad, text)
		}
	}
}

// In an a-kasse Kontor calls the citizens members, as the rest of the
// window does: the join's summary, what was joined, the help and what a
// cancelled join left; a jobcentre still says borgere.
func TestKontorSaysMembersInAnAkasse(t *testing.T) {
	l := newOfficeLaptop(t)
	l.ui.setOfficeKind(model.OfficeAkasse)
	r := &model.JoinReport{Cases: 1, Records: 12, Notes: 3,
		HandedOver: []model.JoinHandOver{{Initials: "AL", Cases: 3}, {Initials: "XY", Cases: 1, Kept: true}}}
	k := l.kontor(t)
	k.joinedAt = l.ui.now()
	texts := []string{joinSummary(r, l.ui.term), k.joinedSentence(model.OfficeStatus{Server: "postgres://kontor.lan/jobspor", Initials: "AB", Citizens: 4}),
		cancelledText(errors.Join(model.ErrJoinCancelledKept, model.ErrJoinCancelledSent), l.ui.term)}
	texts = append(texts, shown(k.root))
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Sendt til kontoret: 1 medlem, 12 registreringer", "Medlemmer, som computeren havde for kolleger",
		"Medlemmer hos kolleger", "4 medlemmer hentet", "dine egne medlemmer er som før", "Dine egne medlemmer nåede",
		"deler du medlemmer"} {
		if !strings.Contains(all, want) {
			t.Errorf("Kontor in an a-kasse lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(strings.ToLower(all), "borger") {
		t.Errorf("Kontor in an a-kasse says borger:\n%s", all)
	}
	l.ui.setOfficeKind(model.OfficeJobcenter)
	if s := joinSummary(r, l.ui.term); !strings.Contains(s, "1 borger, 12") {
		t.Errorf("a jobcentre's join summary says %q", s)
	}
}
