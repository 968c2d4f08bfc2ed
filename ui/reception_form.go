package ui

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jobspor/assets"
	"jobspor/model"
)

// receptionStore is what receptionForm asks of the database.
type receptionStore interface {
	rulesStore
	ReceptionPlan(def *model.ReceptionPlan) (*model.ReceptionPlan, error)
	Calendar() (*model.WorkCalendar, error)
	Reception(p *model.ReceptionPlan, cal *model.WorkCalendar, c *model.Citizen) ([]model.DatedStep, error)
	AddNotice(citizenID int64, direction, text string) error
	BenefitCase(citizenID int64) (model.BenefitCase, error)
	DueConversations(r *model.RuleSet, c *model.Citizen) ([]model.Due, error)
	SaveBenefitCase(b *model.BenefitCase, checklistLen int) error
	SetReferred(citizenID int64, referred bool) error
	TickReception(citizenID int64, stepID string, done bool) error
	YouthFlag(citizenID int64) (model.YouthRow, bool, error)
}

// receptionShell is what receptionForm asks of the window.
type receptionShell interface {
	changed(ids ...int64)
	handoutMaker() Handouts
	notify(text string)
	now() time.Time
	officeKind() model.OfficeKind
	showError(err error)
	texts() *model.Content
}

// receptionForm is the citizen's first weeks: the dated reception plan, the
// benefit office in step, the conversations the rules require, the youth flag.
type receptionForm struct {
	shell receptionShell
	s     *citizenScreen
	store receptionStore
	steps []model.DatedStep
	// checks are the plan's tick boxes, by step ID (for tests).
	checks map[string]*checkBox

	intends, started, settled *formEntry
	// meetingDay, meetingClock and meetingPlace are the benefit meeting.
	meetingDay, meetingClock, meetingPlace *formEntry
	docs                                   []*checkBox
	saveCase                               *widget.Button
	caseState                              *saveState
	planBox, youthBox                      *fyne.Container
	noticeText                             *formEntry
	noticeDir                              *widget.RadioGroup
}

func (s *citizenScreen) buildReception() fyne.CanvasObject {
	f := &receptionForm{shell: s.shell, s: s, store: s.store, checks: map[string]*checkBox{}}
	s.reception = f
	f.planBox, f.youthBox = container.NewVBox(), container.NewVBox()
	f.showPlanAndYouth()
	body := container.NewVBox(heading(lang.L("reception.title")), f.planBox, widget.NewSeparator(),
		heading(lang.L("rules.title")), f.buildDue(), widget.NewSeparator(),
		heading(lang.L("benefit.title")), f.buildBenefit(), widget.NewSeparator(), f.youthBox)
	return container.NewVScroll(container.NewPadded(body))
}

// showPlanAndYouth draws the plan and the youth flag again after a tick or
// a referral; the benefit case below keeps what is typed.
func (f *receptionForm) showPlanAndYouth() {
	f.checks = map[string]*checkBox{}
	f.planBox.Objects = []fyne.CanvasObject{f.buildPlan()}
	f.youthBox.Objects = []fyne.CanvasObject{f.buildYouth()}
	f.planBox.Refresh()
	f.youthBox.Refresh()
}

func (f *receptionForm) buildPlan() fyne.CanvasObject {
	u := f.shell
	plan, err := f.store.ReceptionPlan(u.texts().Reception)
	if err != nil {
		return lowLabel(errText(err))
	}
	cal, err := f.store.Calendar()
	if err == nil {
		f.steps, err = f.store.Reception(plan, cal, f.s.citizen)
	}
	if err != nil {
		return lowLabel(errText(err))
	}
	box := container.NewVBox(f.variantPicker(plan))
	for _, st := range f.steps {
		box.Add(f.stepRow(st))
	}
	return box
}

func (f *receptionForm) stepRow(st model.DatedStep) fyne.CanvasObject {
	id := st.ID
	check := newCheck("", func(done bool) { f.onTick(id, done) })
	check.Checked = st.Done
	f.checks[id] = check
	when := shortDate(st.FromDate)
	if !st.ToDate.Equal(st.FromDate) {
		when += " – " + shortDate(st.ToDate)
	}
	days := fmt.Sprintf(lang.L("reception.days"), st.From, st.To)
	if st.From == st.To {
		days = fmt.Sprintf(lang.L("reception.day"), st.From)
	}
	title := widget.NewLabel(fmt.Sprintf(lang.L("reception.step"), when, days, st.Title))
	title.TextStyle.Bold = true
	title.Wrapping = fyne.TextWrapWord
	if st.Overdue(f.shell.now()) {
		title.Importance = widget.DangerImportance
		title.SetText(title.Text + "  – " + lang.L("reception.overdue"))
	}
	detail := lowLabel(st.Detail)
	if st.Done {
		detail.SetText(st.Detail + "  " + fmt.Sprintf(lang.L("action.donemeta"), shortDate(st.DoneOn), st.By))
	}
	return container.NewBorder(nil, nil, container.NewVBox(check), nil, container.NewVBox(title, detail))
}

func (f *receptionForm) onTick(stepID string, done bool) {
	if err := f.store.TickReception(f.s.citizen.ID, stepID, done); err != nil {
		f.shell.showError(err)
	}
	f.shell.changed(f.s.citizen.ID)
	f.showPlanAndYouth()
}

func (f *receptionForm) buildDue() fyne.CanvasObject {
	due, err := f.store.DueConversations(f.shell.texts().Rules, f.s.citizen)
	if err != nil {
		return lowLabel(errText(err))
	}
	box := container.NewVBox(f.ruleText())
	if len(due) == 0 {
		return box
	}
	for _, d := range due {
		l := widget.NewLabel(fmt.Sprintf(lang.L("rules.line"), d.Label, d.Had, d.Count, shortDate(d.By)))
		switch { // the colour says it again in a word
		case d.Met:
			l.Importance = widget.SuccessImportance
			l.Text += "  – " + lang.L("rules.met")
		case d.By.Before(f.shell.now()):
			l.Importance = widget.DangerImportance
			l.Text += "  – " + lang.L("reception.overdue")
		}
		box.Add(container.NewVBox(l, lowLabel(d.Paragraph)))
	}
	box.Add(f.exemptionBox())
	return box
}

func (f *receptionForm) buildBenefit() fyne.CanvasObject {
	b, err := f.store.BenefitCase(f.s.citizen.ID)
	if err != nil {
		return lowLabel(errText(err))
	}
	f.intends, f.started, f.settled = dateEntry(b.IntendsOn), dateEntry(b.StartedOn), dateEntry(b.SettledOn)
	f.buildMeeting(b)
	docs := container.NewVBox()
	for i, d := range checklistDocuments() {
		c := newCheck(d, nil)
		c.Checked = containsInt(b.Documents, i)
		f.docs = append(f.docs, c)
		docs.Add(c)
	}
	f.saveCase = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSaveCase)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("benefit.intends"), f.intends),
		widget.NewFormItem(lang.L("benefit.started"), f.started),
		widget.NewFormItem(lang.L("benefit.settled"), f.settled),
		&widget.FormItem{Text: lang.L("benefit.meeting"), Widget: container.NewGridWithColumns(2, f.meetingDay, f.meetingClock),
			HintText: lang.L("benefit.meetinghint")},
		widget.NewFormItem(lang.L("benefit.place"), f.meetingPlace),
		widget.NewFormItem(lang.L("benefit.documents"), docs))
	f.caseState = newSaveState(func() string {
		docs := make([]string, len(f.docs))
		for i, c := range f.docs {
			docs[i] = boolText(c.Checked)
		}
		return joinFields(append([]string{f.intends.Text, f.started.Text, f.settled.Text, f.meetingDay.Text,
			f.meetingClock.Text, f.meetingPlace.Text}, docs...)...)
	})
	f.caseState.reset()
	watch(f.caseState.changed, f.intends, f.started, f.settled, f.meetingDay, f.meetingClock, f.meetingPlace)
	for _, c := range f.docs {
		watch(f.caseState.changed, c)
	}
	f.s.addForm(formSaver{f.caseState, f.writeCase})
	return container.NewVBox(form, f.caseState.withButton(f.saveCase), f.buildNotice())
}

// buildMeeting makes the benefit meeting's fields; a new meeting's place is
// the office's default from Indstillinger.
func (f *receptionForm) buildMeeting(b model.BenefitCase) {
	f.meetingDay, f.meetingClock, f.meetingPlace = dateEntry(b.MeetingAt), newFormEntry(), newFormEntry()
	f.meetingClock.SetPlaceHolder(lang.L("benefit.clockph"))
	if !b.MeetingAt.IsZero() && (b.MeetingAt.Hour() != 0 || b.MeetingAt.Minute() != 0) {
		f.meetingClock.SetText(b.MeetingAt.Format("15:04"))
	}
	f.meetingPlace.SetText(b.MeetingPlace)
	if b.MeetingPlace == "" && f.shell.handoutMaker() != nil {
		f.meetingPlace.SetText(f.shell.handoutMaker().DefaultBenefitPlace())
	}
}

// meeting reads the meeting's day and clock (empty: none booked).
func (f *receptionForm) meeting() (time.Time, error) {
	d, err := optionalDate(f.meetingDay)
	if err != nil || d.IsZero() {
		return time.Time{}, err
	}
	h, m := 0, 0
	if strings.TrimSpace(f.meetingClock.Text) != "" {
		if h, m, err = model.ParseClock(f.meetingClock.Text); err != nil {
			return time.Time{}, err
		}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, time.Local), nil
}

func (f *receptionForm) buildNotice() fyne.CanvasObject {
	f.noticeText = newFormEntry()
	f.noticeText.SetPlaceHolder(lang.L("benefit.noticeph"))
	f.noticeDir = widget.NewRadioGroup([]string{lang.L("notice.to_benefit"), lang.L("notice.from_benefit")}, nil)
	f.noticeDir.Horizontal = true
	f.noticeDir.SetSelected(lang.L("notice.to_benefit"))
	send := widget.NewButtonWithIcon(lang.L("benefit.send"), theme.MailSendIcon(), f.onSendNotice)
	f.s.addForm(pendingInput{typed: func() string { return typedIn(f.noticeText) }, add: f.sendNotice,
		clear: func() { f.noticeText.SetText("") }})
	return container.NewVBox(container.NewBorder(nil, nil, nil, send, f.noticeText), f.noticeDir)
}

func (f *receptionForm) onSaveCase() {
	if err := f.writeCase(); err != nil {
		f.shell.showError(err)
		return
	}
	f.caseState.reset()
	f.shell.notify(lang.L("saved"))
}

// writeCase stores the benefit case.
func (f *receptionForm) writeCase() error {
	b := model.BenefitCase{CitizenID: f.s.citizen.ID}
	err := readDates(map[*formEntry]*time.Time{f.intends: &b.IntendsOn, f.started: &b.StartedOn, f.settled: &b.SettledOn})
	if err == nil {
		b.MeetingAt, err = f.meeting()
	}
	b.MeetingPlace = f.meetingPlace.Text
	for i, c := range f.docs {
		if c.Checked {
			b.Documents = append(b.Documents, i)
		}
	}
	if err == nil {
		err = f.store.SaveBenefitCase(&b, len(f.docs))
	}
	return err
}

func (f *receptionForm) onSendNotice() {
	if err := f.sendNotice(); err != nil {
		f.shell.showError(err)
		return
	}
	f.shell.notify(lang.L("benefit.sent"))
}

// sendNotice stores the message typed to (or from) the benefit office.
func (f *receptionForm) sendNotice() error {
	dir := "to_benefit"
	if f.noticeDir.Selected == lang.L("notice.from_benefit") {
		dir = "from_benefit"
	}
	if err := f.store.AddNotice(f.s.citizen.ID, dir, f.noticeText.Text); err != nil {
		return err
	}
	f.noticeText.SetText("")
	return nil
}

func (f *receptionForm) buildYouth() fyne.CanvasObject {
	y, ok, err := f.store.YouthFlag(f.s.citizen.ID)
	if err != nil || !ok {
		return container.NewVBox()
	}
	age, _ := f.s.citizen.AgeOn(f.shell.now())
	text := fmt.Sprintf(lang.L("youth.flagged"), lang.L("youth.kind."+string(model.YouthKindAt(age))), shortDate(y.FlaggedOn))
	if !y.ReferredOn.IsZero() {
		return widget.NewLabel(text + " " + fmt.Sprintf(lang.L("youth.referred"), shortDate(y.ReferredOn)))
	}
	refer := widget.NewButtonWithIcon(lang.L("today.refer"), theme.MailSendIcon(), func() {
		if err := f.store.SetReferred(f.s.citizen.ID, true); err != nil {
			f.shell.showError(err)
		}
		f.showPlanAndYouth()
	})
	l := widget.NewLabel(text)
	l.Importance = widget.WarningImportance
	return container.NewBorder(nil, nil, nil, refer, l)
}

// checklistDocuments are the six documents of the ydelse checklist, from
// the handout's own texts so the window and the paper say the same.
func checklistDocuments() []string {
	var t struct {
		Documents []string `json:"documents"`
	}
	data, _ := assets.Handouts.ReadFile("handouts/ydelse.json")
	json.Unmarshal(data, &t)
	return t.Documents
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
