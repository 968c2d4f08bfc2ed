package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// caseTableShell is what caseTable asks of the window.
type caseTableShell interface {
	onOpenCitizen(id int64)
}

// caseTable is the caseload table: sortable headers, arrow keys to move and
// Enter (or Space, or a click) to open the citizen.
type caseTable struct {
	shell caseTableShell
	widget.Table
	screen *caseloadScreen
	cursor int
}

func newCaseTable(s *caseloadScreen) *caseTable {
	t := &caseTable{shell: s.shell, screen: s}
	t.Length = func() (int, int) { return len(s.rows), len(caseColumns) }
	t.CreateCell = t.createCell
	t.UpdateCell = t.updateCell
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.UpdateHeader = t.updateHeader
	t.OnSelected = t.onSelected
	t.ExtendBaseWidget(t)
	for i, c := range caseColumns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// caseCell is a cell of the table: a label that remembers the width its
// truncation was decided for, and the theme it was last drawn in.
type caseCell struct {
	widget.Label
	width   float32
	theme   fyne.Theme // a pointer (Jobspor's, Fyne's and the test theme are)
	variant fyne.ThemeVariant
}

func (t *caseTable) createCell() fyne.CanvasObject {
	c := &caseCell{}
	c.ExtendBaseWidget(c)
	return c
}

// updateCell fills a cell for its row. A cell that already shows the same
// text, in the same style, width and theme, is left alone: drawing it again
// would cost each key typed in the search field its time for nothing. (A
// theme chosen while the caseload is not on screen reaches its cells only
// through here.)
func (t *caseTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*caseCell)
	r := t.screen.rows[id.Row]
	text, bold, importance := t.screen.cellText(r, id.Col), id.Col == 0, widget.MediumImportance
	if id.Col == len(caseColumns)-1 && (r.Overdue || r.NoShow) {
		importance = widget.DangerImportance
	}
	width, settings := c.Size().Width, fyne.CurrentApp().Settings()
	th, variant := settings.Theme(), settings.ThemeVariant()
	if c.Text == text && c.TextStyle.Bold == bold && c.Importance == importance && c.width == width &&
		c.theme == th && c.variant == variant {
		return
	}
	c.width, c.theme, c.variant = width, th, variant
	c.TextStyle.Bold, c.Importance, c.Truncation = bold, importance, fyne.TextTruncateOff
	c.SetText(text)
	// Only names can outgrow their column (the cell is sized before it is
	// filled). Fyne's ellipsis shapes the text afresh, with a new HarfBuzz
	// font, on every refresh: two thirds of a keystroke's work in the search
	// field when every name asked for it. Only the names that do not fit do.
	if id.Col == 0 && c.MinSize().Width > width {
		c.Truncation = fyne.TextTruncateEllipsis
		c.Refresh()
	}
}

func (t *caseTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	c := caseColumns[id.Col]
	text := lang.L(c.key)
	if t.screen.sortBy == c.sort {
		text += map[bool]string{false: " ▲", true: " ▼"}[t.screen.sortDesc]
	}
	if b.Text != text { // unchanged on most refreshes (each key typed in the search)
		b.SetText(text)
	}
	b.OnTapped = func() { t.screen.onSort(c.sort) }
}

func (t *caseTable) onSelected(id widget.TableCellID) {
	if id.Row >= 0 && id.Row < len(t.screen.rows) {
		t.cursor = id.Row
		t.shell.onOpenCitizen(t.screen.rows[id.Row].ID)
	}
}

// TypedKey adds Enter to open the row under the keyboard cursor; Escape
// goes to the window (back).
func (t *caseTable) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		t.onSelected(widget.TableCellID{Row: t.cursor})
		return
	case fyne.KeyEscape:
		keyToWindow(t, e)
		return
	case fyne.KeyDown:
		if t.cursor < len(t.screen.rows)-1 {
			t.cursor++
		}
	case fyne.KeyUp:
		if t.cursor > 0 {
			t.cursor--
		}
	}
	t.Table.TypedKey(e)
}
