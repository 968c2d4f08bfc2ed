package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store"
	"jobspor/model/store/storetest"
)

// typedField is one editable field outside a form with its own Gem: how to
// reach it, what to type, and what the database holds of it.
type typedField struct {
	name    string
	section widget.ListItemID
	typeIn  func(v *citizenScreen)
	// stored is what the database holds of the field ("" for nothing).
	stored func(t *testing.T, st *store.Store, id int64) string
	want   string
}

func typedFields() []typedField {
	return []typedField{
		{"an action's note", sectionOpening,
			func(v *citizenScreen) { test.Type(v.phases[0].rows[0].note, "Ringet til Netto") },
			func(t *testing.T, st *store.Store, id int64) string {
				ps, err := st.ProgressFor(id)
				if err != nil {
					t.Fatal(err)
				}
				var notes []string
				for _, p := range ps {
					notes = append(notes, p.Note)
				}
				return strings.TrimSpace(strings.Join(notes, ""))
			}, "Ringet til Netto"},
		{"a job-log line", sectionJobLog,
			func(v *citizenScreen) { test.Type(v.joblog.text, "Lagermedarbejder, Coop Køge") },
			func(t *testing.T, st *store.Store, id int64) string {
				as, err := st.Applications(id)
				if err != nil {
					t.Fatal(err)
				}
				if len(as) == 0 {
					return ""
				}
				return as[0].Text
			}, "Lagermedarbejder, Coop Køge"},
		{"a message to the benefit office", sectionReception,
			func(v *citizenScreen) { test.Type(v.reception.noticeText, "Søger dagpenge fra 1.12") },
			func(t *testing.T, st *store.Store, id int64) string {
				ns, err := st.OpenNotices()
				if err != nil {
					t.Fatal(err)
				}
				for _, n := range ns {
					if n.CitizenID == id {
						return n.Text
					}
				}
				return ""
			}, "Søger dagpenge fra 1.12"},
		{"a job goal typed, not added", sectionOpening,
			func(v *citizenScreen) { test.Type(v.opening.goalTitle.entry, "Truckfører") },
			func(t *testing.T, st *store.Store, id int64) string {
				gs, err := st.JobGoals(id)
				if err != nil {
					t.Fatal(err)
				}
				if len(gs) == 0 {
					return ""
				}
				return gs[0].Title
			}, "Truckfører"},
		{"an exemption's reason typed, not recorded", sectionReception,
			func(v *citizenScreen) {
				var reason *formEntry
				walk(v.root, func(o fyne.CanvasObject) {
					if e, ok := o.(*formEntry); ok && e.PlaceHolder == lang.L("exemption.reason") {
						reason = e
					}
				})
				test.Type(reason, "Har selv fundet arbejde før")
			},
			func(t *testing.T, st *store.Store, id int64) string {
				x, err := st.OpenExemption(id)
				if err != nil {
					t.Fatal(err)
				}
				if x == nil {
					return ""
				}
				return x.Reason
			}, "Har selv fundet arbejde før"},
		{"the assessment chosen, not assigned", sectionOpening,
			func(v *citizenScreen) {
				o := v.opening
				o.outcome.SetSelected(o.outcomes.label(model.TrackLongterm))
				test.Type(o.reason, "Ledig længe")
			},
			func(t *testing.T, st *store.Store, id int64) string {
				hs, err := st.TrackHistory(id)
				if err != nil {
					t.Fatal(err)
				}
				if len(hs) == 0 {
					return ""
				}
				return string(hs[len(hs)-1].Track) + " " + hs[len(hs)-1].Reason
			}, string(model.TrackLongterm) + " Ledig længe"},
	}
}

// TestEveryTypedFieldIsUnderTheSaveModel: for each field, typing and then
// clicking another section asks Gem / Kassér / Bliv and writes nothing;
// Kassér leaves it unwritten; typed again, Gem writes it. Moving the focus
// to another field writes nothing either.
func TestEveryTypedFieldIsUnderTheSaveModel(t *testing.T) {
	for _, f := range typedFields() {
		t.Run(f.name, func(t *testing.T) {
			u, st := newTestUI(t)
			c := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Track = "" })
			u.onOpenCitizen(c.ID)
			v := u.citizen
			v.nav.Select(f.section)
			f.typeIn(v)
			u.win.Canvas().Focus(nil) // the field loses focus: nothing may be written behind her back
			if got := f.stored(t, st, c.ID); got != "" {
				t.Fatalf("written before the caseworker chose to: %q", got)
			}
			other := sectionOverview
			v.nav.Select(other)
			if v.current != f.section || !strings.Contains(dialogText(u.win), leaveQuestion) {
				t.Fatalf("clicking another section did not ask (now on section %d)", v.current)
			}
			tapInDialog(t, u.win, "Kassér")
			if v.current != other {
				t.Fatalf("Kassér did not move on (section %d)", v.current)
			}
			if got := f.stored(t, st, c.ID); got != "" {
				t.Fatalf("Kassér wrote %q", got)
			}

			v.nav.Select(f.section)
			f.typeIn(u.citizen)
			v.nav.Select(other)
			tapInDialog(t, u.win, "Gem")
			if got := f.stored(t, st, c.ID); got != f.want {
				t.Fatalf("Gem stored %q; want %q", got, f.want)
			}
		})
	}
}

// TestClosingTheWindowAsksForAnActionNote: an action note typed on the
// citizen screen, even under a conversation opened on top, is asked about
// when the window is closed.
func TestClosingTheWindowAsksForAnActionNote(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Track = "" })
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionOpening)
	test.Type(u.citizen.phases[0].rows[0].note, "Aftalt CV-tjek")
	u.onClose()
	if !strings.Contains(dialogText(u.win), leaveQuestion) {
		t.Fatal("closing the window with an action note typed did not ask")
	}
	tapInDialog(t, u.win, "Gem")
	ps, _ := st.ProgressFor(c.ID)
	found := false
	for _, p := range ps {
		found = found || p.Note == "Aftalt CV-tjek"
	}
	if !found {
		t.Error("Gem on closing did not save the action note")
	}
}

// TestActionNoteShowsUnsavedAndEnterSaves: a typed note is marked "Ikke
// gemt" beside it; Enter saves it and the mark goes.
func TestActionNoteShowsUnsavedAndEnterSaves(t *testing.T) {
	u, st := newTestUI(t)
	c := storetest.AddCitizen(t, st, func(c *model.Citizen) { c.Track = "" })
	u.onOpenCitizen(c.ID)
	u.citizen.nav.Select(sectionOpening)
	row := u.citizen.phases[0].rows[0]
	test.Type(row.note, "Ringet")
	if !row.unsaved.Visible() || row.unsaved.Text != "Ikke gemt" {
		t.Fatal("a typed action note is not marked 'Ikke gemt'")
	}
	row.note.TypedKey(&fyneKeyReturn)
	if row.unsaved.Visible() {
		t.Error("after Enter the note is still marked 'Ikke gemt'")
	}
	ps, _ := st.ProgressFor(c.ID)
	if ps[row.action.ID].Note != "Ringet" {
		t.Errorf("Enter saved %q", ps[row.action.ID].Note)
	}
}

var fyneKeyReturn = fyne.KeyEvent{Name: fyne.KeyReturn}
