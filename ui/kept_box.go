package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// keptBox lays objects out one under the other exactly as Fyne's VBox
// does, but remembers each object's minimum size until told it changed
// (forget): Fyne's VBox asks every object for it on each layout and each
// MinSize, measuring every text again, which is most of what showing
// Today again after a change cost. The screen that owns it forgets an
// object whenever it changes what may change that object's size.
type keptBox struct {
	min map[fyne.CanvasObject]fyne.Size
	// padding and text are the theme's sizes the kept sizes were measured
	// in, width the box's (a wrapped text's height follows its width).
	padding, text, width float32
}

func newKeptBox() *keptBox { return &keptBox{min: map[fyne.CanvasObject]fyne.Size{}} }

// forget makes the next layout measure these objects again.
func (k *keptBox) forget(objects ...fyne.CanvasObject) {
	for _, o := range objects {
		delete(k.min, o)
	}
}

// size is o's kept minimum size, measured when not yet kept.
func (k *keptBox) size(o fyne.CanvasObject) fyne.Size {
	if s, ok := k.min[o]; ok {
		return s
	}
	s := o.MinSize()
	k.min[o] = s
	return s
}

// fresh forgets every size when the theme's sizes changed since they were
// measured, and objects no longer in the box.
func (k *keptBox) fresh(objects []fyne.CanvasObject) {
	if p, t := theme.Padding(), theme.TextSize(); p != k.padding || t != k.text {
		k.padding, k.text = p, t
		clear(k.min)
	}
	if len(k.min) > 2*len(objects)+8 {
		clear(k.min)
	}
}

// Layout places the visible objects at full width, each at its minimum
// height, a theme padding apart (fyne's vBoxLayout, without spacers).
func (k *keptBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if size.Width != k.width {
		k.width = size.Width
		clear(k.min)
	}
	k.fresh(objects)
	y := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		o.Move(fyne.NewPos(0, y))
		h := k.size(o).Height
		y += k.padding + h
		o.Resize(fyne.NewSize(size.Width, h))
	}
}

// MinSize is the widest object's width and the heights with the paddings.
func (k *keptBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	k.fresh(objects)
	min, padded := fyne.NewSize(0, 0), false
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		s := k.size(o)
		min.Width = max(min.Width, s.Width)
		min.Height += s.Height
		if padded {
			min.Height += k.padding
		}
		padded = true
	}
	return min
}
