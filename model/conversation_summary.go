package model

import (
	"fmt"
	"strings"
)

// Danish words for the summary pasted into the municipality's case system.
var (
	kindWords = map[ConversationKind]string{KindFirst: "Første samtale", KindJob: "Jobsamtale",
		KindFollowup: "Opfølgning", KindJointFollowup: "Fælles opfølgning", KindCompany: "Møde med virksomhed"}
	formWords = map[ConversationForm]string{FormInPerson: "fremmøde", FormPhone: "telefon", FormVideo: "video"}
	attWords  = map[Attendance]string{AttendancePlanned: "Planlagt", AttendanceHeld: "Afholdt",
		AttendanceNoShow: "Udeblevet", AttendanceCancelled: "Afbud fra borgeren"}
)

// AttendanceWord is the Danish word for an attendance, as printed.
func AttendanceWord(a Attendance) string { return attWords[a] }

// ConversationSummary is a plain-text record of one conversation, ready to
// paste into the case system so nothing is typed twice. It names no one.
func ConversationSummary(c Conversation, done []Action, next *Conversation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Samtale %s\n", conversationWhen(c))
	fmt.Fprintf(&b, "Fremmøde: %s\n", attWords[c.Attendance])
	section(&b, "Aftaler", c.Agreements)
	if c.Notes != "" {
		section(&b, "Noter", c.Notes)
	}
	if len(done) > 0 {
		b.WriteString("Handlinger udført:\n")
		for _, a := range done {
			fmt.Fprintf(&b, "- %s\n", a.Text)
		}
	}
	if next == nil {
		b.WriteString("Næste samtale: ingen planlagt\n")
	} else {
		fmt.Fprintf(&b, "Næste samtale: %s\n", conversationWhen(*next))
	}
	return b.String()
}

func conversationWhen(c Conversation) string {
	return fmt.Sprintf("%s kl. %s-%s – %s (%s)", c.Start.Format("02-01-2006"), c.Start.Format("15:04"),
		c.End.Format("15:04"), kindWords[c.Kind], formWords[c.Form])
}

func section(b *strings.Builder, title, text string) {
	if strings.TrimSpace(text) == "" {
		fmt.Fprintf(b, "%s: ingen\n", title)
		return
	}
	fmt.Fprintf(b, "%s:\n%s\n", title, strings.TrimSpace(text))
}
