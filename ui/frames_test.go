package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// paintingDriver stands in for Fyne's desktop driver in the one respect the
// test driver hides: an object has no canvas until a frame that shows it has
// been painted (the desktop driver attaches objects to their canvas while it
// paints). Input queued while a slow screen was being built reaches that
// screen before its first frame.
type paintingDriver struct {
	fyne.Driver
	painted map[fyne.CanvasObject]bool
}

func (d *paintingDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	if !d.painted[o] {
		return nil
	}
	return d.Driver.CanvasForObject(o)
}

// paint marks everything on c (content and overlays) as painted.
func (d *paintingDriver) paint(c fyne.Canvas) {
	d.painted = map[fyne.CanvasObject]bool{}
	mark := func(o fyne.CanvasObject, _ fyne.Position) { d.painted[o] = true }
	walkObjects(c.Content(), fyne.Position{}, mark)
	for _, o := range c.Overlays().List() {
		walkObjects(o, fyne.Position{}, mark)
	}
}

type paintingApp struct {
	fyne.App
	driver *paintingDriver
}

func (a *paintingApp) Driver() fyne.Driver { return a.driver }

// newPaintingApp is test.NewTempApp whose driver gives objects a canvas only
// once paint was called after they were shown.
func newPaintingApp(t *testing.T) *paintingApp {
	base := test.NewTempApp(t)
	a := &paintingApp{App: base, driver: &paintingDriver{Driver: base.Driver()}}
	fyne.SetCurrentApp(a)
	t.Cleanup(func() { fyne.SetCurrentApp(base) })
	return a
}

// walkObjects calls fn for o and every visible object below it, with its
// absolute position (o at pos).
func walkObjects(o fyne.CanvasObject, pos fyne.Position, fn func(fyne.CanvasObject, fyne.Position)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o, pos)
	var children []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		children = v.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(v).Objects()
	}
	for _, c := range children {
		walkObjects(c, pos.Add(c.Position()), fn)
	}
}
