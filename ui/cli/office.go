package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"jobspor/model"
)

// Office is what the office commands ask of the office tier (issue 24);
// main opens it on the laptop's database.
type Office interface {
	Init(server, initials, name string) (recipient string, err error)
	AddCaseworker(server, initials, name string, lead bool, recipient string) (password string, err error)
	Recipient() (string, error)
	// JoinAs joins logging in with password ("" for one written in server);
	// the password is kept protected by the OS, never in the database.
	JoinAs(ctx context.Context, server, initials, password string, progress func(done, total int)) (model.OfficeStatus, error)
	Sync() (model.OfficeStatus, error)
	Status() (model.OfficeStatus, error)
	Move(citizenIDs []int64, to string) error
	Cover(citizenIDs []int64, to string, until time.Time, reason string) error
	Conflicts() ([]model.OfficeConflict, error)
	Resolve(id, how string) error
	// SetCompanyContact marks on the roster who holds company contact (10 råd, råd 2).
	SetCompanyContact(server, initials string, on bool) error
	// OfficeKind is the laptop's kind of office (an a-kasse calls its
	// citizens members).
	OfficeKind() (model.OfficeKind, error)
	Close() error
}

// officeSubUsages are the office command's parts, each with its usage
// (jobspor office conflicts --help shows its own).
var officeSubUsages = []struct{ name, usage string }{
	{"init", "init --server URL --initials I --name N [--db FIL]   opretter kontoret med dig som leder"},
	{"add-caseworker", "add-caseworker INITIALER NAVN --server URL [--lead] [--recipient NØGLE] [--db FIL]   tilføjer en kollega"},
	{"company-contact", "company-contact INITIALER ja|nej --server URL [--db FIL]   hvem har virksomhedskontakt"},
	{"recipient", "recipient [--db FIL]   denne computers offentlige nøgle, til lederen"},
	{"join", "join --server URL --initials I [--password-file FIL] [--db FIL]   forbinder computeren med kontoret"},
	{"sync", "sync [--db FIL]   sender og henter ændringer nu"},
	{"status", "status [--db FIL]   kontor, sidste synkronisering, ventende ændringer og konflikter"},
	{"move", "move --to I --citizen ID[,ID...] [--db FIL]   overdrager sager til en kollega"},
	{"cover", "cover --to I --citizen ID[,ID...] --until D --reason R [--db FIL]   en kollega dækker sager til og med en dato"},
	{"conflicts", "conflicts [resolve ID --keep theirs|mine|dismissed | resolve --citizen ID --keep dismissed] [--db FIL]   " +
		"viser de spørgsmål, kontoret har til dig; resolve afgør et (--citizen: en borger, kontoret allerede har)"},
}

// officeUsage is every part of the office command, in one line.
var officeUsage = func() string {
	parts := make([]string, len(officeSubUsages))
	for i, u := range officeSubUsages {
		parts[i] = strings.TrimSuffix(strings.Split(u.usage, "   ")[0], " [--db FIL]")
	}
	return "office (" + strings.Join(parts, " | ") + ") [--db FIL]"
}()

func runOffice(e *Env, args []string) error {
	subs := map[string]bool{"init": true, "add-caseworker": true, "recipient": true, "join": true, "sync": true,
		"status": true, "move": true, "cover": true, "conflicts": true, "company-contact": true}
	if len(args) == 0 || !subs[args[0]] {
		return usageError{msg: "angiv init, add-caseworker, company-contact, recipient, join, sync, status, move, cover eller conflicts"}
	}
	if e.OpenOffice == nil {
		return usageError{msg: "denne udgave af Jobspor kan ikke bruge et kontor"}
	}
	fs := newFlags("office " + args[0])
	db := dbFlag(fs)
	server := fs.String("server", "", "kontorets PostgreSQL, fx postgres://kontor.lan/jobspor?sslmode=verify-full")
	initials := fs.String("initials", "", "dine initialer på kontoret")
	name := fs.String("name", "", "init: lederens navn")
	lead := fs.Bool("lead", false, "add-caseworker: kollegaen er leder")
	recipient := fs.String("recipient", "", "add-caseworker: kollegaens offentlige nøgle (age1…)")
	to := fs.String("to", "", "move, cover: kollegaens initialer")
	ids := fs.String("citizen", "", "move, cover: borgernes ID'er, kommasepareret")
	until := fs.String("until", "", "cover: til og med dato (ÅÅÅÅ-MM-DD)")
	reason := fs.String("reason", "", "cover: begrundelse")
	keep := fs.String("keep", "", "conflicts resolve: theirs, mine eller dismissed")
	passwordFile := fs.String("password-file", "", "join: fil med adgangskoden fra kontorets leder (ellers PGPASSWORD eller adgangskoden i adressen)")
	rest, err := parseWithArgs(fs, args[1:])
	if err != nil {
		return err
	}
	path, err := dbPath(*db, model.DefaultDBPath)
	if err != nil {
		return err
	}
	o, err := e.OpenOffice(path)
	if err != nil {
		return err
	}
	defer o.Close()
	switch args[0] {
	case "init":
		if *server == "" || *initials == "" || *name == "" {
			return usageError{msg: "angiv --server, --initials og --name (lederen)"}
		}
		r, err := o.Init(*server, *initials, *name)
		if err != nil {
			return officeError(err)
		}
		fmt.Fprintf(e.Stdout, "Kontoret er oprettet med %s som leder.\nDin offentlige nøgle: %s\n", strings.ToUpper(*initials), r)
		fmt.Fprintf(e.Stdout, "Din egen adgangskode til kontoret er lavet og gemt beskyttet på denne computer (aldrig i databasen). Forbind nu med: jobspor office join --server %s --initials %s\n",
			model.ServerAddress(*server), strings.ToUpper(*initials))
		return nil
	case "company-contact":
		return runCompanyContact(e, o, rest, *server)
	case "add-caseworker":
		if len(rest) < 2 || *server == "" {
			return usageError{msg: "angiv INITIALER NAVN og --server"}
		}
		pw, err := o.AddCaseworker(*server, rest[0], strings.Join(rest[1:], " "), *lead, *recipient)
		if err != nil {
			return officeError(err)
		}
		fmt.Fprintf(e.Stdout, "%s er tilføjet. Adgangskode (vises kun nu, giv den personligt): %s\n", strings.ToUpper(rest[0]), pw)
		if *recipient == "" {
			fmt.Fprintln(e.Stdout, "Kontorets nøgle er ikke pakket ind til kollegaen endnu: kør igen med --recipient.")
		}
		return nil
	case "recipient":
		r, err := o.Recipient()
		if err != nil {
			return err
		}
		fmt.Fprintln(e.Stdout, r)
		return nil
	case "join":
		if *server == "" || *initials == "" {
			return usageError{msg: "angiv --server og --initials"}
		}
		password, err := joinPassword(*passwordFile)
		if err != nil {
			return err
		}
		st, err := o.JoinAs(context.Background(), *server, *initials, password, nil)
		if err != nil {
			return officeError(err)
		}
		printStatus(e, st)
		printJoin(e, st.Join, officeKind(o))
		printCasesRefused(e, o)
		return nil
	case "sync":
		st, err := o.Sync()
		if err != nil {
			return err
		}
		printStatus(e, st)
		return nil
	case "status":
		st, err := o.Status()
		if err != nil {
			return err
		}
		printStatus(e, st)
		return nil
	case "move", "cover":
		list, err := citizenIDs(*ids)
		if err != nil {
			return err
		}
		if *to == "" {
			return usageError{msg: "angiv --to INITIALER"}
		}
		if args[0] == "move" {
			if err := o.Move(list, *to); err != nil {
				return officeError(err)
			}
			fmt.Fprintf(e.Stdout, "%s overdraget til %s.\n", citizens(officeKind(o), len(list)), strings.ToUpper(*to))
			return nil
		}
		day, err := time.ParseInLocation(model.DateLayout, *until, time.Local)
		if err != nil || *reason == "" {
			return usageError{msg: "angiv --until ÅÅÅÅ-MM-DD og --reason"}
		}
		if err := o.Cover(list, *to, day, *reason); err != nil {
			return officeError(err)
		}
		fmt.Fprintf(e.Stdout, "%s dækker %s til og med %s.\n", strings.ToUpper(*to), citizens(officeKind(o), len(list)), *until)
		return nil
	}
	return runConflicts(e, o, rest, *ids, *keep)
}

func citizenIDs(list string) ([]int64, error) {
	var ids []int64
	for _, f := range strings.Split(list, ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil || id <= 0 {
			return nil, usageError{msg: fmt.Sprintf("ugyldigt borger-ID %q i --citizen", f)}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// joinPassword is the password a join logs in with: the first line of
// --password-file, else PGPASSWORD, else "" (one written in the address).
func joinPassword(file string) (string, error) {
	if file == "" {
		return os.Getenv("PGPASSWORD"), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("adgangskoden kan ikke læses fra %s: %w", file, err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	if line = strings.TrimRight(line, "\r"); line == "" {
		return "", usageError{msg: fmt.Sprintf("%s indeholder ingen adgangskode", file)}
	}
	return line, nil
}

// plural is n with the singular or plural word ("1 borger", "2 borgere").
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// citizens is n citizens in the office's words: "2 borgere", in an
// a-kasse "2 medlemmer".
func citizens(kind model.OfficeKind, n int) string {
	if kind == model.OfficeAkasse {
		return plural(n, "medlem", "medlemmer")
	}
	return plural(n, "borger", "borgere")
}

// officeKind is the laptop's kind of office (a jobcentre when unknown).
func officeKind(o Office) model.OfficeKind {
	k, err := o.OfficeKind()
	if err != nil {
		return model.OfficeJobcenter
	}
	return k
}

// officeError: an office that cannot be reached is said plainly.
func officeError(err error) error {
	if strings.Contains(err.Error(), "office unreachable") {
		return fmt.Errorf("kontorets server kan ikke nås: %w", err)
	}
	return err
}

// printJoin says what the join did with what the laptop held (the window's
// Kontor says the same in its summary).
func printJoin(e *Env, r *model.JoinReport, kind model.OfficeKind) {
	if r == nil {
		return
	}
	fmt.Fprintf(e.Stdout, "Sendt til kontoret: %s, %s, %s; %d job føjet til kontorets jobliste; %d af kontorets egne oplysninger havde kontoret allerede (kontorets gælder).\n",
		citizens(kind, r.Cases), plural(r.Records, "registrering", "registreringer"), plural(r.Notes, "note", "noter"), r.JobsAdded, r.OfficeHad)
	for _, h := range r.HandedOver {
		if h.Kept {
			fmt.Fprintf(e.Stdout, "%s hos %s (ikke på kontorets liste) er lagt hos dig.\n", citizens(kind, h.Cases), h.Initials)
		} else {
			fmt.Fprintf(e.Stdout, "%s overdraget til %s.\n", citizens(kind, h.Cases), h.Initials)
		}
	}
	for _, n := range r.NotTaken {
		what := map[string][2]string{"caseworkers": {"sagsbehandler", "sagsbehandlere"},
			"prospect_editions": {"udgave af jobprognoserne", "udgaver af jobprognoserne"},
			"prospects":         {"jobprognose", "jobprognoser"}}[n.Table]
		fmt.Fprintf(e.Stdout, "Ikke overtaget (kun lederen ændrer det; dit er stadig her): %s.\n", plural(n.Rows, what[0], what[1]))
	}
	if len(r.Settings) > 0 {
		fmt.Fprintf(e.Stdout, "Dine indstillinger, hvor kontorets gælder: %s.\n", strings.Join(r.Settings, ", "))
	}
	if len(r.SettingsKept) > 0 {
		fmt.Fprintf(e.Stdout, "Dine indstillinger, som kun gælder på denne computer: %s.\n", strings.Join(r.SettingsKept, ", "))
	}
	if r.Copy != "" {
		fmt.Fprintf(e.Stdout, "Kopi fra før tilmeldingen: %s\n", r.Copy)
	}
}

// printCasesRefused says, after a join, how many of the laptop's cases the
// office did not take because it already has the citizen (the same CPR
// number, with a colleague), and where to read more.
func printCasesRefused(e *Env, o Office) {
	cs, err := o.Conflicts()
	if err != nil {
		return // the join is done; office conflicts says it again
	}
	n := 0
	for _, c := range cs {
		if c.Kind == model.ConflictCaseRefused {
			n++
		}
	}
	if n > 0 {
		cases := "sagerne er"
		if n == 1 {
			cases = "sagen er"
		}
		fmt.Fprintf(e.Stdout, "%s findes allerede på kontoret hos en kollega (samme CPR-nummer) og er ikke sendt; %s stadig her. Se: jobspor office conflicts\n",
			citizens(officeKind(o), n), cases)
	}
}

func printStatus(e *Env, st model.OfficeStatus) {
	if !st.Configured {
		fmt.Fprintln(e.Stdout, "Denne computer er ikke med i et kontor: alt gemmes kun her.")
		return
	}
	last := "aldrig"
	if t, err := time.Parse(time.RFC3339, st.LastSync); err == nil {
		last = t.Local().Format("2006-01-02 15:04")
	}
	fmt.Fprintf(e.Stdout, "Kontor: %s (som %s)\nSidst synkroniseret: %s\nÆndringer der venter på kontoret: %d\nÅbne konflikter: %d\n",
		model.ServerAddress(st.Server), st.Initials, last, st.Pending, st.Conflicts)
	if !st.Reachable {
		fmt.Fprintln(e.Stdout, "Kontoret kunne ikke nås sidst. Det er helt normalt: Jobspor arbejder videre her og sender ændringerne, når kontoret kan nås.")
	}
}

// runCompanyContact marks on the office's roster who holds company contact
// (10 råd, råd 2: first conversations can go to them); the lead does it as
// the office's administrator, like add-caseworker.
func runCompanyContact(e *Env, o Office, rest []string, server string) error {
	if len(rest) != 2 || server == "" || (rest[1] != "ja" && rest[1] != "nej") {
		return usageError{msg: "angiv INITIALER ja|nej og --server"}
	}
	if err := o.SetCompanyContact(server, rest[0], rest[1] == "ja"); err != nil {
		return officeError(err)
	}
	if rest[1] == "ja" {
		fmt.Fprintf(e.Stdout, "%s har virksomhedskontakt: første samtaler kan gå til %s.\n", strings.ToUpper(rest[0]), strings.ToUpper(rest[0]))
	} else {
		fmt.Fprintf(e.Stdout, "%s har ikke længere virksomhedskontakt.\n", strings.ToUpper(rest[0]))
	}
	return nil
}
