package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"jobspor/model"
)

// BenchmarkPasteOverTheLimit: 21,400 characters pasted into a note with
// room for 10 more, cut and counted (was a 500 ms limit in a test).
func BenchmarkPasteOverTheLimit(b *testing.B) {
	text := strings.Repeat("Ærø og Åse søger job. ", 1000)[:21400]
	for b.Loop() {
		b.StopTimer()
		e, _ := newTestEditor(b, longNote(model.MaxNotesLen-10), model.MaxNotesLen)
		clip := fyne.CurrentApp().Clipboard()
		clip.SetContent(text)
		b.StartTimer()
		e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	}
}

// BenchmarkOpenLongNote: a citizen whose note is as long as allowed opened,
// then its edit form, with nothing measured before (was a 300 ms limit).
func BenchmarkOpenLongNote(b *testing.B) {
	u, st := newTestUI(b)
	note := strings.ReplaceAll(longNote(model.MaxNotesLen), "\n", " ")
	c := &model.Citizen{Name: "Åse Lang", Benefit: model.BenefitDagpenge, Education: model.EducationUnskilled,
		Status: model.StatusActive, FirstContact: u.now(), Notes: note}
	if err := st.CreateCitizen(c); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		metricsCache = map[metricsKey]*textMetrics{}
		u.onOpenCitizen(c.ID)
		u.onEditCitizen(u.citizen.citizen)
		u.stack = u.stack[:1]
	}
}
