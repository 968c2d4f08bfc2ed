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
	env := &cli.Env{
		Restore:    store.Restore,
		ReadSecret: readSecret(),
		Stdout:     os.Stdout, Stderr: os.Stderr, Content: content, Version: ui.Metadata.Version,
		SchemaVersion: store.SchemaVersion(),
		OpenOffice:    func(path string) (cli.Office, error) { return office.Open(path) },
		StartWindow:   func(path string, create bool) error { return startWindow(path, create, content) },
		Open: func(path string, create bool) (cli.Store, cli.Handouts, error) {
			s, err := openStore(path, create)
			if err != nil {
				return nil, nil, err
			}
			return s, reports.NewService(s, content), nil
		},
	}
	os.Exit(cli.Run(os.Args[1:], env))
}

// openStore opens the database at path; only create may make a new one.
func openStore(path string, create bool) (*store.Store, error) {
	if create {
		return store.Open(path)
	}
	return store.OpenExisting(path)
}

func startWindow(path string, create bool, content *model.Content) error {
	if err := ui.SetupLanguage(); err != nil {
		return err
	}
	app.SetMetadata(ui.Metadata)
	a := app.NewWithID(ui.AppID)
	return ui.Run(a, path, content, func(path string) (ui.Store, ui.Handouts, func() error, error) {
		s, err := openStore(path, create)
		if err != nil {
			return nil, nil, nil, err
		}
		return s, reports.NewService(s, content), s.Close, nil
	}, store.Restore)
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
