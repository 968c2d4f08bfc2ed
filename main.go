// Command jobspor is the caseworker's tool for job-ready unemployed citizens:
// a window by default, and a command line for automation and support.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/store"
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
		Stdout: os.Stdout, Stderr: os.Stderr, Content: content, Version: ui.Metadata.Version,
		SchemaVersion: store.SchemaVersion(),
		StartWindow:   func(path string) error { return startWindow(path, content) },
		Open: func(path string) (cli.Store, cli.Handouts, error) {
			s, err := store.Open(path)
			if err != nil {
				return nil, nil, err
			}
			return s, reports.NewService(s, content), nil
		},
	}
	os.Exit(cli.Run(os.Args[1:], env))
}

func startWindow(path string, content *model.Content) error {
	if err := ui.SetupLanguage(); err != nil {
		return err
	}
	app.SetMetadata(ui.Metadata)
	a := app.NewWithID(ui.AppID)
	return ui.Run(a, path, content, func(path string) (ui.Store, ui.Handouts, func() error, error) {
		s, err := store.Open(path)
		if err != nil {
			return nil, nil, nil, err
		}
		return s, reports.NewService(s, content), s.Close, nil
	})
}
