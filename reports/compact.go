package reports

// Compact layouts for a handout that must stay on one page: 10 pt text in
// tighter rows, and two lists side by side.

const (
	smallSize   = 10.0
	smallLine   = 5.0
	columnGap   = 6.0
	columnWidth = (textWidth - columnGap) / 2
)

// compactTable is Table at 10 pt with 5.5 mm rows.
func (d *Document) compactTable(header []string, widths []float64, rows [][]string) {
	p := d.pdf
	p.SetFont(family, "B", smallSize)
	for i, h := range header {
		p.CellFormat(widths[i], 5.5, h, "B", 0, "L", false, 0, "")
	}
	p.Ln(-1)
	p.SetFont(family, "", smallSize)
	p.SetDrawColor(200, 200, 200)
	for _, r := range rows {
		for i, c := range r {
			p.CellFormat(widths[i], 5.5, c, "B", 0, "L", false, 0, "")
		}
		p.Ln(-1)
	}
	d.body()
	p.Ln(2)
}

// twoColumns puts two headed bullet lists side by side at 10 pt and
// continues under the longer one.
func (d *Document) twoColumns(leftHead string, left []string, rightHead string, right []string) {
	p := d.pdf
	d.keepSpace(30)
	p.Ln(3)
	top := p.GetY()
	yl := d.column(margin, top, leftHead, left)
	yr := d.column(margin+columnWidth+columnGap, top, rightHead, right)
	p.SetXY(margin, max(yl, yr)+2)
	d.body()
}

// column draws one headed list at x from y and returns where it ends.
func (d *Document) column(x, y float64, head string, lines []string) float64 {
	p := d.pdf
	p.SetXY(x, y)
	p.SetFont(family, "B", 12)
	p.MultiCell(columnWidth, 6.5, head, "", "L", false)
	p.SetFont(family, "", smallSize)
	for _, l := range lines {
		p.SetXY(x, p.GetY()+1)
		p.CellFormat(4, smallLine, "•", "", 0, "L", false, 0, "")
		p.MultiCell(columnWidth-4, smallLine, l, "", "L", false)
	}
	return p.GetY()
}

// compactBullets is Bullets at 10 pt with tighter lines.
func (d *Document) compactBullets(lines []string) {
	p := d.pdf
	p.SetFont(family, "", smallSize)
	for _, l := range lines {
		d.keepSpace(6)
		p.CellFormat(5, smallLine+0.5, "•", "", 0, "L", false, 0, "")
		p.MultiCell(textWidth-5, smallLine+0.5, l, "", "L", false)
	}
	d.body()
	p.Ln(2)
}
