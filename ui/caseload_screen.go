package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// caseloadStore is what caseloadScreen asks of the database.
type caseloadStore interface {
	viewLogStore
	CaseRowFor(g *model.Guide, now time.Time, id int64) (model.CaseRow, error)
	Caseload(g *model.Guide, now time.Time) ([]model.CaseRow, error)
	Caseworkers() ([]model.Caseworker, error)
	AssignCaseworker(ids []int64, initials string) error
	Generation() uint64
}

// caseloadShell is what caseloadScreen asks of the window.
type caseloadShell interface {
	caseTableShell
	colleaguesShell
	caseworker() string
	countText(n int) string
	do(fn func())
	goBack()
	guideBook() *model.Guide
	kept(s screen) bool
	listen(fn func(ids []int64))
	notify(text string)
	now() time.Time
	onNewCitizen()
	onSettings()
	settle()
	showError(err error)
	term(key string) string
	window() fyne.Window
}

// caseloadScreen is the start screen: every citizen as a sortable table with
// search and filters, loaded once and filtered in memory.
type caseloadScreen struct {
	shell  caseloadShell
	store  caseloadStore
	viewed viewLog

	search *formEntry
	track  *safeSelect
	status *safeSelect
	who    *safeSelect     // all caseworkers, mine, or one colleague's
	bar    *fyne.Container // Ny borger, Indstillinger (and an office lead's Dækning…)
	move   *widget.Button
	take   *widget.Button // the citizens without a caseworker to "Jeg er"
	// elsewhere says how many matches the chosen caseworker hides.
	elsewhere     *fyne.Container
	elsewhereText *widget.Label
	noPlan        *checkBox
	count         *widget.Label
	newBtn        *widget.Button
	table         *caseTable
	root          fyne.CanvasObject
	// all is every citizen read, kept in name order (as read: name_key, id);
	// rows points into it at the rows the search and filters leave, sorted.
	all      []model.CaseRow
	rows     []*model.CaseRow
	sortBy   model.CaseSort
	sortDesc bool
	loaded   bool   // the whole caseload is read behind Today after start, or when first shown
	reading  int    // reads started: a late background read never replaces a newer one
	unseen   bool   // read in the background and not shown yet
	keptAt   uint64 // the store's generation when it was read so
	// dirty are the citizens changed since the caseload was last shown
	// (the window's change signal): their rows are read again when it is.
	dirty map[int64]bool

	tracks   choice[model.TrackID]
	statuses choice[model.Status]
	team     []model.Caseworker
}

type column struct {
	key   string
	sort  model.CaseSort
	width float32
}

var caseColumns = []column{
	{"col.name", model.SortByName, 250}, // all seven fit a 1024-wide window
	{"col.caseworker", model.SortByCaseworker, 70},
	{"col.track", model.SortByTrack, 210},
	{"col.progress", model.SortByProgress, 90},
	{"col.days", model.SortByDays, 70},
	{"col.next", model.SortByNext, 160},
	{"col.flag", model.SortByFlag, 150},
}

func newCaseloadScreen(sh caseloadShell, st caseloadStore) *caseloadScreen {
	s := &caseloadScreen{shell: sh, store: st, viewed: viewLog{what: "caseload"},
		tracks:   newChoice(append([]model.TrackID{model.TrackNone}, model.Tracks...), trackLabel),
		statuses: newChoice(model.Statuses, statusLabel)}
	s.root = s.build()
	sh.listen(s.onChanged)
	return s
}

// onChanged hears the window's change signal: the changed citizens' rows
// are read again when the caseload is next shown (reload), one query each;
// a citizen it does not hold yet (just created) is added at once.
func (s *caseloadScreen) onChanged(ids []int64) {
	if s.dirty == nil {
		s.dirty = map[int64]bool{}
	}
	added := false
	for _, id := range ids {
		s.dirty[id] = true
		added = added || !slices.ContainsFunc(s.all, func(r model.CaseRow) bool { return r.ID == id })
	}
	if added && !s.unseen {
		s.reload()
	}
}

func (s *caseloadScreen) content() fyne.CanvasObject { return s.root }

// reload re-reads the rows of the citizens changed since the caseload was
// last shown (one query each), not the whole caseload.
func (s *caseloadScreen) reload() {
	changed := len(s.dirty) > 0 // rows moved: the filtered pointers are stale
	for id := range s.dirty {
		row, err := s.store.CaseRowFor(s.shell.guideBook(), s.shell.now(), id)
		if errors.Is(err, model.ErrNotFound) {
			s.removeRow(id) // deleted (a mistake, or past its retention)
			continue
		}
		if err != nil {
			s.shell.showError(err)
			continue
		}
		s.replaceRow(row)
	}
	if s.loaded { // else a read still to come may predate them: they stay marked
		s.dirty = nil
	}
	if s.unseen { // read in the background, shown for the first time
		s.unseen = false
		if s.store.Generation() != s.keptAt || changed { // a colleague added, a citizen changed: filter again
			s.shown()
			return
		}
		if err := s.viewed.record(s.store, caseIDs(s.all)); err != nil {
			s.shell.showError(err)
		}
		return
	}
	s.applyFilter()
}

// removeRow drops a deleted citizen's row.
func (s *caseloadScreen) removeRow(id int64) {
	for i := range s.all {
		if s.all[i].ID == id {
			s.all = append(s.all[:i], s.all[i+1:]...)
			return
		}
	}
}

// replaceRow puts a fresh row in place of the old one, or adds a new citizen
// in name order.
func (s *caseloadScreen) replaceRow(row model.CaseRow) {
	for i := range s.all {
		if s.all[i].ID == row.ID {
			renamed := s.all[i].NameKey != row.NameKey
			s.all[i] = row
			if renamed { // all stays in name order
				model.SortCaseload(s.all, model.SortByName, false)
			}
			return
		}
	}
	s.all = append(s.all, row)
	model.SortCaseload(s.all, model.SortByName, false)
}

func (s *caseloadScreen) build() fyne.CanvasObject {
	s.search = newFormEntry()
	s.search.SetPlaceHolder(lang.L("list.search"))
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.track = s.filterSelect(lang.L("list.alltracks"), s.tracks.labels)
	s.status = s.filterSelect(lang.L("list.allstatuses"), s.statuses.labels)
	s.status.SetSelected(statusLabel(model.StatusActive))
	s.noPlan = newCheck(lang.L("list.noplan"), func(bool) { s.applyFilter() })
	s.count = widget.NewLabel("")
	s.newBtn = widget.NewButtonWithIcon(s.shell.term("citizen.new"), theme.ContentAddIcon(), s.shell.onNewCitizen)
	s.newBtn.Importance = widget.HighImportance
	s.table = newCaseTable(s)
	s.who = newSelect(nil, func(string) { s.applyFilter() })
	s.move = widget.NewButtonWithIcon(lang.L("list.move"), theme.MailForwardIcon(), s.onAskMove)
	s.take = widget.NewButtonWithIcon("", theme.AccountIcon(), s.onTake)
	s.take.Hide()
	s.elsewhereText = widget.NewLabel("")
	s.elsewhereText.Importance = widget.WarningImportance
	s.elsewhere = container.NewHBox(s.elsewhereText,
		widget.NewButtonWithIcon(lang.L("list.elsewhere.show"), theme.VisibilityIcon(), s.onShowWholeOffice))
	s.elsewhere.Hide()
	filters := newFlow(s.who, s.track, s.status, s.noPlan, s.count, s.move, s.take)
	settings := widget.NewButtonWithIcon(lang.L("settings.title"), theme.SettingsIcon(), s.shell.onSettings)
	s.bar = container.NewHBox(s.newBtn, settings)
	back := widget.NewButtonWithIcon(lang.L("today.back"), theme.NavigateBackIcon(), s.shell.goBack)
	top := container.NewVBox(container.NewBorder(nil, nil, back, s.bar, s.search), filters, s.elsewhere)
	return container.NewBorder(top, nil, nil, nil, s.table)
}

// filterSelect is a Select whose first option means "no filter".
func (s *caseloadScreen) filterSelect(all string, options []string) *safeSelect {
	sel := newSelect(append([]string{all}, options...), func(string) { s.applyFilter() })
	sel.SetSelectedIndex(0)
	return sel
}

// load reads the caseload from the database.
func (s *caseloadScreen) load() {
	s.reading++
	rows, err := s.store.Caseload(s.shell.guideBook(), s.shell.now())
	if err != nil {
		s.shell.showError(err)
		return
	}
	s.setAll(rows)
	s.loaded = true
	s.dirty = nil
	s.shown()
}

// shown records the view and fills the table: the caseload is on screen.
func (s *caseloadScreen) shown() {
	s.loadTeam()
	if err := s.viewed.record(s.store, caseIDs(s.all)); err != nil {
		s.shell.showError(err)
	}
	s.applyFilter()
}

// loadInBackground reads the caseload off the window's goroutine and
// keeps it for the first Ctrl+F; citizens changed meanwhile stay marked
// (dirty) and are read again when it is shown. then (if any) follows
// on the window's goroutine.
func (s *caseloadScreen) loadInBackground(then func()) {
	if s.loaded {
		if then != nil {
			then()
		}
		return
	}
	s.reading++
	n, now := s.reading, s.shell.now()
	go func() {
		rows, err := s.store.Caseload(s.shell.guideBook(), now)
		s.shell.do(func() {
			if err == nil && n == s.reading && s.shell.kept(s) {
				s.keep(rows) // else it is read in place when opened (an error then too)
			}
			if then != nil {
				then()
			}
		})
	}()
}

// keep holds rows read in the background until the caseload is first shown.
func (s *caseloadScreen) keep(rows []model.CaseRow) {
	if s.loaded {
		return
	}
	s.setAll(rows)
	s.unseen = true
	// Filter and lay the screen out at the window's size now, off screen:
	// the table makes and measures its cells here, not on the first Ctrl+F.
	s.keptAt = s.store.Generation()
	s.loadTeam() // filters
	s.root.Resize(s.shell.window().Canvas().Size())
	s.loaded = true
	s.shell.settle() // the start's reading is done: what it left behind can go back
}

// setAll keeps rows as every citizen, in name order (the store reads them
// so; anything else is sorted once here, not on every key typed).
func (s *caseloadScreen) setAll(rows []model.CaseRow) {
	for i := 1; i < len(rows); i++ {
		if rows[i].NameKey < rows[i-1].NameKey {
			model.SortCaseload(rows, model.SortByName, false)
			break
		}
	}
	s.all = rows
	s.rows = nil // the filtered pointers into the rows read before go with them
}

func caseIDs(rows []model.CaseRow) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids
}

func rowIDs(rows []*model.CaseRow) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids
}

func (s *caseloadScreen) filter() model.CaseFilter {
	f := model.CaseFilter{Query: s.search.Text, AnyTrack: true, NoConversationPlanned: s.noPlan.Checked}
	if t, ok := s.tracks.value(s.track.Selected); ok {
		f.Track, f.AnyTrack = t, false
	}
	f.Status, _ = s.statuses.value(s.status.Selected)
	f.Scope = s.whoScope()
	f.NoCaseworker = s.unassignedChosen()
	return f
}

func (s *caseloadScreen) applyFilter() {
	if s.table == nil {
		return
	}
	f := s.filter()
	s.rows = model.AppendCaseloadRefs(s.rows[:0], s.all, f)
	if s.sortBy != model.SortByName || s.sortDesc { // all is in name order: so are the rows it leaves
		model.SortCaseloadRefs(s.rows, s.sortBy, s.sortDesc)
	}
	s.showElsewhere(f)
	if count := s.shell.countText(len(s.rows)); count != s.count.Text { // often the same while typing
		s.count.SetText(count)
	}
	s.table.UnselectAll()
	s.table.Refresh()
}

func (s *caseloadScreen) onSort(by model.CaseSort) {
	if s.sortBy == by {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortBy, s.sortDesc = by, false
	}
	s.applyFilter()
}

// cellText is what column col shows for row r.
func (s *caseloadScreen) cellText(r *model.CaseRow, col int) string {
	switch caseColumns[col].sort {
	case model.SortByName:
		return r.Name
	case model.SortByTrack:
		return trackLabel(r.Track)
	case model.SortByProgress:
		return fmt.Sprintf(lang.L("progress.count"), r.Done, r.Total)
	case model.SortByDays:
		return strconv.Itoa(r.DaysSinceFirst)
	case model.SortByNext:
		return nextText(r)
	case model.SortByCaseworker:
		if r.Caseworker == "" {
			return lang.L("list.nocaseworker")
		}
		return r.Caseworker
	}
	return withMark(flagText(r), s.shell.coverMark(r.ID))
}

func nextText(r *model.CaseRow) string {
	if r.Next.IsZero() {
		return lang.L("list.nonext")
	}
	return r.Next.Format("02-01-2006 15:04")
}

func flagText(r *model.CaseRow) string {
	switch {
	case r.Overdue && r.NoShow:
		return lang.L("flag.overdue") + ", " + lang.L("flag.noshow")
	case r.Overdue:
		return lang.L("flag.overdue")
	case r.NoShow:
		return lang.L("flag.noshow")
	}
	return ""
}
