// Command jobspor is the caseworker's tool for job-ready unemployed citizens:
// a window by default, and a command line for automation and support.
package main

import (
	_ "a.jobspor.local/earlylocale" // before Fyne reads the locale: no log noise under LANG=C

	"fmt"
	"os"

	"fyne.io/fyne/v2/app"
	"golang.org/x/term"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/office"
	"jobspor/reports"
	"jobspor/ui"
	"jobspor/ui/cli"
)

func main() {
	content, err := model.LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	if err == nil {
		err = content.LoadRelated(assets.RelatedCSV)
	}
	if err == nil {
		err = model.SetTexts(assets.DanishTexts)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "jobspor: det indbyggede indhold kan ikke læses:", err)
		os.Exit(1)
	}
	clock, err := model.SystemClock() // the program's one clock
	if err != nil {
		fmt.Fprintln(os.Stderr, "jobspor:", err)
		os.Exit(2)
	}
	env := &cli.Env{
		Restore:    store.Restore,
		ReadSecret: readSecret(),
		Stdout:     os.Stdout, Stderr: os.Stderr, Content: content, Version: ui.Metadata.Version,
		SchemaVersion: store.SchemaVersion(), Clock: clock,
		OpenOffice:  func(path string) (cli.Office, error) { return office.Open(path) },
		StartWindow: func(path string, create bool) error { return startWindow(path, create, content, clock) },
		Open: func(path string, create bool) (cli.Store, cli.Handouts, error) {
			s, h, err := openStore(path, create, content, clock)
			if err != nil {
				return nil, nil, err
			}
			return s, h, nil
		},
	}
	os.Exit(cli.Run(os.Args[1:], env))
}

// openStore opens the database at path (only create may make a new one)
// and the handouts printed from it, both on the program's clock.
func openStore(path string, create bool, content *model.Content, clock model.Clock) (*store.Store, *reports.Service, error) {
	open := store.OpenExisting
	if create {
		open = store.Open
	}
	s, err := open(path)
	if err != nil {
		return nil, nil, err
	}
	s.Now = clock.Now
	// The shipped postcode list where the office has none; best effort (a
	// read-only database works without it, and the next open tries again).
	_, _ = s.LoadDefaultPostcodes(assets.DefaultPostcodesCSV())
	h := reports.NewService(s, content)
	h.Now = clock.Now
	return s, h, nil
}

func startWindow(path string, create bool, content *model.Content, clock model.Clock) error {
	if err := ui.SetupLanguage(); err != nil {
		return err
	}
	app.SetMetadata(ui.Metadata)
	a := app.NewWithID(ui.AppID)
	return ui.Run(a, path, content, clock, func(path string) (ui.Store, ui.Handouts, func() error, error) {
		s, h, err := openStore(path, create, content, clock)
		if err != nil {
			return nil, nil, nil, err
		}
		return s, h, s.Close, nil
	}, store.Restore, windowOffice)
}

// windowOffice is the office tier over the window's own database (the same
// *store.Store, not a second open of the file).
func windowOffice(s ui.Store) ui.Office {
	st, ok := s.(*store.Store)
	if !ok {
		return nil
	}
	return office.New(st)
}

// readSecret reads a passphrase from the terminal without echo, or is nil
// when standard input is no terminal (then --passphrase-file is needed).
func readSecret() func(string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil
	}
	return func(prompt string) (string, error) {
		fmt.Fprint(os.Stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(os.Stderr)
		return string(b), err
	}
}
