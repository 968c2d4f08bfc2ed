package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"jobspor/model"
)

func newTestEditor(t testing.TB, text string, max int) (*noteEditor, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	applyTheme(a)
	e := newNoteEditor(text, max, 6)
	w := a.NewWindow("note")
	w.SetContent(e)
	w.Resize(fyne.NewSize(700, 400))
	w.Canvas().Focus(e)
	return e, w
}

// TestPasteOverTheLimitIsCutAtOnce: 21,400 characters pasted into a note
// that has room for 10 more: the 10 go in, the rest is left out, and the
// field says so at once (before anything is saved).
func TestPasteOverTheLimitIsCutAtOnce(t *testing.T) {
	e, _ := newTestEditor(t, longNote(model.MaxNotesLen-10), model.MaxNotesLen)
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(strings.Repeat("Ærø og Åse søger job. ", 1000)[:21400])
	paste := utf8.RuneCountInString(clip.Content())
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if n := utf8.RuneCountInString(e.Text()); n != model.MaxNotesLen {
		t.Fatalf("after the paste the note has %d characters; want %d", n, model.MaxNotesLen)
	}
	want := groupDigits(paste - 10)
	if !strings.Contains(e.counter.Text, "Noten er fuld") || !strings.Contains(e.counter.Text, want) {
		t.Errorf("the field says %q; want that it is full and that %s characters were left out", e.counter.Text, want)
	}
	e.TypedRune('x')
	if utf8.RuneCountInString(e.Text()) != model.MaxNotesLen || !strings.Contains(e.counter.Text, "Noten er fuld") {
		t.Errorf("typing into a full note: %d characters, field says %q", utf8.RuneCountInString(e.Text()), e.counter.Text)
	}
}

// TestNoteEditorEditing: typing, Enter, Backspace, moving, selecting all,
// replacing, cut and paste and undo work as in any text field.
func TestNoteEditorEditing(t *testing.T) {
	e, _ := newTestEditor(t, "", 100)
	clip := fyne.CurrentApp().Clipboard()
	test.Type(e, "Søren")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(e, "Ærøx")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if e.Text() != "Søren\nÆrø" {
		t.Fatalf("typed %q", e.Text())
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	test.Type(e, "Hr. ")
	if e.Text() != "Hr. Søren\nÆrø" {
		t.Fatalf("after Up, Home and typing: %q", e.Text())
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
	if e.Text() != "" || clip.Content() != "Hr. Søren\nÆrø" {
		t.Fatalf("cut all left %q and put %q on the clipboard", e.Text(), clip.Content())
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if e.Text() != "Hr. Søren\nÆrø" {
		t.Fatalf("undo after cut gives %q", e.Text())
	}
	e.TypedShortcut(&fyne.ShortcutRedo{})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if e.Text() != "Hr. Søren\nÆrø" || e.counter.Text != "13 af 100 tegn" {
		t.Fatalf("redo and paste: %q, counter %q", e.Text(), e.counter.Text)
	}
}

// TestNoteEditorPointer: a click puts the cursor where it lands, Shift and
// a double click select.
func TestNoteEditorPointer(t *testing.T) {
	e, _ := newTestEditor(t, "Første linje\nanden linje", 100)
	b := &e.content.block
	second := fyne.NewPos(b.pad+1, b.pad+b.lineHeight()*1.5)
	test.TapAt(e.content, second)
	if e.cursor != len([]rune("Første linje\n")) {
		t.Fatalf("a click at the start of the second row put the cursor at %d", e.cursor)
	}
	e.content.DoubleTapped(&fyne.PointEvent{Position: second})
	if from, to := e.selection(); string(b.text[from:to]) != "anden" {
		t.Fatalf("a double click selected %q", string(b.text[from:to]))
	}
}

// TestWrapKeepsEveryCharacterAndFits: rows put together give the text back,
// and no row is wider than the width (a word longer than a row is cut).
func TestWrapKeepsEveryCharacterAndFits(t *testing.T) {
	applyTheme(test.NewTempApp(t))
	m := metricsFor(14, fyne.TextStyle{})
	text := []rune("  Indrykket start. " + longNote(600) + "\n\n" + strings.Repeat("x", 300) + " slut \n")
	const width = 240
	rows := m.wrap(text, width)
	var back strings.Builder
	for i, r := range rows {
		back.WriteString(string(text[r.start:r.end]))
		if i+1 < len(rows) && rows[i+1].start == r.end+1 {
			back.WriteString("\n")
		}
		row := strings.TrimRight(string(text[r.start:r.end]), " ")
		if w := fyne.MeasureText(row, 14, fyne.TextStyle{}).Width; w > width+1 {
			t.Errorf("row %d %q is %.1f wide; want at most %d", i, row, w, width)
		}
	}
	if back.String() != string(text) {
		t.Fatalf("the rows do not give the text back:\n%q\n%q", back.String(), string(text))
	}
}

// TestLongNoteOpensWithoutStall: a 5,000-character note in one paragraph
// (the hardest case for Fyne's own wrapping: 0.7 s) opens in the edit form
// and the overview (how quickly: BenchmarkOpenLongNote), even with nothing
// measured before.
func TestLongNoteOpensWithoutStall(t *testing.T) {
	u, st := newTestUI(t)
	metricsCache = map[metricsKey]*textMetrics{}
	note := strings.ReplaceAll(longNote(model.MaxNotesLen), "\n", " ")
	c := &model.Citizen{Name: "Åse Lang", Benefit: model.BenefitDagpenge, Education: model.EducationUnskilled,
		Status: model.StatusActive, FirstContact: u.now(), Notes: note}
	if err := st.CreateCitizen(c); err != nil {
		t.Fatal(err)
	}
	u.onOpenCitizen(c.ID)
	u.onEditCitizen(u.citizen.citizen)
	if u.form.notes.Text() != note {
		t.Fatal("the edit form does not hold the whole note")
	}
}

// TestANoteShowsWhenItsRendererIsMadeAgain: Fyne lets go of what it drew
// for a screen not shown for 15 s (FYNE_CACHE) and makes it again when the
// screen comes back, often without laying it out (its size has not
// changed). A note's text must be there at once in the new renderer, in
// the editor and in the read-only note alike, or a conversation's note
// showed empty after the caseworker came back to it.
func TestANoteShowsWhenItsRendererIsMadeAgain(t *testing.T) {
	e, w := newTestEditor(t, "Ringede til Netto om lagerjobbet", 200)
	w.Canvas().Focus(nil)
	noteText := newNoteText("Aftalt: søger tre job om ugen")
	w.SetContent(container.NewVBox(e, noteText))
	w.Resize(fyne.NewSize(700, 400))
	for _, c := range []struct {
		name string
		wid  fyne.Widget
		want string
	}{{"the editor", e.content, "Ringede til Netto"}, {"the note", noteText, "Aftalt: søger"}} {
		r := c.wid.CreateRenderer() // made again as Fyne does, not laid out
		var shown []string
		for _, o := range r.Objects() {
			if tx, ok := o.(*canvas.Text); ok && tx.Visible() {
				shown = append(shown, tx.Text)
			}
		}
		if got := strings.Join(shown, " "); !strings.Contains(got, c.want) {
			t.Errorf("%s made again shows %q, want its text %q", c.name, got, c.want)
		}
	}
}
