package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"jobspor/model"
)

func shortcut(u *UI, k fyne.KeyName) {
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
}

func key(u *UI, k fyne.KeyName) { u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }

// TestKeyboardWalk: Ctrl+N opens a new citizen, Escape goes back, Ctrl+F
// finds, arrow keys and Enter open a citizen from the list.
func TestKeyboardWalk(t *testing.T) {
	u, store := newTestUI(t)
	for _, n := range []string{"Anders And", "Bodil Bøg", "Carl Ærø"} {
		c := &model.Citizen{Name: n, Benefit: model.BenefitDagpenge, Education: model.EducationSkilled,
			Status: model.StatusActive, FirstContact: u.now()}
		if err := store.CreateCitizen(c); err != nil {
			t.Fatal(err)
		}
	}
	u.caseload.load()

	shortcut(u, fyne.KeyN)
	if u.form == nil || u.win.Canvas().Focused() != u.form.name {
		t.Fatal("Ctrl+N did not open the new-citizen form with the cursor in Navn")
	}
	u.win.Canvas().Unfocus()
	key(u, fyne.KeyEscape)
	if u.form != nil || len(u.stack) != 1 {
		t.Fatal("Escape did not go back to the caseload")
	}
	shortcut(u, fyne.KeyF)
	if u.win.Canvas().Focused() != u.caseload.search {
		t.Fatal("Ctrl+F did not put the cursor in the search field")
	}

	table := u.caseload.table
	u.win.Canvas().Focus(table)
	table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.citizen == nil || u.citizen.citizen.Name != "Bodil Bøg" {
		t.Fatalf("Down, Enter opened %+v, want the second citizen", u.citizen)
	}
	key(u, fyne.KeyEscape)
	if u.citizen != nil {
		t.Fatal("Escape did not leave the citizen")
	}
}
