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
		AttendanceNoShow: "Udeblevet", AttendanceCancelled: "Afbud fra borgeren", AttendanceOfficeCancelled: "Aflyst af os"}
)

// AttendanceWord is the Danish word for an attendance, as printed.
func AttendanceWord(a Attendance) string { return attWords[a] }

// ConversationSummary is a plain-text record of one conversation, ready to
// paste into the case system so nothing is typed twice. It names no one.
func ConversationSummary(c Conversation, done []Action, next *Conversation) string {
	return MinPlanSummary(c, PlanSummary{Done: done, Next: next})
}

// PlanSummary is what Min Plan needs beside the conversation itself: the
// job goals with their prospects, the jobs shown (and which were agreed),
// the actions done and the next conversation.
type PlanSummary struct {
	Goals []GoalLine
	Shown []PresentedJob
	Done  []Action
	Next  *Conversation
}

// GoalLine is a job goal with its prospects in words ("" when unknown).
type GoalLine struct {
	Title    string
	Horizon  Horizon
	Prospect string
}

var horizonWords = map[Horizon]string{HorizonShort: "kort sigt", HorizonLong: "lang sigt"}

// MinPlanSummary is the conversation's summary for Min Plan: goals, jobs
// shown and agreed, agreements, notes, actions done, the next conversation.
func MinPlanSummary(c Conversation, p PlanSummary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Samtale %s\n", conversationWhen(c))
	fmt.Fprintf(&b, "Fremmøde: %s\n", attWords[c.Attendance])
	writeGoals(&b, p.Goals)
	writeShown(&b, p.Shown)
	section(&b, "Aftaler", c.Agreements)
	if c.Notes != "" {
		section(&b, "Noter", c.Notes)
	}
	if len(p.Done) > 0 {
		b.WriteString("Handlinger udført:\n")
		for _, a := range p.Done {
			fmt.Fprintf(&b, "- %s\n", a.Text)
		}
	}
	if p.Next == nil {
		b.WriteString("Næste samtale: ingen planlagt\n")
	} else {
		fmt.Fprintf(&b, "Næste samtale: %s\n", conversationWhen(*p.Next))
	}
	return b.String()
}

func writeGoals(b *strings.Builder, goals []GoalLine) {
	if len(goals) == 0 {
		return
	}
	b.WriteString("Jobmål:\n")
	for _, g := range goals {
		line := fmt.Sprintf("- %s (%s)", g.Title, horizonWords[g.Horizon])
		if g.Prospect != "" {
			line += " – " + g.Prospect
		}
		b.WriteString(line + "\n")
	}
}

// writeShown lists the jobs shown, the agreed ones marked, and counts them.
func writeShown(b *strings.Builder, shown []PresentedJob) {
	if len(shown) == 0 {
		return
	}
	agreed := 0
	b.WriteString("Job vist:\n")
	for _, j := range shown {
		line := fmt.Sprintf("- %s, %s", j.Title, j.Employer)
		if !j.Deadline.IsZero() {
			line += ", frist " + j.Deadline.Format("02-01-2006")
		}
		if j.Agreed {
			line += " – aftalt at søge"
			agreed++
		}
		b.WriteString(line + "\n")
	}
	fmt.Fprintf(b, "Aftalt at søge inden næste samtale: %d job\n", agreed)
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
