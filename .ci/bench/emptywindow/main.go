// Command emptywindow is the floor for Jobspor's window timings: an empty
// Fyne window from the same libraries, at Jobspor's start size.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	app.SetMetadata(fyne.AppMetadata{ID: "dk.jobspor.floor", Name: "Floor", Migrations: map[string]bool{"fyneDo": true}})
	a := app.New()
	w := a.NewWindow("Floor")
	w.SetContent(widget.NewLabel(""))
	w.Resize(fyne.NewSize(1024, 540))
	w.ShowAndRun()
}
