package ui

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// letterhead is a live preview of the top of every handout: it follows the
// office fields as they are typed.
type letterhead struct {
	name, lines *widget.Label
	logo        *fyne.Container
}

func (s *settingsScreen) buildPreview(logo []byte) fyne.CanvasObject {
	s.preview = &letterhead{name: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		lines: widget.NewLabel(""), logo: container.NewStack()}
	s.preview.name.Importance = widget.HighImportance
	s.setLogo(logo)
	for _, e := range s.entries {
		e.OnChanged = func(string) { s.updatePreview() }
	}
	s.updatePreview()
	choose := widget.NewButtonWithIcon(lang.L("logo.choose"), theme.FileImageIcon(), s.onChooseLogo)
	remove := widget.NewButtonWithIcon(lang.L("logo.remove"), theme.DeleteIcon(), func() { s.saveLogo(nil) })
	card := widget.NewCard(lang.L("preview.title"), lang.L("preview.sub"),
		container.NewBorder(nil, nil, nil, s.preview.logo, container.NewVBox(s.preview.name, s.preview.lines)))
	box := container.NewVBox(card, container.NewHBox(choose, remove))
	if inOffice(s.shell.jobsOffice()) {
		box.Add(lowLabel(lang.L("logo.office"))) // the logo is this laptop's: said where it is chosen
	}
	return box
}

func (s *settingsScreen) updatePreview() {
	v := func(i int) string { return s.entries[i].Text }
	s.preview.name.SetText(v(0))
	s.preview.lines.SetText(joinLines(joinDots(v(1), phoneWord(v(2)), v(3)), hoursWord(v(4))))
}

func joinDots(parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += " · "
		}
		out += p
	}
	return out
}

func joinLines(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

func phoneWord(p string) string {
	if p == "" {
		return ""
	}
	return "Tlf. " + p
}

func hoursWord(h string) string {
	if h == "" {
		return ""
	}
	return "Åbningstid: " + h
}

func (s *settingsScreen) setLogo(img []byte) {
	s.preview.logo.Objects = nil
	if len(img) > 0 {
		im := canvas.NewImageFromResource(fyne.NewStaticResource("logo", img))
		im.FillMode = canvas.ImageFillContain
		im.SetMinSize(fyne.NewSize(120, 60))
		s.preview.logo.Add(im)
	}
	s.preview.logo.Refresh()
}

func (s *settingsScreen) onChooseLogo() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		img, err := io.ReadAll(r)
		if err != nil {
			s.shell.showError(err)
			return
		}
		s.saveLogo(img)
	}, s.shell.window())
}

func (s *settingsScreen) saveLogo(img []byte) {
	if err := s.store.SaveLogo(img); err != nil {
		s.shell.showError(err)
		return
	}
	s.setLogo(img)
	s.shell.notify(lang.L("saved"))
}
