package ui

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteEditor edits a long text of at most max characters: a citizen's or a
// conversation's note. It wraps with textBlock (see long_text.go), so a
// 5,000-character note opens and takes keystrokes without a stall, and it
// cuts a paste that would pass max at once, saying so under the field.
type noteEditor struct {
	widget.BaseWidget
	OnChanged func(string)

	max            int
	cursor, anchor int
	shift, focused bool
	rowsVisible    int
	typing         bool // the last change was a typed character
	undo, redo     []editState

	content     *editorContent
	scroll      *container.Scroll
	counter     *canvas.Text
	warning     string
	placeholder string // shown while the text is empty
}

// editState is a text and its cursor, kept for undo.
type editState struct {
	text   []rune
	cursor int
}

// maxUndo bounds the undo history.
const maxUndo = 200

func newNoteEditor(text string, max, rowsVisible int) *noteEditor {
	e := &noteEditor{max: max, rowsVisible: rowsVisible}
	e.content = &editorContent{e: e}
	e.content.block.text = []rune(text)
	e.content.block.colour = theme.ColorNameForeground
	e.content.ExtendBaseWidget(e.content)
	e.scroll = container.NewVScroll(e.content)
	e.counter = canvas.NewText("", nil)
	e.ExtendBaseWidget(e)
	e.content.setTheme(e.Theme())
	return e
}

// Text is the text being edited.
func (e *noteEditor) Text() string { return string(e.content.block.text) }

// SetText replaces the text (not undoable) and puts the cursor at its end.
func (e *noteEditor) SetText(s string) {
	r := []rune(s)
	if len(r) > e.max {
		r = r[:e.max]
	}
	e.content.block.text = r
	e.cursor, e.anchor, e.undo, e.redo, e.warning = len(r), len(r), nil, nil, ""
	e.changed()
}

// selection is the selected range [from, to); from == to when none.
func (e *noteEditor) selection() (int, int) {
	if e.anchor < e.cursor {
		return e.anchor, e.cursor
	}
	return e.cursor, e.anchor
}

// insert puts s in place of the selection, cut to what max leaves room for.
func (e *noteEditor) insert(s []rune) {
	from, to := e.selection()
	text := e.content.block.text
	room := e.max - (len(text) - (to - from))
	e.warning = ""
	if len(s) > room {
		e.warning = e.cutWarning(len(s) - room)
		s = s[:max(room, 0)]
	}
	if len(s) == 0 && from == to {
		e.refreshCounter()
		return
	}
	e.remember(len(s) == 1 && s[0] != ' ' && s[0] != '\n')
	next := make([]rune, 0, len(text)-(to-from)+len(s))
	next = append(append(append(next, text[:from]...), s...), text[to:]...)
	e.content.block.text = next
	e.cursor, e.anchor = from+len(s), from+len(s)
	e.changed()
}

func (e *noteEditor) cutWarning(left int) string {
	if left == 1 {
		return fmt.Sprintf(lang.L("note.full"), groupDigits(e.max))
	}
	return fmt.Sprintf(lang.L("note.cut"), groupDigits(left), groupDigits(e.max))
}

// deleteRange removes [from, to).
func (e *noteEditor) deleteRange(from, to int) {
	if from >= to {
		return
	}
	e.remember(false)
	text := e.content.block.text
	e.content.block.text = append(append([]rune{}, text[:from]...), text[to:]...)
	e.cursor, e.anchor, e.warning = from, from, ""
	e.changed()
}

// remember keeps the text for undo; a run of typed characters is one step.
func (e *noteEditor) remember(typed bool) {
	if !(typed && e.typing) {
		e.undo = append(e.undo, editState{e.content.block.text, e.cursor})
		if len(e.undo) > maxUndo {
			e.undo = e.undo[1:]
		}
	}
	e.typing, e.redo = typed, nil
}

// changed lays the text out again and tells OnChanged.
func (e *noteEditor) changed() {
	e.content.block.rewrap()
	e.content.Refresh()
	e.scroll.Refresh()
	e.refreshCounter()
	e.showCursor()
	if e.OnChanged != nil {
		e.OnChanged(e.Text())
	}
}

// refreshCounter says how many characters are used, or what was cut.
func (e *noteEditor) refreshCounter() {
	th := e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	e.counter.TextSize = th.Size(theme.SizeNameCaptionText)
	e.counter.Text = fmt.Sprintf(lang.L("note.count"), groupDigits(len(e.content.block.text)), groupDigits(e.max))
	e.counter.Color = th.Color(colorNameSecondaryText, v)
	if e.warning != "" {
		e.counter.Text, e.counter.Color = e.warning, th.Color(theme.ColorNameError, v)
	}
	e.counter.Refresh()
}

// moveTo moves the cursor; with Shift held the selection follows.
func (e *noteEditor) moveTo(pos int) {
	pos = min(max(pos, 0), len(e.content.block.text))
	e.cursor = pos
	if !e.shift {
		e.anchor = pos
	}
	e.typing = false
	e.content.Refresh()
	e.showCursor()
}

// showCursor scrolls so the cursor's row is in view.
func (e *noteEditor) showCursor() {
	b := &e.content.block
	if b.rows == nil || e.scroll.Size().Height <= 0 {
		return
	}
	top := b.pad + float32(rowOf(b.rows, e.cursor))*b.lineHeight()
	off := e.scroll.Offset.Y
	switch h := e.scroll.Size().Height; {
	case top < off:
		off = top - b.pad
	case top+b.lineHeight() > off+h:
		off = top + b.lineHeight() + b.pad - h
	default:
		return
	}
	e.scroll.ScrollToOffset(fyne.NewPos(0, max(off, 0)))
}

// FocusGained shows the cursor.
func (e *noteEditor) FocusGained() {
	e.focused = true
	e.Refresh()
}

// FocusLost hides the cursor.
func (e *noteEditor) FocusLost() {
	e.focused, e.shift = false, false
	e.Refresh()
}

// TypedRune inserts a typed character.
func (e *noteEditor) TypedRune(r rune) { e.insert([]rune{r}) }

// TypedKey edits and moves the cursor; Escape goes to the window.
func (e *noteEditor) TypedKey(k *fyne.KeyEvent) {
	from, to := e.selection()
	switch k.Name {
	case fyne.KeyBackspace:
		e.deleteRange(min(from, max(to-1, 0)), to)
	case fyne.KeyDelete:
		e.deleteRange(from, max(to, min(from+1, len(e.content.block.text))))
	case fyne.KeyReturn, fyne.KeyEnter:
		e.insert([]rune{'\n'})
	case fyne.KeyEscape:
		keyToWindow(e, k)
	default:
		e.typedMove(k.Name)
	}
}

// typedMove moves the cursor by a navigation key.
func (e *noteEditor) typedMove(k fyne.KeyName) {
	b := &e.content.block
	row := rowOf(b.rows, e.cursor)
	x := b.posX(e.cursor) - b.pad
	switch k {
	case fyne.KeyLeft:
		e.moveTo(e.cursor - 1)
	case fyne.KeyRight:
		e.moveTo(e.cursor + 1)
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown:
		e.moveTo(e.rowMove(k, row, x))
	case fyne.KeyHome:
		e.moveTo(b.rows[row].start)
	case fyne.KeyEnd:
		e.moveTo(b.posInRow(row, math.MaxFloat32))
	}
}

// rowMove is the position a row up or down (a page for PageUp/Down) at x.
func (e *noteEditor) rowMove(k fyne.KeyName, row int, x float32) int {
	b := &e.content.block
	step := map[fyne.KeyName]int{fyne.KeyUp: -1, fyne.KeyDown: 1,
		fyne.KeyPageUp: -e.rowsVisible, fyne.KeyPageDown: e.rowsVisible}[k]
	switch next := row + step; {
	case next < 0:
		return 0
	case next >= len(b.rows):
		return len(b.text)
	default:
		return b.posInRow(next, x)
	}
}

// KeyDown notes Shift, which makes moves select.
func (e *noteEditor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
}

// KeyUp notes Shift let go.
func (e *noteEditor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
}

// TypedShortcut copies, cuts, pastes, selects all, undoes and redoes; other
// Ctrl shortcuts (Ctrl+S) go to the window.
func (e *noteEditor) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		e.copyTo(sc.Clipboard)
	case *fyne.ShortcutCut:
		e.cutTo(sc.Clipboard)
	case *fyne.ShortcutPaste:
		e.paste(sc.Clipboard)
	case *fyne.ShortcutSelectAll:
		e.selectAll()
	case *fyne.ShortcutUndo:
		e.stepBack(&e.undo, &e.redo)
	case *fyne.ShortcutRedo:
		e.stepBack(&e.redo, &e.undo)
	default:
		shortcutToWindow(e, s)
	}
}

func (e *noteEditor) copyTo(c fyne.Clipboard) {
	if from, to := e.selection(); from < to && c != nil {
		c.SetContent(string(e.content.block.text[from:to]))
	}
}

func (e *noteEditor) cutTo(c fyne.Clipboard) {
	e.copyTo(c)
	e.deleteRange(e.selection())
}

func (e *noteEditor) paste(c fyne.Clipboard) {
	if c == nil {
		return
	}
	s := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(c.Content())
	e.insert([]rune(s))
}

func (e *noteEditor) selectAll() {
	e.anchor, e.cursor = 0, len(e.content.block.text)
	e.content.Refresh()
}

// stepBack restores the newest state of from, keeping the current in to.
func (e *noteEditor) stepBack(from, to *[]editState) {
	if len(*from) == 0 {
		return
	}
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, editState{e.content.block.text, e.cursor})
	e.content.block.text, e.cursor, e.anchor, e.typing, e.warning = s.text, s.cursor, s.cursor, false, ""
	e.changed()
}

// focus asks the window to focus the editor (once it is on screen).
func (e *noteEditor) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
}

// pointTo puts the cursor where the pointer is (extending with Shift).
func (e *noteEditor) pointTo(p fyne.Position) {
	e.focus()
	e.moveTo(e.content.block.posAt(p))
}

// selectWord selects the word at p.
func (e *noteEditor) selectWord(p fyne.Position) {
	text := e.content.block.text
	pos := e.content.block.posAt(p)
	from, to := pos, pos
	for from > 0 && !isSpace(text[from-1]) {
		from--
	}
	for to < len(text) && !isSpace(text[to]) {
		to++
	}
	e.anchor, e.cursor = from, to
	e.content.Refresh()
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }

// showMenu offers cut, copy, paste and select all at p (absolute).
func (e *noteEditor) showMenu(p fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	clip := fyne.CurrentApp().Clipboard()
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("Cut"), func() { e.cutTo(clip) }),
		fyne.NewMenuItem(lang.L("Copy"), func() { e.copyTo(clip) }),
		fyne.NewMenuItem(lang.L("Paste"), func() { e.paste(clip) }),
		fyne.NewMenuItem(lang.L("Select all"), e.selectAll))
	widget.ShowPopUpMenuAtPosition(menu, c, p)
}

func (e *noteEditor) CreateRenderer() fyne.WidgetRenderer {
	e.content.setTheme(e.Theme())
	box := canvas.NewRectangle(color.Transparent)
	border := canvas.NewRectangle(color.Transparent)
	r := &noteEditorRenderer{e: e, box: box, border: border}
	r.Refresh()
	return r
}

type noteEditorRenderer struct {
	e           *noteEditor
	box, border *canvas.Rectangle
}

func (r *noteEditorRenderer) Destroy() {}

func (r *noteEditorRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.box, r.border, r.e.scroll, r.e.counter}
}

func (r *noteEditorRenderer) Layout(s fyne.Size) {
	th := r.e.Theme()
	b := th.Size(theme.SizeNameInputBorder)
	field := fyne.NewSize(s.Width, s.Height-r.counterHeight())
	r.border.Resize(field.Subtract(fyne.NewSquareSize(b)))
	r.border.Move(fyne.NewSquareOffsetPos(b / 2))
	r.box.Resize(field.Subtract(fyne.NewSquareSize(2 * b)))
	r.box.Move(fyne.NewSquareOffsetPos(b))
	r.e.scroll.Resize(field.Subtract(fyne.NewSquareSize(2 * b)))
	r.e.scroll.Move(fyne.NewSquareOffsetPos(b))
	pad := th.Size(theme.SizeNameInnerPadding)
	r.e.counter.Move(fyne.NewPos(pad, field.Height+th.Size(theme.SizeNameLineSpacing)))
	r.e.counter.Resize(fyne.NewSize(s.Width-pad, r.e.counter.MinSize().Height))
}

func (r *noteEditorRenderer) counterHeight() float32 {
	return r.e.counter.MinSize().Height + r.e.Theme().Size(theme.SizeNameLineSpacing)
}

func (r *noteEditorRenderer) MinSize() fyne.Size {
	b := &r.e.content.block
	th := r.e.Theme()
	h := float32(r.e.rowsVisible)*b.lineHeight() + 2*b.pad + 2*th.Size(theme.SizeNameInputBorder)
	return fyne.NewSize(b.m.space*20, h+r.counterHeight())
}

func (r *noteEditorRenderer) Refresh() {
	th := r.e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.box.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.box.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.border.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	r.border.CornerRadius = r.box.CornerRadius
	r.border.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	if r.e.focused {
		r.border.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	}
	r.box.Refresh()
	r.border.Refresh()
	r.e.content.setTheme(th)
	r.e.content.Refresh()
	r.e.refreshCounter()
}

// editorContent is the editor's text inside its scroll: it draws rows,
// selection and cursor, and hands pointer events to the editor.
type editorContent struct {
	widget.BaseWidget
	e     *noteEditor
	block textBlock
}

func (c *editorContent) setTheme(th fyne.Theme) {
	c.block.m = metricsFor(th.Size(theme.SizeNameText), fyne.TextStyle{})
	c.block.pad = th.Size(theme.SizeNameInnerPadding)
}

// Resize wraps the text for the new width.
func (c *editorContent) Resize(s fyne.Size) {
	if c.block.m != nil && c.block.setWidth(s.Width) {
		c.e.scroll.Refresh()
	}
	c.BaseWidget.Resize(s)
}

func (c *editorContent) Cursor() desktop.Cursor { return desktop.TextCursor }

func (c *editorContent) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button == desktop.MouseButtonPrimary {
		c.e.pointTo(ev.Position)
	}
}

func (c *editorContent) MouseUp(*desktop.MouseEvent) {}

func (c *editorContent) Tapped(ev *fyne.PointEvent) { c.e.pointTo(ev.Position) }

func (c *editorContent) DoubleTapped(ev *fyne.PointEvent) { c.e.selectWord(ev.Position) }

func (c *editorContent) TappedSecondary(ev *fyne.PointEvent) { c.e.showMenu(ev.AbsolutePosition) }

// Dragged selects from where the button went down to the pointer.
func (c *editorContent) Dragged(ev *fyne.DragEvent) {
	c.e.cursor = c.block.posAt(ev.Position)
	c.Refresh()
}

func (c *editorContent) DragEnd() {}

// CreateRenderer makes the renderer with the text's objects at once: Fyne
// makes it again when a screen comes back after its cache let go of it
// (FYNE_CACHE), often without laying it out.
func (c *editorContent) CreateRenderer() fyne.WidgetRenderer {
	r := &editorContentRenderer{c: c, cursor: canvas.NewRectangle(color.Transparent), hint: canvas.NewText("", nil)}
	r.Refresh()
	return r
}

type editorContentRenderer struct {
	c         *editorContent
	cursor    *canvas.Rectangle
	hint      *canvas.Text
	selection []*canvas.Rectangle
	objects   []fyne.CanvasObject
}

func (r *editorContentRenderer) Destroy() {}

func (r *editorContentRenderer) Layout(s fyne.Size) {
	r.c.block.setWidth(s.Width)
	r.Refresh()
}

func (r *editorContentRenderer) MinSize() fyne.Size {
	b := &r.c.block
	if b.rows == nil {
		b.width = defaultWrapWidth
		b.rewrap()
	}
	return fyne.NewSize(b.m.space*20, b.height())
}

func (r *editorContentRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *editorContentRenderer) Refresh() {
	th := r.c.e.Theme()
	b := &r.c.block
	if b.rows == nil {
		b.rewrap()
	}
	lines := b.objects(th)
	r.layoutSelection(th)
	r.layoutCursor(th)
	r.layoutHint(th)
	r.objects = append(r.objects[:0], r.hint)
	for _, s := range r.selection {
		r.objects = append(r.objects, s)
	}
	for _, l := range lines {
		r.objects = append(r.objects, l)
	}
	r.objects = append(r.objects, r.cursor)
}

// layoutSelection places one rectangle per selected row.
func (r *editorContentRenderer) layoutSelection(th fyne.Theme) {
	b := &r.c.block
	from, to := r.c.e.selection()
	r.selection = r.selection[:0]
	if from == to {
		return
	}
	fill := th.Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
	for i := rowOf(b.rows, from); i < len(b.rows) && b.rows[i].start <= to; i++ {
		a, z := max(from, b.rows[i].start), min(to, b.rows[i].end)
		x0, x1 := b.posX(a), b.posX(z)
		if to > b.rows[i].end {
			x1 += b.m.space
		}
		rect := canvas.NewRectangle(fill)
		rect.Move(fyne.NewPos(x0, b.pad+float32(i)*b.lineHeight()))
		rect.Resize(fyne.NewSize(x1-x0, b.lineHeight()))
		r.selection = append(r.selection, rect)
	}
}

// layoutCursor places the cursor, shown while the editor has focus.
func (r *editorContentRenderer) layoutCursor(th fyne.Theme) {
	b := &r.c.block
	r.cursor.FillColor = th.Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant())
	r.cursor.Hidden = !r.c.e.focused
	row := rowOf(b.rows, r.c.e.cursor)
	r.cursor.Move(fyne.NewPos(b.posX(r.c.e.cursor), b.pad+float32(row)*b.lineHeight()))
	r.cursor.Resize(fyne.NewSize(th.Size(theme.SizeNameInputBorder), b.lineHeight()))
	r.cursor.Refresh()
}

// layoutHint shows the placeholder while the text is empty.
func (r *editorContentRenderer) layoutHint(th fyne.Theme) {
	b := &r.c.block
	r.hint.Text = r.c.e.placeholder
	r.hint.Hidden = len(b.text) > 0 || r.hint.Text == ""
	r.hint.TextSize = b.m.size
	r.hint.Color = th.Color(theme.ColorNamePlaceHolder, fyne.CurrentApp().Settings().ThemeVariant())
	r.hint.Move(fyne.NewPos(b.pad, b.pad+theme.LineSpacing()/2))
	r.hint.Refresh()
}

// groupDigits writes n with the language's thousands separator (5.000).
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	sep := lang.L("number.thousands")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
