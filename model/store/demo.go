package store

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"jobspor/model"
)

var (
	demoFirst = []string{"Søren", "Mette", "Bjørn", "Åse", "Lærke", "Jørgen", "Anne", "Mads", "Sofie", "Kasper",
		"Fatima", "Ahmed", "Ida", "Rasmus", "Maja", "Frederik", "Louise", "Jens", "Karin", "Ole", "Signe", "Niels",
		"Birgitte", "Thomas", "Camilla", "Mikkel", "Hanne", "Morten", "Zeynep", "Ali", "Emma", "Oliver", "Asger",
		"Gry", "Torben", "Pia", "Bent", "Malene", "Søs", "Ærling", "Mathias", "Nanna", "Peter", "Line", "Jonas"}
	demoMiddle = []string{"", "", "", "Marie", "Holm", "Skov", "Bech", "Juul", "Østergaard", "Kirstine", "Lund"}
	demoLast   = []string{"Jørgensen", "Sørensen", "Møller", "Kjær", "Ågård", "Nielsen", "Hansen", "Pedersen",
		"Andersen", "Christensen", "Larsen", "Rasmussen", "Poulsen", "Thomsen", "Østergaard", "Frølund", "Bækgaard",
		"Dahl", "Mortensen", "Lauridsen", "Søndergaard", "Kristensen", "Yilmaz", "Hussein", "Ærenlund", "Mølgaard"}
	demoGoals = []string{"Lagermedarbejder", "Køkkenmedhjælper", "Rengøringsassistent", "Chauffør", "Butiksassistent",
		"Social- og sundhedshjælper", "Kontorassistent", "Pædagogmedhjælper", "Tømrer", "Elektriker", "Truckfører",
		"Opvasker", "Servicemedarbejder", "Produktionsmedarbejder", "Kok", "Maler", "Receptionist", "Campingmedhjælper"}
	demoNotes = []string{"Drøftet ved samtalen", "Aftalt med borgeren", "Følges op næste gang", "Borgeren er motiveret",
		"Jobloggen er i brug", "Vil gerne arbejde med mennesker", "Har kørekort B og C"}
	demoUsers = []string{"mk", "jh", "sø", "al"}
	// demoAuditUser is a demo account working as the caseworker of its initials ("mk (MK)").
	demoAuditUser = func(user string) string { return model.AuditUser(user, strings.ToUpper(user)) }
	// demoCaseworkers (initials and name): the first DemoOptions.Caseworkers of them (4 by default).
	demoCaseworkers = []string{"MK Mette Kristensen", "JH Jonas Holm", "SØ Søren Østergaard", "AL Anne Lund", "BN Birgitte Nielsen", "CP Camilla Poulsen", "DJ Dorthe Jensen", "EH Erik Hansen", "FL Frederik Larsen", "GA Gitte Andersen", "HM Hanne Mortensen", "IR Ida Rasmussen", "JP Jens Pedersen", "KS Karen Sørensen", "LB Lars Berg", "MT Maja Thomsen", "NC Niels Christensen", "OJ Ole Jakobsen", "PV Pia Vestergaard", "RK Rikke Kjær"}
	demoAgreements  = []string{"Søger tre lagerjob inden næste samtale", "Opdaterer CV med truckcertifikat",
		"Kontakter vikarbureau og søger to job", "Søger job i køkken og kantine, mindst to om ugen"}
)

// SeedDemo fills an empty database with realistic, deterministic citizens:
// Danish names with æ, ø and å, every track and status, and histories of
// progress and conversations over the last eight months. It refuses a
// database that already holds citizens. Everything is one transaction.
func (s *Store) SeedDemo(g *model.Guide, o model.DemoOptions) (model.DemoStats, error) {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM citizens`).Scan(&n); err != nil {
		return model.DemoStats{}, fmt.Errorf("count citizens: %w", err)
	}
	if n > 0 {
		return model.DemoStats{}, model.NewUserError("error.demo.notempty", nil)
	}
	d := &demo{s: s, g: g, o: o, rnd: rand.New(rand.NewPCG(uint64(o.Seed), 0x6a6f6273706f72)),
		today: model.DateOnly(o.Today), cprs: map[string]bool{}}
	err := s.inTx("seed demo", d.write)
	return d.stats, err
}

type demo struct {
	s     *Store
	g     *model.Guide
	o     model.DemoOptions
	rnd   *rand.Rand
	today time.Time
	cprs  map[string]bool
	team  []model.Caseworker
	// closedOn is the day the current citizen's case closed (zero while open):
	// no conversation is planned after it.
	closedOn time.Time
	stats    model.DemoStats
	stmt     map[string]*sql.Stmt
	tx       *sql.Tx
}

var demoStatements = map[string]string{
	"citizen":    insertCitizenSQL,
	"caseworker": `INSERT INTO caseworkers (initials, name) VALUES (?, ?)`,
	"closing": `INSERT INTO case_closings (citizen_id, closed_on, reason, employer, job_start, hours, closed_by, closed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	"progress": `INSERT INTO progress (citizen_id, action_id, done, done_on, note, by_user, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)`,
	"audit":    `INSERT INTO audit (at, user_name, action, citizen_id, detail) VALUES (?, ?, ?, ?, ?)`,
	"conversation": `INSERT INTO conversations (citizen_id, start, end, kind, form, attendance, notes, agreements, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
	"goal":    `INSERT INTO job_goals (citizen_id, title, code, horizon, note, created_at) VALUES (?, ?, ?, ?, '', ?)`,
	"track":   `INSERT INTO track_changes (citizen_id, track, on_date, reason, by_user, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
	"youth":   `INSERT INTO youth_flags (citizen_id, flagged_on, referred_on) VALUES (?, ?, ?)`,
	"benefit": `INSERT INTO benefit_cases (citizen_id, intends_on, started_on, settled_on, documents) VALUES (?, ?, ?, ?, ?)`,
	"notice":  `INSERT INTO notices (citizen_id, direction, text, created_at, created_by) VALUES (?, ?, ?, ?, ?)`,
	"step":    `INSERT INTO reception_steps (citizen_id, step_id, done_on, by_user) VALUES (?, ?, ?, ?)`,
}

func (d *demo) write(tx *sql.Tx) error {
	d.tx, d.stmt = tx, map[string]*sql.Stmt{}
	for name, q := range demoStatements {
		st, err := tx.Prepare(q)
		if err != nil {
			return fmt.Errorf("prepare demo %s: %w", name, err)
		}
		defer st.Close()
		d.stmt[name] = st
	}
	if err := d.caseworkers(); err != nil {
		return err
	}
	if err := d.prospectsEdition(); err != nil {
		return err
	}
	if err := d.jobList(d.o.Jobs); err != nil {
		return err
	}
	for i := 0; i < d.o.Citizens; i++ {
		if err := d.citizen(); err != nil {
			return err
		}
	}
	return sealNew(tx) // the demo writes its audit rows in bulk
}

func (d *demo) pick(list []string) string { return list[d.rnd.IntN(len(list))] }

func (d *demo) exec(name string, args ...any) (sql.Result, error) {
	res, err := d.stmt[name].Exec(args...)
	if err != nil {
		return nil, fmt.Errorf("demo %s: %w", name, err)
	}
	return res, nil
}

func (d *demo) citizen() error {
	c := d.person()
	c.Normalize()
	if err := c.ValidateOn(d.today); err != nil {
		return fmt.Errorf("demo citizen %q: %w", c.Name, err)
	}
	c.CreatedAt = c.FirstContact.Add(9 * time.Hour)
	c.UpdatedAt = c.CreatedAt
	created := c.CreatedAt.Format(time.RFC3339)
	if err := insertCitizen(d.stmt["citizen"].Exec, c); err != nil {
		return fmt.Errorf("demo citizen: %w", err)
	}
	d.stats.Citizens++
	if _, err := d.exec("audit", created, demoAuditUser(d.pick(demoUsers)), model.AuditCreate, c.ID, ""); err != nil {
		return err
	}
	if err := d.history(c); err != nil {
		return err
	}
	return d.closing(c)
}

func (d *demo) caseworkers() error {
	n := d.o.Caseworkers
	if n <= 0 {
		n = 4
	}
	for _, line := range demoCaseworkers[:min(n, len(demoCaseworkers))] {
		initials, name, _ := strings.Cut(line, " ")
		d.team = append(d.team, model.Caseworker{Initials: initials, Name: name})
	}
	for _, c := range d.team {
		if _, err := d.exec("caseworker", c.Initials, c.Name); err != nil {
			return err
		}
	}
	return nil
}

// closing records how a closed case ended: on d.closedOn, with a job for
// in_job (an employer, the next Monday, 37 hours).
func (d *demo) closing(c *model.Citizen) error {
	if c.Status == model.StatusActive {
		return nil
	}
	reason := map[model.Status]model.CloseReason{model.StatusInJob: model.CloseJob, model.StatusInEducation: model.CloseEducation}[c.Status]
	employer, start, hours := "", "", 0
	if reason == "" {
		reason = []model.CloseReason{model.CloseMoved, model.CloseBenefit, model.CloseOther}[d.rnd.IntN(3)]
	}
	if reason == model.CloseJob {
		employer, start, hours = d.pick(demoEmployers), d.closedOn.AddDate(0, 0, 7).Format(model.DateLayout), 37
	}
	at := d.closedOn.Add(14 * time.Hour).UTC().Format(time.RFC3339)
	_, err := d.exec("closing", c.ID, d.closedOn.Format(model.DateLayout), reason, employer, start, hours, d.pick(demoUsers), at)
	return err
}

// person makes one citizen; the track follows education and how long ago
// the first contact was, as the guide's assessment would.
func (d *demo) person() *model.Citizen {
	c := &model.Citizen{Name: d.name(), Phone: d.phone(), Status: model.StatusActive}
	c.Postcode = demoHome(c.Name)
	c.FirstContact = d.today.AddDate(0, 0, -d.rnd.IntN(240))
	c.Benefit = []model.Benefit{model.BenefitDagpenge, model.BenefitDagpenge, model.BenefitDagpenge, model.BenefitKontanthjaelp, model.BenefitKontanthjaelp,
		model.BenefitUddannelseshjaelp, model.BenefitOther}[d.rnd.IntN(7)]
	c.Education = []model.Education{model.EducationUnskilled, model.EducationUnskilled, model.EducationSkilled, model.EducationSkilled, model.EducationHigher}[d.rnd.IntN(5)]
	if d.rnd.IntN(10) < 8 {
		c.CPR = d.cpr()
	}
	if d.rnd.IntN(10) < 6 {
		c.Email = d.email(c.Name)
	}
	if c.Benefit == model.BenefitUddannelseshjaelp && !youngUnskilled(c, d.today) {
		c.Benefit = model.BenefitKontanthjaelp // uddannelseshjælp is for under-30s without an education
	}
	c.Caseworker = d.team[d.rnd.IntN(len(d.team))].Initials
	if r := d.rnd.IntN(20); r < 2 {
		c.Status = model.StatusInJob
	} else if r == 2 {
		c.Status = model.StatusInEducation
	} else if r == 3 {
		c.Status = model.StatusClosed
	}
	d.closedOn = time.Time{}
	if c.Status != model.StatusActive {
		if d.rnd.IntN(3) == 0 { // a case closed more than a year ago, waiting for deletion
			c.FirstContact = d.today.AddDate(0, 0, -400-d.rnd.IntN(300))
		}
		days := int(d.today.Sub(c.FirstContact).Hours() / 24)
		d.closedOn = c.FirstContact.AddDate(0, 0, min(days, 20+d.rnd.IntN(150)))
	}
	c.Track = d.track(c)
	demoUnemployment(c)
	return c
}

func youngUnskilled(c *model.Citizen, today time.Time) bool {
	age, ok := c.CPR.AgeOn(today)
	return c.Education == model.EducationUnskilled && (!ok || age < 30)
}

// demoUnemployment dates the unemployment without drawing random numbers (the
// same seed gives the same people as before): a dagpenge citizen comes to the
// jobcentre from the a-kasse after three months, the others start on their
// first contact.
func demoUnemployment(c *model.Citizen) {
	c.UnemployedSince = c.FirstContact
	if c.Benefit == model.BenefitDagpenge {
		c.UnemployedSince, c.TransferredOn = c.FirstContact.AddDate(0, -3, 0), c.FirstContact
	}
}

func (d *demo) track(c *model.Citizen) model.TrackID {
	days := int(d.today.Sub(c.FirstContact).Hours() / 24)
	switch {
	case days < 14:
		return model.TrackNone
	case days > 150 && d.rnd.IntN(3) > 0:
		return model.TrackLongterm
	case c.Education == model.EducationUnskilled && d.rnd.IntN(2) == 0:
		return model.TrackEducation
	}
	return model.TrackIntensive
}

func (d *demo) name() string {
	parts := []string{d.pick(demoFirst), d.pick(demoMiddle), d.pick(demoLast)}
	if second := d.pick(demoLast); d.rnd.IntN(8) == 0 && second != parts[2] {
		parts[2] += "-" + second
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

func (d *demo) phone() string {
	n := 20000000 + d.rnd.IntN(79999999)
	s := fmt.Sprintf("%08d", n)
	if d.rnd.IntN(2) == 0 {
		return "+45 " + s[:2] + " " + s[2:4] + " " + s[4:6] + " " + s[6:]
	}
	return s
}

func (d *demo) email(name string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "ae", "Ø", "oe", "Å", "aa", " ", ".", "-", ".")
	return strings.ToLower(r.Replace(name)) + "@example.dk"
}

// cpr makes a unique, valid CPR number for an age of 18 to 64; the 7th
// digit follows the century rules.
func (d *demo) cpr() model.CPR {
	for {
		born := d.today.AddDate(-18-d.rnd.IntN(47), 0, -d.rnd.IntN(365))
		seq := d.rnd.IntN(1000)
		d7 := d.rnd.IntN(4) // 1900s: 0-3
		if born.Year() >= 2000 {
			d7 = 4 + 5*d.rnd.IntN(2) // 4 or 9
		}
		c := fmt.Sprintf("%s%d%03d", born.Format("020106"), d7, seq)
		if !d.cprs[c] {
			d.cprs[c] = true
			return model.CPR(c)
		}
	}
}
