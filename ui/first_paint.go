package ui

import (
	"image"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// firstPaint is a one-pixel, see-through object that calls fn on the
// window's goroutine (through do) once the window has painted it: the
// window's first frame is on screen. Work that would delay that frame waits
// for it.
func firstPaint(do func(func()), fn func()) fyne.CanvasObject {
	var once sync.Once
	clear := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	r := canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() { do(fn) }) // the painter draws it, then fn runs after that frame
		return clear
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	return r
}
