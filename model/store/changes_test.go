package store

import (
	"reflect"
	"testing"
	"time"

	"jobspor/model"
)

// TestChangesSinceNamesTheCitizen: a change to one citizen's conversation
// names that citizen; the catch-up names its setting; a change to the
// calendar (another table) is "anything"; a generation too old is too.
func TestChangesSinceNamesTheCitizen(t *testing.T) {
	s, _, now := keptFixture(t)
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	must(t, err)
	id := rows[3].ID
	gen := s.Generation()
	conv := &model.Conversation{CitizenID: id, Start: now, End: now.Add(time.Hour), Kind: model.KindJob, Form: model.FormPhone, Attendance: model.AttendancePlanned}
	must(t, s.PlanConversation(conv))
	must(t, s.SetAttendance(conv.ID, model.AttendanceHeld))
	if got := s.ChangesSince(gen); !reflect.DeepEqual(got, model.Changes{Citizens: []int64{id}}) {
		t.Errorf("after a conversation: %+v, want citizen %d alone", got, id)
	}
	gen = s.Generation()
	must(t, s.SaveCatchUp(now))
	if got := s.ChangesSince(gen); !reflect.DeepEqual(got, model.Changes{Settings: []string{model.SettingCatchUp}}) {
		t.Errorf("after the catch-up: %+v", got)
	}
	if got := s.ChangesSince(s.Generation()); !reflect.DeepEqual(got, model.Changes{}) {
		t.Errorf("nothing changed: %+v", got)
	}
	gen = s.Generation()
	must(t, s.SaveCaseworker(&model.Caseworker{Initials: "ZZ", Name: "Zenia Z"}))
	if got := s.ChangesSince(gen); !got.Anything {
		t.Errorf("after a new caseworker: %+v, want anything", got)
	}
	if got := s.ChangesSince(0); !got.Anything {
		t.Errorf("since the start: %+v, want anything", got)
	}
}

// In an office every change also writes the outbox and the sync
// bookkeeping: a conversation still names its citizen alone, so Today
// re-reads one citizen, not the whole office.
func TestChangesInAnOfficeStillNameTheCitizen(t *testing.T) {
	s, _, now := keptFixture(t)
	must(t, s.JoinOffice("host=/nonexistent port=1 user=x dbname=y sslmode=disable", "AB", s.NewGid()))
	rows, err := s.ListCitizens(model.CitizenFilter{AnyTrack: true})
	must(t, err)
	id := rows[2].ID
	gen := s.Generation()
	conv := &model.Conversation{CitizenID: id, Start: now, End: now.Add(time.Hour), Kind: model.KindJob, Form: model.FormPhone, Attendance: model.AttendancePlanned}
	must(t, s.PlanConversation(conv))
	must(t, s.SetAttendance(conv.ID, model.AttendanceHeld))
	if got := s.ChangesSince(gen); !reflect.DeepEqual(got, model.Changes{Citizens: []int64{id}}) {
		t.Errorf("after a conversation in an office: %+v, want citizen %d alone", got, id)
	}
	if st, err := s.OfficeStatus(); err != nil || st.Pending == 0 {
		t.Fatalf("the change did not wait in the outbox: %+v %v", st, err)
	}
}
