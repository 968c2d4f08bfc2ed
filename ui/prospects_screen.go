package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// prospectsStore is what the prospects screen asks of the database.
type prospectsStore interface {
	CatalogueTitles() ([]model.JobTitle, error)
	DiscoTitle(code string) string
	LatestEdition() (model.Edition, error)
	ProspectList(region string, cats []model.Category, group string) ([]model.Prospect, error)
	Region() (string, error)
}

// prospectCategories are the categories offered as filters: today's five.
var prospectCategories = []model.Category{model.CategorySevere, model.CategoryShortage, model.CategoryParadox,
	model.CategoryGood, model.CategoryPoor}

// prospectsShell is what prospectsScreen asks of the window.
type prospectsShell interface {
	goBack()
	showError(err error)
}

// prospectsScreen lists Arbejdsmarkedsbalancen's titles for a region by
// rating and by occupational group (the seed's searches): "every title
// with shortage", "good prospects in hotel and kitchen work".
type prospectsScreen struct {
	shell   prospectsShell
	store   prospectsStore
	region  *safeSelect
	cats    *checkFlow
	group   *safeSelect
	search  *formEntry
	count   *secondaryLabel
	list    *widget.List
	shown   []model.Prospect
	groups  []string // the group codes behind the group select's options
	catsByL map[string]model.Category
	root    fyne.CanvasObject
}

func newProspectsScreen(sh prospectsShell, st prospectsStore) *prospectsScreen {
	s := &prospectsScreen{shell: sh, store: st}
	s.root = s.build()
	s.reload()
	return s
}

func (s *prospectsScreen) content() fyne.CanvasObject { return s.root }

func (s *prospectsScreen) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("today.back"), theme.NavigateBackIcon(), s.shell.goBack)
	office, err := s.store.Region()
	if err != nil {
		s.shell.showError(err)
	}
	s.region = newSelect(model.Regions, func(string) { s.reload() })
	s.region.SetSelected(office)
	s.buildFilters()
	s.count = lowLabel("")
	s.list = widget.NewList(func() int { return len(s.shown) }, s.createRow, s.updateRow)
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(back, heading(lang.L("amb.title"))), nil, s.editionLabel()),
		container.NewHBox(widget.NewLabel(lang.L("amb.region")), s.region, widget.NewLabel(lang.L("amb.group")), s.group),
		s.cats, container.NewBorder(nil, nil, nil, s.count, s.search), widget.NewSeparator())
	return container.NewBorder(top, nil, nil, nil, s.list)
}

func (s *prospectsScreen) buildFilters() {
	s.catsByL = map[string]model.Category{}
	var labels []string
	for _, c := range prospectCategories {
		l := categoryLabel(c)
		s.catsByL[l] = c
		labels = append(labels, l)
	}
	s.cats = newCheckFlow(labels, func([]string) { s.reload() })
	s.group = newSelect(nil, func(string) { s.reload() })
	s.search = newFormEntry()
	s.search.SetPlaceHolder(lang.L("amb.search"))
	s.search.OnChanged = func(string) { s.reload() }
}

func (s *prospectsScreen) editionLabel() fyne.CanvasObject {
	e, err := s.store.LatestEdition()
	if errors.Is(err, model.ErrNotFound) {
		return lowLabel(lang.L("prospect.noedition"))
	}
	if err != nil {
		return lowLabel(errText(err))
	}
	return lowLabel(fmt.Sprintf(lang.L("amb.edition"), e.Published.Format("01-2006"), e.Source))
}

// reload lists the titles the filters ask for.
func (s *prospectsScreen) reload() {
	if s.list == nil {
		return
	}
	all, err := s.store.ProspectList(s.region.Selected, s.selectedCats(), "")
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		s.shell.showError(err)
	}
	s.fillGroups(all)
	s.shown = s.filter(all)
	s.count.SetText(fmt.Sprintf(lang.L("amb.count"), len(s.shown)))
	s.list.Refresh()
}

func (s *prospectsScreen) selectedCats() []model.Category {
	var out []model.Category
	for _, l := range s.cats.Selected {
		out = append(out, s.catsByL[l])
		if s.catsByL[l] == model.CategoryShortage {
			out = append(out, model.CategoryVeryGood) // the older scheme's word for it
		}
	}
	return out
}

// fillGroups offers the DISCO sub-major groups (two digits) present.
func (s *prospectsScreen) fillGroups(ps []model.Prospect) {
	seen := map[string]bool{}
	s.groups = []string{""}
	for _, p := range ps {
		if g := p.Code[:2]; !seen[g] {
			seen[g] = true
			s.groups = append(s.groups, g)
		}
	}
	sort.Strings(s.groups)
	options := []string{lang.L("amb.allgroups")}
	for _, g := range s.groups[1:] {
		options = append(options, strings.TrimSpace(g+" "+s.store.DiscoTitle(g)))
	}
	keep := s.group.Selected
	s.group.Options = options
	if keep == "" || !containsString(options, keep) {
		s.group.Selected = options[0]
	}
	s.group.Refresh()
}

func containsString(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// filter keeps the chosen group and the titles matching the search.
func (s *prospectsScreen) filter(ps []model.Prospect) []model.Prospect {
	group := ""
	for i, o := range s.group.Options {
		if o == s.group.Selected {
			group = s.groups[i]
		}
	}
	q := model.FoldName(s.search.Text)
	var out []model.Prospect
	for _, p := range ps {
		if strings.HasPrefix(p.Code, group) && strings.Contains(model.FoldName(p.Title), q) {
			out = append(out, p)
		}
	}
	return out
}

func (s *prospectsScreen) createRow() fyne.CanvasObject {
	return container.NewBorder(nil, nil, ratingDot(model.RatingGood), newSecondaryLabel(""), widget.NewLabel(""))
}

func (s *prospectsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	p := s.shown[i]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(p.Title + " – " + categoryLabel(p.Category))
	dot := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
	dot.FillColor = ratingColours[p.Rating]
	dot.Refresh()
	c.Objects[2].(*secondaryLabel).SetText("DISCO " + p.Code)
	c.Refresh()
}
