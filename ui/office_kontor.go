package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
)

// kontorOffice is what Indstillinger → Kontor asks of the office tier.
type kontorOffice interface {
	Status() (model.OfficeStatus, error)
	// Recipient is this laptop's public key (age), for the lead.
	Recipient() (string, error)
	// JoinAs joins the office, logging in with password ("" for the one
	// kept on this laptop), and makes the first pull; ctx cancels it (the
	// laptop then stays in no office); progress is done of total. The
	// password is kept protected by the OS, never in the database.
	JoinAs(ctx context.Context, server, initials, password string, progress func(done, total int)) (model.OfficeStatus, error)
	// Init makes the office on server (as its administrator) with its lead;
	// the lead's own login password is made and kept on this laptop.
	Init(server, initials, name string) (recipient string, err error)
	// AddCaseworker adds a colleague (as the administrator); the password
	// is handed over once.
	AddCaseworker(server, initials, name string, lead bool, recipient string) (password string, err error)
	// Roster is the office's caseworkers with each one's last sync.
	Roster(ctx context.Context) ([]model.StaffMember, error)
	// CompanyContact marks whether a colleague holds company contact (the
	// office refuses anyone but a lead).
	CompanyContact(ctx context.Context, initials string, holds bool) error
}

// kontorShell is what Kontor asks of the window.
type kontorShell interface {
	syncShell
	now() time.Time
	notify(text string)
	officeJoined()                   // the laptop joined: the header starts
	showCopyable(title, text string) // a password or key to hand on
	term(key string) string          // the office's words: "medlemmer" in an a-kasse
}

// kontorPart is Indstillinger → Kontor: joining the office, the lead's
// setting up of it, and the roster with each caseworker's last sync.
type kontorPart struct {
	link kontorOffice
	win  kontorShell
	root fyne.CanvasObject
	box  *fyne.Container // the part's content, rebuilt when joined

	server, initials, name *widget.Entry
	password               *widget.Entry // the caseworker's (joining) or the administrator's (setting up)
	admin                  string        // the administrator's user, as typed when setting up in this window
	connect, create        *widget.Button
	cancelBtn              *widget.Button
	progress               *widget.ProgressBar
	message                *widget.Label
	joinedText             *widget.Label
	cancel                 context.CancelFunc // the join under way
	joinedAt               time.Time          // when this window joined (zero: before it opened)
	joined                 *model.JoinReport  // what this window's join did with the laptop's data
	summary                *widget.Label      // joinSummary of it, under what was joined

	roster     *fyne.Container
	reload     *widget.Button // the roster read again
	rosterNote *widget.Label
	contacts   map[string]*widget.Check // the lead's company contact, by initials
	add        kontorAddForm
	st         model.OfficeStatus
}

// kontorAddForm is the lead's form for a new colleague.
type kontorAddForm struct {
	initials, name, recipient *widget.Entry
	admin, adminPassword      *widget.Entry // the server's administrator's login, used for this and never kept
	lead                      *widget.Check
	button                    *widget.Button
	box                       *fyne.Container
}

// kontorSection is Kontor in the settings screen (nothing without an office
// tier). The part is kept for the window's office: a join under way goes on
// showing its progress when the caseworker leaves and comes back.
func (u *UI) kontorSection() fyne.CanvasObject {
	if u.officeBar == nil {
		return container.NewVBox()
	}
	if p := u.officeBar.kontor; p != nil {
		p.reopen()
		return p.root
	}
	p := newKontorPart(u.office, u)
	p.root = container.NewVBox(p.build(), widget.NewSeparator())
	u.officeBar.kontor = p
	return p.root
}

// reopen shows the office as it is now, unless a join is under way.
func (p *kontorPart) reopen() {
	if p.cancel == nil {
		p.refresh()
	}
}

func newKontorPart(link kontorOffice, win kontorShell) *kontorPart {
	return &kontorPart{link: link, win: win}
}

func (p *kontorPart) build() fyne.CanvasObject {
	p.box = container.NewVBox()
	p.message = widget.NewLabel("")
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Hide()
	p.refresh()
	return container.NewVBox(heading(lang.L("kontor.title")), p.box)
}

// refresh shows the join form, or the office joined with its roster.
func (p *kontorPart) refresh() {
	st, err := p.link.Status()
	if err != nil {
		p.win.showError(err)
		return
	}
	p.st = st
	if st.Configured {
		p.box.Objects = p.joinedView(st)
		p.box.Refresh()
		p.loadRoster()
		return
	}
	p.box.Objects = p.joinView()
	p.box.Refresh()
}

func (p *kontorPart) joinView() []fyne.CanvasObject {
	p.server, p.initials, p.name = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	p.password = widget.NewPasswordEntry()
	p.server.SetPlaceHolder("postgres://kontor.lan/jobspor?sslmode=verify-full")
	p.connect = widget.NewButtonWithIcon(lang.L("kontor.connect"), theme.LoginIcon(), p.onConnect)
	p.connect.Importance = widget.HighImportance
	p.create = widget.NewButtonWithIcon(lang.L("kontor.create"), theme.ContentAddIcon(), p.onCreate)
	p.cancelBtn = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), p.onCancel)
	p.cancelBtn.Hide()
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	form := widget.NewForm(widget.NewFormItem(lang.L("kontor.server"), p.server),
		widget.NewFormItem(lang.L("kontor.initials"), p.initials),
		widget.NewFormItem(lang.L("kontor.password"), p.password))
	lead := widget.NewForm(widget.NewFormItem(lang.L("kontor.leadname"), p.name))
	return []fyne.CanvasObject{lowLabel(p.win.term("kontor.help")), form,
		container.NewHBox(p.connect, p.cancelBtn), p.progress, p.message, p.keyRow(),
		widget.NewSeparator(), lowLabel(lang.L("kontor.leadhelp")), lead, container.NewHBox(p.create)}
}

// keyRow shows this laptop's public key, to hand to the lead.
func (p *kontorPart) keyRow() fyne.CanvasObject {
	r, err := p.link.Recipient()
	if err != nil {
		return widget.NewLabel(officeErrText(err, ""))
	}
	key := widget.NewLabel(r)
	key.Selectable = true
	key.Truncation = fyne.TextTruncateEllipsis
	copyKey := widget.NewButtonWithIcon(lang.L("kontor.showkey"), theme.ContentCopyIcon(),
		func() { p.win.showCopyable(lang.L("kontor.key"), r) })
	return container.NewBorder(nil, nil, widget.NewLabel(lang.L("kontor.key")), copyKey, key)
}

func (p *kontorPart) joinedView(st model.OfficeStatus) []fyne.CanvasObject {
	p.joinedText = widget.NewLabel(p.joinedSentence(st))
	p.joinedText.Wrapping = fyne.TextWrapWord
	p.roster = container.NewVBox()
	p.rosterNote = widget.NewLabel("")
	p.rosterNote.Wrapping = fyne.TextWrapWord
	p.add = p.buildAddForm()
	p.summary = widget.NewLabel(joinSummary(p.joined, p.win.term))
	p.summary.Wrapping = fyne.TextWrapWord
	if p.joined == nil {
		p.summary.Hide()
	}
	return []fyne.CanvasObject{p.joinedText, p.summary, p.keyRow(), p.rosterNote, p.roster, p.add.box}
}

// joinedSentence says what was joined and when (the address without user
// or password).
func (p *kontorPart) joinedSentence(st model.OfficeStatus) string {
	server := model.ServerAddress(st.Server)
	if !p.joinedAt.IsZero() {
		return fmt.Sprintf(p.win.term("kontor.joined"), server, st.Initials, p.joinedAt.Format("02-01-2006 15.04"), st.Citizens)
	}
	return fmt.Sprintf(lang.L("kontor.member"), server, st.Initials, officeWhen(st.LastSync, p.win.now()))
}

// onConnect joins the office as the caseworker typed (off the window's goroutine).
func (p *kontorPart) onConnect() {
	server, initials := strings.TrimSpace(p.server.Text), strings.ToUpper(strings.TrimSpace(p.initials.Text))
	password := p.password.Text
	if server == "" || initials == "" {
		p.say(lang.L("kontor.needboth"))
		return
	}
	p.start(func(ctx context.Context, progress func(int, int)) (model.OfficeStatus, error) {
		return p.link.JoinAs(ctx, server, initials, password, progress)
	})
}

// onCreate makes the office with this caseworker as its lead, then joins
// it. The address and Adgangskode are the server's administrator's (used
// once, never kept); the lead then joins with her own login, whose password
// Init made and kept on this laptop.
func (p *kontorPart) onCreate() {
	server, initials := strings.TrimSpace(p.server.Text), strings.ToUpper(strings.TrimSpace(p.initials.Text))
	name, password := strings.TrimSpace(p.name.Text), p.password.Text
	if server == "" || initials == "" || name == "" {
		p.say(lang.L("kontor.needall"))
		return
	}
	p.admin = model.ServerUser(server)
	p.start(func(ctx context.Context, progress func(int, int)) (model.OfficeStatus, error) {
		if _, err := p.link.Init(model.ServerLogin(server, "", password), initials, name); err != nil {
			return model.OfficeStatus{}, err
		}
		return p.link.JoinAs(ctx, model.ServerAddress(server), initials, "", progress)
	})
}

// start runs a join off the window's goroutine with its progress and Annullér.
func (p *kontorPart) start(join func(context.Context, func(int, int)) (model.OfficeStatus, error)) {
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.busy(true)
	server := strings.TrimSpace(p.server.Text)
	progress := func(done, total int) {
		p.win.do(func() { p.progress.SetValue(float64(done) / float64(max(total, 1))) })
	}
	go func() {
		st, err := join(ctx, progress)
		cancelled := ctx.Err() != nil
		cancel()
		p.win.do(func() { p.joinDone(st, err, cancelled, server) })
	}()
}

func (p *kontorPart) busy(on bool) {
	p.progress.SetValue(0)
	p.message.Hide()
	for _, w := range []fyne.Disableable{p.connect, p.create, p.server, p.initials, p.password, p.name} {
		if on {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if on {
		p.progress.Show()
		p.cancelBtn.Show()
		return
	}
	p.progress.Hide()
	p.cancelBtn.Hide()
}

func (p *kontorPart) onCancel() {
	if p.cancel != nil {
		p.cancel()
		p.cancelBtn.Disable()
	}
}

// joinDone shows what the join came to.
func (p *kontorPart) joinDone(st model.OfficeStatus, err error, cancelled bool, server string) {
	p.cancel = nil
	p.cancelBtn.Enable()
	p.busy(false)
	if err != nil {
		if cancelled {
			p.say(cancelledText(err, p.win.term))
			return
		}
		p.say(officeErrText(err, server))
		return
	}
	p.joinedAt, p.joined = p.win.now(), st.Join
	p.refresh()
	p.win.officeJoined()
}

// cancelledText says what a cancelled join left: as it was, or (stopped
// amid the first pull) the office's shared lists that arrived; and the
// laptop's own citizens at the office when its history had been sent.
func cancelledText(err error, term func(string) string) string {
	text := lang.L("kontor.cancelled")
	if errors.Is(err, model.ErrJoinCancelledKept) {
		text = term("kontor.cancelledkept")
	}
	if errors.Is(err, model.ErrJoinCancelledSent) {
		text += " " + term("kontor.cancelledsent")
	}
	return text
}

func (p *kontorPart) say(text string) {
	p.message.SetText(text)
	p.message.Show()
	p.box.Refresh() // laid out again: the message takes its wrapped height where the bar was
}

// officeErrText says an office's problem in the caseworker's words.
func officeErrText(err error, server string) string {
	var ue *model.UserError
	switch {
	case errors.Is(err, context.Canceled):
		return lang.L("kontor.cancelled")
	case errors.Is(err, model.ErrOfficeUnreachable):
		return fmt.Sprintf(lang.L("kontor.unreachable"), model.ServerAddress(server))
	case errors.As(err, &ue):
		return errText(err)
	}
	return lang.L("kontor.refused")
}
