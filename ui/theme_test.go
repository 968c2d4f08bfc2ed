package ui

import (
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// textColours are the theme colours text is drawn in. The disabled grey is
// not among them: it is for controls that cannot be used (WCAG exempts
// those), and no readable text may use it (TestNoReadableTextInDisabledGrey).
var textColours = []fyne.ThemeColorName{
	theme.ColorNameForeground, colorNameSecondaryText, theme.ColorNamePlaceHolder,
	theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameError,
	theme.ColorNameSuccess, theme.ColorNameWarning,
}

// textBackgrounds are what text stands on: the window, fields, menus,
// pop-ups, table headers, buttons.
var textBackgrounds = []fyne.ThemeColorName{
	theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
	theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground, theme.ColorNameButton,
}

// onColours are text on a coloured button: each pair must pass too.
var onColours = map[fyne.ThemeColorName]fyne.ThemeColorName{
	theme.ColorNameForegroundOnPrimary: theme.ColorNamePrimary,
	theme.ColorNameForegroundOnError:   theme.ColorNameError,
	theme.ColorNameForegroundOnSuccess: theme.ColorNameSuccess,
	theme.ColorNameForegroundOnWarning: theme.ColorNameWarning,
}

// TestThemeTextContrast: every text colour of the Jobspor theme against
// every background, in light and dark, meets WCAG AA (4.5:1); so does text
// on a selected or hovered row, and on coloured buttons. Field borders meet
// the 3:1 asked of a control's outline.
func TestThemeTextContrast(t *testing.T) {
	test.NewTempApp(t)
	for _, mode := range []string{themeLight, themeDark} {
		th := newJobsporTheme(mode)
		v := th.variant(theme.VariantLight)
		col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		bgs := map[string]color.Color{}
		for _, b := range textBackgrounds {
			bgs[string(b)] = col(b)
		}
		bgs["selection over background"] = over(col(theme.ColorNameSelection), col(theme.ColorNameBackground))
		bgs["hover over background"] = over(col(theme.ColorNameHover), col(theme.ColorNameBackground))
		bgs["hover over button"] = over(col(theme.ColorNameHover), col(theme.ColorNameButton))
		for _, n := range textColours {
			worst, where := worstContrast(col(n), bgs)
			t.Logf("%s %-22s %.2f:1 on the background, worst %.2f:1 (on %s); before (Fyne's) %.2f:1", mode, n,
				contrast(col(n), col(theme.ColorNameBackground)), worst, where, fyneContrast(n, v))
			if worst < 4.5 {
				t.Errorf("%s theme: %s is %.2f:1 on %s; WCAG AA asks 4.5:1", mode, n, worst, where)
			}
		}
		for fg, bg := range onColours {
			if c := contrast(col(fg), col(bg)); c < 4.5 {
				t.Errorf("%s theme: %s on %s is %.2f:1; want 4.5:1", mode, fg, bg, c)
			}
		}
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
			if c := contrast(col(theme.ColorNameInputBorder), col(bg)); c < 3 {
				t.Errorf("%s theme: a field's border is %.2f:1 on %s; want 3:1", mode, c, bg)
			}
		}
	}
}

// fyneContrast is how the colour read before Jobspor had a theme: Fyne's
// own on Fyne's background (secondary text was the disabled grey).
func fyneContrast(n fyne.ThemeColorName, v fyne.ThemeVariant) float64 {
	if n == colorNameSecondaryText {
		n = theme.ColorNameDisabled
	}
	d := theme.DefaultTheme()
	return contrast(d.Color(n, v), d.Color(theme.ColorNameBackground, v))
}

func worstContrast(fg color.Color, bgs map[string]color.Color) (float64, string) {
	worst, where := math.Inf(1), ""
	for name, bg := range bgs {
		if c := contrast(fg, bg); c < worst {
			worst, where = c, name
		}
	}
	return worst, where
}

// TestNoReadableTextInDisabledGrey: the window's code never draws text in
// the disabled grey; secondary text uses colorNameSecondaryText.
func TestNoReadableTextInDisabledGrey(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "ColorNameDisabled") {
			t.Errorf("%s uses theme.ColorNameDisabled: use colorNameSecondaryText for readable grey text", f)
		}
	}
}

// contrast is the WCAG 2 contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(n.R) + 0.7152*ch(n.G) + 0.0722*ch(n.B)
}

// over is fg (maybe translucent) painted over the opaque bg.
func over(fg, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

// TestAppearanceSetting: light by default; choosing Mørkt under
// Indstillinger turns the window dark at once and is kept.
func TestAppearanceSetting(t *testing.T) {
	u, _ := newTestUI(t)
	bg := func() color.Color {
		return u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	}
	if luminance(bg()) < 0.5 {
		t.Fatal("the window starts dark; want light by default")
	}
	sel := themeSelect(u)
	sel.SetSelected(themeLabel(themeDark))
	if luminance(bg()) > 0.1 {
		t.Error("choosing Mørkt left the window light")
	}
	if got := u.app.Preferences().String(themePreference); got != themeDark {
		t.Errorf("the choice is kept as %q", got)
	}
}
