package reports

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

// layoutFileText reads a written PDF back as the reader sees it, lines kept.
func layoutFileText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; `make test` installs it")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// insightCitizen is a citizen of caseworker Anne Jensen (AJ), who works as
// AJ on this computer account, with a record of most kinds: a goal, a
// track, a job log line, a conversation, a benefit case with two documents
// handed in, a notice, a course and a temp agency.
func insightCitizen(t *testing.T) (*store.Store, *Service, *model.Citizen) {
	t.Helper()
	s := storetest.Open(t)
	s.Now = func() time.Time { return fixed }
	if err := s.SaveCaseworker(&model.Caseworker{Initials: "AJ", Name: "Anne Jensen"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMe("AJ"); err != nil {
		t.Fatal(err)
	}
	c := storetest.AddCitizen(t, s, func(c *model.Citizen) {
		c.Name, c.CPR, c.Caseworker, c.Benefit = "Søren Ærø", "120385-4321", "AJ", model.BenefitOther
	})
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	must("goal", s.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Lagerarbejder", Horizon: model.HorizonShort}))
	must("opening", s.SaveOpening(&model.Opening{CitizenID: c.ID, UpskillingNeed: "Truckcertifikat", EUV: model.EUVNo}))
	must("track", s.AssignTrack(&model.TrackChange{CitizenID: c.ID, Track: model.TrackIntensive, On: day(5), Reason: "Klar til job"}))
	must("joblog", s.SaveApplication(&model.Application{CitizenID: c.ID, Text: "Lagerarbejder hos Coop", AppliedOn: day(10), Status: model.AppApplied}))
	storetest.Plan(t, s, c.ID, time.Date(2026, 11, 12, 10, 0, 0, 0, time.Local), 30, func(cv *model.Conversation) {
		cv.Attendance, cv.Notes, cv.Agreements = model.AttendanceHeld, "God samtale", "Søg to job om ugen"
	})
	must("benefit", s.SaveBenefitCase(&model.BenefitCase{CitizenID: c.ID, IntendsOn: day(16), StartedOn: day(18), Documents: []int{0, 3}}, 6))
	must("notice", s.AddNotice(c.ID, model.FromBenefit, "Ydelsen er bevilget"))
	must("upskilling", s.SaveUpskilling(&model.Upskilling{CitizenID: c.ID, Kind: model.UpskillingCertificate, Title: "Truckcertifikat", Status: model.UpskillingPlanned}))
	must("education", s.SaveEducationPlan(&model.EducationPlan{CitizenID: c.ID, Chosen: "Lager og logistik", PriorLearning: "planned", DyslexiaTest: "offered"}))
	must("company", s.SaveCompanyEffort(&model.CompanyEffort{CitizenID: c.ID, Kind: model.CompanyPraktik, Company: "Nordlys Logistik A/S",
		Start: day(2), End: day(20), Conditions: "Fastansættelse efter fire uger", Outcome: "job"}))
	must("closing", s.CloseCase(&model.CaseClosing{CitizenID: c.ID, Date: day(23), Reason: model.CloseJob, Employer: "Nordlys Logistik A/S",
		JobStart: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Hours: 37}))
	must("temp agency", s.SaveTempAgency(&model.TempAgency{CitizenID: c.ID, Agency: "Adecco", Registered: day(20)}))
	svc := NewService(s, testContent(t))
	svc.Opts, svc.Now, svc.OutDir = Options{Fixed: fixed}, func() time.Time { return fixed }, t.TempDir()
	return s, svc, c
}

// TestInsightReadsAsALetter: the right-of-access document is written in
// Danish for the citizen: no action, record kind, track or benefit by its
// program key, no computer account, the caseworker by name, the track by
// its name, every date said what it is, and the documents handed in.
func TestInsightReadsAsALetter(t *testing.T) {
	_, svc, c := insightCitizen(t)
	path, err := svc.Insight(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("JOBSPOR_KEEP_INSIGHT"); dir != "" {
		b, _ := os.ReadFile(path)
		os.WriteFile(dir, b, 0o600)
	}
	text := layoutFileText(t, path)
	folded := strings.Join(strings.Fields(text), " ")
	for _, raw := range []string{"root", svcUser(svc), "notice", "goal", "opening", "track", "joblog", "Spor: Jobspor",
		"benefit", "other", "intensive", "dagpenge", "from_benefit", "applied", "certificate", "planned", "offered", "no_job",
		"praktik", "in_person", "(AJ)"} {
		if regexp.MustCompile(`(?i)(^|\W)` + regexp.QuoteMeta(raw) + `(\W|$)`).MatchString(folded) {
			t.Errorf("the insight document shows the raw word %q:\n%s", raw, text)
		}
	}
	for _, want := range []string{
		"Sagsbehandler: Anne Jensen", "Spor: Intensiv jobsøgning", "Ydelse: Anden ydelse",
		"Anne Jensen oprettede dig i Jobspor", "Anne Jensen tilføjede et jobmål", "Anne Jensen skiftede dit spor",
		"Anne Jensen noterede i din jobsøgning", "Anne Jensen noterede i din ydelsessag", "Anne Jensen udleverede dine oplysninger",
		"Intensiv jobsøgning fra 05-11-2026. Begrundelse: Klar til job",
		"Lagerarbejder hos Coop – status sendt – søgt 10-11-2026",
		"Du meldte, at du vil søge ydelse: 16-11-2026", "Afklaringen af din ydelse begyndte: 18-11-2026",
		"Papirer, du har afleveret:", "– Kontoudtog og kontooversigt fra din bank", "– Lønsedler",
		"Fra ydelseskontoret, skrevet", "Anne Jensen noterede en besked om dig fra ydelseskontoret", "Samtale torsdag den 12. november 2026 kl. 10.00 – Jobsamtale, fremmøde",
		"Aftaler: Søg to job om ugen", "Behov for opkvalificering: Truckcertifikat",
		"Opkvalificering: Truckcertifikat (certifikat) – planlagt", "Vikarbureau: Adecco – tilmeldt 20-11-2026",
		"Uddannelse: Lager og logistik – realkompetencevurdering planlagt – ordblindetest tilbudt",
		"Virksomhedspraktik hos Nordlys Logistik A/S – periode 02-11-2026–20-11-2026 – aftalt om job bagefter: Fastansættelse efter fire uger – endte med job",
		"Forløbet blev afsluttet 23-11-2026 – årsag job – arbejdsgiver Nordlys Logistik A/S – første arbejdsdag 01-12-2026 – 37 timer om ugen",
		"Anne Jensen afsluttede forløbet",
	} {
		if !strings.Contains(folded, want) {
			t.Errorf("the insight document lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(folded, "Engagementsoversigt") {
		t.Errorf("the insight document lists a document not handed in:\n%s", text)
	}
}

// svcUser is the computer account the store writes to the audit.
func svcUser(svc *Service) string { return svc.store.(*store.Store).User }

// TestInsightWithoutJegErNamesNoAccount: rows written before a caseworker
// was chosen under "Jeg er" name a staff member, not the computer account,
// which the audit keeps beside the caseworker.
func TestInsightWithoutJegErNamesNoAccount(t *testing.T) {
	s := storetest.Open(t)
	s.Now = func() time.Time { return fixed }
	s.User = "jobcenter-pc7"
	c := storetest.AddCitizen(t, s)
	svc := NewService(s, testContent(t))
	svc.Opts, svc.Now, svc.OutDir = Options{Fixed: fixed}, func() time.Time { return fixed }, t.TempDir()
	path, err := svc.Insight(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := foldedFileText(t, path)
	if strings.Contains(text, "jobcenter-pc7") || !strings.Contains(text, "En medarbejder i jobcentret oprettede dig i Jobspor") {
		t.Errorf("the insight document names the account, or no one:\n%s", text)
	}
	audit, err := s.AuditFor(c.ID)
	if err != nil || len(audit) == 0 || audit[0].User != "jobcenter-pc7" {
		t.Fatalf("the audit keeps the account: %+v, %v", audit, err)
	}
}
