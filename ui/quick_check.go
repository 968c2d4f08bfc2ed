package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"jobspor/model"
)

// checkStore is what the window's own check asks of the database.
type checkStore interface {
	// QuickCheck is SQLite's quick_check with the foreign keys, the schema
	// and the audit trail: linear in the database's size. The full check
	// (jobspor check) is on demand, and a backup is trusted only after it.
	QuickCheck() ([]model.Message, error)
}

// quickCheckInBackground checks the database off the window's goroutine
// after start, and says so in a dialog only when it found something.
func (u *UI) quickCheckInBackground() {
	st := u.store
	go func() {
		problems, err := st.QuickCheck()
		u.do(func() {
			if st != u.store || u.restoring.Load() {
				return // a restore replaced the database meanwhile
			}
			if err != nil {
				u.showError(err)
				return
			}
			if len(problems) == 0 {
				return
			}
			lines := make([]string, len(problems))
			for i, p := range problems {
				lines[i] = p.Text()
			}
			u.showError(fmt.Errorf(lang.L("check.window"), strings.Join(lines, "\n")))
		})
	}()
}
