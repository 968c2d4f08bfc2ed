package ui

import "jobspor/model"

// How the caseworker moves between screens: the window's stack of screens
// and the actions that open each one over it.

// onCaseload shows the caseload over Today.
func (u *UI) onCaseload() {
	u.stack = u.stack[:1]
	if u.caseload.loaded {
		u.caseload.reload()
	} else {
		u.caseload.load()
	}
	u.push(u.caseload)
}

// onFind opens the caseload and puts the cursor in the search field.
func (u *UI) onFind() {
	u.onCaseload()
	u.win.Canvas().Focus(u.caseload.search)
}

// popToList drops screens down to the list the caseworker came from
// (the caseload, the job list or Today), so Escape from a citizen returns there.
func (u *UI) popToList() {
	for len(u.stack) > 1 {
		switch u.stack[len(u.stack)-1].(type) {
		case *caseloadScreen, *todayScreen, *jobListScreen:
			return
		}
		u.stack = u.stack[:len(u.stack)-1]
	}
}

// push shows s on top of the current screen.
func (u *UI) push(s screen) {
	u.stack = append(u.stack, s)
	u.track()
	u.show(s.content())
}

// back returns to the previous screen (Escape); Today is the bottom.
func (u *UI) back() {
	if len(u.stack) <= 1 {
		return
	}
	u.stack = u.stack[:len(u.stack)-1]
	top := u.stack[len(u.stack)-1]
	u.track()
	if r, ok := top.(interface{ reload() }); ok {
		r.reload()
	}
	u.show(top.content())
}

// top is the screen on top of the stack (the one shown).
func (u *UI) top() screen { return u.stack[len(u.stack)-1] }

// track remembers which screens are showing, for tests and callbacks.
func (u *UI) track() {
	u.citizen, u.conversation, u.form = nil, nil, nil
	for _, x := range u.stack {
		switch v := x.(type) {
		case *citizenScreen:
			u.citizen = v
		case *conversationScreen:
			u.conversation = v
		case *citizenForm:
			u.form = v
		}
	}
}

// onOpenCitizen opens the citizen screen over the caseload.
func (u *UI) onOpenCitizen(id int64) {
	s, err := newCitizenScreen(u, u.store, id)
	if err != nil {
		u.showError(err)
		return
	}
	u.popToList()
	u.push(s)
}

// onCitizenDeleted leaves the deleted citizen's screens for the list below.
func (u *UI) onCitizenDeleted(id int64) {
	u.changed(id)
	u.popToList()
	u.caseload.reload()
	u.show(u.stack[len(u.stack)-1].content())
	u.track()
}

// onNewCitizen opens an empty citizen form over the list.
func (u *UI) onNewCitizen() {
	f := newCitizenForm(u, u.store, nil)
	u.popToList()
	u.push(f)
	u.win.Canvas().Focus(f.name)
}

// onEditCitizen opens the citizen's form over the citizen.
func (u *UI) onEditCitizen(c *model.Citizen) {
	f := newCitizenForm(u, u.store, c)
	u.push(f)
	u.win.Canvas().Focus(f.name)
}

// onOpenConversation opens a citizen's conversation from Today; back leads
// to the citizen, then to Today.
func (u *UI) onOpenConversation(citizenID, conversationID int64) {
	u.onOpenCitizen(citizenID)
	if u.citizen != nil && u.citizen.citizen.ID == citizenID {
		u.citizen.onOpenConversation(conversationID)
	}
}

// open shows a screen just built over the current one, or says why it
// could not be built.
func (u *UI) open(s screen, err error) {
	if err != nil {
		u.showError(err)
		return
	}
	u.push(s)
}

// onAttendance opens the attendance figures.
func (u *UI) onAttendance() { u.push(newAttendanceScreen(u, u.store)) }

// onBatch opens the batch of handouts for a day.
func (u *UI) onBatch() { u.push(newBatchScreen(u, u.store)) }

// onCallList opens the call list for the next working day.
func (u *UI) onCallList() { u.open(newCallsScreen(u, u.store)) }

// onDeletion opens the list of cases due for deletion.
func (u *UI) onDeletion() { u.push(newDeletionScreen(u, u.store)) }

// onJobList opens the office's job list.
func (u *UI) onJobList() { u.open(newJobListScreen(u, u.store)) }

// onProspects opens Arbejdsmarkedsbalancen's titles by region and rating.
func (u *UI) onProspects() { u.push(newProspectsScreen(u, u.store)) }

// onSettings opens Indstillinger.
func (u *UI) onSettings() { u.open(newSettingsScreen(u, u.store)) }
