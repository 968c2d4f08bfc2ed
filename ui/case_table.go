package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// caseTable is the caseload table: sortable headers, arrow keys to move and
// Enter (or Space, or a click) to open the citizen.
type caseTable struct {
	widget.Table
	screen *caseloadScreen
	cursor int
}

func newCaseTable(s *caseloadScreen) *caseTable {
	t := &caseTable{screen: s}
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

func (t *caseTable) createCell() fyne.CanvasObject { return widget.NewLabel("") }

func (t *caseTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	r := t.screen.rows[id.Row]
	l.TextStyle.Bold = id.Col == 0
	// Only names can outgrow their column; truncating is costly, so only there.
	l.Truncation = fyne.TextTruncateOff
	if id.Col == 0 {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	l.Importance = widget.MediumImportance
	if id.Col == len(caseColumns)-1 && (r.Overdue || r.NoShow) {
		l.Importance = widget.DangerImportance
	}
	l.SetText(t.screen.cellText(r, id.Col))
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
	b.SetText(text)
	b.OnTapped = func() { t.screen.onSort(c.sort) }
}

func (t *caseTable) onSelected(id widget.TableCellID) {
	if id.Row >= 0 && id.Row < len(t.screen.rows) {
		t.cursor = id.Row
		t.screen.ui.onOpenCitizen(t.screen.rows[id.Row].ID)
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
