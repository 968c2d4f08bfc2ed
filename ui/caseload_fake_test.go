package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/testutil"
)

// fakeCaseload is the caseload screen's whole view of the database.
type fakeCaseload struct {
	rows    []model.CaseRow
	reads   int     // whole-caseload reads
	rowsFor []int64 // single rows re-read
	err     error
	viewed  []string // audit rows for views of many citizens
	team    []model.Caseworker
	moved   map[int64]string
}

func (f *fakeCaseload) Caseworkers() ([]model.Caseworker, error) { return f.team, nil }
func (f *fakeCaseload) Generation() uint64                       { return 0 }

func (f *fakeCaseload) AssignCaseworker(ids []int64, initials string) error {
	if f.moved == nil {
		f.moved = map[int64]string{}
	}
	for _, id := range ids {
		f.moved[id] = initials
	}
	return nil
}

func (f *fakeCaseload) LogViewed(what string, ids []int64) error {
	f.viewed = append(f.viewed, what+": "+model.IDRanges(ids))
	return nil
}

func (f *fakeCaseload) Caseload(*model.Guide, time.Time) ([]model.CaseRow, error) {
	f.reads++
	return append([]model.CaseRow(nil), f.rows...), f.err
}

func (f *fakeCaseload) CaseRowFor(_ *model.Guide, _ time.Time, id int64) (model.CaseRow, error) {
	f.rowsFor = append(f.rowsFor, id)
	for _, r := range f.rows {
		if r.ID == id {
			return r, nil
		}
	}
	return model.CaseRow{}, model.ErrNotFound
}

func caseRow(id int64, name string, track model.TrackID, noShow bool) model.CaseRow {
	return model.CaseRow{ID: id, Name: name, NameKey: model.FoldName(name), Track: track,
		Status: model.StatusActive, NoShow: noShow, Total: 9}
}

// newFakeCaseload builds the caseload screen alone over a fake: no database.
func newFakeCaseload(t *testing.T, f *fakeCaseload) (*UI, *caseloadScreen) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Jobspor")
	w.Resize(fyne.NewSize(1366, 768))
	content := testutil.Content(t)
	u := &UI{app: a, win: w, content: content, guide: content.Guide,
		clock: model.NewFixedClock(time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local))}
	w.SetOnClosed(u.onClosed)
	closeAtEnd(t, u)
	s := newCaseloadScreen(u, f)
	w.SetContent(s.content())
	return u, s
}

// TestCaseloadScreenOverAFake drives the caseload screen over a fake of its
// narrow interface: it reads the caseload once, filters in memory, re-reads
// only the citizens changed elsewhere, and shows a failure as an error.
func TestCaseloadScreenOverAFake(t *testing.T) {
	f := &fakeCaseload{rows: []model.CaseRow{
		caseRow(1, "Søren Ærø", model.TrackIntensive, false),
		caseRow(2, "Anna Berg", model.TrackEducation, true),
		caseRow(3, "Åse Holm", model.TrackNone, false),
	}}
	u, s := newFakeCaseload(t, f)
	s.load()
	if f.reads != 1 || len(s.rows) != 3 {
		t.Fatalf("after load: %d reads, %d rows; want 1 read and every citizen", f.reads, len(s.rows))
	}
	if len(f.viewed) != 1 || f.viewed[0] != "caseload: 1-3" {
		t.Fatalf("audit of the caseload view: %q; want one row naming citizens 1-3", f.viewed)
	}
	if got := s.cellText(s.rows[0], len(caseColumns)-1); s.rows[0].ID == 2 && got != "Udeblevet/afbud" {
		t.Errorf("the no-show row's attention column reads %q", got)
	}
	test.Type(s.search, "søren")
	if len(s.rows) != 1 || s.rows[0].ID != 1 || f.reads != 1 {
		t.Fatalf("typing 'søren': %d rows (%v), %d reads; want only Søren, filtered in memory", len(s.rows), s.rows, f.reads)
	}
	f.rows[1].Name = "Anna Berg Jensen"
	u.changed(2)
	s.reload()
	if len(f.rowsFor) != 1 || f.rowsFor[0] != 2 || f.reads != 1 {
		t.Fatalf("reload re-read rows %v and the whole caseload %d times; want only citizen 2", f.rowsFor, f.reads)
	}
	s.load()
	if len(f.viewed) != 1 {
		t.Fatalf("loading the same caseload again wrote another audit row: %q", f.viewed)
	}
	f.err = errors.New("disk I/O error")
	s.load()
	if len(u.win.Canvas().Overlays().List()) == 0 {
		t.Error("a failed read showed no error dialog")
	}
}

// TestMineFirstAndMoveTheShownToAColleague: with this account working as
// MK the caseload opens on MK's citizens, the filter reaches a colleague's
// or everyone's, and the citizens shown move to a colleague in one action.
func TestMineFirstAndMoveTheShownToAColleague(t *testing.T) {
	f := &fakeCaseload{rows: []model.CaseRow{
		caseRow(1, "Søren Ærø", model.TrackIntensive, false),
		caseRow(2, "Anna Berg", model.TrackEducation, false),
		caseRow(3, "Åse Holm", model.TrackNone, false),
	}, team: []model.Caseworker{{Initials: "JH", Name: "Jonas Holm"}, {Initials: "MK", Name: "Mette Kristensen"}}}
	f.rows[0].Caseworker, f.rows[1].Caseworker, f.rows[2].Caseworker = "MK", "JH", "MK"
	u, s := newFakeCaseload(t, f)
	u.me = "MK"
	s.load()
	if len(s.rows) != 2 || s.who.Selected != "Mine" {
		t.Fatalf("opened on %q with %d rows; want Mine with MK's 2", s.who.Selected, len(s.rows))
	}
	s.who.SetSelected("JH – Jonas Holm")
	if len(s.rows) != 1 || s.rows[0].ID != 2 {
		t.Fatalf("JH's citizens: %v", s.rows)
	}
	s.who.SetSelectedIndex(0)
	if len(s.rows) != 3 {
		t.Fatalf("everyone: %d rows", len(s.rows))
	}
	test.Type(s.search, "å")
	s.onMove("JH")
	if len(f.moved) != 1 || f.moved[3] != "JH" {
		t.Fatalf("moved %v; want only the shown Åse Holm to JH", f.moved)
	}
	if s.all[2].Caseworker != "JH" || s.cellText(s.rows[0], 1) != "JH" {
		t.Error("the moved citizen's row does not show the new caseworker")
	}
}

// TestADeletedCitizenLeavesTheCaseloadQuietly: a citizen deleted elsewhere
// (a mistake, or purged past the retention period) drops out of the list on
// the next reload, with no error shown.
func TestADeletedCitizenLeavesTheCaseloadQuietly(t *testing.T) {
	f := &fakeCaseload{rows: []model.CaseRow{caseRow(1, "Søren Ærø", model.TrackIntensive, false), caseRow(2, "Anna Berg", model.TrackEducation, false)}}
	u, s := newFakeCaseload(t, f)
	s.load()
	f.rows = f.rows[:1]
	u.changed(2)
	s.reload()
	if len(s.all) != 1 || s.all[0].ID != 1 {
		t.Fatalf("after the deletion the caseload holds %v", s.all)
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("%d dialogs shown for a citizen who was deleted", n)
	}
}

// TestOnlyANameTooLongForItsColumnIsCutWithAnEllipsis: a name that fits is
// shown whole without asking Fyne to truncate it (costly on every key typed
// in the search); a longer one ends in "…"; a cell reused for a short name
// after a long one is whole again, and no other column is cut.
func TestOnlyANameTooLongForItsColumnIsCutWithAnEllipsis(t *testing.T) {
	long := "Ahmed Kirstine Marie-Louise Søndergaard-Christensen Ærenlund"
	f := &fakeCaseload{rows: []model.CaseRow{
		caseRow(1, "Ali Hansen", model.TrackIntensive, false),
		caseRow(2, long, model.TrackIntensive, false),
	}}
	_, s := newFakeCaseload(t, f)
	s.load()
	longRow, short := 0, 1 // in name order: "Ahmed …" before "Ali …"
	if s.rows[longRow].ID != 2 {
		t.Fatalf("rows %v; want the long name first", s.rows)
	}
	cell := func(row, col int) *caseCell {
		l := s.table.createCell().(*caseCell)
		l.Resize(fyne.NewSize(caseColumns[col].width, 40))
		s.table.updateCell(widget.TableCellID{Row: row, Col: col}, l)
		return l
	}
	if l := cell(short, 0); l.Truncation != fyne.TextTruncateOff || l.Text != "Ali Hansen" {
		t.Errorf("a short name: truncation %v, text %q; want it whole, untruncated", l.Truncation, l.Text)
	}
	l := cell(longRow, 0)
	if l.Truncation != fyne.TextTruncateEllipsis || l.Text != long {
		t.Fatalf("a name longer than its column: truncation %v, text %q; want the whole name cut with an ellipsis", l.Truncation, l.Text)
	}
	if l.MinSize().Width > caseColumns[0].width {
		t.Errorf("the cut name still needs %v wide; the column is %v", l.MinSize().Width, caseColumns[0].width)
	}
	s.table.updateCell(widget.TableCellID{Row: short, Col: 0}, l) // the cell reused for a short name
	if l.Truncation != fyne.TextTruncateOff || l.Text != "Ali Hansen" {
		t.Errorf("a cell reused for a short name after a long one: truncation %v, text %q", l.Truncation, l.Text)
	}
	l.Resize(fyne.NewSize(40, 40)) // the column dragged narrow: the same name no longer fits
	s.table.updateCell(widget.TableCellID{Row: short, Col: 0}, l)
	if l.Truncation != fyne.TextTruncateEllipsis {
		t.Error("a name that no longer fits its narrowed column is not cut")
	}
	l.Resize(fyne.NewSize(caseColumns[0].width, 40))
	s.table.updateCell(widget.TableCellID{Row: short, Col: 0}, l)
	if l.Truncation != fyne.TextTruncateOff {
		t.Error("a name that fits its widened column again stays cut")
	}
	for col := 1; col < len(caseColumns); col++ {
		if l := cell(longRow, col); l.Truncation != fyne.TextTruncateOff {
			t.Errorf("column %s is truncated", caseColumns[col].key)
		}
	}
}

// TestARenamedCitizenMovesToTheirPlaceInTheList: the list in name order
// (the default, kept without a sort per key typed) puts a citizen renamed
// elsewhere, or one handed over in any order, where the new name belongs,
// and the search still finds them under it.
func TestARenamedCitizenMovesToTheirPlaceInTheList(t *testing.T) {
	f := &fakeCaseload{rows: []model.CaseRow{
		caseRow(3, "Carl Lund", model.TrackIntensive, false), // not in name order, as no store reads them
		caseRow(1, "Anna Berg", model.TrackIntensive, false),
		caseRow(2, "Bo Holm", model.TrackIntensive, false),
	}}
	u, s := newFakeCaseload(t, f)
	s.load()
	names := func() string {
		var out []string
		for _, r := range s.rows {
			out = append(out, r.Name)
		}
		return strings.Join(out, ", ")
	}
	if got := names(); got != "Anna Berg, Bo Holm, Carl Lund" {
		t.Fatalf("the list reads %q; want name order", got)
	}
	f.rows[1] = caseRow(1, "Østergaard Anna", model.TrackIntensive, false)
	u.changed(1)
	s.reload()
	if got := names(); got != "Bo Holm, Carl Lund, Østergaard Anna" {
		t.Fatalf("after the rename the list reads %q; want Anna under Ø, last", got)
	}
	s.search.SetText("øster")
	if got := names(); got != "Østergaard Anna" {
		t.Errorf("searching the new name finds %q", got)
	}
}
