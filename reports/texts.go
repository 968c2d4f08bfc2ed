package reports

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"

	"jobspor/assets"
)

// loadTexts reads one handout's texts from the embedded files, once per
// run and type: into gets a copy, sharing the read-only slices and maps.
func loadTexts(name string, into any) error {
	key := textKey{name, reflect.TypeOf(into)}
	if v, ok := textCache.Load(key); ok {
		reflect.ValueOf(into).Elem().Set(v.(reflect.Value))
		return nil
	}
	if err := readTexts(name, into); err != nil {
		return err
	}
	kept := reflect.New(key.typ.Elem()).Elem() // a copy, not the caller's variable
	kept.Set(reflect.ValueOf(into).Elem())
	textCache.Store(key, kept)
	return nil
}

type textKey struct {
	name string
	typ  reflect.Type
}

var textCache sync.Map // textKey -> reflect.Value of the decoded texts

func readTexts(name string, into any) error {
	data, err := assets.Handouts.ReadFile("handouts/" + name + ".json")
	if err != nil {
		return fmt.Errorf("read handout texts %s: %w", name, err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		return fmt.Errorf("parse handout texts %s: %w", name, err)
	}
	return nil
}

// commonTexts is the wording every document shares (assets/handouts/common.json).
type commonTexts struct {
	Phone    string            `json:"phone"`
	Hours    string            `json:"hours"`
	PageOf   string            `json:"page_of"`
	Page     string            `json:"page"`
	Weekdays map[string]string `json:"weekdays"`
}

// attendanceTexts is the attendance report's wording (attendance.json).
type attendanceTexts struct {
	Title     string   `json:"title"`
	Summary   string   `json:"summary"`
	ByHour    string   `json:"by_hour"`
	ByWeekday string   `json:"by_weekday"`
	ByDay     string   `json:"by_day"`
	NextWeek  string   `json:"next_week"`
	Columns   []string `json:"columns"`
	About     string   `json:"about"`
	Printed   string   `json:"printed"`
}

// callTexts is the call list's wording (calls.json).
type callTexts struct {
	Title   string `json:"title"`
	Heading string `json:"heading"`
	Line    string `json:"line"`
	NoPhone string `json:"no_phone"`
	None    string `json:"none"`
	Printed string `json:"printed"`
}

// planLineTexts words the plan's other agreements (plan.json).
type planLineTexts struct {
	Course         string            `json:"course"`
	Education      string            `json:"education"`
	EducationStart string            `json:"education_start"`
	Company        string            `json:"company"`
	CompanyKinds   map[string]string `json:"company_kinds"`
}

// The shared wordings are read once; the files are embedded, so a broken
// one is a broken build, and the tests (which print every document) fail.
var (
	common     = mustTexts[commonTexts]("common")
	attendance = mustTexts[attendanceTexts]("attendance")
	calls      = mustTexts[callTexts]("calls")
	planLines  = mustTexts[planLineTexts]("plan")
)

func mustTexts[T any](name string) T {
	var t T
	if err := loadTexts(name, &t); err != nil {
		panic(err)
	}
	return t
}
