package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// flowBox lays its objects out left to right and starts a new row when the
// next one would not fit: a row of buttons or choices wraps on a narrow
// window instead of running off its edge.
type flowBox struct {
	widget.BaseWidget
	objects []fyne.CanvasObject
	width   float32
}

func newFlow(objects ...fyne.CanvasObject) *flowBox {
	f := &flowBox{objects: objects}
	f.ExtendBaseWidget(f)
	return f
}

// Resize lays the rows out for the new width; when their number changes the
// box asks to be measured again.
func (f *flowBox) Resize(s fyne.Size) {
	before := f.height(f.width)
	f.width = s.Width
	f.BaseWidget.Resize(s)
	if f.height(s.Width) != before {
		f.Refresh()
	}
}

func (f *flowBox) CreateRenderer() fyne.WidgetRenderer { return &flowRenderer{f: f} }

// place calls at for each visible object with its place in rows of width w
// (no limit when w is 0) and returns the height the rows take.
func (f *flowBox) place(w float32, at func(o fyne.CanvasObject, pos fyne.Position, size fyne.Size)) float32 {
	gap := theme.Padding()
	x, y, rowH := float32(0), float32(0), float32(0)
	for _, o := range f.objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && w > 0 && x+m.Width > w {
			x, y, rowH = 0, y+rowH+gap, 0
		}
		if at != nil {
			at(o, fyne.NewPos(x, y), m)
		}
		x, rowH = x+m.Width+gap, max(rowH, m.Height)
	}
	return y + rowH
}

func (f *flowBox) height(w float32) float32 { return f.place(w, nil) }

type flowRenderer struct{ f *flowBox }

func (r *flowRenderer) Destroy() {}

func (r *flowRenderer) Layout(s fyne.Size) {
	r.f.place(s.Width, func(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
		o.Move(pos)
		o.Resize(size)
	})
}

// MinSize is as wide as the widest object and as high as the rows at the
// width last given (one row before the first layout).
func (r *flowRenderer) MinSize() fyne.Size {
	w := float32(0)
	for _, o := range r.f.objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, r.f.height(r.f.width))
}

func (r *flowRenderer) Objects() []fyne.CanvasObject { return r.f.objects }

func (r *flowRenderer) Refresh() {
	for _, o := range r.f.objects {
		o.Refresh()
	}
}

// checkFlow is a horizontal CheckGroup whose boxes wrap onto more rows on a
// narrow window.
type checkFlow struct {
	flowBox
	Selected  []string
	OnChanged func([]string)
	checks    []*checkBox
	setting   bool
}

func newCheckFlow(labels []string, changed func([]string)) *checkFlow {
	c := &checkFlow{OnChanged: changed}
	for _, l := range labels {
		c.checks = append(c.checks, newCheck(l, func(bool) { c.changed() }))
		c.objects = append(c.objects, c.checks[len(c.checks)-1])
	}
	c.ExtendBaseWidget(c) // the flow is drawn and laid out as the checkFlow
	return c
}

// SetSelected ticks exactly the boxes labelled so.
func (c *checkFlow) SetSelected(labels []string) {
	c.setting = true
	for _, ch := range c.checks {
		ch.SetChecked(containsString(labels, ch.Text))
	}
	c.setting = false
	c.changed()
}

func (c *checkFlow) changed() {
	if c.setting {
		return
	}
	c.Selected = nil
	for _, ch := range c.checks {
		if ch.Checked {
			c.Selected = append(c.Selected, ch.Text)
		}
	}
	if c.OnChanged != nil {
		c.OnChanged(c.Selected)
	}
}

// radioFlow is a horizontal RadioGroup whose choices wrap onto more rows on
// a narrow window: each choice is a one-option group, kept exclusive here.
// A label given goes first, in the same rows (a flow inside a flow would
// get only its narrowest width).
type radioFlow struct {
	flowBox
	Selected  string
	OnChanged func(string) // after a new choice was picked
	groups    []*widget.RadioGroup
	setting   bool
}

func newRadioFlow(label fyne.CanvasObject, options []string) *radioFlow {
	r := &radioFlow{}
	if label != nil {
		r.objects = append(r.objects, label)
	}
	for _, o := range options {
		g := widget.NewRadioGroup([]string{o}, nil)
		g.OnChanged = func(s string) { r.picked(g, s) }
		r.groups, r.objects = append(r.groups, g), append(r.objects, g)
	}
	r.ExtendBaseWidget(r) // the flow is drawn and laid out as the radioFlow
	return r
}

// SetSelected picks the choice labelled so.
func (r *radioFlow) SetSelected(label string) {
	r.setting = true
	defer func() { r.setting = false }()
	for _, g := range r.groups {
		if g.Options[0] == label {
			g.SetSelected(label)
		}
	}
}

// A choice clicked takes the focus inside Fyne's RadioGroup, which ignores
// Escape; the flow takes it instead: Escape then goes to the window, and
// the arrow keys move the choice.

func (r *radioFlow) FocusGained()     {}
func (r *radioFlow) FocusLost()       {}
func (r *radioFlow) TypedRune(_ rune) {}

// TypedKey hands Escape to the window and moves the choice with the arrows.
func (r *radioFlow) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		keyToWindow(r, k)
	case fyne.KeyLeft, fyne.KeyUp:
		r.step(-1)
	case fyne.KeyRight, fyne.KeyDown:
		r.step(1)
	}
}

// step picks the choice before (-1) or after (1) the one picked.
func (r *radioFlow) step(d int) {
	at := -1
	for i, g := range r.groups {
		if g.Options[0] == r.Selected {
			at = i
		}
	}
	if next := at + d; at >= 0 && next >= 0 && next < len(r.groups) {
		r.groups[next].SetSelected(r.groups[next].Options[0])
	}
}

// takeFocus moves the focus from the choice clicked to the flow.
func (r *radioFlow) takeFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil && !r.setting {
		c.Focus(r)
	}
}

// picked keeps one choice: the one just picked (a picked choice stays).
func (r *radioFlow) picked(g *widget.RadioGroup, s string) {
	if s == "" {
		if r.Selected == g.Options[0] {
			g.SetSelected(r.Selected)
		}
		return
	}
	changed := r.Selected != s
	r.Selected = s
	for _, o := range r.groups {
		if o != g && o.Selected != "" {
			o.SetSelected("")
		}
	}
	if changed && r.OnChanged != nil {
		r.OnChanged(s)
	}
	r.takeFocus()
}
