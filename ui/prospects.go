package ui

import (
	"errors"
	"fmt"
	"image/color"
	"strings"

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

// prospectBadge shows a goal's prospects at a glance: a coloured dot on
// the four-colour scale and the published category's own word.
func prospectBadge(p model.Prospect) fyne.CanvasObject {
	if p.Rating == model.RatingUnknown {
		return newSecondaryLabel(lang.L("prospect.unknown")) // not wrapping: a wrapping label in a row got one letter per line
	}
	return container.NewHBox(ratingDot(p.Rating), widget.NewLabel(categoryLabel(p.Category)))
}

func ratingDot(r model.Rating) fyne.CanvasObject {
	dot := canvas.NewCircle(ratingColours[r])
	dot.Resize(fyne.NewSize(14, 14))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(14, 14), dot))
}

// categoryLabel is the category's word with a capital first letter.
func categoryLabel(c model.Category) string {
	w := []rune(lang.L("prospect.cat." + string(c)))
	if len(w) == 0 {
		return ""
	}
	return strings.ToUpper(string(w[:1])) + string(w[1:])
}

// rating is a goal's prospects in the office's region; unknown without an edition.
func (f *openingForm) rating(g model.JobGoal) model.Prospect {
	p, err := f.store.ProspectFor(f.region, g.Title, g.Code)
	if err != nil {
		return model.Prospect{}
	}
	return p
}

// maxAlternatives is how many alternatives a poor goal is offered.
const maxAlternatives = 10

// alternatives suggests better goals when a goal's prospects are poor
// (the Jobvejviser idea, broadened): the same occupational group, the
// titles the office links to it, the same major group; each says why.
func (f *openingForm) alternatives(g model.JobGoal, p model.Prospect) fyne.CanvasObject {
	if p.Rating != model.RatingPoor {
		return container.NewVBox()
	}
	rel, err := f.store.Relations(f.shell.texts().Related)
	var alts []model.Alternative
	if err == nil {
		alts, err = f.store.Alternatives(f.region, g, p.Rating, rel, maxAlternatives)
	}
	alts = f.notYetGoals(alts)
	if err != nil || len(alts) == 0 {
		return container.NewVBox()
	}
	warn := widget.NewLabel(fmt.Sprintf(lang.L("prospect.warning"), g.Title, f.region))
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.WarningImportance
	box := container.NewVBox(warn)
	for _, a := range alts {
		box.Add(f.alternativeRow(a))
	}
	return container.NewPadded(box)
}

// notYetGoals drops the alternatives already chosen as a goal.
func (f *openingForm) notYetGoals(alts []model.Alternative) []model.Alternative {
	out := alts[:0:0]
	for _, a := range alts {
		chosen := false
		for _, g := range f.goals {
			chosen = chosen || strings.EqualFold(strings.TrimSpace(g.Title), strings.TrimSpace(a.Title))
		}
		if !chosen {
			out = append(out, a)
		}
	}
	return out
}

// alternativeRow is one alternative: title, prospects, why, and a button
// that adds it as a goal.
func (f *openingForm) alternativeRow(a model.Alternative) fyne.CanvasObject {
	code := a.Code
	if t, ok := f.shell.texts().Catalogue.Lookup(a.Title); ok && code == "" {
		code = t.Code
	}
	add := widget.NewButtonWithIcon(lang.L("action.add"), theme.ContentAddIcon(), func() { f.addGoal(a.Title, code, model.HorizonShort) })
	f.altButtons = append(f.altButtons, add)
	f.altReasons = append(f.altReasons, f.reasonText(a))
	title := widget.NewLabelWithStyle(a.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, nil, add, container.NewHBox(title, prospectBadge(a.Prospect)))
	return container.NewVBox(top, lowLabel(f.reasonText(a)))
}

// reasonText says why an alternative is offered.
func (f *openingForm) reasonText(a model.Alternative) string {
	switch a.Reason {
	case model.AltRelated:
		if a.Note == "" {
			return lang.L("alt.related")
		}
		return fmt.Sprintf(lang.L("alt.relatednote"), a.Note)
	case model.AltMajorGroup:
		return fmt.Sprintf(lang.L("alt.majorgroup"), strings.TrimSpace(a.Group+" "+f.store.DiscoTitle(a.Group)))
	}
	return fmt.Sprintf(lang.L("alt.samegroup"), strings.TrimSpace(a.Group+" "+f.store.DiscoTitle(a.Group)))
}

// editionInfo says which edition of the prospects is in use, or that none is.
func (f *openingForm) editionInfo() fyne.CanvasObject {
	e, err := f.store.LatestEdition()
	if errors.Is(err, model.ErrNotFound) {
		// a new office: a button to the import, not a command line
		open := widget.NewButtonWithIcon(lang.L("prospect.import"), theme.UploadIcon(), f.shell.onSettings)
		return container.NewBorder(nil, nil, nil, open, lowLabel(lang.L("prospect.noedition")))
	}
	if err != nil {
		return lowLabel(errText(err))
	}
	return lowLabel(fmt.Sprintf(lang.L("prospect.edition"), f.region, e.Published.Format("01-2006"), e.Source))
}
