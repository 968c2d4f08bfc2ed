package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// A one-line Entry holds a scroller of its own (to slide long text
// sideways), and Fyne gives the mouse wheel to the innermost scroller under
// the pointer: over a field the form stopped scrolling. A one-line
// formEntry lays a wheelForward over itself, which hands the wheel to the
// scroller the field sits in; clicks, the cursor and typing still reach the
// field (it answers only the wheel).

// CreateRenderer adds the wheel's forwarder to a one-line field.
func (e *formEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.Entry.CreateRenderer()
	if e.MultiLine {
		return r // a note scrolls its own lines
	}
	f := &wheelForward{field: e}
	f.ExtendBaseWidget(f)
	return &forwardRenderer{WidgetRenderer: r, forward: f}
}

type forwardRenderer struct {
	fyne.WidgetRenderer
	forward *wheelForward
	objects []fyne.CanvasObject
}

func (r *forwardRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.forward.Move(fyne.NewPos(0, 0))
	r.forward.Resize(size)
}

func (r *forwardRenderer) Objects() []fyne.CanvasObject {
	inner := r.WidgetRenderer.Objects()
	if len(r.objects) != len(inner)+1 || (len(inner) > 0 && r.objects[0] != inner[0]) {
		r.objects = append(append(r.objects[:0], inner...), r.forward)
	} else {
		copy(r.objects, inner)
	}
	return r.objects
}

// wheelForward answers the wheel over a one-line field, and nothing else.
type wheelForward struct {
	widget.BaseWidget
	field fyne.CanvasObject
}

func (f *wheelForward) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Scrolled hands the wheel to the scroller around the field, if any.
func (f *wheelForward) Scrolled(ev *fyne.ScrollEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(f.field)
	if c == nil {
		return
	}
	for _, root := range []fyne.CanvasObject{c.Overlays().Top(), c.Content()} {
		if s := scrollAround(root, f.field, nil); s != nil {
			s.Scrolled(ev)
			return
		}
	}
}

// scrollAround is the innermost scroller in root's tree that holds target
// (through containers, scrollers, forms, accordions and splits).
func scrollAround(o, target fyne.CanvasObject, outer *container.Scroll) *container.Scroll {
	if o == nil {
		return nil
	}
	if o == target {
		return outer
	}
	var children []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		children = v.Objects
	case *container.Scroll:
		outer, children = v, []fyne.CanvasObject{v.Content}
	case *widget.Form:
		for _, it := range v.Items {
			children = append(children, it.Widget)
		}
	case *widget.Accordion:
		for _, it := range v.Items {
			children = append(children, it.Detail)
		}
	case *container.Split:
		children = []fyne.CanvasObject{v.Leading, v.Trailing}
	case interface{ objects() []fyne.CanvasObject }: // Jobspor's own composite widgets
		children = v.objects()
	}
	for _, c := range children {
		if s := scrollAround(c, target, outer); s != nil {
			return s
		}
	}
	return nil
}
