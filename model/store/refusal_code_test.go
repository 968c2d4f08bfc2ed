package store

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobspor/model"
	"jobspor/model/testutil"
)

// refusedCase pushes a citizen and one of her conversations, and records
// the office's refusal of both: the citizen's with code and text as given,
// the conversation's as a plain refusal (row-level security). It returns
// the citizen's gid.
func refusedCase(t *testing.T, s *Store, name, cpr, code, text string) string {
	t.Helper()
	c := makeCitizen(t, s, func(c *model.Citizen) { c.Name, c.CPR = name, model.CPR(cpr) })
	cv := testutil.Conversation(c.ID, time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), 30,
		func(cv *model.Conversation) { cv.Notes = "Samtale med " + name })
	must(t, s.PlanConversation(cv))
	var results []OpResult
	gid := ""
	for _, op := range outboxOps(t, s) {
		r := OpResult{OpID: op.ID, Table: op.Table, Gid: op.Gid, Citizen: op.Citizen, Outcome: "rejected"}
		k := Conflict{OpID: op.ID, Citizen: op.Citizen, Table: op.Table, Record: op.Gid, Field: "*", Outcome: "rejected",
			Mine: "{...}", Theirs: "new row violates row-level security policy for table \"" + op.Table + "\"", Author: "AB"}
		if op.Table == "citizens" {
			gid = op.Gid
			k.Code, k.Theirs, k.Mine = code, text, name
		}
		r.Conflicts = []Conflict{k}
		results = append(results, r)
	}
	must(t, s.AckPush(results))
	if gid == "" {
		t.Fatal("no citizen op in the outbox")
	}
	return gid
}

// The office refuses a citizen it already has (the same CPR number), and
// each of her records. A caseworker is asked one question for the case
// because the refusal carries the code cpr_taken, whatever its text says:
// here the server's message is worded without the index's name (a newer or
// translated PostgreSQL), and it is still one question, counted once in the
// header. A refusal whose text names the index but carries no code is
// asked about on its own: the text is for the person, never read to group.
func TestARefusalIsOneQuestionByItsCodeWhateverItsText(t *testing.T) {
	s := joinedStore(t)
	reworded := "Borgeren findes allerede på kontoret (samme CPR-nummer)"
	karen := refusedCase(t, s, "Karen Holm", "0303551234", RefusedCPRTaken, reworded)
	textOnly := refusedCase(t, s, "Ole Bak", "0404561234", "",
		`duplicate key value violates unique constraint "citizens_cpr_mac"`)

	qs, err := s.Conflicts()
	must(t, err)
	var questions []string
	for _, q := range qs {
		questions = append(questions, q.OpID)
	}
	if len(qs) != 3 {
		t.Fatalf("asked %d questions (%v), want Karen Holm's case as one and Ole Bak's two refusals", len(qs), questions)
	}
	if qs[0].OpID != CaseRefusedPrefix+karen || len(qs[0].Members) != 2 || qs[0].CitizenName != "Karen Holm" {
		t.Fatalf("the first question is %s for %q with %d refusals, want Karen Holm's case with both",
			qs[0].OpID, qs[0].CitizenName, len(qs[0].Members))
	}
	if qs[0].Theirs != reworded || qs[0].Members[0].Code != RefusedCPRTaken {
		t.Errorf("the question shows %q (code %q), want the office's own words kept", qs[0].Theirs, qs[0].Members[0].Code)
	}
	for _, q := range qs[1:] {
		if strings.HasPrefix(q.OpID, CaseRefusedPrefix) || q.Citizen != textOnly {
			t.Errorf("a refusal known by its text alone was grouped: %s (%s)", q.OpID, q.Citizen)
		}
	}
	st, err := s.OfficeStatus()
	if err != nil || st.Conflicts != 3 {
		t.Fatalf("the header counts %d questions (%v), want 3", st.Conflicts, err)
	}
}

// A pull replaces the office's open conflicts with those it sends. An
// office one schema older than this Jobspor (N-1) keeps no code: the code
// this laptop was given when it pushed stays, and the case stays one
// question.
func TestAPullFromAnOfficeWithoutCodesKeepsTheOneQuestion(t *testing.T) {
	s := joinedStore(t)
	karen := refusedCase(t, s, "Karen Holm", "0303551234", RefusedCPRTaken, "Borgeren findes allerede på kontoret")
	open, err := s.openConflicts()
	must(t, err)
	for i := range open {
		open[i].Code, open[i].CitizenID, open[i].CitizenName = "", 0, "" // as such an office sends them
	}
	must(t, s.ApplyPull(PullBatch{Conflicts: open}, s.Now()))
	qs, err := s.Conflicts()
	must(t, err)
	if len(qs) != 1 || qs[0].OpID != CaseRefusedPrefix+karen || len(qs[0].Members) != 2 {
		t.Fatalf("after the pull %d questions (%+v), want Karen Holm's case as one", len(qs), qs)
	}
}

// A laptop updated while it holds refusals from before the code existed
// (text only: the server's message naming the CPR number's index) keeps its
// one question: migration 0020 gives those refusals the code from their
// text, once; other refusals get none.
func TestTheMigrationGivesOldRefusalsTheirCode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jobspor.db")
	must(t, prepareFile(path, false))
	db, err := sql.Open("sqlite", dsn(path))
	must(t, err)
	db.SetMaxOpenConns(1)
	old := &Store{db: db, path: path}
	names := migrationNames()
	at := -1
	for i, n := range names {
		if n == "0020_refusal_code.sql" {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("no migration 0020_refusal_code.sql")
	}
	for i := 0; i < at; i++ {
		_, err := old.migrateOne(names[:i+1])
		must(t, err)
	}
	gid := "01900000-0000-7000-8000-000000000001"
	for _, r := range [][]string{
		{"op-1", gid, "citizens", `duplicate key value violates unique constraint "citizens_cpr_mac"`},
		{"op-2", gid, "conversations", `new row violates row-level security policy for table "conversations"`},
		{"op-3", gid, "conversations", `new row violates row-level security policy for table "conversations"`},
		{"op-4", "01900000-0000-7000-8000-000000000002", "citizens", `new row violates row-level security policy for table "citizens"`},
	} {
		_, err := db.Exec(`INSERT INTO sync_conflict (op_id, citizen_gid, tbl, record_gid, field, outcome, mine, theirs, author)
			VALUES (?, ?, ?, ?, '*', 'rejected', '{}', ?, 'AB')`, r[0], r[1], r[2], r[1], r[3])
		must(t, err)
	}
	must(t, db.Close())

	s, err := Open(path)
	must(t, err)
	t.Cleanup(func() { s.Close() })
	codes := map[string]string{}
	rows, err := s.db.Query(`SELECT op_id, code FROM sync_conflict`)
	must(t, err)
	for rows.Next() {
		var id, code string
		must(t, rows.Scan(&id, &code))
		codes[id] = code
	}
	must(t, rows.Err())
	rows.Close()
	want := map[string]string{"op-1": RefusedCPRTaken, "op-2": "", "op-3": "", "op-4": ""}
	for id, code := range want {
		if codes[id] != code {
			t.Errorf("after the migration %s has code %q, want %q", id, codes[id], code)
		}
	}
	qs, err := s.Conflicts()
	must(t, err)
	if len(qs) != 2 || qs[0].OpID != CaseRefusedPrefix+gid || len(qs[0].Members) != 3 {
		t.Fatalf("after the migration %d questions (%+v), want the case as one and the other refusal", len(qs), qs)
	}
}

// OfficeJoined is the laptop's one flag for "in an office", as
// OfficeStatus's Configured says it: false before a join, true after it,
// false again once an unfinished join is abandoned.
func TestOfficeJoinedFollowsTheJoin(t *testing.T) {
	s := newTestStore(t)
	check := func(when string, want bool) {
		t.Helper()
		in, err := s.OfficeJoined()
		must(t, err)
		st, err := s.OfficeStatus()
		must(t, err)
		if in != want || st.Configured != want {
			t.Errorf("%s: OfficeJoined %v, OfficeStatus.Configured %v, want %v", when, in, st.Configured, want)
		}
	}
	check("before a join", false)
	must(t, s.JoinOffice("postgres://kontor", "ab", "device-1"))
	check("after the join", true)
	must(t, s.AbandonJoin())
	check("after the join was abandoned", false)
}
