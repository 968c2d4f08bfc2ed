package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jobspor/model"
	"jobspor/model/store"
)

// fileHolds says whether the SQLite file at path (or its -wal) holds secret.
func fileHolds(t *testing.T, path, secret string) bool {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) {
			return true
		}
	}
	return false
}

// shownPassword is the text of the entry in the window's top dialog (the
// password shown once to hand over).
func shownPassword(t *testing.T, u *UI) string {
	t.Helper()
	d := u.topDialog()
	if d == nil {
		t.Fatal("no password shown")
	}
	for _, o := range test.LaidOutObjects(d) {
		if e, ok := o.(*widget.Entry); ok && e.Text != "" {
			return e.Text
		}
	}
	t.Fatal("the dialog shows no password")
	return ""
}

// On a server that checks passwords: the lead sets up the office from
// Kontor (her own login's password made and kept on her laptop) and adds
// a colleague there as the server's administrator; the colleague types the
// address, her initials and the password from her lead into Kontor. A
// wrong password is said in Danish (not the server's text, not "cannot be
// reached"); the right one joins, and neither her database, its -wal nor a
// restored backup of it holds the password.
func TestJoiningFromKontorWithThePasswordFromTheLead(t *testing.T) {
	officeTimers(t)
	server := passwordServer(t)
	address := model.ServerAddress(server)

	le := newOfficeLaptop(t)
	k := le.kontor(t)
	test.Type(k.server, server)
	test.Type(k.initials, "LE")
	test.Type(k.name, "Lene Eriksen")
	test.Tap(k.create)
	waitFor(t, "the office made and joined", func() bool { return k.cancel == nil })
	if k.joinedText == nil {
		t.Fatalf("the lead could not join with her kept password: %q", k.message.Text)
	}
	waitFor(t, "the roster", func() bool { return k.add.box.Visible() })
	if k.add.admin.Text != "postgres" || !k.add.adminPassword.Password {
		t.Fatalf("the add form's administrator is %q (password entry: %v)", k.add.admin.Text, k.add.adminPassword.Password)
	}
	al := newOfficeLaptop(t)
	key, _ := al.office.Recipient()
	test.Type(k.add.initials, "AL")
	test.Type(k.add.name, "Anna Larsen")
	test.Type(k.add.recipient, key)
	test.Tap(k.add.button)
	waitFor(t, "AL on the roster", func() bool { return strings.Contains(labels(k.roster), "AL  Anna Larsen") })
	password := shownPassword(t, le.ui)

	a := al.kontor(t)
	if !a.password.Password {
		t.Fatal("Adgangskode is not a password entry")
	}
	test.Type(a.server, address)
	test.Type(a.initials, "al")
	test.Type(a.password, password+"x")
	test.Tap(a.connect)
	waitFor(t, "the refused join", func() bool { return a.cancel == nil })
	msg := a.message.Text
	if !strings.Contains(msg, "Kontoret afviste adgangskoden for AL") || strings.Contains(msg, "SQLSTATE") ||
		strings.Contains(msg, "password authentication") || strings.Contains(msg, "kan ikke nås") {
		t.Fatalf("a wrong password says %q", msg)
	}
	if st, _ := al.office.Status(); st.Configured {
		t.Fatal("after a wrong password the laptop counts itself in the office")
	}
	a.password.SetText("")
	test.Type(a.password, password)
	test.Tap(a.connect)
	waitFor(t, "the join", func() bool { return a.cancel == nil })
	if a.joinedText == nil || !strings.Contains(a.joinedText.Text, "Forbundet til "+address+" som AL") {
		t.Fatalf("after the join Kontor says %q (message %q)", textOf(a.joinedText), a.message.Text)
	}
	for _, l := range []*officeLaptop{al, le} {
		if fileHolds(t, l.store.Path(), password) {
			t.Fatal("a laptop's database holds AL's password")
		}
	}
	if err := al.store.SetBackupPassphrase("sætning til backup"); err != nil {
		t.Fatal(err)
	}
	info, err := al.store.Backup(t.TempDir(), 2)
	if err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	if _, err := store.Restore(info.Path, restored, "sætning til backup"); err != nil {
		t.Fatal(err)
	}
	if fileHolds(t, restored, password) {
		t.Fatal("a backup of AL's database holds her password")
	}
	if st, err := al.office.Sync(); err != nil || !st.Reachable {
		t.Fatalf("AL's next sync with the kept password: %+v %v", st, err)
	}
}
