// Package cli is Jobspor's command line: the same binary as the window,
// for automation and support. Errors go to stderr in plain Danish with a
// non-zero exit code.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"jobspor/model"
)

// Store is what the command line asks of the database; main opens it.
type Store interface {
	Check() ([]model.Message, error)
	QuickCheck() ([]model.Message, error)
	HasBackupKey() (bool, error)
	SetBackupPassphrase(passphrase string) error
	BackupSettings() (model.BackupSettings, error)
	Backup(folder string, keep int) (model.BackupInfo, error)
	LogViewed(what string, citizenIDs []int64) error
	Citizen(id int64) (*model.Citizen, error)
	Close() error
	Compliance(r *model.RuleSet, now time.Time) (model.Compliance, error)
	ComplianceFor(r *model.RuleSet, now time.Time, scope model.Scope) (model.Compliance, error)
	CreateCitizen(c *model.Citizen) error
	ExportCitizen(id int64) (*model.Export, error)
	ImportDisco(groups []model.DiscoGroup, dryRun bool) (model.ImportResult, error)
	ImportJobsCSV(data []byte, added time.Time, dryRun bool) (model.ImportResult, error)
	ImportProspects(published time.Time, ps []model.Prospect, source string, dryRun bool) (model.ImportResult, error)
	ImportPostcodes(rows []model.Postcode, dryRun bool) (model.ImportResult, error)
	SaveRelations(text string) (int, error)
	Job(id int64) (*model.Job, error)
	ListCitizens(f model.CitizenFilter) ([]model.CitizenSummary, error)
	MatchCitizen(citizenID int64, today time.Time) ([]model.Match, error)
	MatchJob(jobID int64) ([]model.CitizenMatch, error)
	OpenJobs(today time.Time) ([]model.Job, error)
	Path() string
	PlanConversation(c *model.Conversation) error
	SeedDemo(g *model.Guide, o model.DemoOptions) (model.DemoStats, error)
	TodayFor(c *model.Content, now time.Time, scope model.Scope) (*model.TodayView, error)
	CaseStore
	RulesStore
}

// Env is what the command line needs from main.
type Env struct {
	Stdout, Stderr io.Writer
	Content        *model.Content
	Version        string
	// StartWindow opens the window on the database at path; create allows a
	// new one there (the office's or the demo database on first start).
	StartWindow func(path string, create bool) error
	// Open opens and migrates the database at path, with the handouts
	// printed from it; create allows making a new one (demo, init).
	Open func(path string, create bool) (Store, Handouts, error)
	// SchemaVersion is the newest database schema this build knows.
	SchemaVersion int
	// Restore puts a backup at target (which must not be open).
	Restore func(file, target, passphrase string) (model.BackupInfo, error)
	// ReadSecret reads a passphrase from the terminal without echo; nil
	// when there is no terminal.
	ReadSecret func(prompt string) (string, error)
	// Clock is the program's one clock (nil: the system clock).
	Clock model.Clock
	// OpenOffice opens the office tier on the database at path (nil: none in this build).
	OpenOffice func(path string) (Office, error)
}

// now is the time on the command line's clock.
func (e *Env) now() time.Time {
	if e.Clock == nil {
		return model.Now()
	}
	return e.Clock.Now()
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

type command struct {
	name, usage string
	run         func(e *Env, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "demo [--db FIL] [--citizens N] [--seed S] [--if-empty]   (standard: demodatabasen)", runDemo},
		{"handout", "handout (folder|plan|jobs|joblist|ydelse) (--citizen ID | --date ÅÅÅÅ-MM-DD [--caseworker INITIALER]) [--out STI] [--db FIL]   ydelse: [--meeting-date ÅÅÅÅ-MM-DD] [--meeting-place STED]", runHandout},
		{"export", "export --citizen ID [--db FIL]", runExport},
		{"today", "today [--date ÅÅÅÅ-MM-DD] [--caseworker INITIALER] [--db FIL]", runToday},
		{"calendar", "calendar (--citizen ID | --date ÅÅÅÅ-MM-DD [--days N] [--caseworker INITIALER]) --out FIL.ics [--db FIL]", runCalendar},
		{"exempt", "exempt --citizen ID [--reason TEKST [--date ÅÅÅÅ-MM-DD] | --undo] [--db FIL]   fritagelse fra minimumskravet efter en konkret vurdering", runExempt},
		{"reception", "reception --citizen ID [--variant standard|youth|barriers|no_selfservice] [--db FIL]   modtagelsesplanens variant, valgt ved første samtale", runReception},
		{"close", "close --citizen ID --reason job|education|moved|benefit|other [--date D] [--employer E --job-start D --hours T] [--note N] [--db FIL]", runClose},
		{"purge", "purge [--dry-run] [--db FIL]   sletter afsluttede forløb efter kontorets opbevaringstid", runPurge},
		{"caseworker", "caseworker (list | add INITIALER NAVN | me INITIALER | move --to INITIALER --citizen ID[,ID...]) [--db FIL]", runCaseworker},
		{"import", "import (occupations|prospects|jobs|postcodes|related) FIL [--dry-run] [--db FIL]", runImport},
		{"match", "match (--citizen ID | --job ID) [--db FIL]", runMatch},
		{"list", "list [--db FIL]", runList},
		{"check", "check [--db FIL] [--quick]", runCheck},
		{"init", "init [--db FIL]   opretter en ny, tom database", runInit},
		{"backup", "backup [--to MAPPE] [--passphrase-file FIL] [--db FIL]", runBackup},
		{"restore", "restore FIL [--db MÅL] [--passphrase-file FIL]", runRestore},
		{"office", officeUsage, runOffice},
		{"version", "version", runVersion},
	}
}

// Run executes one command line and returns the process exit code.
func Run(args []string, e *Env) int {
	err := dispatch(args, e)
	var u usageError
	var h helpRequest
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &h):
		fmt.Fprint(e.Stdout, usageOf(h.command))
		return exitOK
	case errors.As(err, &u):
		fmt.Fprintf(e.Stderr, "jobspor: %s\n\n%s", u.msg, usageOf(u.command))
		return exitUsage
	case isWarning(err):
		fmt.Fprintf(e.Stderr, "jobspor: advarsel: %s\n", plain(err))
		return exitOK
	default:
		fmt.Fprintf(e.Stderr, "jobspor: %s\n", plain(err))
		return exitError
	}
}

// isWarning: the work is done (a handout saved with □ stand-ins), but the
// caseworker should know something.
func isWarning(err error) bool {
	_, ok := model.AsPrintWarning(err)
	return ok
}

func dispatch(args []string, e *Env) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runWindow(e, args)
	}
	if args[0] == "help" {
		return helpRequest{strings.Join(args[1:], " ")}
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return runCommand(c, e, args[1:])
		}
	}
	return usageError{msg: fmt.Sprintf("ukendt kommando %q", args[0])}
}

// runCommand runs one command; -h or --help anywhere among its arguments
// (before a lone "--") shows its own usage instead, and its mistakes are
// shown with its own usage.
func runCommand(c command, e *Env, args []string) error {
	name := c.name
	if len(args) > 0 && subUsage(c.name+" "+args[0]) != "" {
		name = c.name + " " + args[0]
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if isHelpFlag(a) {
			return helpRequest{name}
		}
	}
	err := c.run(e, args)
	var u usageError
	if errors.As(err, &u) && u.command == "" {
		return usageError{msg: u.msg, command: name}
	}
	return err
}

// isHelpFlag: -h, --help and the like ask for the usage.
func isHelpFlag(a string) bool {
	switch a {
	case "-h", "--h", "-help", "--help", "-?", "/?":
		return true
	}
	return false
}

// usage is every command's usage line.
func usage() string {
	var b strings.Builder
	b.WriteString("Brug:\n  jobspor [--db FIL | --demo]   åbner vinduet (--demo: på demodatabasen)\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  jobspor %s\n", c.usage)
	}
	return b.String()
}

// usageOf is the usage of one command ("office conflicts": of that part
// of it); every command's for "" or a name Jobspor does not know.
func usageOf(name string) string {
	if name == "" || name == "jobspor" {
		return usage()
	}
	if s := subUsage(name); s != "" {
		return "Brug:\n  jobspor " + s + "\n\nAlle kommandoer: jobspor help\n"
	}
	first, _, _ := strings.Cut(name, " ")
	for _, c := range commands() {
		if c.name == first {
			return "Brug:\n  jobspor " + c.usage + "\n\nAlle kommandoer: jobspor help\n"
		}
	}
	return usage()
}

// subUsage is the usage of a part of a command ("office conflicts"; ""
// for none).
func subUsage(name string) string {
	if sub, ok := strings.CutPrefix(name, "office "); ok {
		for _, u := range officeSubUsages {
			if u.name == sub {
				return "office " + u.usage
			}
		}
	}
	return ""
}

// usageError is a command line Jobspor cannot read: said with the usage
// of command (every command's when "").
type usageError struct{ msg, command string }

func (u usageError) Error() string { return u.msg }

// helpRequest: -h, --help or "help" asked for the usage of command (every
// command's when "").
type helpRequest struct{ command string }

func (h helpRequest) Error() string { return "help" }

// plain renders an error in the caseworker's words where the model has them.
func plain(err error) string {
	var v *model.ValidationError
	var u *model.UserError
	switch {
	case errors.As(err, &v):
		return v.Error()
	case errors.As(err, &u):
		return u.Msg.Text()
	case errors.Is(err, model.ErrNotFound):
		return "borgeren findes ikke"
	}
	if m, ok := model.DatabaseProblem(err); ok {
		return m.Text()
	}
	return err.Error()
}

// flagWords turns the flag package's English into Danish.
var flagWords = []struct {
	re   *regexp.Regexp
	text string
}{
	{regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): .*$`), "ugyldig værdi %q for --%s"},
	{regexp.MustCompile(`^invalid boolean value "(.*)" for -(\S+): .*$`), "ugyldig værdi %q for --%s (brug true eller false)"},
	{regexp.MustCompile(`^flag needs an argument: -(\S+)$`), "--%s mangler en værdi"},
	{regexp.MustCompile(`^flag provided but not defined: -(\S+)$`), "ukendt flag --%s"},
	{regexp.MustCompile(`^invalid boolean flag (\S+): .*$`), "--%s kan ikke læses (brug --%[1]s=true eller --%[1]s=false)"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "forkert skrevet flag: %s"},
}

func flagProblem(err error) string {
	for _, w := range flagWords {
		if m := w.re.FindStringSubmatch(err.Error()); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return fmt.Sprintf(w.text, args...)
		}
	}
	return "kommandoen kan ikke læses: se jobspor help"
}

// newFlags makes a flag set whose errors become usage errors.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return helpRequest{fs.Name()}
		}
		return usageError{msg: flagProblem(err)}
	}
	if fs.NArg() > 0 {
		return usageError{msg: fmt.Sprintf("uventet argument %q", fs.Arg(0))}
	}
	return nil
}

// dbFlag adds --db with the office's database as default. An empty --db=
// is refused: it must never mean the office's own database.
func dbFlag(fs *flag.FlagSet) *string {
	var p string
	fs.Var(nonEmpty{&p}, "db", "databasefil (standard: brugerens datamappe)")
	return &p
}

// nonEmpty is a flag value that must not be empty.
type nonEmpty struct{ p *string }

func (n nonEmpty) String() string {
	if n.p == nil {
		return ""
	}
	return *n.p
}

func (n nonEmpty) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("empty")
	}
	*n.p = v
	return nil
}

// readInput reads a file the caseworker named (an import, a passphrase),
// saying in Danish what is wrong with it; a device or a pipe is refused
// before it is opened, so nothing hangs on it.
func readInput(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, model.NewUserError("error.file.missing", err, path)
	case err != nil:
		return nil, model.NewUserError("error.file.unreadable", err, path)
	case fi.IsDir():
		return nil, model.NewUserError("error.file.isdir", nil, path)
	case !fi.Mode().IsRegular():
		return nil, model.NewUserError("error.file.notfile", nil, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, model.NewUserError("error.file.unreadable", err, path)
	}
	defer f.Close()
	return model.ReadImport(f, path)
}

// dbPath resolves --db: the given file, else the default one.
func dbPath(path string, def func() (string, error)) (string, error) {
	if path != "" {
		return path, nil
	}
	p, err := def()
	if err != nil {
		return "", fmt.Errorf("find the data folder: %w", err)
	}
	return p, nil
}

// useStore opens the database --db names (def's when it names none;
// create: the command may make a new one), hands it to work and closes it
// again: the start every command that reads or writes the database shares.
func useStore(e *Env, db string, def func() (string, error), create bool, work func(Store, Handouts) error) error {
	path, err := dbPath(db, def)
	if err != nil {
		return err
	}
	s, h, err := e.Open(path, create)
	if err != nil {
		return err
	}
	defer s.Close()
	return work(s, h)
}

// withStore is useStore for a command on an existing database (--db or the
// default one).
func withStore(e *Env, db string, work func(s Store) error) error {
	return useStore(e, db, model.DefaultDBPath, false, func(s Store, _ Handouts) error { return work(s) })
}

// withScope is withStore for a command that takes --who: work gets the
// caseworker scope it names, and the handouts already limited to it.
func withScope(e *Env, db, who string, work func(s Store, h Handouts, scope model.Scope) error) error {
	return useStore(e, db, model.DefaultDBPath, false, func(s Store, h Handouts) error {
		scope, err := scopeOf(s, who)
		if err != nil {
			return err
		}
		h.SetScope(scope)
		return work(s, h, scope)
	})
}

func runWindow(e *Env, args []string) error {
	fs := newFlags("jobspor")
	db := dbFlag(fs)
	demo := fs.Bool("demo", false, "åbn demodatabasen")
	if err := parse(fs, args); err != nil {
		return err
	}
	def := model.DefaultDBPath
	if *demo {
		def = model.DemoDBPath
	}
	path, err := dbPath(*db, def)
	if err != nil {
		return err
	}
	return e.StartWindow(path, *db == "")
}

func runVersion(e *Env, args []string) error {
	if err := parse(newFlags("version"), args); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Jobspor %s (databaseskema %d, vejledning %s)\n", e.Version, e.SchemaVersion, e.Content.Guide.Version)
	return nil
}
