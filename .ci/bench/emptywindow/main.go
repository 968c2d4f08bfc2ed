// Command emptywindow is the floor for Jobspor's window timings: an empty
// Fyne window from the same libraries, at Jobspor's start size. With -entry
// it shows one focused entry at the top instead, the floor for typing.
package main

import (
	"flag"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	entry := flag.Bool("entry", false, "show a focused entry at the top (the floor for typing)")
	flag.Parse()
	app.SetMetadata(fyne.AppMetadata{ID: "dk.jobspor.floor", Name: "Floor", Migrations: map[string]bool{"fyneDo": true}})
	a := app.New()
	w := a.NewWindow("Floor")
	if *entry {
		e := widget.NewEntry()
		w.SetContent(container.NewBorder(e, nil, nil, nil))
		w.Canvas().Focus(e)
	} else {
		w.SetContent(widget.NewLabel(""))
	}
	w.Resize(fyne.NewSize(1024, 540))
	w.ShowAndRun()
}
