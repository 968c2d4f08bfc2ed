package ui

import (
	"fmt"
	"jobspor/model"
	"net/url"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// notify shows a short confirmation that disappears by itself.
func (u *UI) notify(text string) {
	u.toast(widget.NewLabel("✓ "+text), 1500*time.Millisecond)
}

// toast shows content in the bottom right-hand corner for a while and
// returns the function that hides it. It lies in a layer over the screen,
// not in a pop-up: a pop-up would swallow the next click anywhere in the
// window (the click only closed it), so a second one-click action in a row
// needed two clicks; and Escape and Enter pass it by.
func (u *UI) toast(content fyne.CanvasObject, d time.Duration) func() {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor, bg.StrokeWidth = theme.Color(theme.ColorNameShadow), 1
	bg.CornerRadius = theme.Size(theme.SizeNameSelectionRadius)
	box := container.NewStack(bg, container.NewPadded(content))
	layer := u.toastLayer()
	layer.Add(box)
	hide := func() { layer.Remove(box) }
	u.later(d, hide)
	return hide
}

// show puts a screen in the window, under the layer of notifications.
func (u *UI) show(o fyne.CanvasObject) {
	u.win.SetContent(container.NewStack(u.withOfficeBar(o), u.toastLayer()))
	u.settle()
}

func (u *UI) toastLayer() *fyne.Container {
	if u.toasts == nil {
		u.toasts = container.New(toastLayout{})
	}
	return u.toasts
}

// toastLayout stacks notifications upwards from the bottom right-hand
// corner and asks for no room of its own.
type toastLayout struct{}

func (toastLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

func (toastLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := size.Height - 16
	for i := len(objects) - 1; i >= 0; i-- {
		m := objects[i].MinSize()
		y -= m.Height
		objects[i].Resize(m)
		objects[i].Move(fyne.NewPos(size.Width-m.Width-16, y))
		y -= 8
	}
}

// offerUndo shows "✓ done  [Fortryd]" in the corner for a while.
func (u *UI) offerUndo(done string, undo func()) {
	var hide func()
	btn := widget.NewButtonWithIcon(lang.L("action.undo"), theme.ContentUndoIcon(), func() {
		hide()
		undo()
	})
	u.lastUndo = btn
	hide = u.toast(container.NewHBox(widget.NewLabel("✓ "+done), btn), undoFor)
}

// printed opens a handout just written; a handout saved with □ for
// characters the font lacks is opened too, with the warning beside it.
func (u *UI) printed(path string, err error) {
	if w, ok := model.AsPrintWarning(err); ok {
		u.openFile(path)
		dialog.ShowInformation(lang.L("handout.saved"), msg(w.Message()), u.win)
		return
	}
	if err != nil {
		u.showError(err)
		return
	}
	u.openFile(path)
}

// openFile opens a written handout in the system's viewer and says where
// it is; when no viewer starts, it says so in Danish (the system's own
// message, such as `exec: "xdg-open": …`, is not shown).
func (u *UI) openFile(path string) {
	abs, _ := filepath.Abs(path)
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}); err != nil {
		dialog.ShowInformation(lang.L("handout.saved"), fmt.Sprintf(lang.L("handout.notopened"), abs), u.win)
		return
	}
	dialog.ShowInformation(lang.L("handout.saved"), abs, u.win)
}
