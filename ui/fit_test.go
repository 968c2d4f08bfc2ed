package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
	"jobspor/model/testutil"
)

// laptop is a window's content area on a laptop screen: the screen less
// the title bar and the task bar, in Fyne's units at the display's scale.
type laptop struct {
	name  string
	size  fyne.Size
	scale float32
}

var laptops = []laptop{
	{"1366×768 at 100 %", fyne.NewSize(1366, 700), 1},
	{"1024×768 at 100 %", fyne.NewSize(1024, 700), 1},
	{"1366×768 at 125 %", fyne.NewSize(1366/1.25, 680/1.25), 1.25},
}

// fitScreen opens one screen of the window.
type fitScreen struct {
	name string
	open func(u *UI)
}

// TestEveryScreenFitsTheLaptop renders every screen at each laptop size and
// fails when the screen needs a bigger window or when a widget or text lies
// outside the window (or outside the scroller that shows it).
func TestEveryScreenFitsTheLaptop(t *testing.T) {
	u, id, conv := newFitUI(t)
	for _, l := range laptops {
		u.win.Canvas().(interface{ SetScale(float32) }).SetScale(l.scale)
		for _, s := range fitScreens(id, conv) {
			u.win.Resize(l.size)
			s.open(u)
			c := u.win.Canvas()
			if min := c.Content().MinSize(); min.Width > l.size.Width+0.5 || min.Height > l.size.Height+0.5 {
				t.Errorf("%s on %s: the screen needs %.0f × %.0f", s.name, l.name, min.Width, min.Height)
				continue
			}
			u.win.Resize(l.size) // the next frame: wrapped rows have been measured at this width
			for _, p := range outside(c.Content(), c.Size()) {
				t.Errorf("%s on %s: %s", s.name, l.name, p)
			}
		}
	}
}

// TestCaseloadColumnsFit: every column of the caseload, the attention flag
// last, is on screen without scrolling sideways.
func TestCaseloadColumnsFit(t *testing.T) {
	u, _, _ := newFitUI(t)
	for _, l := range laptops {
		u.win.Resize(l.size)
		u.onCaseload()
		sum := float32(0)
		for _, c := range caseColumns {
			sum += c.width
		}
		if w := u.caseload.table.Size().Width; sum > w {
			t.Errorf("on %s the caseload's columns need %.0f; the table is %.0f wide", l.name, sum, w)
		}
	}
}

// TestEveryTextIsInAThemeTextColour: in light and dark, every text drawn on
// every screen is in one of the theme's text colours (which
// TestThemeTextContrast holds to 4.5:1), never in a colour of its own, and
// in the disabled grey only inside a control that is disabled.
func TestEveryTextIsInAThemeTextColour(t *testing.T) {
	u, id, conv := newFitUI(t)
	for _, mode := range []string{themeLight, themeDark} {
		themeSelect(u).SetSelected(themeLabel(mode))
		allowed := themeTextColours(u.app.Settings().Theme())
		for _, s := range fitScreens(id, conv) {
			u.win.Resize(laptops[0].size)
			s.open(u)
			for _, p := range offColours(u.win.Canvas().Content(), allowed, false) {
				t.Errorf("%s in %s: %s", s.name, mode, p)
			}
		}
	}
}

// themeTextColours are the colours text may have, as RGBA.
func themeTextColours(th fyne.Theme) map[color.NRGBA]bool {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	ok := map[color.NRGBA]bool{}
	for _, n := range textColours {
		ok[nrgba(th.Color(n, v))] = true
	}
	for n := range onColours {
		ok[nrgba(th.Color(n, v))] = true
	}
	return ok
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// offColours lists texts in a colour that is not the theme's (disabled: the
// text is inside a disabled control, where the disabled grey is right).
func offColours(o fyne.CanvasObject, allowed map[color.NRGBA]bool, disabled bool) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
		disabled = true
	}
	var out []string
	if txt, ok := o.(*canvas.Text); ok && txt.Text != "" && !allowed[nrgba(txt.Color)] {
		grey := nrgba(theme.Current().Color(theme.ColorNameDisabled, fyne.CurrentApp().Settings().ThemeVariant()))
		if !(disabled && nrgba(txt.Color) == grey) {
			out = append(out, fmt.Sprintf("%q is in %v, not a text colour of the theme", txt.Text, nrgba(txt.Color)))
		}
	}
	for _, c := range children(o) {
		out = append(out, offColours(c, allowed, disabled)...)
	}
	return out
}

// TestDefaultWindowFitsTheLaptop: the window opens no bigger than a
// 1366×768 screen at 125 % leaves for it.
func TestDefaultWindowFitsTheLaptop(t *testing.T) {
	small := laptops[len(laptops)-1].size
	if defaultWindowSize.Width > small.Width || defaultWindowSize.Height > small.Height {
		t.Errorf("the window opens at %v; a 1366×768 screen at 125 %% has room for %v", defaultWindowSize, small)
	}
}

// newFitUI is the window on 40 demo citizens; id has conversations, conv is one.
func newFitUI(t *testing.T) (*UI, int64, int64) {
	a := test.NewTempApp(t)
	st := storetest.Open(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	content := testutil.Content(t)
	if _, err := st.SeedDemo(content.Guide, model.DemoOptions{Citizens: 40, Seed: 7, Today: now}); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Jobspor")
	u := New(a, w, st, content, &fakeHandouts{}, model.NewFixedClock(now))
	closeAtEnd(t, u)
	id, conv := busyCitizen(t, st)
	return u, id, conv
}

// busyCitizen is the demo citizen with the most conversations.
func busyCitizen(t *testing.T, st *store.Store) (int64, int64) {
	rows, err := st.ListCitizens(model.CitizenFilter{AnyTrack: true})
	if err != nil {
		t.Fatal(err)
	}
	var id, conv int64
	most := 0
	for _, r := range rows {
		cs, _ := st.Conversations(r.ID)
		if len(cs) > most && r.Track != "" {
			id, conv, most = r.ID, cs[len(cs)-1].ID, len(cs)
		}
	}
	if most == 0 {
		t.Fatal("no demo citizen with a track and conversations")
	}
	return id, conv
}

func fitScreens(id, conv int64) []fitScreen {
	screens := []fitScreen{
		{"Today", func(u *UI) { u.stack = u.stack[:1]; u.today.load(); u.win.SetContent(u.today.content()) }},
		{"the caseload", (*UI).onCaseload},
		{"a new citizen", (*UI).onNewCitizen},
		{"the settings", (*UI).onSettings},
		{"the job list", (*UI).onJobList},
		{"the call list", (*UI).onCallList},
		{"printing for a day", (*UI).onBatch},
		{"attendance", (*UI).onAttendance},
		{"Arbejdsmarkedsbalancen", (*UI).onProspects},
		{"cases due for deletion", (*UI).onDeletion},
		{"editing a citizen", func(u *UI) { u.onOpenCitizen(id); u.onEditCitizen(u.citizen.citizen) }},
		{"a conversation", func(u *UI) { u.onOpenCitizen(id); u.citizen.onOpenConversation(conv) }},
	}
	sections := []string{"overview", "reception", "opening phase", "track", "conversations", "job log", "plan", "case"}
	for i, name := range sections {
		screens = append(screens, fitScreen{"the citizen's " + name, func(u *UI) {
			u.onOpenCitizen(id)
			u.citizen.nav.Select(i)
		}})
	}
	return screens
}

// rect is an object's place on the canvas; infinite sides are not clipped.
type rect struct{ x0, y0, x1, y1 float32 }

var unclipped = float32(math.Inf(1))

func (r rect) contains(o rect) bool {
	const slack = 1
	return o.x0 >= r.x0-slack && o.y0 >= r.y0-slack && o.x1 <= r.x1+slack && o.y1 <= r.y1+slack
}

// outside lists the widgets and texts that lie outside the window or the
// scroller they are in.
func outside(root fyne.CanvasObject, size fyne.Size) []string {
	var out []string
	var walk func(o fyne.CanvasObject, pos fyne.Position, clip rect)
	walk = func(o fyne.CanvasObject, pos fyne.Position, clip rect) {
		if o == nil || !o.Visible() || o.Size().IsZero() {
			return
		}
		r := rect{pos.X, pos.Y, pos.X + o.Size().Width, pos.Y + o.Size().Height}
		if mustShow(o) && !clip.contains(ink(o, r)) {
			out = append(out, fmt.Sprintf("%s at %.0f,%.0f–%.0f,%.0f lies outside %s", describe(o), r.x0, r.y0, r.x1, r.y1, clip))
			return
		}
		clip = clipFor(o, r, clip)
		for _, c := range children(o) {
			walk(c, pos.Add(c.Position()), clip)
		}
	}
	walk(root, root.Position(), rect{0, 0, size.Width, size.Height})
	return out
}

func (r rect) String() string {
	if r.y1 == unclipped {
		return fmt.Sprintf("the width %.0f–%.0f of its scroller", r.x0, r.x1)
	}
	return fmt.Sprintf("%.0f,%.0f–%.0f,%.0f", r.x0, r.y0, r.x1, r.y1)
}

// ink is where a text's letters are: a text box may be wider than its text.
func ink(o fyne.CanvasObject, r rect) rect {
	t, ok := o.(*canvas.Text)
	if !ok {
		return r
	}
	w := min(t.MinSize().Width, r.x1-r.x0)
	switch t.Alignment {
	case fyne.TextAlignCenter:
		r.x0 += (r.x1 - r.x0 - w) / 2
		r.x1 = r.x0 + w
	case fyne.TextAlignTrailing:
		r.x0 = r.x1 - w
	default:
		r.x1 = r.x0 + w
	}
	return r
}

// mustShow: widgets and texts must be on screen; decorations may overhang.
func mustShow(o fyne.CanvasObject) bool {
	switch o.(type) {
	case fyne.Widget, *canvas.Text:
		return true
	}
	return false
}

// clipFor is the area o's children are seen in: a scroller shows them
// wherever they are along the way it scrolls.
func clipFor(o fyne.CanvasObject, r rect, clip rect) rect {
	s, ok := o.(*container.Scroll)
	if !ok {
		return clip
	}
	in := rect{max(r.x0, clip.x0), max(r.y0, clip.y0), min(r.x1, clip.x1), min(r.y1, clip.y1)}
	switch s.Direction {
	case container.ScrollBoth:
		return rect{-unclipped, -unclipped, unclipped, unclipped}
	case container.ScrollHorizontalOnly:
		in.x0, in.x1 = -unclipped, unclipped
	case container.ScrollVerticalOnly:
		in.y0, in.y1 = -unclipped, unclipped
	}
	return in
}

func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		return test.WidgetRenderer(v).Objects()
	}
	return nil
}

// describe names an object by its type and text.
func describe(o fyne.CanvasObject) string {
	text := ""
	switch v := o.(type) {
	case *widget.Label:
		text = v.Text
	case *widget.Button:
		text = v.Text
	case *canvas.Text:
		text = v.Text
	case *widget.Check:
		text = v.Text
	case *checkBox:
		text = v.Text
	case *secondaryLabel:
		text = v.Text
	}
	if len([]rune(text)) > 40 {
		text = string([]rune(text)[:40]) + "…"
	}
	return strings.TrimSpace(fmt.Sprintf("%T %q", o, text))
}
