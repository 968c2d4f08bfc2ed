package ui

import (
	"path/filepath"
	"testing"
	"time"

	"jobspor/model/store"
	"jobspor/model/store/office"
)

// The cluster serves an office a lead can make and join (it proves the
// harness the office's window tests stand on).
func TestAnOfficeCanBeMadeForTheWindowTests(t *testing.T) {
	server := officeServer(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "le.db"))
	if err != nil {
		t.Fatal(err)
	}
	v := &office.Service{Store: s, IdentityPath: filepath.Join(t.TempDir(), "id.txt"), ConnectTimeout: 5 * time.Second}
	defer v.Close()
	if _, err := v.Init(server, "LE", "Lene Eriksen"); err != nil {
		t.Fatalf("init: %v", err)
	}
	st, err := v.Join(server, "LE")
	if err != nil {
		t.Fatalf("join: %v", err)
	}
	if !st.Configured || st.Initials != "LE" {
		t.Fatalf("after init the lead's laptop says %+v", st)
	}
}
