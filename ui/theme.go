package ui

import (
	"image/color"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// colorNameSecondaryText is the theme colour of readable secondary text:
// explanations under a step, DISCO codes, "Intet i dag", hints. Fyne's
// LowImportance labels use the disabled grey instead (1.3:1 on white), which
// is for controls that cannot be used, not for text to read.
const colorNameSecondaryText fyne.ThemeColorName = "jobsporSecondaryText"

// Theme modes: the caseworker's choice under Indstillinger.
const (
	themeLight  = "light"
	themeDark   = "dark"
	themeSystem = "system"
)

// themePreference is where the chosen mode is kept between runs.
const themePreference = "theme"

// jobsporTheme is Fyne's theme with Jobspor's colours: every text colour
// meets WCAG AA (4.5:1) on every background it is drawn on, in light (the
// default) and dark. Mode system follows the desktop's variant.
type jobsporTheme struct {
	mode string
}

func newJobsporTheme(mode string) *jobsporTheme {
	switch mode {
	case themeDark, themeSystem:
	default:
		mode = themeLight
	}
	return &jobsporTheme{mode: mode}
}

// themeMode is the mode chosen: JOBSPOR_THEME (light, dark, system) first,
// then the saved preference, else light.
func themeMode(a fyne.App) string {
	if m := os.Getenv("JOBSPOR_THEME"); m != "" {
		return m
	}
	return a.Preferences().StringWithFallback(themePreference, themeLight)
}

// applyTheme sets the window's theme to the chosen mode.
func applyTheme(a fyne.App) {
	a.Settings().SetTheme(newJobsporTheme(themeMode(a)))
}

func (t *jobsporTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case themeDark:
		return theme.VariantDark
	case themeSystem:
		return v
	}
	return theme.VariantLight
}

func (t *jobsporTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	if c, ok := palette[v][n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *jobsporTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *jobsporTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *jobsporTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// palette holds the colours Jobspor changes; the rest are Fyne's.
var palette = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground:          rgb(0x1f1f1f),
		colorNameSecondaryText:             rgb(0x595959),
		theme.ColorNamePlaceHolder:         rgb(0x616161),
		theme.ColorNamePrimary:             rgb(0x1a5bc4),
		theme.ColorNameHyperlink:           rgb(0x1a5bc4),
		theme.ColorNameError:               rgb(0xb71c1c),
		theme.ColorNameSuccess:             rgb(0x1b6e2f),
		theme.ColorNameWarning:             rgb(0x9a4d00),
		theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
		theme.ColorNameForegroundOnError:   rgb(0xffffff),
		theme.ColorNameForegroundOnSuccess: rgb(0xffffff),
		theme.ColorNameForegroundOnWarning: rgb(0xffffff),
		theme.ColorNameSelection:           color.NRGBA{R: 0x1a, G: 0x5b, B: 0xc4, A: 0x26},
		theme.ColorNameInputBorder:         rgb(0x8a8a8a),
	},
	theme.VariantDark: {
		theme.ColorNameForeground:          rgb(0xf3f3f3),
		colorNameSecondaryText:             rgb(0xb4b4b4),
		theme.ColorNamePlaceHolder:         rgb(0xa8a8a8),
		theme.ColorNamePrimary:             rgb(0x6aa5ff),
		theme.ColorNameHyperlink:           rgb(0x6aa5ff),
		theme.ColorNameError:               rgb(0xff7b72),
		theme.ColorNameSuccess:             rgb(0x57c46f),
		theme.ColorNameWarning:             rgb(0xf0a54a),
		theme.ColorNameForegroundOnPrimary: rgb(0x111214),
		theme.ColorNameForegroundOnError:   rgb(0x111214),
		theme.ColorNameForegroundOnSuccess: rgb(0x111214),
		theme.ColorNameForegroundOnWarning: rgb(0x111214),
		theme.ColorNameSelection:           color.NRGBA{R: 0x6a, G: 0xa5, B: 0xff, A: 0x33},
		theme.ColorNameInputBorder:         rgb(0x6e6e70),
	},
}

// secondaryLabel is a label in the secondary text colour: a readable grey
// that sets explanations and codes apart from the text they explain. (A
// widget.Label can only be grey as LowImportance, which is the disabled
// grey; a ThemeOverride would clear Fyne's text-measuring caches.)
type secondaryLabel struct {
	widget.RichText
	Text string
}

func newSecondaryLabel(text string) *secondaryLabel {
	l := &secondaryLabel{Text: text}
	l.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: text,
		Style: widget.RichTextStyle{ColorName: colorNameSecondaryText, Inline: true, SizeName: theme.SizeNameText}}}
	l.Scroll = container.ScrollNone
	l.ExtendBaseWidget(l)
	return l
}

// setColour draws the text in another theme colour (the error colour for a
// warning that also says it is one).
func (l *secondaryLabel) setColour(n fyne.ThemeColorName) {
	if style := &l.Segments[0].(*widget.TextSegment).Style; style.ColorName != n {
		style.ColorName = n
		l.Refresh()
	}
}

// SetText changes the text.
func (l *secondaryLabel) SetText(text string) {
	l.Text = text
	l.Segments[0].(*widget.TextSegment).Text = text
	l.Refresh()
}

// themeSelect chooses the appearance under Indstillinger; the choice is
// kept and applied at once.
func themeSelect(sh themeShell) *safeSelect {
	c := newChoice([]string{themeLight, themeDark, themeSystem}, themeLabel)
	sel := newSelect(c.labels, nil)
	sel.SetSelected(c.label(sh.themeChosen()))
	sel.OnChanged = func(label string) {
		mode, _ := c.value(label)
		sh.chooseTheme(mode)
	}
	return sel
}

// themeShell is what the choice of appearance asks of the window.
type themeShell interface {
	themeChosen() string
	chooseTheme(mode string)
}

// themeChosen is the appearance chosen (light, dark or the system's).
func (u *UI) themeChosen() string { return newJobsporTheme(themeMode(u.app)).mode }

// chooseTheme keeps the appearance chosen and applies it at once.
func (u *UI) chooseTheme(mode string) {
	u.app.Preferences().SetString(themePreference, mode)
	applyTheme(u.app)
	u.restyle()
}

// restyle redraws the screens kept for later (the stack, Today, the
// caseload) in the theme now chosen: Fyne redraws only the one on show.
func (u *UI) restyle() {
	for _, s := range append([]screen{u.today, u.caseload}, u.stack...) {
		if s != nil {
			s.content().Refresh()
		}
	}
}

func themeLabel(mode string) string {
	switch mode {
	case themeDark:
		return lang.L("theme.dark")
	case themeSystem:
		return lang.L("theme.system")
	}
	return lang.L("theme.light")
}
