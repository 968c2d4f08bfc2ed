package ui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"jobspor/model"
)

// officeKind is read once when the window opens; an a-kasse calls the
// citizen a member where that reads better.
func (u *UI) loadOfficeKind() {
	if k, err := u.store.OfficeKind(); err == nil {
		u.kind = k
	}
}

// term translates key, preferring its a-kasse wording (key + ".akasse")
// in an a-kasse office.
func (u *UI) term(key string) string {
	if u.kind == model.OfficeAkasse {
		if s := lang.X(key+".akasse", ""); s != "" {
			return s
		}
	}
	return lang.L(key)
}

// countText says how many citizens are shown, in singular or plural.
func (u *UI) countText(n int) string {
	if n == 1 {
		return fmt.Sprintf(u.term("list.count.one"), n)
	}
	return fmt.Sprintf(u.term("list.count"), n)
}
