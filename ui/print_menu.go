package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// printButton opens a menu of the citizen's handouts; each is written and
// opened in the system's PDF viewer.
func (s *citizenScreen) printButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon(lang.L("print.menu"), theme.DocumentPrintIcon(), func() {
		var items []*fyne.MenuItem
		for _, k := range model.MenuHandouts {
			items = append(items, fyne.NewMenuItem(lang.L("print."+string(k)), func() { s.onPrint(k) }))
		}
		items = append(items, fyne.NewMenuItem(lang.L("handout.ydelse"), s.onBenefitMeeting))
		c := s.shell.window().Canvas()
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
	})
	return b
}

func (s *citizenScreen) onPrint(kind model.HandoutKind) {
	s.shell.printed(s.shell.handoutMaker().Handout(kind, s.citizen.ID))
}
