package model

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// CalendarEvent is one appointment exported to iCalendar.
type CalendarEvent struct {
	UID         string
	Start, End  time.Time // wall-clock time in Denmark
	Summary     string
	Description string
	Location    string
}

// copenhagen is the VTIMEZONE for Danish time (CET/CEST, EU rules), so
// Outlook places the appointments right whatever the PC's zone.
const copenhagen = "BEGIN:VTIMEZONE\nTZID:Europe/Copenhagen\nBEGIN:DAYLIGHT\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n" +
	"TZNAME:CEST\nDTSTART:19700329T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\nBEGIN:STANDARD\n" +
	"TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nDTSTART:19701025T030000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\n" +
	"END:STANDARD\nEND:VTIMEZONE"

// WriteICS writes events as an iCalendar file (RFC 5545): CRLF line ends,
// lines folded at 75 octets without splitting a character, text escaped.
func WriteICS(w io.Writer, events []CalendarEvent, stamp time.Time) error {
	bw := bufio.NewWriter(w)
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Jobspor//Jobspor//DA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"}
	lines = append(lines, strings.Split(copenhagen, "\n")...)
	for _, e := range events {
		lines = append(lines, "BEGIN:VEVENT", "UID:"+e.UID, "DTSTAMP:"+stamp.UTC().Format("20060102T150405Z"),
			"DTSTART;TZID=Europe/Copenhagen:"+e.Start.Format("20060102T150405"),
			"DTEND;TZID=Europe/Copenhagen:"+e.End.Format("20060102T150405"),
			"SUMMARY:"+icsEscape(e.Summary))
		if e.Description != "" {
			lines = append(lines, "DESCRIPTION:"+icsEscape(e.Description))
		}
		if e.Location != "" {
			lines = append(lines, "LOCATION:"+icsEscape(e.Location))
		}
		lines = append(lines, "END:VEVENT")
	}
	lines = append(lines, "END:VCALENDAR")
	for _, l := range lines {
		if _, err := bw.WriteString(icsFold(l)); err != nil {
			return fmt.Errorf("write calendar: %w", err)
		}
	}
	return bw.Flush()
}

func icsEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`).Replace(s)
}

// icsFold ends a content line with CRLF, folding it into lines of at most
// 75 octets (continuations start with a space).
func icsFold(line string) string {
	var b strings.Builder
	width := 0
	for _, r := range line {
		n := utf8.RuneLen(r)
		if width+n > 75 {
			b.WriteString("\r\n ")
			width = 1
		}
		b.WriteRune(r)
		width += n
	}
	b.WriteString("\r\n")
	return b.String()
}

// CalendarFor makes calendar events of conversations.
func CalendarFor(convs []TodayConversation) []CalendarEvent {
	out := make([]CalendarEvent, 0, len(convs))
	for _, c := range convs {
		desc := formWords[c.Form]
		if c.Phone != "" {
			desc += ", telefon " + c.Phone
		}
		out = append(out, CalendarEvent{UID: fmt.Sprintf("samtale-%d@jobspor", c.ID), Start: c.Start, End: c.End,
			Summary: kindWords[c.Kind] + ": " + c.Name, Description: desc})
	}
	return out
}

// CallList is tomorrow's appointments as plain text to copy or print:
// time, name and phone, one per line.
func CallList(day time.Time, convs []TodayConversation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Opkaldsliste – samtaler %s\n\n", DanishDate(day))
	for _, c := range convs {
		if c.Attendance != AttendancePlanned {
			continue
		}
		phone := c.Phone
		if phone == "" {
			phone = "(intet telefonnummer)"
		}
		fmt.Fprintf(&b, "%s  %-40s  %s\n", c.Start.Format("15:04"), c.Name, phone)
	}
	return b.String()
}
