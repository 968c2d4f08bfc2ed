package ui

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

const leaveQuestion = "Du har ændringer, der ikke er gemt."

// openConversation opens a citizen's planned conversation today.
func openConversation(t *testing.T) (*UI, *store.Store, *model.Conversation) {
	t.Helper()
	u, st := newTestUI(t)
	st.Now = u.now
	c := storetest.AddCitizen(t, st)
	conv := storetest.Plan(t, st, c.ID, time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local), 45)
	u.onOpenCitizen(c.ID)
	u.citizen.onOpenConversation(conv.ID)
	return u, st, conv
}

func typeNotes(s *conversationScreen, notes, agreements string) {
	s.attendance.SetSelected(attendanceLabel(model.AttendanceHeld))
	test.Type(s.notes, notes)
	test.Type(s.agreements, agreements)
}

// TestPlanningTheNextConversationKeepsWhatIsTyped: "Afholdt", notes and
// agreements typed, then Næste samtale → Planlæg: all still there, still
// marked "Ikke gemt", and the next conversation is planned.
func TestPlanningTheNextConversationKeepsWhatIsTyped(t *testing.T) {
	u, st, conv := openConversation(t)
	s := u.conversation
	if !s.save.Disabled() || s.state.mark.Visible() {
		t.Fatal("Gem is enabled, or 'Ikke gemt' shown, before anything changed")
	}
	typeNotes(s, "Søger lagerjob i Køge", "Søger to job om ugen")
	if s.save.Disabled() || !s.state.mark.Visible() || s.state.mark.Text != "Ikke gemt" {
		t.Fatal("typed notes do not show 'Ikke gemt' beside an enabled Gem")
	}
	test.Type(s.next.start, "10:00")
	test.Type(s.next.end, "10:45")
	test.Tap(s.next.save)
	if u.conversation != s || s.notes.Text() != "Søger lagerjob i Køge" || s.agreements.Text() != "Søger to job om ugen" ||
		s.attendance.Selected != attendanceLabel(model.AttendanceHeld) {
		t.Fatalf("planning the next conversation lost what was typed: %q / %q / %q", s.notes.Text(), s.agreements.Text(), s.attendance.Selected)
	}
	if !s.state.mark.Visible() {
		t.Error("the notes are no longer marked 'Ikke gemt' (they were not saved)")
	}
	if all, _ := st.Conversations(conv.CitizenID); len(all) != 2 {
		t.Fatalf("%d conversations after planning the next, want 2", len(all))
	}
	if !strings.Contains(s.nextLine.Text, "30-11-2026") {
		t.Errorf("the next conversation is not shown: %q", s.nextLine.Text)
	}
}

// TestLeavingAConversationAsks: Escape with typed notes asks; Bliv stays,
// Kassér leaves without saving, Gem saves and leaves.
func TestLeavingAConversationAsks(t *testing.T) {
	u, st, conv := openConversation(t)
	typeNotes(u.conversation, "Noter", "Aftaler")
	key(u, fyne.KeyEscape)
	if !strings.Contains(dialogText(u.win), leaveQuestion) {
		t.Fatalf("Escape with typed notes did not ask: %q", dialogText(u.win))
	}
	tapInDialog(t, u.win, "Bliv")
	if u.conversation == nil || u.conversation.notes.Text() != "Noter" {
		t.Fatal("Bliv did not stay on the conversation with the notes")
	}
	test.Tap(widgetButton(t, u.conversation.root, u.conversation.cs.citizen.Name))
	tapInDialog(t, u.win, "Kassér")
	if u.conversation != nil {
		t.Fatal("Kassér did not leave the conversation")
	}
	if got, _ := st.Conversation(conv.ID); got.Notes != "" || got.Attendance != model.AttendancePlanned {
		t.Fatalf("Kassér saved: %+v", got)
	}
	u.citizen.onOpenConversation(conv.ID)
	typeNotes(u.conversation, "Noter", "Aftaler")
	u.goBack()
	tapInDialog(t, u.win, "Gem")
	if u.conversation != nil {
		t.Fatal("Gem did not leave the conversation")
	}
	if got, _ := st.Conversation(conv.ID); got.Notes != "Noter" || got.Agreements != "Aftaler" || got.Attendance != model.AttendanceHeld {
		t.Fatalf("Gem saved %+v", got)
	}
}

// TestCtrlSSavesTheFormInFront, also with the cursor in the notes.
func TestCtrlSSavesTheFormInFront(t *testing.T) {
	u, st, conv := openConversation(t)
	s := u.conversation
	typeNotes(s, "Gemt med tasterne", "")
	u.win.Canvas().Focus(s.notes)
	s.notes.TypedShortcut(&desktopShortcutS)
	if got, _ := st.Conversation(conv.ID); got.Notes != "Gemt med tasterne" {
		t.Fatalf("Ctrl+S in the notes did not save: %q", got.Notes)
	}
	if !s.save.Disabled() || s.state.mark.Visible() {
		t.Error("after Ctrl+S the form still says 'Ikke gemt'")
	}
	key(u, fyne.KeyEscape)
	if u.conversation != nil || len(u.win.Canvas().Overlays().List()) > 0 && strings.Contains(dialogText(u.win), leaveQuestion) {
		t.Fatal("after saving, Escape asked instead of going back")
	}
}

// TestSwitchingSectionWithUnsavedOpeningAsks: the upskilling need and the
// EUV choice typed in the opening phase are not lost on the section list.
func TestSwitchingSectionWithUnsavedOpeningAsks(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st)
	u.onOpenCitizen(c.ID)
	v := u.citizen
	v.nav.Select(sectionOpening)
	o := v.opening
	test.Type(o.upskilling, "Truckcertifikat")
	o.euv.SetSelected(euvLabel(model.EUVYes))
	v.nav.Select(sectionTrack)
	if v.current != sectionOpening || !strings.Contains(dialogText(u.win), leaveQuestion) {
		t.Fatalf("the section changed (%d) without asking", v.current)
	}
	tapInDialog(t, u.win, "Gem")
	if v.current != sectionTrack {
		t.Fatalf("after Gem the section is %d, want the one chosen", v.current)
	}
	if got, _ := st.Opening(c.ID); got.UpskillingNeed != "Truckcertifikat" || got.EUV != model.EUVYes {
		t.Fatalf("opening saved as %+v", got)
	}
}

// TestTrackFormAsksAndKeepsItsOwnInputWhenAnotherSaves: on the long-term
// track, a company effort typed survives adding a temp agency, and leaving
// the section asks; Kassér leaves it unsaved.
func TestTrackFormAsksAndKeepsItsOwnInputWhenAnotherSaves(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Track = model.TrackLongterm })
	u.onOpenCitizen(c.ID)
	v := u.citizen
	v.nav.Select(sectionTrack)
	tr := v.track
	test.Type(tr.company.company, "Bæk & Co.")
	test.Type(tr.temp.agency, "Vikarhuset")
	test.Tap(tr.temp.save)
	if got, _ := st.TempAgencies(c.ID); len(got) != 1 {
		t.Fatalf("%d temp agencies saved", len(got))
	}
	if tr.company.company.Text != "Bæk & Co." || !tr.company.state.mark.Visible() {
		t.Fatalf("adding a temp agency lost the company typed: %q", tr.company.company.Text)
	}
	v.nav.Select(sectionOverview)
	if !strings.Contains(dialogText(u.win), leaveQuestion) {
		t.Fatal("leaving the track with a company typed did not ask")
	}
	tapInDialog(t, u.win, "Kassér")
	if v.current != sectionOverview {
		t.Fatal("Kassér did not leave the section")
	}
	if got, _ := st.CompanyEfforts(c.ID); len(got) != 0 {
		t.Fatalf("Kassér saved %+v", got)
	}
	v.nav.Select(sectionTrack)
	test.Type(v.track.upskilling.title, "Svejsekursus")
	u.goBack()
	tapInDialog(t, u.win, "Gem")
	if got, _ := st.Upskillings(c.ID); len(got) != 1 || got[0].Title != "Svejsekursus" {
		t.Fatalf("Gem on leaving saved %+v", got)
	}
}

// TestEditingACitizenAsksOnLeaving: the citizen form asks; Kassér keeps
// the citizen as it was.
func TestEditingACitizenAsksOnLeaving(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st)
	u.onOpenCitizen(c.ID)
	u.onEditCitizen(u.citizen.citizen)
	f := u.form
	if !f.save.Disabled() {
		t.Fatal("Gem is enabled on a form not changed")
	}
	f.phone.SetText("11 22 33 44")
	key(u, fyne.KeyEscape)
	tapInDialog(t, u.win, "Kassér")
	if u.form != nil || u.citizen == nil {
		t.Fatal("Kassér did not go back to the citizen")
	}
	if got, _ := st.Citizen(c.ID); got.Phone == "11 22 33 44" {
		t.Fatal("Kassér saved the phone number")
	}
	u.onEditCitizen(u.citizen.citizen)
	u.form.phone.SetText("11 22 33 44")
	u.form.name.SetText("")
	u.goBack()
	tapInDialog(t, u.win, "Gem")
	if u.form == nil || !strings.Contains(u.form.problems.Text, "Navn skal udfyldes") {
		t.Fatal("Gem with a problem left the form instead of showing the problem")
	}
}

// TestSettingsHaveOneGemAndAskOnLeaving: the letterhead and the deletion
// policy are saved by the screen's one Gem; Tilbage with changes asks.
func TestSettingsHaveOneGemAndAskOnLeaving(t *testing.T) {
	u, st := newTestUI(t)
	u.onSettings()
	s := u.stack[len(u.stack)-1].(*settingsScreen)
	if !s.save.Disabled() || s.mark.Visible() {
		t.Fatal("the settings' Gem is enabled before anything changed")
	}
	s.entries[0].SetText("Jobcenter Ærø")
	s.entries[1].SetText("Vestergade 1, 5970 Ærøskøbing")
	if s.save.Disabled() || !s.mark.Visible() {
		t.Fatal("a letterhead typed does not light Gem and 'Ikke gemt'")
	}
	u.goBack()
	if !strings.Contains(dialogText(u.win), leaveQuestion) {
		t.Fatal("Tilbage with a letterhead typed did not ask")
	}
	tapInDialog(t, u.win, "Bliv")
	if s.entries[1].Text != "Vestergade 1, 5970 Ærøskøbing" {
		t.Fatal("the letterhead vanished")
	}
	count := 0
	walk(s.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Gem" {
			count++
		}
	})
	if count != 1 {
		t.Errorf("Indstillinger has %d Gem buttons, want one", count)
	}
	test.Tap(s.save)
	if o, _ := st.Office(); o.Name != "Jobcenter Ærø" || o.Address != "Vestergade 1, 5970 Ærøskøbing" {
		t.Fatalf("Gem saved %+v", o)
	}
	u.goBack()
	if u.topDialog() != nil || len(u.stack) != 1 {
		t.Fatal("after Gem, Tilbage asked or stayed")
	}
}

// TestEscapeFromTheTableAndOverADialog: Escape reaches the window from the
// caseload table and the search field; with a dialog open it closes the
// dialog and the screen behind stays; Enter answers a dialog's default.
func TestEscapeFromTheTableAndOverADialog(t *testing.T) {
	u, st := newTestUI(t)
	storetest.AddCitizen(t, st)
	u.onCaseload()
	u.win.Canvas().Focus(u.caseload.table)
	u.caseload.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(u.stack) != 1 {
		t.Fatal("Escape in the caseload table did not go back to Today")
	}
	u.onCaseload()
	u.win.Canvas().Focus(u.caseload.search)
	u.caseload.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(u.stack) != 1 {
		t.Fatal("Escape in the search field did not go back to Today")
	}
	u.onCaseload()
	u.showError(errors.New("Noget gik galt"))
	key(u, fyne.KeyEscape)
	if u.topDialog() != nil || len(u.stack) != 2 {
		t.Fatalf("Escape over an error dialog: dialog %v, %d screens (want the caseload kept)", u.topDialog() != nil, len(u.stack))
	}
	yes := false
	dialog.ShowConfirm("Spørgsmål", "Sikker?", func(b bool) { yes = b }, u.win)
	key(u, fyne.KeyReturn)
	if !yes || u.topDialog() != nil {
		t.Fatal("Enter did not answer the dialog with its default button")
	}
	test.Tap(u.caseload.track)
	if u.topDialog() == nil {
		t.Fatal("the Select's choices did not open")
	}
	press(u, fyne.KeyEscape) // the choices have the focus, as in the window
	if u.topDialog() != nil || len(u.stack) != 2 {
		t.Fatalf("Escape did not close a Select's choices, or went back behind them: %T %d", u.topDialog(), len(u.stack))
	}
	u.onOpenCitizen(u.caseload.rows[0].ID)
	u.win.Canvas().Focus(u.citizen.nav)
	u.citizen.nav.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.citizen != nil {
		t.Fatal("Escape in the section list did not leave the citizen")
	}
}

// TestTodayRecordsANoShowInPlaceAndUndoes: Udeblevet on Today's line, then
// Fortryd; the line's Open goes to the conversation itself.
func TestTodayRecordsANoShowInPlaceAndUndoes(t *testing.T) {
	u, st := newTestUI(t)
	st.Now = u.now
	c := storetest.AddCitizen(t, st)
	storetest.Plan(t, st, c.ID, time.Date(2026, 11, 23, 15, 0, 0, 0, time.Local), 45) // not begun: no buttons
	conv := storetest.Plan(t, st, c.ID, time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local), 45)
	u.today.load()
	if n := len(todayButtons(u, "Udeblevet")); n != 1 {
		t.Fatalf("%d lines offer Udeblevet, want the one begun", n)
	}
	noShow := todayButton(t, u, "Udeblevet")
	test.Tap(noShow)
	if got, _ := st.Conversation(conv.ID); got.Attendance != model.AttendanceNoShow {
		t.Fatalf("Udeblevet recorded %q", got.Attendance)
	}
	if u.lastUndo == nil || u.lastUndo.Text != "Fortryd" {
		t.Fatal("no Fortryd offered")
	}
	test.Tap(u.lastUndo)
	if got, _ := st.Conversation(conv.ID); got.Attendance != model.AttendancePlanned {
		t.Fatalf("Fortryd left %q", got.Attendance)
	}
	test.Tap(todayButton(t, u, "Åbn"))
	if u.conversation == nil || u.conversation.conversation.ID != conv.ID {
		t.Fatal("Today's line did not open the conversation")
	}
	u.back()
	u.back()
	test.Tap(todayButton(t, u, "Afholdt"))
	if got, _ := st.Conversation(conv.ID); got.Attendance != model.AttendanceHeld {
		t.Fatalf("Afholdt recorded %q", got.Attendance)
	}
}

// TestWhoOpensTheCitizenOverTheJobList: the dialog closes, and Tilbage
// leads back to the job list.
func TestWhoOpensTheCitizenOverTheJobList(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st)
	if err := st.AddJobGoal(&model.JobGoal{CitizenID: c.ID, Title: "Opvasker", Code: "941220", Horizon: model.HorizonShort}); err != nil {
		t.Fatal(err)
	}
	j := storetest.AddJob(t, st, "Opvasker", u.now().AddDate(0, 0, 10), func(j *model.Job) { j.Code = "941220" })
	u.onJobList()
	jl := u.stack[len(u.stack)-1].(*jobListScreen)
	jl.onWho(*j)
	tapInDialog(t, u.win, dialogButtonText(t, u.win, c.Name))
	if u.topDialog() != nil {
		t.Fatal("the Hvem? dialog stayed on top of the citizen")
	}
	if u.citizen == nil {
		t.Fatal("the citizen did not open")
	}
	u.goBack()
	if _, ok := u.stack[len(u.stack)-1].(*jobListScreen); !ok {
		t.Fatalf("Tilbage led to %T, want the job list", u.stack[len(u.stack)-1])
	}
}

// TestNoRawEnglishReachesTheWindow: a viewer that cannot start says in
// Danish where the file is; a Select asks in Danish.
func TestNoRawEnglishReachesTheWindow(t *testing.T) {
	u, _ := newTestUI(t)
	u.app = failingViewer{u.app}
	u.openFile("/tmp/save/udskrift.pdf")
	text := dialogText(u.win)
	if strings.Contains(text, "exec") || !strings.Contains(text, "Filen er gemt her") || !strings.Contains(text, "/tmp/save/udskrift.pdf") {
		t.Fatalf("a viewer that failed says %q", text)
	}
	if p := newSelect([]string{"a"}, nil).PlaceHolder; p != "(Vælg)" {
		t.Errorf("a Select's placeholder is %q", p)
	}
}

type failingViewer struct{ fyne.App }

func (failingViewer) OpenURL(*url.URL) error {
	return errors.New(`exec: "xdg-open": executable file not found in $PATH`)
}

// press delivers a key as the desktop driver does: to the focused widget,
// else to the window.
func press(u *UI, k fyne.KeyName) {
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
		return
	}
	key(u, k)
}

var desktopShortcutS = desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// widgetButton finds the button with this text in o.
func widgetButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

func todayButtons(u *UI, text string) []*widget.Button {
	var out []*widget.Button
	walk(u.today.body, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Text == text {
			out = append(out, b)
		}
	})
	return out
}

func todayButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	return widgetButton(t, u.today.body, text)
}

// dialogButtonText is the text of the dialog's first button that starts so.
func dialogButtonText(t *testing.T, w fyne.Window, prefix string) string {
	t.Helper()
	for _, b := range dialogButtons(w.Canvas().Overlays().Top()) {
		if strings.HasPrefix(b.Text, prefix) {
			return b.Text
		}
	}
	t.Fatalf("no button starting %q in the dialog", prefix)
	return ""
}

// TestClosingTheWindowAsks: closing the window with typed notes asks
// first; Gem saves them before the window closes.
func TestClosingTheWindowAsks(t *testing.T) {
	u, st, conv := openConversation(t)
	typeNotes(u.conversation, "Før lukning", "")
	u.onClose()
	if !strings.Contains(dialogText(u.win), leaveQuestion) {
		t.Fatal("closing with typed notes did not ask")
	}
	tapInDialog(t, u.win, "Gem")
	if got, _ := st.Conversation(conv.ID); got.Notes != "Før lukning" {
		t.Fatalf("Gem on closing saved %q", got.Notes)
	}
}

// TestReceptionTickKeepsTheBenefitCaseTyped: ticking a step of the
// reception plan draws the plan again, not the benefit case being typed;
// leaving the section then asks.
func TestReceptionTickKeepsTheBenefitCaseTyped(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st)
	u.onOpenCitizen(c.ID)
	v := u.citizen
	v.nav.Select(sectionReception)
	f := v.reception
	f.intends.SetText("20-11-2026")
	for _, ch := range f.checks {
		test.Tap(ch)
		break
	}
	if v.reception.intends.Text != "20-11-2026" || !f.caseState.mark.Visible() {
		t.Fatalf("a tick in the plan lost the benefit case typed: %q", v.reception.intends.Text)
	}
	v.nav.Select(sectionOverview)
	tapInDialog(t, u.win, "Gem")
	if b, _ := st.BenefitCase(c.ID); b.IntendsOn.Format(model.DateLayout) != "2026-11-20" {
		t.Fatalf("Gem on leaving saved %+v", b)
	}
}

// TestTodaysSetCanBeUndone: "Set" on a notice takes it off Today; Fortryd
// puts it back.
func TestTodaysSetCanBeUndone(t *testing.T) {
	u, st := newTestUI(t)
	st.Now = u.now
	c := storetest.AddCitizen(t, st)
	if err := st.AddNotice(c.ID, "to_benefit", "Borgeren er startet i job"); err != nil {
		t.Fatal(err)
	}
	u.today.load()
	test.Tap(todayButton(t, u, "Set"))
	if n, _ := st.OpenNotices(); len(n) != 0 {
		t.Fatal("Set did not take the notice off Today")
	}
	test.Tap(u.lastUndo)
	if n, _ := st.OpenNotices(); len(n) != 1 {
		t.Fatal("Fortryd did not put the notice back")
	}
	if len(todayButtons(u, "Set")) != 1 {
		t.Error("Today does not show the notice again")
	}
}

// TestEscapeAfterClickingAChoice: a radio choice or a check box clicked
// holds the focus; Escape still reaches the window.
func TestEscapeAfterClickingAChoice(t *testing.T) {
	u, _, _ := openConversation(t)
	s := u.conversation
	held := s.attendance.groups[1]
	held.SetSelected(held.Options[0]) // as a click does
	if u.win.Canvas().Focused() != s.attendance {
		t.Fatalf("after a choice the focus is on %T", u.win.Canvas().Focused())
	}
	press(u, fyne.KeyRight)
	if s.attendance.Selected != attendanceLabel(model.AttendanceNoShow) {
		t.Fatalf("Right moved the choice to %q", s.attendance.Selected)
	}
	press(u, fyne.KeyEscape)
	if !strings.Contains(dialogText(u.win), leaveQuestion) {
		t.Fatal("Escape after a choice did not ask before leaving")
	}
	tapInDialog(t, u.win, "Kassér")
	v := u.citizen
	v.nav.Select(sectionOpening)
	test.Tap(v.phases[0].rows[0].check)
	if _, ok := u.win.Canvas().Focused().(*checkBox); !ok {
		t.Fatalf("a check box clicked does not hold the focus (%T)", u.win.Canvas().Focused())
	}
	press(u, fyne.KeyEscape)
	if u.citizen != nil {
		t.Fatal("Escape after ticking an action did not leave the citizen")
	}
}
