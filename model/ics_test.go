package model

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// parseICS unfolds and splits an iCalendar file into its events' properties.
func parseICS(t *testing.T, raw string) []map[string]string {
	t.Helper()
	if !strings.HasSuffix(raw, "\r\n") || strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") {
		t.Fatal("lines must end with CRLF and only CRLF")
	}
	for _, l := range strings.Split(raw, "\r\n") {
		if len(l) > 75 {
			t.Fatalf("line of %d octets: %q", len(l), l)
		}
	}
	unfolded := strings.ReplaceAll(raw, "\r\n ", "")
	var events []map[string]string
	var cur map[string]string
	for _, l := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		switch {
		case l == "BEGIN:VEVENT":
			cur = map[string]string{}
		case l == "END:VEVENT":
			events = append(events, cur)
			cur = nil
		case cur != nil:
			k, v, _ := strings.Cut(l, ":")
			cur[k] = strings.NewReplacer(`\,`, ",", `\;`, ";", `\n`, "\n", `\\`, `\`).Replace(v)
		}
	}
	return events
}

func TestICSIsValidAndParsesBack(t *testing.T) {
	start := time.Date(2026, 7, 6, 9, 30, 0, 0, time.Local) // summer time
	long := "Jobsamtale: Anne-Sofie Kirstine Østergaard Bækgaard-Frølund, Søndergaard; Ærenlund Mølgaard"
	events := []CalendarEvent{
		{UID: "samtale-1@jobspor", Start: start, End: start.Add(45 * time.Minute), Summary: long, Description: "fremmøde, telefon 20 30 40 50\nMed tolk"},
		{UID: "samtale-2@jobspor", Start: start.AddDate(0, 5, 0), End: start.AddDate(0, 5, 0).Add(time.Hour), Summary: "Opfølgning: Åse Ø"},
	}
	var buf bytes.Buffer
	if err := WriteICS(&buf, events, time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "TZID:Europe/Copenhagen\r\n", "END:VCALENDAR\r\n"} {
		if !strings.Contains(raw, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
	got := parseICS(t, raw)
	if len(got) != 2 {
		t.Fatalf("%d events parsed, want 2", len(got))
	}
	if got[0]["SUMMARY"] != long || got[0]["DESCRIPTION"] != "fremmøde, telefon 20 30 40 50\nMed tolk" {
		t.Errorf("text did not survive escaping and folding: %q / %q", got[0]["SUMMARY"], got[0]["DESCRIPTION"])
	}
	if got[0]["DTSTART;TZID=Europe/Copenhagen"] != "20260706T093000" || got[1]["DTSTART;TZID=Europe/Copenhagen"] != "20261206T093000" {
		t.Errorf("wall-clock times in Danish time: %v / %v", got[0], got[1])
	}
	if got[1]["UID"] != "samtale-2@jobspor" || got[1]["SUMMARY"] != "Opfølgning: Åse Ø" {
		t.Errorf("second event: %v", got[1])
	}
}

func TestFoldingNeverSplitsACharacter(t *testing.T) {
	line := "SUMMARY:" + strings.Repeat("æøå", 40)
	for _, part := range strings.Split(icsFold(line), "\r\n") {
		if !strings.HasPrefix(part, " ") && part != "" && !strings.HasPrefix(part, "SUMMARY") {
			t.Fatalf("continuation without leading space: %q", part)
		}
		if !utf8Valid(part) {
			t.Fatalf("a folded line splits a character: %q", part)
		}
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
