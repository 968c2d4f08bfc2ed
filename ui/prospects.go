package ui

import (
	"errors"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// ratingColours are the smiley colours: red for poor, yellow for good,
// green for shortage (as on Jobnet).
var ratingColours = map[model.Rating]color.Color{
	model.RatingPoor: color.NRGBA{0xd0, 0x45, 0x3a, 0xff}, model.RatingGood: color.NRGBA{0xe0, 0xb0, 0x30, 0xff},
	model.RatingShortage: color.NRGBA{0x3c, 0xa0, 0x55, 0xff}, model.RatingSevere: color.NRGBA{0x2a, 0x80, 0x40, 0xff},
}

// prospectBadge shows a goal's prospects at a glance: a coloured dot and the word.
func prospectBadge(r model.Rating) fyne.CanvasObject {
	if r == model.RatingUnknown {
		return lowLabel(lang.L("prospect.unknown"))
	}
	dot := canvas.NewCircle(ratingColours[r])
	dot.Resize(fyne.NewSize(14, 14))
	holder := container.NewGridWrap(fyne.NewSize(14, 14), dot)
	return container.NewHBox(container.NewCenter(holder), widget.NewLabel(lang.L(fmt.Sprintf("prospect.%d", r))))
}

// rating is a goal's prospects in the office's region; unknown without an edition.
func (f *openingForm) rating(g model.JobGoal) model.Rating {
	r, err := f.store.ProspectFor(f.region, g.Title, g.Code)
	if err != nil {
		return model.RatingUnknown
	}
	return r
}

// alternatives gently suggests better titles from the same occupational
// group when a goal's prospects are poor (the Jobvejviser idea).
func (f *openingForm) alternatives(g model.JobGoal, r model.Rating) fyne.CanvasObject {
	if r != model.RatingPoor || g.Code == "" {
		return container.NewVBox()
	}
	alts, err := f.store.Alternatives(f.region, g.Code, r, 6)
	if err != nil || len(alts) == 0 {
		return container.NewVBox()
	}
	warn := widget.NewLabel(fmt.Sprintf(lang.L("prospect.warning"), g.Title, f.region))
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.WarningImportance
	box := container.NewVBox(warn)
	for _, a := range alts {
		a := a
		add := widget.NewButtonWithIcon(lang.L("action.add"), theme.ContentAddIcon(), func() { f.addGoal(a.Title, a.Code, model.HorizonShort) })
		f.altButtons = append(f.altButtons, add)
		box.Add(container.NewBorder(nil, nil, nil, add, widget.NewLabel(fmt.Sprintf("%s – %s", a.Title, lang.L(fmt.Sprintf("prospect.%d", a.Rating))))))
	}
	return container.NewPadded(box)
}

// editionInfo says which edition of the prospects is in use, or that none is.
func (f *openingForm) editionInfo() fyne.CanvasObject {
	e, err := f.store.LatestEdition()
	if errors.Is(err, model.ErrNotFound) {
		return lowLabel(lang.L("prospect.noedition"))
	}
	if err != nil {
		return lowLabel(errText(err))
	}
	return lowLabel(fmt.Sprintf(lang.L("prospect.edition"), f.region, e.Published.Format("01-2006"), e.Source))
}
