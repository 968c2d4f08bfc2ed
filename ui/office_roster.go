package ui

import (
	"context"
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

// The lead's part of Kontor: the roster with each caseworker's last sync,
// and a new colleague added.

// loadRoster reads the roster off the window's goroutine (it asks the
// office); a caseworker who is not the lead sees neither roster nor form.
func (p *kontorPart) loadRoster() {
	p.rosterNote.TextStyle.Bold = false
	p.rosterNote.SetText(lang.L("kontor.roster.reading"))
	go func() {
		ms, err := p.link.Roster(context.Background())
		p.win.do(func() { p.showRoster(ms, err) })
	}()
}

func (p *kontorPart) showRoster(ms []model.StaffMember, err error) {
	if err != nil {
		p.rosterNote.SetText(officeErrText(err, p.st.Server))
		return
	}
	lead := false
	for _, m := range ms {
		if m.Initials == p.st.Initials && m.Lead {
			lead = true
		}
	}
	p.rosterNote.TextStyle.Bold = true
	p.rosterNote.SetText(lang.L("kontor.roster.title"))
	p.rosterNote.Show()
	rows := make([]fyne.CanvasObject, 0, len(ms)+2)
	p.contacts = map[string]*widget.Check{}
	if lead {
		rows = append(rows, lowLabel(lang.L("kontor.roster.contact.help")))
	}
	for _, m := range ms {
		rows = append(rows, p.rosterRow(m, lead))
	}
	p.reload = widget.NewButtonWithIcon(lang.L("kontor.roster.reload"), theme.ViewRefreshIcon(), p.loadRoster)
	rows = append(rows, container.NewHBox(p.reload))
	p.roster.Objects = rows
	p.roster.Refresh()
	if lead {
		p.add.box.Show()
	}
}

// rosterRow is one caseworker on the roster; the lead also sets there
// whether they hold company contact (10 råd, råd 2).
func (p *kontorPart) rosterRow(m model.StaffMember, lead bool) fyne.CanvasObject {
	line := widget.NewLabel(p.rosterLine(m))
	if !lead {
		if m.CompanyContact {
			line.Text += " · " + lang.L("officejobs.capacity.contact")
		}
		return line
	}
	check := widget.NewCheck(lang.L("kontor.roster.contact"), nil)
	check.SetChecked(m.CompanyContact)
	check.OnChanged = func(on bool) { p.onCompanyContact(m.Initials, on) }
	p.contacts[m.Initials] = check
	return container.NewBorder(nil, nil, nil, check, line)
}

// onCompanyContact sets at the office whether a colleague holds company
// contact (off the window's goroutine); refused or offline, the box goes
// back and the roster says why.
func (p *kontorPart) onCompanyContact(initials string, on bool) {
	check := p.contacts[initials]
	check.Disable()
	go func() {
		err := p.link.CompanyContact(context.Background(), initials, on)
		p.win.do(func() { p.companyContactSet(initials, on, err) })
	}()
}

func (p *kontorPart) companyContactSet(initials string, on bool, err error) {
	check := p.contacts[initials]
	if check == nil {
		return // the roster was read again meanwhile
	}
	check.Enable()
	if err != nil {
		check.OnChanged = nil
		check.SetChecked(!on)
		check.OnChanged = func(on bool) { p.onCompanyContact(initials, on) }
		p.rosterNote.TextStyle.Bold = false
		p.rosterNote.SetText(officeErrText(err, p.st.Server))
		return
	}
	p.win.notify(lang.L("saved"))
}

// rosterLine is one caseworker: initials, name, lead, last sync (on the
// office's clock, see syncStamp).
func (p *kontorPart) rosterLine(m model.StaffMember) string {
	last := syncStamp(m.LastSync, p.win.now().Location())
	role := ""
	if m.Lead {
		role = " · " + lang.L("kontor.roster.lead")
	}
	key := ""
	if !m.HasKey {
		key = " · " + lang.L("kontor.roster.nokey")
	}
	return fmt.Sprintf(lang.L("kontor.roster.line"), m.Initials, m.Name, role, last, key)
}

func (p *kontorPart) buildAddForm() kontorAddForm {
	f := kontorAddForm{initials: widget.NewEntry(), name: widget.NewEntry(), recipient: widget.NewEntry(),
		admin: widget.NewEntry(), adminPassword: widget.NewPasswordEntry()}
	f.recipient.SetPlaceHolder("age1…")
	f.admin.SetPlaceHolder("postgres")
	f.admin.SetText(p.admin)
	f.lead = widget.NewCheck(lang.L("kontor.add.lead"), nil)
	f.button = widget.NewButtonWithIcon(lang.L("kontor.add"), theme.ContentAddIcon(), p.onAdd)
	form := widget.NewForm(widget.NewFormItem(lang.L("kontor.initials"), f.initials),
		widget.NewFormItem(lang.L("kontor.add.name"), f.name),
		widget.NewFormItem(lang.L("kontor.add.key"), f.recipient),
		widget.NewFormItem("", f.lead),
		widget.NewFormItem(lang.L("kontor.add.admin"), f.admin),
		widget.NewFormItem(lang.L("kontor.add.adminpassword"), f.adminPassword))
	f.box = container.NewVBox(widget.NewLabelWithStyle(lang.L("kontor.add.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		lowLabel(lang.L("kontor.add.adminhelp")), form, container.NewHBox(f.button))
	f.box.Hide()
	return f
}

// onAdd adds the colleague at the office (as its administrator, off the
// window's goroutine) and shows the password to hand over once.
func (p *kontorPart) onAdd() {
	f := p.add
	initials, name := strings.ToUpper(strings.TrimSpace(f.initials.Text)), strings.TrimSpace(f.name.Text)
	recipient, lead := strings.TrimSpace(f.recipient.Text), f.lead.Checked
	if initials == "" || name == "" {
		p.rosterNote.SetText(lang.L("kontor.add.need"))
		return
	}
	f.button.Disable()
	admin := strings.TrimSpace(f.admin.Text)
	if admin == "" {
		admin = "postgres" // what the field shows when empty
	}
	server := model.ServerLogin(p.st.Server, admin, f.adminPassword.Text)
	go func() {
		pw, err := p.link.AddCaseworker(server, initials, name, lead, recipient)
		p.win.do(func() { p.added(initials, pw, err) })
	}()
}

func (p *kontorPart) added(initials, password string, err error) {
	p.add.button.Enable()
	if err != nil {
		p.rosterNote.SetText(officeErrText(err, p.st.Server))
		return
	}
	for _, e := range []*widget.Entry{p.add.initials, p.add.name, p.add.recipient} {
		e.SetText("")
	}
	p.add.lead.SetChecked(false)
	p.win.showCopyable(fmt.Sprintf(lang.L("kontor.add.password"), initials), password)
	p.loadRoster()
}

// syncStamp is a time the office's own clock recorded (a caseworker's
// last sync), said as it is: "kl. 10.42 7-12". It is never set against this
// laptop's clock — no "today", no "minutes ago" — so a laptop whose clock is
// wrong shows the same as every other; "aldrig" for none.
func syncStamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return lang.L("officebar.never")
	}
	t = t.In(loc)
	return fmt.Sprintf(lang.L("office.stamp"), t.Format("15.04"), t.Format("2-1"))
}
